namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// A SendGrid v3 account's daily metrics in provider-neutral form: the account's global statistics (of the key's
/// account, or of the subuser in <see cref="SendGridV3Options.OnBehalfOf"/>), or one category, or the sum of named
/// subusers (their mail is disjoint; their unique opens and clicks do not add up, so a day of several subusers leaves
/// them null). A metric SendGrid did not send makes that day's metric null, never a smaller sum. Category statistics
/// reach back thirteen months only: older days are null rows with a note. The mapping is in the package README.
/// </summary>
public sealed class SendGridV3EmailStatsSource : EmailStatsSource
{
    /// <summary>How far back SendGrid keeps category statistics: "the previous thirteen months".</summary>
    public const int CategoryHistoryMonths = 13;

    private readonly ISendGridV3StatsClient _client;
    private readonly string? _category;
    private readonly string[] _subusers;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="category">
    /// One category to read instead of the global statistics; null for the global statistics. One only: a message can
    /// carry several categories, so categories overlap and are never added up (read each as its own source).
    /// </param>
    /// <param name="subusers">Subusers (1 to 10) to sum instead of the global statistics; none for the global statistics.</param>
    /// <param name="timeZone">
    /// The zone the SendGrid account counts days in (its account setting, "Timezone" under Account Details); UTC when null.
    /// </param>
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">Both a category and subusers are named, or a name breaks the query's rules.</exception>
    public SendGridV3EmailStatsSource(
        ISendGridV3StatsClient client,
        string? category = null,
        IEnumerable<string>? subusers = null,
        TimeZoneInfo? timeZone = null,
        TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _subusers = subusers?.ToArray() ?? [];
        if (category is not null && _subusers.Length > 0)
        {
            throw new ArgumentException("Name a category or subusers, not both: SendGrid reads them from different endpoints.", nameof(subusers));
        }

        if (category is not null)
        {
            QueryNames.Check([category], nameof(category), "category");
        }

        if (_subusers.Length > 0)
        {
            QueryNames.Check(_subusers, nameof(subusers), "subuser", SendGridV3StatsQuery.MaxSegments);
        }

        _client = client;
        _category = category;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.SendGridV3);

    /// <inheritdoc />
    public override string Name =>
        _category is not null ? $"v3 category {_category}"
        : _subusers.Length > 0 ? $"v3 subusers [{string.Join(", ", _subusers)}]"
        : _client.OnBehalfOf is { } subuser ? $"v3 global (on behalf of {subuser})" : "v3 global";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>Every metric; unique opens and clicks not for a day of several subusers.</summary>
    public override EmailMetric Metrics => _subusers.Length > 1 ? EmailMetric.All & ~(EmailMetric.UniqueOpens | EmailMetric.UniqueClicks) : EmailMetric.All;

    /// <summary>SendGrid v3 documents no range limit; a year per call keeps each answer under its 500-entry default page.</summary>
    protected override int MaxDaysPerCall => 365;

    /// <inheritdoc />
    protected override DateOnly? FirstServedDay(DateOnly today) => _category is not null ? today.AddMonths(-CategoryHistoryMonths) : null;

    /// <inheritdoc />
    protected override string NotServedNote(DateOnly firstServedDay) =>
        $"SendGrid keeps category statistics for the previous {CategoryHistoryMonths} months only (from {firstServedDay:yyyy-MM-dd}, {TimeZone.Id}).";

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var query = SendGridV3StatsQuery.Between(from, to).AggregatedBy(SendGridAggregation.Day);
        var days = _category is not null ? await _client.GetCategoryStatsAsync(query.ForCategories(_category), cancellationToken).ConfigureAwait(false)
            : _subusers.Length > 0 ? await _client.GetSubuserStatsAsync(query.ForSubusers(_subusers), cancellationToken).ConfigureAwait(false)
            : await _client.GetGlobalStatsAsync(query, cancellationToken).ConfigureAwait(false);

        // One row per entry (a subuser's, a category's, the account's): the base adds a day's entries up.
        return days.SelectMany(day => day.Stats.Select(entry => Map(day.Date, entry.Metrics)));
    }

    /// <summary>SendGrid's <c>bounces</c> are hard bounces and its <c>blocks</c> soft ones (the receiving server refused the message).</summary>
    private DailyEmailMetrics Map(DateOnly date, SendGridV3Metrics m) => Row(date) with
    {
        Sent = m.Requests,
        Delivered = m.Delivered,
        Opens = m.Opens,
        UniqueOpens = m.UniqueOpens,
        Clicks = m.Clicks,
        UniqueClicks = m.UniqueClicks,
        HardBounces = m.Bounces,
        SoftBounces = m.Blocks,
        Bounces = m.Bounces + m.Blocks,
        Complaints = m.SpamReports,
        Unsubscribes = m.Unsubscribes,
    };
}
