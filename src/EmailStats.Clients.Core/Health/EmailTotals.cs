namespace EmailStats.Clients;

/// <summary>
/// The sums of one source over a period of <see cref="DailyEmailMetrics"/> rows, and the rates they give
/// (<see cref="Rates"/>; DESIGN.md section 10: rates of a period come from the period's sums, never from an average of
/// daily rates). Only the days that count are summed: reported ones (<see cref="DailyEmailMetrics.IsReported"/>) that
/// are complete (<see cref="DailyEmailMetrics.IsComplete"/>), unless partial days are asked for. A count is null when
/// no day counts or when a counted day lacks it (a partial sum would be a wrong number); unique counts are kept only
/// for a period of one counted day (daily uniques do not add up).
/// </summary>
public sealed record EmailTotals : EmailCounts
{
    /// <summary>The provider API's name (<see cref="DailyEmailMetrics.Provider"/>).</summary>
    public required string Provider { get; init; }

    /// <summary>What the numbers describe (<see cref="DailyEmailMetrics.Source"/>).</summary>
    public required string Source { get; init; }

    /// <summary>The first day of the period.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day of the period.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The rows given.</summary>
    public int Days { get; init; }

    /// <summary>The rows the provider answered for (<see cref="DailyEmailMetrics.IsReported"/>).</summary>
    public int ReportedDays { get; init; }

    /// <summary>The rows summed: reported and complete ones, and the partial ones when asked for.</summary>
    public int CountedDays { get; init; }

    /// <summary>The rates of the period, from these sums.</summary>
    public EmailRates Rates => EmailRates.Of(this);

    /// <summary>Sums the rows of one source.</summary>
    /// <param name="days">The rows of one source (any order; a range from <see cref="IEmailStatsSource.GetDailyMetricsAsync"/>); at least one.</param>
    /// <param name="includePartialDays">Also sum reported days that have not ended (today): their numbers will still grow.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException">No rows, or rows of several sources.</exception>
    /// <example>
    /// <code>
    /// var week = await source.GetDailyMetricsAsync(today.AddDays(-7), today.AddDays(-1), ct);
    /// var totals = EmailTotals.Of(week);
    /// Console.WriteLine($"{totals.Sent} sent, bounce rate {totals.Rates.Bounce:P2}");
    /// </code>
    /// </example>
    public static EmailTotals Of(IEnumerable<DailyEmailMetrics> days, bool includePartialDays = false)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = days.ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("Give at least one day.", nameof(days));
        }

        var first = rows[0];
        if (rows.Any(r => r.Provider != first.Provider || r.Source != first.Source))
        {
            throw new ArgumentException($"The rows must be of one source ({first.Provider} {first.Source}); sum each source on its own.", nameof(days));
        }

        var counted = rows.Where(r => r.IsReported && (r.IsComplete || includePartialDays)).ToList();
        long? Sum(EmailMetric metric) => counted.Count == 0 ? null : counted.All(r => r[metric] is not null) ? counted.Sum(r => r[metric]!.Value) : null;
        long? Single(EmailMetric metric) => counted.Count == 1 ? counted[0][metric] : null;
        return new EmailTotals
        {
            Provider = first.Provider,
            Source = first.Source,
            From = rows.Min(r => r.Date),
            To = rows.Max(r => r.Date),
            Days = rows.Count,
            ReportedDays = rows.Count(r => r.IsReported),
            CountedDays = counted.Count,
            Sent = Sum(EmailMetric.Sent),
            Delivered = Sum(EmailMetric.Delivered),
            Opens = Sum(EmailMetric.Opens),
            UniqueOpens = Single(EmailMetric.UniqueOpens),
            Clicks = Sum(EmailMetric.Clicks),
            UniqueClicks = Single(EmailMetric.UniqueClicks),
            Bounces = Sum(EmailMetric.Bounces),
            HardBounces = Sum(EmailMetric.HardBounces),
            SoftBounces = Sum(EmailMetric.SoftBounces),
            Complaints = Sum(EmailMetric.Complaints),
            Unsubscribes = Sum(EmailMetric.Unsubscribes),
        };
    }
}
