using EmailStats.Clients;

namespace EmailStats.Samples.Dashboard;

/// <summary>One provider's days and their health verdict, or the one line that says why there are none.</summary>
internal sealed record ProviderReport(Provider Provider, string Source, string TimeZone, bool UsesSandbox, IReadOnlyList<DailyEmailMetrics> Days, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>Read from the sync's store (<c>--store</c>), not from the provider.</summary>
    public bool Stored { get; init; }

    /// <summary>The verdict over the days (null when the provider failed).</summary>
    public HealthVerdict? Health { get; init; }
}

/// <summary>Fetches every provider at once; one provider's failure, whatever it is, is its own report and never hides the others.</summary>
internal static class DashboardRunner
{
    public static async Task<IReadOnlyList<ProviderReport>> FetchAsync(
        IReadOnlyList<DashboardSource> sources,
        DateOnly from,
        DateOnly to,
        HealthThresholds thresholds,
        Action<Provider, bool>? finished,
        CancellationToken cancellationToken)
    {
        var tasks = sources.Select(async source =>
        {
            var report = await FetchOneAsync(source, from, to, thresholds, cancellationToken).ConfigureAwait(false);
            finished?.Invoke(source.Provider, !report.Failed);
            return report;
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static async Task<ProviderReport> FetchOneAsync(DashboardSource source, DateOnly from, DateOnly to, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        if (source.Source is not { } neutral)
        {
            return new(source.Provider, "", "", source.UsesSandbox, [], source.Error ?? "not configured");
        }

        try
        {
            var days = await neutral.GetDailyMetricsAsync(from, to, cancellationToken).ConfigureAwait(false);
            return new(source.Provider, neutral.Name, neutral.TimeZone.Id, source.UsesSandbox, days, null)
            {
                Health = EmailHealth.Judge(days, thresholds, neutral.Judging),
            };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new(source.Provider, neutral.Name, neutral.TimeZone.Id, source.UsesSandbox, [], SampleErrors.OneLine(e, source.Credentials, source.Address));
        }
    }
}
