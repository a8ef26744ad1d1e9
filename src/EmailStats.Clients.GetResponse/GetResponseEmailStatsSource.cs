namespace EmailStats.Clients.GetResponse;

/// <summary>
/// A GetResponse account's newsletter statistics in provider-neutral form: one newsletter, or every newsletter of the
/// account summed. GetResponse counts statistics in UTC periods and filters them by <c>createdOn</c>, the date of the
/// activity ("createdOn refers to statistics chunk creation date, not the newsletter's one"), so a day is the activity
/// of that day whatever day the message went out. In UTC the source reads days (<c>groupBy=day</c>); in another zone it
/// reads hours and sums them into that zone's days, so the rows are the zone's days, not UTC days relabelled (there the unique counts are
/// null: hours' unique opens do not add up to a day's). GetResponse reports no delivered count: <see cref="DailyEmailMetrics.Delivered"/> is null. The mapping is in the package README.
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
        if (newsletterId is not null && (string.IsNullOrWhiteSpace(newsletterId) || newsletterId.Contains('/') || newsletterId.Trim() != newsletterId))
        {
            throw new ArgumentException("A newsletter id must be one path segment without white space; pass null for every newsletter.", nameof(newsletterId));
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

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>A year of days per call; 40 days of hours (under a 1000-element page) in another zone.</summary>
    protected override int MaxDaysPerCall => _hourly ? 40 : 365;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // The UTC days that hold the zone's days, one more at the end: whether createdOn[to] includes its day or not,
        // every asked day is in the answer (the base class keeps the asked days only).
        var first = _hourly ? from.AddDays(-1) : from;
        var last = _hourly ? to.AddDays(2) : to.AddDays(1);
        var query = GetResponseStatsQuery.GroupedBy(_hourly ? GetResponseGrouping.Hour : GetResponseGrouping.Day)
            .CreatedBetween(first, last)
            .Page(perPage: GetResponseStatsQuery.MaxPerPage);
        var periods = _newsletterId is null
            ? _client.GetAllNewslettersStatsAsync(query, cancellationToken)
            : _client.GetAllNewsletterStatsAsync(_newsletterId, query, cancellationToken);

        var days = new Dictionary<DateOnly, DailyEmailMetrics>();
        await foreach (var period in periods.ConfigureAwait(false))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.TimeInterval.Start, _timeZone).DateTime);
            var row = Map(day, period);
            days[day] = days.TryGetValue(day, out var seen) ? Sum(seen, row) : row;
        }

        return days.Values;
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => new()
    {
        Provider = Provider, Source = Name, Date = date,
        Sent = 0, Delivered = null, Opens = 0, UniqueOpens = _hourly ? null : 0, Clicks = 0, UniqueClicks = _hourly ? null : 0, Bounces = 0, Complaints = 0, Unsubscribes = 0,
    };

    private DailyEmailMetrics Map(DateOnly day, GetResponseStatsPeriod period) => Empty(day) with
    {
        Sent = period.Sent,
        Opens = period.TotalOpened,
        // Hours' unique counts do not add up to a day's (one recipient opening in two hours is one unique open).
        UniqueOpens = _hourly ? null : period.UniqueOpened,
        Clicks = period.TotalClicked,
        UniqueClicks = _hourly ? null : period.UniqueClicked,
        Bounces = period.Bounced,
        Complaints = period.Complaints,
        Unsubscribes = period.Unsubscribed,
    };

    /// <summary>Two parts of one day: a metric one part lacks makes the day's metric null, never a smaller number.</summary>
    private static DailyEmailMetrics Sum(DailyEmailMetrics a, DailyEmailMetrics b) => a with
    {
        Sent = Add(a.Sent, b.Sent),
        Opens = Add(a.Opens, b.Opens),
        UniqueOpens = Add(a.UniqueOpens, b.UniqueOpens),
        Clicks = Add(a.Clicks, b.Clicks),
        UniqueClicks = Add(a.UniqueClicks, b.UniqueClicks),
        Bounces = Add(a.Bounces, b.Bounces),
        Complaints = Add(a.Complaints, b.Complaints),
        Unsubscribes = Add(a.Unsubscribes, b.Unsubscribes),
    };

    private static long? Add(long? a, long? b) => a is { } x && b is { } y ? x + y : null;
}
