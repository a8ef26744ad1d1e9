namespace EmailStats.Clients;

/// <summary>
/// Daily email metrics of one thing a provider measures (a SendGrid account, subuser or category, a GetResponse message
/// or newsletters, a Mailgun account or domain, a Benchmark Email account), in provider-neutral form, so that several
/// providers and accounts can be shown side by side.
/// </summary>
public interface IEmailStatsSource
{
    /// <summary>The provider name, as in <see cref="EmailStatsException.Provider"/>.</summary>
    string Provider { get; }

    /// <summary>What this source describes, for people (for example <c>user acme [newsletter]</c>).</summary>
    string Name { get; }

    /// <summary>The time zone in which the provider counts days for this source.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>The metrics this source reports: the others are null on every row.</summary>
    EmailMetric Metrics { get; }

    /// <summary>
    /// How <see cref="EmailHealth.Judge"/> should judge this source's rows: <see cref="HealthJudging.PeriodOnly"/> for a
    /// source that dates bounces and complaints by the day they happen apart from the sends (a day can hold complaints
    /// and nothing sent), <see cref="HealthJudging.PeriodAndDays"/> otherwise.
    /// </summary>
    HealthJudging Judging { get; }

    /// <summary>Today in <see cref="TimeZone"/>, by the source's clock: its row is partial (<see cref="DailyEmailMetrics.IsComplete"/> false).</summary>
    /// <returns>The current day there.</returns>
    /// <example>
    /// <code>
    /// // The last seven complete days, whatever the source's zone.
    /// var yesterday = source.GetToday().AddDays(-1);
    /// var week = await source.GetDailyMetricsAsync(yesterday.AddDays(-6), yesterday, ct);
    /// </code>
    /// </example>
    DateOnly GetToday();

    /// <summary>
    /// One row per day from <paramref name="from"/> to <paramref name="to"/> (both included, in <see cref="TimeZone"/>),
    /// in date order. Ranges longer than the provider serves in one call are fetched in several calls and stitched.
    /// </summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (not before <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The days, each present once.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed, too long, or outside what the provider can serve.</exception>
    /// <exception cref="EmailStatsException">A call failed.</exception>
    /// <example>
    /// <code>
    /// IEmailStatsSource source = new MailgunEmailStatsSource(mailgun, "mg.example.com");
    /// var days = await source.GetDailyMetricsAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), ct);
    /// foreach (var day in days)
    /// {
    ///     Console.WriteLine($"{day.Date:yyyy-MM-dd}: {day.Sent?.ToString() ?? "-"} sent {day.Note}");
    /// }
    /// </code>
    /// </example>
    Task<IReadOnlyList<DailyEmailMetrics>> GetDailyMetricsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
