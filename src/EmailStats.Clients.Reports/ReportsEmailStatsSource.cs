namespace EmailStats.Clients.Reports;

/// <summary>
/// A Benchmark Email account's daily metrics in provider-neutral form, read from the overall histograms (one call per
/// event type) for the past days, counted in the chosen IANA time zone. The reports count first opens and first
/// clicks per contact, so <see cref="DailyEmailMetrics.UniqueOpens"/> and <see cref="DailyEmailMetrics.UniqueClicks"/>
/// are reported and the totals (<see cref="DailyEmailMetrics.Opens"/>, <see cref="DailyEmailMetrics.Clicks"/>) are null.
/// The reports cover only the past 90 days: older days of a range are null rows with a note, not an error. The mapping
/// is in the package README.
/// </summary>
public sealed class ReportsEmailStatsSource : EmailStatsSource
{
    private static readonly EmailEventType[] EventTypes =
    [
        EmailEventType.EmailSent, EmailEventType.EmailDelivered, EmailEventType.EmailBounced, EmailEventType.FirstContactUnsubscribed,
        EmailEventType.FirstEmailComplaint, EmailEventType.FirstEmailOpened, EmailEventType.FirstEmailClicked,
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
                var row = byDay.TryGetValue(day, out var seen) ? seen : Empty(day);
                byDay[day] = Add(row, eventType, point.Total);
            }
        }

        return byDay.Values;
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => new()
    {
        Provider = Provider, Source = Name, Date = date,
        Sent = 0, Delivered = 0, Opens = null, UniqueOpens = 0, Clicks = null, UniqueClicks = 0, Bounces = 0, Complaints = 0, Unsubscribes = 0,
    };

    private static DailyEmailMetrics Add(DailyEmailMetrics row, EmailEventType eventType, long total) => eventType switch
    {
        EmailEventType.EmailSent => row with { Sent = row.Sent + total },
        EmailEventType.EmailDelivered => row with { Delivered = row.Delivered + total },
        EmailEventType.EmailBounced => row with { Bounces = row.Bounces + total },
        EmailEventType.FirstContactUnsubscribed => row with { Unsubscribes = row.Unsubscribes + total },
        EmailEventType.FirstEmailComplaint => row with { Complaints = row.Complaints + total },
        EmailEventType.FirstEmailOpened => row with { UniqueOpens = row.UniqueOpens + total },
        EmailEventType.FirstEmailClicked => row with { UniqueClicks = row.UniqueClicks + total },
        _ => row,
    };
}
