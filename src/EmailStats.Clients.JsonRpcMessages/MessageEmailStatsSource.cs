namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// One GetResponse message's daily metrics in provider-neutral form (its <c>daily</c> periods; days without a period
/// read as 0). GetResponse does not report deliveries: <see cref="DailyEmailMetrics.Delivered"/> is null.
/// The mapping is in the package README.
/// </summary>
public sealed class MessageEmailStatsSource : EmailStatsSource
{
    private readonly IMessageStatsClient _client;
    private readonly string _messageId;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="messageId">The message whose statistics to read.</param>
    /// <param name="timeZone">The zone the account counts days in; UTC when null.</param>
    /// <exception cref="ArgumentException">The message id is empty.</exception>
    public MessageEmailStatsSource(IMessageStatsClient client, string messageId, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _ = MessageStatsQuery.ForMessage(messageId);
        _client = client;
        _messageId = messageId;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override string Provider => MessageStatsClient.ProviderName;

    /// <inheritdoc />
    public override string Name => $"message {_messageId}";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>GetResponse documents no limit; a year per call keeps each answer bounded.</summary>
    protected override int MaxDaysPerCall => 366;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var query = MessageStatsQuery.ForMessage(_messageId).GroupedBy(MessageStatsGrouping.Daily).CreatedFrom(from).CreatedTo(to);
        var stats = await _client.GetMessageStatsAsync(query, cancellationToken).ConfigureAwait(false);
        return stats.Select(Map);
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => new()
    {
        Provider = Provider, Source = Name, Date = date,
        Sent = 0, Delivered = null, Opens = 0, UniqueOpens = 0, Clicks = 0, UniqueClicks = 0, Bounces = 0, Complaints = 0, Unsubscribes = 0,
    };

    private DailyEmailMetrics Map(MessageStatsPeriod period) => Empty(DateOnly.FromDateTime(period.Start)) with
    {
        Sent = period.Sent,
        Opens = period.Opened,
        UniqueOpens = period.UniqueOpened,
        Clicks = period.Clicked,
        UniqueClicks = period.UniqueClicked,
        Bounces = period.BouncesUserUnknown + period.BouncesUserRecycled + period.BouncesMailboxFull + period.BouncesBlockContent
            + period.BouncesBlockTimeout + period.BouncesBlockOther + period.BouncesOtherSoft + period.BouncesOtherHard,
        Complaints = period.ComplaintsHandled + period.ComplaintsUnhandled,
        Unsubscribes = period.Unsubscribes,
    };
}
