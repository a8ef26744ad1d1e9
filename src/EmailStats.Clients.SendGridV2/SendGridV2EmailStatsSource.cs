namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// A SendGrid v2 user's daily metrics in provider-neutral form: the user's totals, or the sum of the named categories.
/// User totals and reseller category statistics report every metric of <see cref="DailyEmailMetrics"/>; subuser
/// category statistics carry only requests, bounces, clicks, opens and spam reports, so there
/// <see cref="EmailCounts.Delivered"/>, the unique counts and <see cref="EmailCounts.Unsubscribes"/> are
/// null. The mapping is in the package README.
/// </summary>
public sealed class SendGridV2EmailStatsSource : EmailStatsSource
{
    /// <summary>What the subuser API's category statistics carry (seed 001): requests, bounces, clicks, opens and spam reports.</summary>
    private const EmailMetric SubuserCategoryMetrics = EmailMetric.Sent | EmailMetric.Opens | EmailMetric.Clicks | EmailMetric.HardBounces | EmailMetric.Complaints;

    private readonly ISendGridV2StatsClient _client;
    private readonly string _user;
    private readonly string? _category;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="user">The user (reseller customer or subuser) whose statistics to read.</param>
    /// <param name="category">
    /// One category to read instead of the user's totals; null for the totals. One only: a message can carry several
    /// categories, so categories overlap and are never added up (read each as its own source).
    /// </param>
    /// <param name="timeZone">The zone the SendGrid account counts days in (its account setting); UTC when null.</param>
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">The user or category breaks the query's rules.</exception>
    public SendGridV2EmailStatsSource(
        ISendGridV2StatsClient client,
        string user,
        string? category = null,
        TimeZoneInfo? timeZone = null,
        TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        SendGridStatsQuery.CheckUser(user);
        if (category is not null)
        {
            QueryNames.Check([category], nameof(category), "category");
        }

        _client = client;
        _user = user;
        _category = category;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;

        // Seed 001: the subuser API's category statistics carry fewer counters; without blocks the bounce total is unknown.
        Metrics = category is not null && client.Api == SendGridV2Api.Subuser ? SubuserCategoryMetrics : EmailMetric.All;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.SendGridV2);

    /// <inheritdoc />
    public override string Name => _category is null ? $"user {_user}" : $"user {_user} [{_category}]";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <inheritdoc />
    public override EmailMetric Metrics { get; }

    /// <summary>A year per call keeps each answer small; SendGrid v2 documents no range limit.</summary>
    protected override int MaxDaysPerCall => 365;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var query = SendGridStatsQuery.ForUser(_user).Between(from, to);
        IEnumerable<SendGridDailyStats> days = _category is null
            ? await _client.GetStatsAsync(query, cancellationToken).ConfigureAwait(false)
            : await _client.GetCategoryStatsAsync(query.WithCategories(_category), cancellationToken).ConfigureAwait(false);
        return days.Select(Map);
    }

    /// <summary>SendGrid's <c>bounces</c> are hard bounces and its <c>blocks</c> soft ones (the receiving server refused the message).</summary>
    private DailyEmailMetrics Map(SendGridDailyStats day) => Row(day.Date) with
    {
        Sent = day.Requests,
        Delivered = day.Delivered,
        Opens = day.Opens,
        UniqueOpens = day.UniqueOpens,
        Clicks = day.Clicks,
        UniqueClicks = day.UniqueClicks,
        HardBounces = day.Bounces,
        SoftBounces = day.Blocks,
        Bounces = day.Bounces + day.Blocks,
        Complaints = day.SpamReports,
        Unsubscribes = day.Unsubscribes,
    };
}
