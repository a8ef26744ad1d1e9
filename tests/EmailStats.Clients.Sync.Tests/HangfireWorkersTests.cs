using System.Diagnostics;
using EmailStats.Clients.Testing;
using Xunit.Abstractions;
using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// DESIGN.md section 9.4, shown: three worker processes (the sync sample with <c>--hangfire</c>) share 300 accounts of
/// the sandbox through Hangfire on a throwaway PostgreSQL; one is killed in the middle of the cycle. Every account ends
/// synced, the rows equal a single-process sync, the sandbox never saw two workers take turns on one account, and the
/// killed worker's accounts were finished by the others.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class HangfireWorkersTests(PostgreSqlServer server, ITestOutputHelper output) : IDisposable
{
    private const int Accounts = 300;
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-hangfire-").FullName;
    private readonly List<Process> _workers = [];
    private readonly List<Process> _killed = [];
    private readonly Dictionary<Process, System.Collections.Concurrent.ConcurrentQueue<string>> _lines = [];

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
            }

            worker.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Three_workers_one_killed_mid_cycle_sync_every_account_once_at_a_time_into_the_rows_of_one_process()
    {
        // The workers' clock is the machine's: the sandbox's history ends today, as theirs does.
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true, HistoryDays = 60 });
        var settings = Estate(sandbox);
        var database = await server.CreateDatabaseAsync();
        var environment = new Dictionary<string, string?>(settings)
        {
            ["EmailStats:Sync:BackfillDays"] = "30",
            ["EmailStats:Sync:MaxConcurrency"] = "4",
            ["EmailStats:Hangfire:Schedule"] = "0 0 31 2 *", // never: the test's one cycle is the first run of each account
            ["EmailStats:Hangfire:WorkerCount"] = "4",
            ["EmailStats:Hangfire:InvisibilityTimeout"] = "00:00:10",
            ["EmailStats:Hangfire:AccountLockTimeout"] = "00:00:15", // far above an account's run, on a loaded machine too
            ["EmailStats:Hangfire:QueuePollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        for (var i = 0; i < 3; i++)
        {
            _workers.Add(StartWorker(database, environment));
        }

        var store = new PostgreSqlEmailStatsStore(database);
        var killedAt = await WaitForAccountsAsync(store, database, synced => synced >= Accounts / 4);

        // The worker killed is the one with the most accounts touched so far: it has work under way.
        var killed = _workers.MaxBy(w => Touched(sandbox, Agent(sandbox, w)))!;
        var killedAgent = Agent(sandbox, killed);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync();
        _killed.Add(killed);
        await WaitForAccountsAsync(store, database, synced => synced == Accounts);

        // Every account synced without an error.
        var runs = await store.ReadRunsAsync(10_000);
        var runsOf = runs.SelectMany(r => r.Accounts).GroupBy(a => a.Account).ToDictionary(g => g.Key, g => g.ToList()); // latest first
        Assert.Equal(Accounts, runsOf.Count);
        Assert.All(runsOf.Values, a => Assert.Null(a[0].Error));
        var accounts = sandbox.Accounts.Where(a => a.Name.StartsWith("w", StringComparison.Ordinal)).ToList();
        Assert.Equal(Accounts, accounts.Count);

        // None run by two workers at once. A run is one worker's pass over its account, so runs one after another (a
        // retry on another worker included) give the sandbox at most one caller turn each, and two workers at once give
        // more turns than runs. The killed worker's run of an account under way was never logged.
        Assert.All(accounts, a => Assert.True(
            a.Meter.CallerTurns.Count <= runsOf[a.Name].Count + (a.Meter.CallerTurns is [var first, ..] && first == killedAgent ? 1 : 0),
            $"{a.Name}: callers in turn {string.Join(", ", a.Meter.CallerTurns)} over {runsOf[a.Name].Count} logged run(s)"));
        Assert.All(accounts, a => Assert.All(a.Meter.CallerTurns, caller => Assert.StartsWith("EmailStatsWorker/", caller, StringComparison.Ordinal)));

        // The killed worker had accounts under way; the others finished them.
        var interrupted = accounts.Where(a => a.Meter.CallerTurns.Count > 1 && a.Meter.CallerTurns[0] == killedAgent).ToList();
        Assert.True(killedAt < Accounts, $"the worker was killed with {killedAt} of {Accounts} accounts synced");
        Assert.True(Touched(sandbox, killedAgent) > 0);
        Assert.NotEmpty(interrupted);
        Assert.All(interrupted, a => Assert.NotEqual(killedAgent, a.Meter.CallerTurns[^1]));
        output.WriteLine($"Killed with {killedAt} of {Accounts} accounts synced; the killed worker had touched {Touched(sandbox, killedAgent)}, of which {interrupted.Count} were finished by another; accounts per worker: {string.Join(", ", _workers.Select(w => Touched(sandbox, Agent(sandbox, w))))}.");

        // The rows: those of one process syncing every account into SQLite.
        var single = await SingleProcessAsync(sandbox, settings);
        var sources = await store.GetSourcesAsync();
        Assert.Equal((await single.GetSourcesAsync()).Select(s => s.Id), sources.Select(s => s.Id));
        foreach (var source in sources)
        {
            var expected = await single.ReadAsync(source.Id, DateOnly.MinValue, DateOnly.MaxValue);
            var actual = await store.ReadAsync(source.Id, DateOnly.MinValue, DateOnly.MaxValue);
            Assert.Equal(expected.Select(d => d.Metrics), actual.Select(d => d.Metrics));
            Assert.Equal(await single.GetCheckpointAsync(source.Id), await store.GetCheckpointAsync(source.Id));
        }
    }

    private static int Touched(EmailStatsSandbox sandbox, string agent) => sandbox.Accounts.Count(a => a.Meter.CallerTurns.Contains(agent));

    /// <summary>
    /// The name a worker gives itself in its requests (EmailStatsWorker/MACHINE-PID), as the sandbox recorded it: the
    /// worker writes the machine's name in the token characters a header allows, so it is found by the process id.
    /// </summary>
    private static string Agent(EmailStatsSandbox sandbox, Process worker) =>
        sandbox.Accounts.SelectMany(a => a.Meter.CallerTurns).FirstOrDefault(c => c.EndsWith($"-{worker.Id}", StringComparison.Ordinal))
        ?? $"(worker {worker.Id}: no request)";

    /// <summary>
    /// Waits until the store's run log names enough accounts. No clock decides: it fails as soon as the outcome is
    /// settled otherwise, when a worker exits that the test did not kill or when Hangfire gives a job up (its retries
    /// spent), with the workers' last lines and Hangfire's reasons.
    /// </summary>
    private async Task<int> WaitForAccountsAsync(PostgreSqlEmailStatsStore store, string database, Func<int, bool> until)
    {
        while (true)
        {
            var synced = 0;
            try
            {
                synced = (await store.ReadRunsAsync(10_000)).SelectMany(r => r.Accounts).Where(a => a.Error is null).Select(a => a.Account).Distinct().Count();
            }
            catch (EmailStatsStoreException)
            {
                // The first worker has not created the tables yet.
            }

            if (until(synced))
            {
                return synced;
            }

            var failed = await HangfireJobsAsync(database, "Failed");
            if (_workers.Any(w => w.HasExited && !_killed.Contains(w)) || failed.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{synced} of {Accounts} accounts synced. Jobs failed: {string.Join(" | ", failed)}. Retries pending: {string.Join(" | ", await HangfireJobsAsync(database, "Scheduled"))}. " +
                    $"The workers: {string.Join(" || ", _workers.Select(w => $"{(w.HasExited ? $"exited {w.ExitCode}" : "running")}: {string.Join(" / ", _lines[w])}"))}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Hangfire's jobs in a state, with the state's reason (a retry's or a failure's exception message).</summary>
    private static async Task<List<string>> HangfireJobsAsync(string database, string state)
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT j.id, coalesce(s.reason, ''), coalesce(s.data::text, '') FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid WHERE j.statename = @state ORDER BY j.id LIMIT 5", connection);
            command.Parameters.AddWithValue("state", state);
            await using var reader = await command.ExecuteReaderAsync();
            var jobs = new List<string>();
            while (await reader.ReadAsync())
            {
                jobs.Add($"job {reader.GetInt64(0)}: {reader.GetString(1)} {reader.GetString(2)}");
            }

            return jobs;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return []; // Hangfire has not created its tables yet.
        }
    }

    private Process StartWorker(string database, Dictionary<string, string?> settings)
    {
        var process = Process.Start(SamplePrograms.StartInfo(SamplePrograms.Dll("Sync"), ["--hangfire", database], settings, _folder))!;
        var lines = _lines[process] = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is not null)
            {
                lines.Enqueue(line);
                while (lines.Count > 20 && lines.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>300 small accounts of the four providers (their names start with w), and their settings.</summary>
    private static Dictionary<string, string?> Estate(EmailStatsSandbox sandbox)
    {
        var settings = new Dictionary<string, string?>();
        void Account(string name, string provider, Uri address, string key, string what, string value)
        {
            settings[$"EmailStats:Accounts:{name}:Provider"] = provider;
            settings[$"EmailStats:Accounts:{name}:ApiKey"] = key;
            settings[$"EmailStats:Accounts:{name}:BaseAddress"] = address.ToString();
            settings[$"EmailStats:Accounts:{name}:{what}:0"] = value;
        }

        for (var i = 0; i < Accounts; i++)
        {
            var name = $"w{i:000}";
            switch (i % 4)
            {
                case 0:
                    var sendgrid = sandbox.AddSendGridAccount(name, subusers: 2);
                    Account(name, "SendGridV3", sendgrid.BaseAddress, sendgrid.ApiKey, "Discover", "subusers");
                    break;
                case 1:
                    var mailgun = sandbox.AddMailgunAccount(name, domains: 2);
                    Account(name, "Mailgun", mailgun.BaseAddress, mailgun.ApiKey, "Discover", "domains");
                    break;
                case 2:
                    var getresponse = sandbox.AddGetResponseAccount(name, newsletters: 2);
                    Account(name, "GetResponse", getresponse.BaseAddress, getresponse.ApiKey, "Discover", "newsletters");
                    break;
                default:
                    var benchmark = sandbox.AddBenchmarkAccount(name);
                    Account(name, "Reports", benchmark.BaseAddress, benchmark.ApiKey, "Sources", "account");
                    break;
            }
        }

        return settings;
    }

    /// <summary>One process, no Hangfire: every account synced once into SQLite, over the same sandbox.</summary>
    private async Task<IEmailStatsStore> SingleProcessAsync(EmailStatsSandbox sandbox, Dictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>(settings)
        {
            ["EmailStats:Sync:BackfillDays"] = "30",
            ["EmailStats:Sync:Store"] = $"Data Source={Path.Combine(_folder, "single.db")}",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEmailStatsSync(configuration.GetSection("EmailStats"));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<EmailStatsSync>().RunAsync(CancellationToken.None);
        Assert.Equal(0, report.Errors);
        return new SqliteEmailStatsStore(Path.Combine(_folder, "single.db"));
    }
}
