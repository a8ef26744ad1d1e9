using System.Diagnostics;
using EmailStats.Clients.Testing;
using EmailStats.Clients.Sandbox;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// The agency's worker (samples/EmailStats.Samples.Agency, a few lines over its appsettings.json) run as the user runs
/// it, its keys and addresses from environment variables pointing at the sandbox's loopback listener: its first run
/// stores the seven configured sources.
/// </summary>
public sealed class AgencySampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-agency-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_agency_worker_keeps_its_seven_sources_from_configuration_alone()
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true, Today = new DateOnly(2026, 11, 20), HistoryDays = 60 });
        var sendgrid = sandbox.AddSendGridAccount("agency", subusers: 5);
        var mailgun = sandbox.AddMailgunAccount("agency", domains: 4);
        var getresponse = sandbox.AddGetResponseAccount("agency", newsletters: 3);
        var benchmark = sandbox.AddBenchmarkAccount("agency");
        var store = Path.Combine(_folder, "agency.db");
        var environment = new Dictionary<string, string?>
        {
            ["EmailStats__Sync__Store"] = $"Data Source={store}",
            ["EmailStats__Accounts__sendgrid__ApiKey"] = sendgrid.ApiKey,
            ["EmailStats__Accounts__sendgrid__BaseAddress"] = sendgrid.BaseAddress.ToString(),
            ["EmailStats__Accounts__sendgrid__Sources__0"] = "subuser:" + sendgrid.Subusers[0],
            ["EmailStats__Accounts__sendgrid__Sources__1"] = "subuser:" + sendgrid.Subusers[1],
            ["EmailStats__Accounts__sendgrid__Sources__2"] = "subuser:" + sendgrid.Subusers[2],
            ["EmailStats__Accounts__mailgun__ApiKey"] = mailgun.ApiKey,
            ["EmailStats__Accounts__mailgun__BaseAddress"] = mailgun.BaseAddress.ToString(),
            ["EmailStats__Accounts__mailgun__Sources__0"] = "domain:" + mailgun.Domains[0],
            ["EmailStats__Accounts__mailgun__Sources__1"] = "domain:" + mailgun.Domains[1],
            ["EmailStats__Accounts__getresponse__ApiKey"] = getresponse.ApiKey,
            ["EmailStats__Accounts__getresponse__BaseAddress"] = getresponse.BaseAddress.ToString(),
            ["EmailStats__Accounts__benchmark__ApiKey"] = benchmark.ApiKey,
            ["EmailStats__Accounts__benchmark__BaseAddress"] = benchmark.BaseAddress.ToString(),
        };

        var runs = await RunUntilFirstRunIsLoggedAsync(environment, store);

        var run = Assert.Single(runs);
        Assert.Equal(0, run.Errors);
        var sources = await new SqliteEmailStatsStore(store).GetSourcesAsync();
        Assert.Equal(
            new[] { $"sendgrid/subuser/{sendgrid.Subusers[0]}", $"sendgrid/subuser/{sendgrid.Subusers[1]}", $"sendgrid/subuser/{sendgrid.Subusers[2]}", $"mailgun/domain/{mailgun.Domains[0]}", $"mailgun/domain/{mailgun.Domains[1]}", "getresponse/newsletters", "benchmark/account" }.Order(StringComparer.Ordinal),
            sources.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Europe/Warsaw", sources.Single(s => s.Id == "getresponse/newsletters").TimeZone);
        Assert.All(run.Sources, s => Assert.True(s.DaysWritten > 0, s.SourceId));
    }

    private static async Task<IReadOnlyList<SyncRunReport>> RunUntilFirstRunIsLoggedAsync(Dictionary<string, string?> environment, string store)
    {
        using var process = Process.Start(SamplePrograms.StartInfo(SamplePrograms.Dll("Agency"), [], environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            // The worker runs at once and then every hour: the first run's log entry is the signal it is done.
            while (!process.HasExited)
            {
                try
                {
                    if (File.Exists(store) && await new SqliteEmailStatsStore(store).ReadRunsAsync(1) is { Count: > 0 } runs)
                    {
                        return runs;
                    }
                }
                catch (EmailStatsStoreException)
                {
                    // The worker has created the file but not its tables yet.
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException($"The agency worker stopped ({process.ExitCode}): {await output}{await errors}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }
}
