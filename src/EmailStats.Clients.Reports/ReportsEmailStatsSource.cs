namespace EmailStats.Clients.Reports;

/// <summary>
/// A Benchmark Email account's daily metrics in provider-neutral form, read from the overall histograms (one call per
/// event type) for the past days, counted in the chosen IANA time zone. Bounces come with their hard/soft split (the
/// bounce histogram's <c>detail</c>). The reports count first-ever opens and clicks per contact, which are not daily
/// counts of any kind, so opens, clicks and their uniques are not reported (null on every row, DESIGN.md section 7).
/// The reports cover only the past 90 days: older days of a range are null rows with a note, not an error. The mapping
/// is in the package README.
/// </summary>
public sealed class ReportsEmailStatsSource : EmailStatsSource
{
    private static readonly EmailEventType[] EventTypes =
    [
        EmailEventType.EmailSent, EmailEventType.EmailDelivered, EmailEventType.EmailBounced, EmailEventType.FirstContactUnsubscribed,
        EmailEventType.FirstEmailComplaint,
    ];

    private readonly IReportsClient _client;
    private readonly string _timeZoneId;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="timeZone">The IANA zone to count days in; <c>UTC</c> by default.</param>
    /// <param name="timeProvider">The clock that says which day is today there; the system clock when null.</param>
    /// <exception cref="ArgumentException">The time zone is not an IANA id known here.</exception>
    public ReportsEmailStatsSource(IReportsClient client, string timeZone = "UTC", TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _timeZoneId = ReportsQuery.PastDays(1).InTimeZone(timeZone).TimeZone;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(_timeZoneId);
        _client = client;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.Reports);

    /// <inheritdoc />
    public override string Name => "account";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <inheritdoc />
    public override EmailMetric Metrics => EmailMetric.Sent | EmailMetric.Delivered | EmailMetric.Bounces | EmailMetric.HardBounces
        | EmailMetric.SoftBounces | EmailMetric.Complaints | EmailMetric.Unsubscribes;

    /// <summary>The reports cover the past 1 to 90 days.</summary>
    protected override int MaxDaysPerCall => 90;

    /// <summary>The reports look back at most 90 days, today included.</summary>
    protected override DateOnly? FirstServedDay(DateOnly today) => today.AddDays(1 - ReportsQuery.MaxDays);

    /// <inheritdoc />
    protected override string NotServedNote(DateOnly firstServedDay) =>
        string.Create(CultureInfo.InvariantCulture, $"Benchmark Email reports cover only the past {ReportsQuery.MaxDays} days: the first day available is {firstServedDay:yyyy-MM-dd} ({_timeZoneId}).");

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // The reports only look back from today: ask from the first day through today; the base keeps from..to.
        var query = ReportsQuery.PastDays(today.DayNumber - from.DayNumber + 1).InTimeZone(_timeZoneId);
        var byDay = new Dictionary<DateOnly, DailyEmailMetrics>();
        foreach (var eventType in EventTypes)
        {
            var histogram = await _client.GetEmailHistogramAsync(query, eventType, cancellationToken).ConfigureAwait(false);
            foreach (var point in histogram.Histogram)
            {
                // A bucket starts at local midnight (or a local hour): its local date is its day.
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(point.Date, _timeZone).DateTime);
                var row = byDay.TryGetValue(day, out var seen) ? seen : Row(day);
                byDay[day] = Add(row, eventType, point);
            }
        }

        return byDay.Values;
    }

    // The points of one day (local hours, when the range is short) are disjoint and add up; a bounce point without its
    // hard/soft detail leaves the day's split unknown (null) rather than undercounted.
    private static DailyEmailMetrics Add(DailyEmailMetrics row, EmailEventType eventType, HistogramPoint point) => eventType switch
    {
        EmailEventType.EmailSent => row with { Sent = row.Sent + point.Total },
        EmailEventType.EmailDelivered => row with { Delivered = row.Delivered + point.Total },
        EmailEventType.EmailBounced => row with
        {
            Bounces = row.Bounces + point.Total,
            HardBounces = row.HardBounces + (point.Detail?.Hard ?? NoneIfEmpty(point)),
            SoftBounces = row.SoftBounces + (point.Detail?.Soft ?? NoneIfEmpty(point)),
        },
        EmailEventType.FirstContactUnsubscribed => row with { Unsubscribes = row.Unsubscribes + point.Total },
        EmailEventType.FirstEmailComplaint => row with { Complaints = row.Complaints + point.Total },
        _ => row,
    };

    private static long? NoneIfEmpty(HistogramPoint point) => point.Total == 0 ? 0 : null;
}
