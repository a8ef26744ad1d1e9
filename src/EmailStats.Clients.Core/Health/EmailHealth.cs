namespace EmailStats.Clients;

/// <summary>How healthy a sender is over a period.</summary>
public enum HealthStatus
{
    /// <summary>Nothing could be judged: no mail in the period, or the source reports neither bounces nor complaints.</summary>
    NotJudged,

    /// <summary>Every rate that could be judged is under its warning threshold.</summary>
    Healthy,

    /// <summary>A rate reached its warning threshold (over the period, or on a day with enough mail).</summary>
    Warning,

    /// <summary>A rate of the period reached its critical threshold.</summary>
    Critical,
}

/// <summary>The rates a verdict judges.</summary>
public enum HealthRule
{
    /// <summary>Bounces (hard and soft) / sent.</summary>
    BounceRate,

    /// <summary>Complaints / delivered.</summary>
    ComplaintRate,
}

/// <summary>A rate that reached a threshold: over the whole period (<see cref="Day"/> null) or on one day.</summary>
/// <param name="Rule">Which rate.</param>
/// <param name="Level">Warning or critical.</param>
/// <param name="Rate">The rate, as a fraction.</param>
/// <param name="Threshold">The threshold it reached, as a fraction.</param>
/// <param name="Day">The day, or null for the whole period.</param>
public sealed record HealthBreach(HealthRule Rule, HealthStatus Level, double Rate, double Threshold, DateOnly? Day);

/// <summary>The verdict on one source over one period.</summary>
/// <param name="Totals">The period's sums and rates.</param>
/// <param name="Status">The worst level reached.</param>
/// <param name="Breaches">Each threshold reached: the period's first, then the days', in date order.</param>
/// <param name="Notes">What could not be judged, and why (for people).</param>
public sealed record HealthVerdict(EmailTotals Totals, HealthStatus Status, IReadOnlyList<HealthBreach> Breaches, IReadOnlyList<string> Notes)
{
    /// <summary>The days that reached a threshold, in date order, each once.</summary>
    public IReadOnlyList<DateOnly> BreachedDays => [.. Breaches.Where(b => b.Day is not null).Select(b => b.Day!.Value).Distinct().Order()];
}

/// <summary>How a period is judged.</summary>
public enum HealthJudging
{
    /// <summary>The period's rates, and each day with enough mail (<see cref="HealthThresholds.MinimumDailyVolume"/>) on its own.</summary>
    PeriodAndDays,

    /// <summary>
    /// Only the period's rates: for sources that date bounces and complaints by the day they happened, where a day can
    /// hold complaints and no sends (GetResponse's message statistics).
    /// </summary>
    PeriodOnly,
}

/// <summary>
/// Judges a source's deliverability over a period against <see cref="HealthThresholds"/> (DESIGN.md section 10): the
/// period's bounce and complaint rates from its sums set the status; each day with enough mail whose own rate reached a
/// threshold is named (a day alone raises the status to a warning at most: one day is a signal, the period the state).
/// </summary>
public static class EmailHealth
{
    /// <summary>Judges the rows of one source.</summary>
    /// <param name="days">The rows of one source over the period (from <see cref="IEmailStatsSource.GetDailyMetricsAsync"/>).</param>
    /// <param name="thresholds">The thresholds; the defaults when null.</param>
    /// <param name="judging">Whether days are named as well as the period.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException">No rows, rows of several sources, or thresholds that cannot be right.</exception>
    /// <example>
    /// <code>
    /// var verdict = EmailHealth.Judge(await source.GetDailyMetricsAsync(from, to, ct));
    /// if (verdict.Status &gt;= HealthStatus.Warning)
    /// {
    ///     Console.WriteLine($"{verdict.Totals.Source}: {verdict.Status} on {string.Join(", ", verdict.BreachedDays)}");
    /// }
    /// </code>
    /// </example>
    public static HealthVerdict Judge(IEnumerable<DailyEmailMetrics> days, HealthThresholds? thresholds = null, HealthJudging judging = HealthJudging.PeriodAndDays)
    {
        ArgumentNullException.ThrowIfNull(days);
        thresholds ??= new HealthThresholds();
        thresholds.Validate();
        if (!Enum.IsDefined(judging))
        {
            throw new ArgumentOutOfRangeException(nameof(judging), judging, "Use PeriodAndDays or PeriodOnly.");
        }

        var rows = days.ToList();
        var totals = EmailTotals.Of(rows);
        var breaches = new List<HealthBreach>();
        var notes = new List<string>();
        var rates = totals.Rates;
        var judged = 0;
        foreach (var (rule, rate, warning, critical, why) in Rules(rates, thresholds))
        {
            if (rate is not { } value)
            {
                notes.Add(why(totals));
                continue;
            }

            judged++;
            if (Level(value, warning, critical) is { } level)
            {
                breaches.Add(new HealthBreach(rule, level, value, level == HealthStatus.Critical ? critical : warning, null));
            }
        }

        if (judging == HealthJudging.PeriodAndDays)
        {
            foreach (var day in rows.Where(r => r.IsReported && r.IsComplete).OrderBy(r => r.Date))
            {
                var dayRates = EmailRates.Of(day);
                foreach (var (rule, rate, warning, critical, _) in Rules(dayRates, thresholds))
                {
                    var volume = rule == HealthRule.BounceRate ? day.Sent : day.Delivered;
                    if (rate is { } value && volume >= thresholds.MinimumDailyVolume && Level(value, warning, critical) is { } level)
                    {
                        breaches.Add(new HealthBreach(rule, level, value, level == HealthStatus.Critical ? critical : warning, day.Date));
                    }
                }
            }
        }
        else
        {
            notes.Add("Judged over the period only: this source dates bounces and complaints by the day they happen, so a single day's rate means little.");
        }

        var period = breaches.Where(b => b.Day is null).Select(b => b.Level).DefaultIfEmpty(HealthStatus.Healthy).Max();
        var status = judged == 0 ? HealthStatus.NotJudged
            : period < HealthStatus.Warning && breaches.Any(b => b.Day is not null) ? HealthStatus.Warning
            : period;
        return new HealthVerdict(totals, status, breaches.AsReadOnly(), notes.AsReadOnly());
    }

    private static IEnumerable<(HealthRule Rule, double? Rate, double Warning, double Critical, Func<EmailTotals, string> Why)> Rules(EmailRates rates, HealthThresholds t)
    {
        yield return (HealthRule.BounceRate, rates.Bounce, t.BounceWarning, t.BounceCritical, static s =>
            s.Bounces is null ? "No bounce rate: the source does not report bounces for every day of the period." : "No bounce rate: no mail was sent in the period.");
        yield return (HealthRule.ComplaintRate, rates.Complaint, t.ComplaintWarning, t.ComplaintCritical, static s =>
            s.Complaints is null ? "No complaint rate: the source does not report complaints for every day of the period."
            : s.Delivered is null ? "No complaint rate: the source reports no deliveries (complaints are counted against delivered mail)."
            : "No complaint rate: no mail was delivered in the period.");
    }

    private static HealthStatus? Level(double rate, double warning, double critical) =>
        rate >= critical ? HealthStatus.Critical : rate >= warning ? HealthStatus.Warning : null;
}
