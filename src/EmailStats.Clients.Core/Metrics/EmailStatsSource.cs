namespace EmailStats.Clients;

/// <summary>
/// The base of the provider adapters: validates the range, splits it into calls of at most
/// <see cref="MaxDaysPerCall"/> days, runs them one after another, and stitches the answers into one row per day
/// (rows of the same day are summed; a day the provider left out reads as 0 for every metric it reports).
/// </summary>
public abstract class EmailStatsSource : IEmailStatsSource
{
    /// <summary>The longest range <see cref="GetDailyMetricsAsync"/> accepts: ten years.</summary>
    public const int MaxRangeDays = 3660;

    /// <inheritdoc />
    public abstract string Provider { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    /// <summary>The most days one provider call may cover.</summary>
    protected abstract int MaxDaysPerCall { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyEmailMetrics>> GetDailyMetricsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The last day must not be before the first day ({from:yyyy-MM-dd}).");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A range covers at most {MaxRangeDays} days.");
        }

        ValidateRange(from, to);
        var byDay = new SortedDictionary<DateOnly, DailyEmailMetrics>();
        foreach (var (start, end) in Split(from, to, MaxDaysPerCall))
        {
            foreach (var row in await FetchAsync(start, end, cancellationToken).ConfigureAwait(false))
            {
                if (row.Date < from || row.Date > to)
                {
                    continue;
                }

                byDay[row.Date] = byDay.TryGetValue(row.Date, out var seen) ? seen.Plus(row) : row;
            }
        }

        var days = new List<DailyEmailMetrics>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(byDay.TryGetValue(day, out var row) ? row : Empty(day));
        }

        return days.AsReadOnly();
    }

    /// <summary>Splits a range into consecutive ranges of at most <paramref name="maxDays"/> days, in order.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="maxDays">The most days per part (at least 1).</param>
    /// <returns>The parts, covering the range exactly once.</returns>
    public static IEnumerable<(DateOnly From, DateOnly To)> Split(DateOnly from, DateOnly to, int maxDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDays);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The last day must not be before the first day ({from:yyyy-MM-dd}).");
        }

        for (var start = from; start <= to; start = start.AddDays(maxDays))
        {
            var end = start.AddDays(maxDays - 1);
            yield return (start, end < to ? end : to);
            if (end >= to)
            {
                yield break;
            }
        }
    }

    /// <summary>Refuses a range the provider cannot serve (beyond the range checks every source makes).</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <exception cref="ArgumentOutOfRangeException">The provider cannot serve the range.</exception>
    protected virtual void ValidateRange(DateOnly from, DateOnly to)
    {
    }

    /// <summary>Fetches the rows of one part of the range (at most <see cref="MaxDaysPerCall"/> days).</summary>
    /// <param name="from">The first day of the part.</param>
    /// <param name="to">The last day of the part.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows the provider answered; missing days and duplicates are handled by the caller.</returns>
    protected abstract Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>A row with 0 for every metric this source reports and null for the others.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The empty row.</returns>
    protected abstract DailyEmailMetrics Empty(DateOnly date);
}
