using EmailStats.Clients;
using EmailStats.Clients.Sync;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// <c>--store FILE</c>: the comparison and exports over what the sync keeps in its SQLite file (every stored source, or
/// those of <c>--provider</c>), read without asking any provider. Each source is named by its stable id.
/// </summary>
internal static class DashboardStore
{
    public static async Task<int> RunAsync(DashboardArguments arguments, string file, HealthThresholds thresholds, IAnsiConsole console, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            var store = new SqliteEmailStatsStore(file);
            var reports = new List<ProviderReport>();
            foreach (var source in await store.GetSourcesAsync(cancellationToken).ConfigureAwait(false))
            {
                var provider = Shown(source.Provider);
                if (!arguments.Providers.Contains(provider))
                {
                    continue;
                }

                var days = (await store.ReadAsync(source.Id, arguments.From, arguments.To, cancellationToken).ConfigureAwait(false)).Select(d => d.Metrics).ToList();
                reports.Add(new ProviderReport(provider, source.Id, source.TimeZone, UsesSandbox: false, days, null)
                {
                    Health = EmailHealth.Judge(days, thresholds, source.Judging),
                    Stored = true,
                });
            }

            console.MarkupLine(Markup.Escape($"{reports.Count} sources stored in {file}."));
            await DashboardApp.ShowAsync(arguments, reports, thresholds, console, errors).ConfigureAwait(false);
            return DashboardCommandLine.Ok;
        }
        catch (Exception e) when (e is EmailStatsStoreException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: --store {file}: {SampleErrors.OneLine(e)}");
            return DashboardCommandLine.SomeFailed;
        }
    }

    private static Provider Shown(EmailStatsProvider provider) => provider switch
    {
        EmailStatsProvider.SendGridV2 or EmailStatsProvider.SendGridV3 => Provider.SendGrid,
        EmailStatsProvider.GetResponse or EmailStatsProvider.JsonRpcMessages => Provider.GetResponse,
        EmailStatsProvider.Mailgun => Provider.Mailgun,
        _ => Provider.BenchmarkEmail,
    };
}
