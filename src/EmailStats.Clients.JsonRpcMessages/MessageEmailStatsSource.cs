namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// One GetResponse message's daily metrics in provider-neutral form, from its <c>daily</c> periods. The message's whole
/// history is read in one call and trimmed to the range: API 1.5's <c>created_on</c> narrows by the contacts' creation
/// date, not by the day of the activity, so it is never sent. A day without a period reads as 0 (GetResponse leaves
/// out periods without a positive value). GetResponse does not report deliveries: <see cref="EmailCounts.Delivered"/>
/// is null. The mapping is in the package README.
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
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">The message id is empty.</exception>
    public MessageEmailStatsSource(IMessageStatsClient client, string messageId, TimeZoneInfo? timeZone = null, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        MessageStatsQuery.CheckMessage(messageId);
        _client = client;
        _messageId = messageId;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.JsonRpcMessages);

    /// <inheritdoc />
    public override string Name => $"message {_messageId}";

    /// <summary>
    /// Over the period only: a message is sent on one day, and its bounces and complaints are dated by the days they
    /// happen, days that can hold complaints and nothing sent.
    /// </summary>
    public override HealthJudging Judging => HealthJudging.PeriodOnly;

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>Every metric but <see cref="EmailCounts.Delivered"/> (API 1.5 does not count deliveries).</summary>
    public override EmailMetric Metrics => EmailMetric.All & ~EmailMetric.Delivered;

    /// <summary>One call reads the message's whole history (there is no filter by activity day), so one call serves any range.</summary>
    protected override int MaxDaysPerCall => MaxRangeDays;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var query = MessageStatsQuery.ForMessage(_messageId).GroupedBy(MessageStatsGrouping.Daily);
        var stats = await _client.GetMessageStatsAsync(query, cancellationToken).ConfigureAwait(false);
        return stats.Select(Map);
    }

    /// <inheritdoc />
    /// <summary>
    /// GetResponse 1.5 splits bounces by reason: user unknown, user recycled and other hard bounces are hard; a full
    /// mailbox, a block (content, timeout, other) and other soft bounces are soft. Bounces and complaints are dated by
    /// the day they happen.
    /// </summary>
    private DailyEmailMetrics Map(MessageStatsPeriod period) => Row(DateOnly.FromDateTime(period.Start)) with
    {
        Sent = period.Sent,
        Opens = period.Opened,
        UniqueOpens = period.UniqueOpened,
        Clicks = period.Clicked,
        UniqueClicks = period.UniqueClicked,
        HardBounces = period.BouncesUserUnknown + period.BouncesUserRecycled + period.BouncesOtherHard,
        SoftBounces = period.BouncesMailboxFull + period.BouncesBlockContent + period.BouncesBlockTimeout + period.BouncesBlockOther + period.BouncesOtherSoft,
        Complaints = period.ComplaintsHandled + period.ComplaintsUnhandled,
        Unsubscribes = period.Unsubscribes,
    };
}
