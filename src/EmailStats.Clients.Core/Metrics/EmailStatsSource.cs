namespace EmailStats.Clients;

/// <summary>
/// The base of the provider adapters. It keeps the day rules of the one view for every adapter: one row per day of the
/// range in the source's <see cref="TimeZone"/>; days that have not begun there and days the provider no longer serves
/// are null rows with a <see cref="DailyEmailMetrics.Note"/>, never zeros and never an error for the whole range; the
/// rest is split into calls of at most <see cref="MaxDaysPerCall"/> days, and each call's answer is trimmed to the
/// days that call asked for, so that however the range is split (and whether a provider's <c>end</c> is inclusive or
/// not) each day is counted once. Several rows of one day (hours, subusers) are added up by the one rule,
/// <see cref="DailyEmailMetrics.AddUp"/>; a served day the provider left out reads as 0 for every metric the source
/// reports (<see cref="Metrics"/>); every row says whether its day is complete.
/// </summary>
public abstract class EmailStatsSource : IEmailStatsSource
{
    /// <summary>The longest range <see cref="GetDailyMetricsAsync"/> accepts: ten years.</summary>
    public const int MaxRangeDays = 3660;

    private readonly TimeProvider _time;

    /// <summary>Creates the base.</summary>
    /// <param name="timeProvider">The clock that says which day is today in <see cref="TimeZone"/>; the system clock when null.</param>
    protected EmailStatsSource(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public abstract string Provider { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public abstract EmailMetric Metrics { get; }

    /// <inheritdoc />
    public virtual HealthJudging Judging => HealthJudging.PeriodAndDays;

    /// <summary>The most days one provider call may cover.</summary>
    protected abstract int MaxDaysPerCall { get; }

    /// <inheritdoc />
    public DateOnly GetToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone).DateTime);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyEmailMetrics>> GetDailyMetricsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The last day must not be before the first day ({from:yyyy-MM-dd})."));
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A range covers at most {MaxRangeDays} days.");
        }

        ValidateRange(from, to);

        // Today is read once: every decision of this call (what is served, what has not begun) uses the same day.
        var today = GetToday();
        var firstServed = FirstServedDay(today);
        var servedFrom = firstServed is { } first && first > from ? first : from;
        var servedTo = to < today ? to : today;

        var parts = new Dictionary<DateOnly, List<DailyEmailMetrics>>();
        for (var start = servedFrom; start <= servedTo; start = start.AddDays(MaxDaysPerCall))
        {
            var end = start.AddDays(MaxDaysPerCall - 1) is var last && last < servedTo ? last : servedTo;
            foreach (var row in await FetchAsync(start, end, today, cancellationToken).ConfigureAwait(false))
            {
                // Only the days this call asked for: a provider that answers one day past its end (an inclusive end, or
                // an answer padded to whole periods) must not count that day again in the next call.
                if (row.Date >= start && row.Date <= end)
                {
                    (parts.TryGetValue(row.Date, out var list) ? list : parts[row.Date] = []).Add(row.Only(Metrics));
                }
            }
        }

        var days = new List<DailyEmailMetrics>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var row = day > today ? Unreported(day, $"The day has not begun yet in {TimeZone.Id}.")
                : day < servedFrom ? Unreported(day, NotServedNote(servedFrom))
                : parts.TryGetValue(day, out var list) ? DailyEmailMetrics.AddUp(list) : Row(day);
            days.Add(row with { IsComplete = day < today });
        }

        return days.AsReadOnly();
    }

    /// <summary>Refuses a range the provider cannot serve at all (beyond the range checks every source makes).</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <exception cref="ArgumentOutOfRangeException">The provider cannot serve the range.</exception>
    protected virtual void ValidateRange(DateOnly from, DateOnly to)
    {
    }

    /// <summary>
    /// The oldest day the provider still serves, when it serves only recent days (Benchmark Email: the past 90 days);
    /// null when it serves any past day. Earlier days of a range are null rows with <see cref="NotServedNote"/>.
    /// </summary>
    /// <param name="today">Today in <see cref="TimeZone"/>.</param>
    /// <returns>The oldest served day, or null.</returns>
    protected virtual DateOnly? FirstServedDay(DateOnly today) => null;

    /// <summary>The note on the rows of days older than <see cref="FirstServedDay"/>.</summary>
    /// <param name="firstServedDay">The oldest day served.</param>
    /// <returns>Why those days have no numbers.</returns>
    protected virtual string NotServedNote(DateOnly firstServedDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{Provider} serves days from {firstServedDay:yyyy-MM-dd} on ({TimeZone.Id}).");

    /// <summary>
    /// Fetches the rows of one part of the range (at most <see cref="MaxDaysPerCall"/> days, none after
    /// <paramref name="today"/>). Rows outside the part are dropped by the caller, so an adapter may ask past the end
    /// of the part and need not trim; several rows of one day are added up by <see cref="DailyEmailMetrics.AddUp"/>, so
    /// an adapter returns the parts it reads (hours, subusers) as they are. Build each row from <see cref="Row"/>.
    /// </summary>
    /// <param name="from">The first day of the part.</param>
    /// <param name="to">The last day of the part (not after <paramref name="today"/>).</param>
    /// <param name="today">Today in <see cref="TimeZone"/>, the same for every part of one range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows the provider answered; missing days, days outside the part and duplicates are handled by the caller.</returns>
    protected abstract Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken);

    /// <summary>The row of a day without activity: 0 for every metric this source reports (<see cref="Metrics"/>), null for the others.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The empty row, to fill with <c>with</c>.</returns>
    protected DailyEmailMetrics Row(DateOnly date) => DailyEmailMetrics.Zero(Provider, Name, date, Metrics);

    private DailyEmailMetrics Unreported(DateOnly date, string note) => new() { Provider = Provider, Source = Name, Date = date, Note = note };
}
