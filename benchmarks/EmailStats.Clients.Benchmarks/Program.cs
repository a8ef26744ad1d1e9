using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using EmailStats.Clients.Benchmarks;
using EmailStats.Clients.Benchmarks.Sync;

// The sync benchmark is its own harness (one process per case): `-- sync` (see benchmarks/README.md).
switch (args.FirstOrDefault())
{
    case "sync":
        return await SyncBenchmark.RunAsync(args[1..]);
    case "sync-case":
        return await SyncBenchmark.RunCaseAsync(args[1..]);
    case "hangfire":
        return await HangfireBenchmark.RunAsync(args[1..]);
}

// One command runs everything (see benchmarks/README.md); BenchmarkDotNet's own arguments (--filter, --job, ...) pass through.
// The job is short on purpose: a full run stays under ~15 minutes on a shared 2-core machine.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(new ThroughputColumn())
    .WithOptions(ConfigOptions.DisableLogFile)
    // The generated boilerplate project rebuilds the packages; on a busy 2-core machine that takes more than the default 2 minutes.
    .WithBuildTimeout(TimeSpan.FromMinutes(10));

if (args.Length == 0)
{
    args = ["--filter", "*"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Payloads).Assembly).Run(args, config).ToList();
TargetsReport.Write(summaries);
return 0;
