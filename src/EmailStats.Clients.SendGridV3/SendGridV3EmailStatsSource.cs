namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// A SendGrid v3 account's daily metrics in provider-neutral form: the account's global statistics (of the key's
/// account, or of the subuser in <see cref="SendGridV3Options.OnBehalfOf"/>), or the sum of named categories, or the sum
/// of named subusers. Every metric of <see cref="DailyEmailMetrics"/> is reported; a metric SendGrid did not send for an
/// entry makes that day's metric null, never a smaller sum. Category statistics reach back thirteen months only: older
/// days are null rows with a note. The mapping is in the package README.
/// </summary>
public sealed class SendGridV3EmailStatsSource : EmailStatsSource
{
    /// <summary>How far back SendGrid keeps category statistics: "the previous thirteen months".</summary>
    public const int CategoryHistoryMonths = 13;

    private readonly ISendGridV3StatsClient _client;
    private readonly string[] _categories;
    private readonly string[] _subusers;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="categories">Categories (1 to 10) to sum instead of the global statistics; none for the global statistics.</param>
    /// <param name="subusers">Subusers (1 to 10) to sum instead of the global statistics; none for the global statistics.</param>
    /// <param name="timeZone">
    /// The zone the SendGrid account counts days in (its account setting, "Timezone" under Account Details); UTC when null.
    /// </param>
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">Both categories and subusers are named, or a name breaks the query's rules.</exception>
    public SendGridV3EmailStatsSource(
        ISendGridV3StatsClient client,
        IEnumerable<string>? categories = null,
        IEnumerable<string>? subusers = null,
        TimeZoneInfo? timeZone = null,
        TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _categories = categories?.ToArray() ?? [];
        _subusers = subusers?.ToArray() ?? [];
        if (_categories.Length > 0 && _subusers.Length > 0)
        {
            throw new ArgumentException("Name categories or subusers, not both: SendGrid reads them from different endpoints.", nameof(subusers));
        }

        var probe = SendGridV3StatsQuery.Between(new DateOnly(2026, 1, 1));
        _ = _categories.Length > 0 ? probe.ForCategories(_categories) : probe;
        _ = _subusers.Length > 0 ? probe.ForSubusers(_subusers) : probe;
        _client = client;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.SendGridV3);

    /// <inheritdoc />
    public override string Name =>
        _categories.Length > 0 ? $"v3 categories [{string.Join(", ", _categories)}]"
        : _subusers.Length > 0 ? $"v3 subusers [{string.Join(", ", _subusers)}]"
        : _client is SendGridV3StatsClient { OnBehalfOf: { } subuser } ? $"v3 global (on behalf of {subuser})" : "v3 global";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>SendGrid v3 documents no range limit; a year per call keeps each answer under its 500-entry default page.</summary>
    protected override int MaxDaysPerCall => 365;

    /// <inheritdoc />
    protected override DateOnly? FirstServedDay(DateOnly today) => _categories.Length > 0 ? today.AddMonths(-CategoryHistoryMonths) : null;

    /// <inheritdoc />
    protected override string NotServedNote(DateOnly firstServedDay) =>
        $"SendGrid keeps category statistics for the previous {CategoryHistoryMonths} months only (from {firstServedDay:yyyy-MM-dd}, {TimeZone.Id}).";

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var query = SendGridV3StatsQuery.Between(from, to).AggregatedBy(SendGridAggregation.Day);
        var days = _categories.Length > 0 ? await _client.GetCategoryStatsAsync(query.ForCategories(_categories), cancellationToken).ConfigureAwait(false)
            : _subusers.Length > 0 ? await _client.GetSubuserStatsAsync(query.ForSubusers(_subusers), cancellationToken).ConfigureAwait(false)
            : await _client.GetGlobalStatsAsync(query, cancellationToken).ConfigureAwait(false);
        return days.Select(Map);
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => Map(new SendGridV3StatsDay { Date = date, Stats = [new SendGridV3StatsEntry { Metrics = Zero }] });

    private static readonly SendGridV3Metrics Zero = new()
    {
        Requests = 0, Delivered = 0, Opens = 0, UniqueOpens = 0, Clicks = 0, UniqueClicks = 0, Bounces = 0, SpamReports = 0, Unsubscribes = 0,
    };

    private DailyEmailMetrics Map(SendGridV3StatsDay day) => new()
    {
        Provider = Provider,
        Source = Name,
        Date = day.Date,
        Sent = Sum(day, static m => m.Requests),
        Delivered = Sum(day, static m => m.Delivered),
        Opens = Sum(day, static m => m.Opens),
        UniqueOpens = Sum(day, static m => m.UniqueOpens),
        Clicks = Sum(day, static m => m.Clicks),
        UniqueClicks = Sum(day, static m => m.UniqueClicks),
        Bounces = Sum(day, static m => m.Bounces),
        Complaints = Sum(day, static m => m.SpamReports),
        Unsubscribes = Sum(day, static m => m.Unsubscribes),
    };

    /// <summary>The sum over the day's entries, or null when an entry lacks the metric (a partial sum would be a wrong number).</summary>
    private static long? Sum(SendGridV3StatsDay day, Func<SendGridV3Metrics, long?> metric)
    {
        long total = 0;
        foreach (var entry in day.Stats)
        {
            if (metric(entry.Metrics) is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }
}
