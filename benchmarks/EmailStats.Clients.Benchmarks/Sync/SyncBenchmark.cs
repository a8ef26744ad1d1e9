using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.Sync;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Benchmarks.Sync;

/// <summary>
/// The sync over the in-process sandbox (issue 28): an estate of N sources of four providers, a first run that backfills
/// 90 days into an empty store, then the hourly run that reads the last 3 days again, into SQLite and into PostgreSQL.
/// Each case runs in its own process (so peak memory is the case's own), the cases interleaved, each repeated; the
/// table gives minimums and medians.
/// </summary>
/// <remarks>
/// The client and store cost per provider call is the run's process CPU time less the sandbox's, over the calls: every
/// request the run sent is recorded and then replayed straight into a fresh sandbox, one at a time, and that replay's
/// CPU time is the sandbox's share. Sources per second is wall time, budgets included (GetResponse's 60 calls a second
/// per account is the slowest).
/// </remarks>
internal static class SyncBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    /// <summary>The memory store of a <c>memory</c> case, kept from the backfill to the re-read.</summary>
    private static readonly MemoryStore Memory = new();

    /// <summary><c>sync [--sources 1000,10000] [--repeat 3]</c>: runs every case as a child process and prints the table.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sources")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [1000, 10000];
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        await using var postgres = await ThrowawayPostgreSql.StartAsync();
        var results = new List<CaseResult>();
        var cases = sizes.SelectMany(n => new[] { (n, "sqlite"), (n, "postgres") }).ToList();
        for (var round = 0; round < repeat; round++)
        {
            // Interleaved: every case once per round, the order rotated so that no case always runs first or last.
            foreach (var (sources, store) in cases.Skip(round % cases.Count).Concat(cases.Take(round % cases.Count)))
            {
                var prefix = Path.Combine(Path.GetTempPath(), $"emailstats-bench-{Guid.NewGuid():N}");
                var (target, costTarget) = store == "sqlite"
                    ? ($"sqlite:{prefix}.db", $"sqlite:{prefix}-cost.db")
                    : ("postgres:" + await postgres.CreateDatabaseAsync("bench"), "postgres:" + await postgres.CreateDatabaseAsync("cost"));
                var result = await RunChildAsync(sources, target, costTarget);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {sources} sources, {store}: backfill {result.Backfill.Seconds:0.0} s ({result.Backfill.ClientAndStoreMsPerCall:0.000} ms/call), re-read {result.ReRead.Seconds:0.0} s ({result.ReRead.ClientAndStoreMsPerCall:0.000} ms/call), peak {result.PeakWorkingSetMb:0} MB"));
                results.Add(result with { Store = store });
                if (store == "sqlite")
                {
                    foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(prefix) + "*"))
                    {
                        File.Delete(file);
                    }
                }
            }
        }

        var table = Table(results, repeat);
        Console.WriteLine();
        Console.WriteLine(table);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts/results");
        await File.WriteAllTextAsync("BenchmarkDotNet.Artifacts/results/sync.md", table);
        return 0;
    }

    /// <summary>
    /// <c>sync-case SOURCES TARGET COST-TARGET</c> (a target is <c>sqlite:FILE</c>, <c>postgres:CONNECTION</c> or
    /// <c>memory</c>): one case, its result as one JSON line.
    /// </summary>
    public static async Task<int> RunCaseAsync(string[] args)
    {
        var sources = int.Parse(args[0], CultureInfo.InvariantCulture);
        var target = args[1];
        var costTarget = args[2];

        // Warm up (JIT, tiering, pools) on a small estate into memory, so the measured runs are the steady state.
        await RunPhaseAsync(60, "memory", concurrency: 8);
        await RunPhaseAsync(60, "memory", concurrency: 8);
        Memory.Clear();
        PhaseResult backfill, reRead;
        double peakHeap;
        using (var sampler = new HeapSampler())
        {
            backfill = await RunPhaseAsync(sources, target, concurrency: 8);
            reRead = await RunPhaseAsync(sources, target, concurrency: 8);
            peakHeap = sampler.PeakMb;
        }

        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

        // The cost per call: one source at a time (no thread waits for another's CPU), CPU time less the sandbox's;
        // into memory (the clients and the sync alone), then into the store (the store's share is the difference).
        var costSources = Math.Min(sources, CostSources);
        Memory.Clear();
        var clientBackfill = await RunPhaseAsync(costSources, "memory", concurrency: 1);
        var clientReRead = await RunPhaseAsync(costSources, "memory", concurrency: 1);
        var storeBackfill = await RunPhaseAsync(costSources, costTarget, concurrency: 1);
        var storeReRead = await RunPhaseAsync(costSources, costTarget, concurrency: 1);
        var result = new CaseResult(
            sources,
            "",
            backfill with { ClientMsPerCall = clientBackfill.ClientMsPerCall, ClientAndStoreMsPerCall = storeBackfill.ClientMsPerCall, SandboxMsPerCall = storeBackfill.SandboxMsPerCall },
            reRead with { ClientMsPerCall = clientReRead.ClientMsPerCall, ClientAndStoreMsPerCall = storeReRead.ClientMsPerCall, SandboxMsPerCall = storeReRead.SandboxMsPerCall },
            peakWorkingSet,
            peakHeap);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>How many sources the sequential cost runs read.</summary>
    private const int CostSources = 500;

    private static async Task<PhaseResult> RunPhaseAsync(int sources, string target, int concurrency)
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 120 });
        var settings = Estate(sandbox, sources);
        settings["EmailStats:Sync:BackfillDays"] = "90";
        settings["EmailStats:Sync:ReReadDays"] = "3";
        settings["EmailStats:Sync:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var recorder = new RecordingHandler();
        var builder = services.AddEmailStatsSync(configuration.GetSection("EmailStats"))
            .UseSourceClock(sandbox.Clock)
            .ConfigureClients((_, client) => client.ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler.Tap(recorder, sandbox.CreateHandler())));
        if (target.StartsWith("postgres:", StringComparison.Ordinal))
        {
            builder.UsePostgreSql(target["postgres:".Length..]);
        }
        else if (target == "memory")
        {
            builder.UseStore(_ => Memory);
        }
        else
        {
            builder.UseStore(_ => new SqliteEmailStatsStore(target["sqlite:".Length..]));
        }

        await using var provider = services.BuildServiceProvider();
        var sync = provider.GetRequiredService<EmailStatsSync>();
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await sync.RunAsync(CancellationToken.None);
        clock.Stop();
        var runCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (report.Errors > 0 || report.Sources.Count != sources)
        {
            throw new InvalidOperationException($"The run synced {report.Sources.Count} of {sources} sources with {report.Errors} errors: {report.Sources.FirstOrDefault(s => s.Error is not null)?.Error ?? report.Accounts.FirstOrDefault(a => a.Error is not null)?.Error}");
        }

        // The sandbox's share: the same requests, one at a time, straight into a fresh sandbox.
        using var replaySandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 120 });
        Estate(replaySandbox, sources);
        var sandboxCpu = await recorder.ReplayAsync(replaySandbox.CreateHandler());
        return new PhaseResult(clock.Elapsed.TotalSeconds, recorder.Count, report.DaysWritten, report.DaysUnchanged)
        {
            ClientMsPerCall = (runCpu - sandboxCpu).TotalMilliseconds / recorder.Count,
            SandboxMsPerCall = sandboxCpu.TotalMilliseconds / recorder.Count,
        };
    }

    /// <summary>N sources: 40% SendGrid subusers, 30% Mailgun domains, 29% GetResponse newsletters, 1% Benchmark accounts; at most 500 per account.</summary>
    internal static Dictionary<string, string?> Estate(EmailStatsSandbox sandbox, int sources)
    {
        var settings = new Dictionary<string, string?>();
        void Account(string name, string provider, Uri address, string key, string discover)
        {
            settings[$"EmailStats:Accounts:{name}:Provider"] = provider;
            settings[$"EmailStats:Accounts:{name}:ApiKey"] = key;
            settings[$"EmailStats:Accounts:{name}:BaseAddress"] = address.ToString();
            settings[$"EmailStats:Accounts:{name}:{(discover == "account" ? "Sources" : "Discover")}:0"] = discover;
        }

        static IEnumerable<int> Split(int total)
        {
            for (var left = total; left > 0; left -= 500)
            {
                yield return Math.Min(500, left);
            }
        }

        var only = Environment.GetEnvironmentVariable("EMAILSTATS_BENCH_ONLY");
        var benchmark = only is null ? Math.Max(1, sources / 100) : only == "benchmark" ? sources : 0;
        var sendgrid = only is null ? sources * 4 / 10 : only == "sendgrid" ? sources : 0;
        var mailgun = only is null ? sources * 3 / 10 : only == "mailgun" ? sources : 0;
        var getresponse = sources - sendgrid - mailgun - benchmark;
        var i = 0;
        foreach (var size in Split(sendgrid))
        {
            var account = sandbox.AddSendGridAccount($"sg{++i}", size);
            Account($"sendgrid-{i}", "SendGridV3", account.BaseAddress, account.ApiKey, "subusers");
        }

        foreach (var size in Split(mailgun))
        {
            var account = sandbox.AddMailgunAccount($"mg{++i}", size);
            Account($"mailgun-{i}", "Mailgun", account.BaseAddress, account.ApiKey, "domains");
        }

        foreach (var size in Split(getresponse))
        {
            var account = sandbox.AddGetResponseAccount($"gr{++i}", size);
            Account($"getresponse-{i}", "GetResponse", account.BaseAddress, account.ApiKey, "newsletters");
        }

        for (var b = 0; b < benchmark; b++)
        {
            var account = sandbox.AddBenchmarkAccount($"bm{++i}");
            Account($"benchmark-{i}", "Reports", account.BaseAddress, account.ApiKey, "account");
        }

        return settings;
    }

    private static async Task<CaseResult> RunChildAsync(int sources, string target, string costTarget)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(SyncBenchmark).Assembly.Location, "sync-case", sources.ToString(CultureInfo.InvariantCulture), target, costTarget])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Idle thread-pool workers spin for work before they sleep; that CPU is not the sync's, so the case turns it off.
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The case {sources} {target.Split(':')[0]} failed ({process.ExitCode}): {errors}{output}");
        return JsonSerializer.Deserialize<CaseResult>(line["RESULT ".Length..])!;
    }

    private static string Table(List<CaseResult> results, int repeat)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        static string Pair(IEnumerable<double> values, string format, bool higherIsBetter = false)
        {
            var list = values.ToList();
            var best = higherIsBetter ? list.Max() : list.Min();
            return string.Create(CultureInfo.InvariantCulture, $"{Median(list).ToString(format, CultureInfo.InvariantCulture)} ({best.ToString(format, CultureInfo.InvariantCulture)})");
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sync over the in-process sandbox: medians of {repeat} interleaved runs, best in brackets (the minimum time or cost, the maximum rate).");
        text.AppendLine();
        text.AppendLine("| Sources | Store | Run | Calls | Days written | Wall (s) | Sources/s | Client CPU per call (ms) | Client + store CPU per call (ms) | Sandbox CPU per call (ms) | Peak working set (MB) | Peak live heap (MB) |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => (r.Sources, r.Store)).OrderBy(g => g.Key.Sources).ThenBy(g => g.Key.Store, StringComparer.Ordinal))
        {
            foreach (var (name, phase) in new[] { ("backfill 90 days", (Func<CaseResult, PhaseResult>)(r => r.Backfill)), ("re-read 3 days", r => r.ReRead) })
            {
                var phases = group.Select(phase).ToList();
                text.AppendLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {group.Key.Sources:N0} | {(group.Key.Store == "sqlite" ? "SQLite" : "PostgreSQL")} | {name} | {phases[0].Calls:N0} | {phases[0].DaysWritten:N0} | {Pair(phases.Select(p => p.Seconds), "0.0")} | {Pair(phases.Select(p => group.Key.Sources / p.Seconds), "0", higherIsBetter: true)} | {Pair(phases.Select(p => p.ClientMsPerCall), "0.000")} | {Pair(phases.Select(p => p.ClientAndStoreMsPerCall), "0.000")} | {Pair(phases.Select(p => p.SandboxMsPerCall), "0.000")} | {Pair(group.Select(r => r.PeakWorkingSetMb), "0")} | {Pair(group.Select(r => r.PeakHeapMb), "0")} |"));
            }
        }

        return text.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal sealed record PhaseResult(double Seconds, int Calls, int DaysWritten, int DaysUnchanged)
    {
        /// <summary>CPU per call of the clients and the sync (into memory), one source at a time.</summary>
        public double ClientMsPerCall { get; init; }

        /// <summary>The same into the case's store.</summary>
        public double ClientAndStoreMsPerCall { get; init; }

        /// <summary>The sandbox's own CPU per call (its share, taken out of the two above).</summary>
        public double SandboxMsPerCall { get; init; }
    }

    internal sealed record CaseResult(int Sources, string Store, PhaseResult Backfill, PhaseResult ReRead, double PeakWorkingSetMb, double PeakHeapMb);

    /// <summary>
    /// The most live managed memory: every 2 seconds a full, compacting collection, then the heap's size (what survives,
    /// not garbage waiting for a collection). The collections cost the measured runs a little wall time.
    /// </summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public HeapSampler() => _timer = new Timer(
            _ =>
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false)));
            },
            null,
            0,
            2000);

        public double PeakMb => Interlocked.Read(ref _peak) / 1048576.0;

        public void Dispose() => _timer.Dispose();
    }
}
