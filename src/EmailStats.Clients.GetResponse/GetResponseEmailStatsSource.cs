namespace EmailStats.Clients.GetResponse;

/// <summary>
/// A GetResponse account's newsletter statistics in provider-neutral form: one newsletter, or every newsletter of the
/// account summed. GetResponse counts statistics in UTC periods and filters them by <c>createdOn</c>, the date of the
/// activity ("createdOn refers to statistics chunk creation date, not the newsletter's one"), so a day is the activity
/// of that day whatever day the message went out. In UTC the source reads days (<c>groupBy=day</c>); in another zone it
/// reads hours and sums them into that zone's days, so the rows are the zone's days, not UTC days relabelled (there the unique counts are
/// null: hours' unique opens do not add up to a day's). GetResponse reports no delivered count: <see cref="EmailCounts.Delivered"/> is null. The mapping is in the package README.
/// </summary>
public sealed class GetResponseEmailStatsSource : EmailStatsSource
{
    private readonly IGetResponseStatsClient _client;
    private readonly string? _newsletterId;
    private readonly TimeZoneInfo _timeZone;
    private readonly bool _hourly;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="newsletterId">One newsletter; null for every newsletter of the account.</param>
    /// <param name="timeZone">The zone whose days the rows are; UTC (GetResponse's own) when null. Its offsets must be whole hours.</param>
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">The id is empty or not one path segment, or the zone has a half-hour offset (hourly UTC periods cannot be split at its midnight).</exception>
    public GetResponseEmailStatsSource(IGetResponseStatsClient client, string? newsletterId = null, TimeZoneInfo? timeZone = null, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (newsletterId is not null)
        {
            PathSegment.Check(newsletterId, "newsletter id");
        }

        _timeZone = timeZone ?? TimeZoneInfo.Utc;
        // Rules of the zone's present (GetResponse has kept statistics since long after 1970), not its local mean time of the 1800s.
        if (_timeZone.BaseUtcOffset.Minutes != 0
            || _timeZone.GetAdjustmentRules().Any(r => r.DateEnd.Year >= 1970 && (r.DaylightDelta.Minutes != 0 || r.BaseUtcOffsetDelta.Minutes != 0)))
        {
            throw new ArgumentException(
                $"{_timeZone.Id} has an offset that is not a whole number of hours: GetResponse's hourly UTC periods cannot be split at its midnight, so its days cannot be counted exactly.",
                nameof(timeZone));
        }

        _client = client;
        _newsletterId = newsletterId;
        _hourly = _timeZone.BaseUtcOffset != TimeSpan.Zero || _timeZone.SupportsDaylightSavingTime;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.GetResponse);

    /// <inheritdoc />
    public override string Name => _newsletterId is null ? "v3 newsletters" : $"v3 newsletter {_newsletterId}";

    /// <summary>
    /// Over the period only: a message is sent on one day, and its bounces and complaints are dated by the days they
    /// happen, days that can hold complaints and nothing sent.
    /// </summary>
    public override HealthJudging Judging => HealthJudging.PeriodOnly;

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>Sends, opens, clicks, bounces (a total), complaints and unsubscribes; unique counts only in UTC (a zone's day is made of hours).</summary>
    public override EmailMetric Metrics => EmailMetric.Sent | EmailMetric.Opens | EmailMetric.Clicks | EmailMetric.Bounces | EmailMetric.Complaints | EmailMetric.Unsubscribes
        | (_hourly ? EmailMetric.None : EmailMetric.UniqueOpens | EmailMetric.UniqueClicks);

    /// <summary>A year of days per call; 40 days of hours (under a 1000-element page) in another zone.</summary>
    protected override int MaxDaysPerCall => _hourly ? 40 : 365;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // The UTC days that hold the zone's days, one more at the end: whether createdOn[to] includes its day or not,
        // every asked day is in the answer (the base class keeps the asked days only).
        var first = _hourly ? from.AddDays(-1) : from;
        var last = _hourly ? to.AddDays(2) : to.AddDays(1);
        var query = GetResponseStatsQuery.All().GroupedBy(_hourly ? GetResponseGrouping.Hour : GetResponseGrouping.Day)
            .CreatedBetween(first, last)
            .WithPageSize(GetResponseStatsQuery.MaxPageSize);
        var periods = _newsletterId is null
            ? _client.GetAllNewslettersStatsAsync(query, cancellationToken)
            : _client.GetAllNewsletterStatsAsync(_newsletterId, query, cancellationToken);

        // Hours are returned as they are: the base adds a zone's day up from them (unique counts of several hours do not add up).
        var rows = new List<DailyEmailMetrics>();
        await foreach (var period in periods.ConfigureAwait(false))
        {
            rows.Add(Map(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.TimeInterval.Start, _timeZone).DateTime), period));
        }

        return rows;
    }

    /// <inheritdoc />
    /// <summary>GetResponse v3 gives one bounce total (no split) and no deliveries.</summary>
    private DailyEmailMetrics Map(DateOnly day, GetResponseStatsPeriod period) => Row(day) with
    {
        Sent = period.Sent,
        Opens = period.TotalOpened,
        UniqueOpens = period.UniqueOpened,
        Clicks = period.TotalClicked,
        UniqueClicks = period.UniqueClicked,
        Bounces = period.Bounced,
        Complaints = period.Complaints,
        Unsubscribes = period.Unsubscribed,
    };
}
