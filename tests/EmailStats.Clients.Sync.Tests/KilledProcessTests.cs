using System.Diagnostics;
using EmailStats.Clients.Testing;
using EmailStats.Samples.Sync;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// The sync sample killed as a process in the middle of a run (the whole process, not a cancelled task), then run
/// again, leaves the rows and checkpoints of one clean run into an empty store.
/// </summary>
public sealed class KilledProcessTests : IDisposable
{
    private const string Today = "2026-11-20";
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-killed-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_sync_process_killed_mid_run_and_run_again_leaves_the_rows_of_a_clean_run()
    {
        var killed = Path.Combine(_folder, "killed.db");
        var clean = Path.Combine(_folder, "clean.db");

        var (exitCode, linesBeforeKill) = await RunAndKillAtFirstProgressLineAsync(killed);
        var partial = await SourcesAsync(killed);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var again = await SyncApp.RunAsync(["--once", "--store", killed, "--sandbox-today", Today], output, errors);
        var fresh = await SyncApp.RunAsync(["--once", "--store", clean, "--sandbox-today", Today], TextWriter.Null, TextWriter.Null);

        Assert.NotEqual(0, exitCode); // killed, not finished
        Assert.Contains(linesBeforeKill, l => l.EndsWith("known)", StringComparison.Ordinal));
        Assert.True(again == 0, errors.ToString() + output);
        Assert.Equal(0, fresh);
        Assert.Equal("", errors.ToString());
        var expected = await SnapshotAsync(clean);
        var actual = await SnapshotAsync(killed);
        Assert.True(expected.Count > 300, $"{expected.Count} sources");
        Assert.True(partial < expected.Count, $"the killed run had stored {partial} of {expected.Count} sources");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (source, rows) in expected)
        {
            Assert.Equal(rows.Checkpoint, actual[source].Checkpoint);
            Assert.Equal(rows.Days, actual[source].Days);
        }
    }

    private static async Task<(int ExitCode, List<string> Lines)> RunAndKillAtFirstProgressLineAsync(string store)
    {
        var start = SamplePrograms.StartInfo(SamplePrograms.Dll("Sync"), ["--once", "--store", store, "--sandbox-today", Today]);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (line.Contains("sources synced", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        await process.WaitForExitAsync();
        lines.Add(await errors);
        return (process.ExitCode, lines);
    }

    private static async Task<int> SourcesAsync(string file) => (await new SqliteEmailStatsStore(file).GetSourcesAsync()).Count;

    private static async Task<Dictionary<string, (DateOnly? Checkpoint, List<DailyEmailMetrics> Days)>> SnapshotAsync(string file)
    {
        var store = new SqliteEmailStatsStore(file);
        var snapshot = new Dictionary<string, (DateOnly?, List<DailyEmailMetrics>)>(StringComparer.Ordinal);
        foreach (var source in await store.GetSourcesAsync())
        {
            var days = await store.ReadAsync(source.Id, DateOnly.MinValue, DateOnly.MaxValue);
            snapshot[source.Id] = (await store.GetCheckpointAsync(source.Id), [.. days.Select(d => d.Metrics)]);
        }

        return snapshot;
    }
}
