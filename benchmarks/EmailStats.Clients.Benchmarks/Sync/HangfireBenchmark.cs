using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.Sync;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Benchmarks.Sync;

/// <summary>
/// Accounts per minute with one, two and three Hangfire workers (issue 29): the sync sample started N times with
/// <c>--hangfire</c> over a throwaway PostgreSQL and the sandbox's loopback listener, 300 accounts (two sources each,
/// one for a Benchmark account), a 30-day backfill; timed from the workers' start to the last account in the run log.
/// The cases interleaved, each repeated.
/// </summary>
internal static class HangfireBenchmark
{
    /// <summary><c>hangfire [--accounts 300] [--repeat 2] [--sample PATH]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = int.Parse(Option(args, "--accounts") ?? "300", CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat") ?? "2", CultureInfo.InvariantCulture);
        var sample = Option(args, "--sample") ?? Path.GetFullPath("samples/EmailStats.Samples.Sync/bin/Release/net10.0/EmailStats.Samples.Sync.dll");
        if (!File.Exists(sample))
        {
            Console.Error.WriteLine($"The sync sample is not built at {sample}: dotnet build -c Release samples/EmailStats.Samples.Sync (or pass --sample PATH).");
            return 2;
        }

        await using var postgres = await ThrowawayPostgreSql.StartAsync();
        var results = new List<(int Workers, double Seconds, int Sources)>();
        int[] cases = [1, 2, 3];
        for (var round = 0; round < repeat; round++)
        {
            foreach (var workers in cases.Skip(round % 3).Concat(cases.Take(round % 3)))
            {
                var (seconds, sources) = await RunCaseAsync(sample, await postgres.CreateDatabaseAsync("hangfire"), workers, accounts);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {workers} worker(s): {accounts} accounts, {sources} sources in {seconds:0.0} s = {accounts / seconds * 60:0} accounts/min"));
                results.Add((workers, seconds, sources));
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hangfire workers over the sandbox: {accounts} accounts, medians of {repeat} interleaved runs, best in brackets.");
        text.AppendLine();
        text.AppendLine("| Workers | Accounts | Sources | Wall (s) | Accounts/min | Sources/s |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Workers).OrderBy(g => g.Key))
        {
            var seconds = group.Select(r => r.Seconds).Order().ToArray();
            var median = seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[(seconds.Length / 2) - 1] + seconds[seconds.Length / 2]) / 2;
            var sources = group.First().Sources;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {accounts} | {sources} | {median:0.0} ({seconds[0]:0.0}) | {accounts / median * 60:0} ({accounts / seconds[0] * 60:0}) | {sources / median:0} ({sources / seconds[0]:0}) |"));
        }

        Console.WriteLine();
        Console.WriteLine(text);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts/results");
        await File.WriteAllTextAsync("BenchmarkDotNet.Artifacts/results/hangfire.md", text.ToString());
        return 0;
    }

    private static async Task<(double Seconds, int Sources)> RunCaseAsync(string sample, string database, int workers, int accounts)
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true, HistoryDays = 60 });
        var settings = new Dictionary<string, string?>
        {
            ["EmailStats:Sync:BackfillDays"] = "30",
            ["EmailStats:Hangfire:Schedule"] = "0 0 31 2 *",
            ["EmailStats:Hangfire:QueuePollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < accounts; i++)
        {
            var name = $"a{i:0000}";
            var prefix = $"EmailStats:Accounts:{name}:";
            (Uri Address, string Key, string Provider, string What, string Value) account = (i % 4) switch
            {
                0 => sandbox.AddSendGridAccount(name, 2) is var s ? (s.BaseAddress, s.ApiKey, "SendGridV3", "Discover", "subusers") : default,
                1 => sandbox.AddMailgunAccount(name, 2) is var m ? (m.BaseAddress, m.ApiKey, "Mailgun", "Discover", "domains") : default,
                2 => sandbox.AddGetResponseAccount(name, 2) is var g ? (g.BaseAddress, g.ApiKey, "GetResponse", "Discover", "newsletters") : default,
                _ => sandbox.AddBenchmarkAccount(name) is var b ? (b.BaseAddress, b.ApiKey, "Reports", "Sources", "account") : default,
            };
            settings[prefix + "Provider"] = account.Provider;
            settings[prefix + "ApiKey"] = account.Key;
            settings[prefix + "BaseAddress"] = account.Address.ToString();
            settings[prefix + account.What + ":0"] = account.Value;
        }

        var processes = new List<Process>();
        var clock = Stopwatch.StartNew();
        try
        {
            for (var w = 0; w < workers; w++)
            {
                var process = Process.Start(SamplePrograms.StartInfo(sample, ["--hangfire", database], settings))!;
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                processes.Add(process);
            }

            var store = new PostgreSqlEmailStatsStore(database);
            while (true)
            {
                try
                {
                    var runs = await store.ReadRunsAsync(100_000);
                    var synced = runs.SelectMany(r => r.Accounts).Where(a => a.Error is null).Select(a => a.Account).Distinct().Count();
                    if (synced == accounts)
                    {
                        return (clock.Elapsed.TotalSeconds, runs.Sum(r => r.Sources.Count));
                    }
                }
                catch (EmailStatsStoreException)
                {
                    // Tables not created yet.
                }

                if (processes.All(p => p.HasExited) || clock.Elapsed > TimeSpan.FromMinutes(20))
                {
                    throw new InvalidOperationException("The workers stopped or took more than 20 minutes.");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
