namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// The sync's promise (DESIGN.md section 9.2), as a property: any sequence of runs over a sandbox whose clock moves on
/// (late events changing recent days, runs at random hours, runs killed at random points) ends with rows equal to one
/// fresh read of every source on the last day. Both stores pass the same suite.
/// </summary>
public abstract class RunSequenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Func<IServiceProvider, IEmailStatsStore> Store();

    public static TheoryData<int> Seeds() => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Any_sequence_of_runs_ends_with_the_rows_of_one_fresh_read(int seed)
    {
        var random = new Random(seed);
        await using var harness = SyncHarness.Create(Start.AddHours(random.Next(24)), SyncHarness.SmallEstate, Store());
        var runs = random.Next(3, 7);
        var killed = 0;
        for (var run = 0; run < runs; run++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(random.Next(1, 70)) + TimeSpan.FromMinutes(random.Next(60)));
            // The second run dies for sure, the others at random; the last one is whole (a sequence ends with a clean run).
            if (run < runs - 1 && (run == 1 || random.Next(3) == 0))
            {
                killed += await harness.KilledRunAsync(random.Next(1, 25)) ? 1 : 0;
                continue;
            }

            var report = await harness.Sync.RunAsync(CancellationToken.None);
            Assert.Equal(0, report.Errors);
        }

        var pairs = await harness.CompareWithFreshReadAsync();

        Assert.True(killed >= 1, "a run was killed");
        Assert.True(pairs.Count >= 20, $"{pairs.Count} sources");
        Assert.All(pairs, pair => Assert.Equal(pair.Fresh, pair.Stored));
        Assert.All(pairs, pair => Assert.True(pair.Stored.Count >= 20, $"{pair.Source}: {pair.Stored.Count} days"));
    }

    [Fact]
    public async Task Two_runs_on_the_same_hour_leave_the_same_rows_and_the_second_writes_nothing()
    {
        await using var harness = SyncHarness.Create(Start, SyncHarness.SmallEstate, Store());

        var first = await harness.Sync.RunAsync(CancellationToken.None);
        var second = await harness.Sync.RunAsync(CancellationToken.None);

        Assert.True(first.DaysWritten > 500, $"{first.DaysWritten} days");
        Assert.Equal(0, second.DaysWritten);
        Assert.Equal(first.Sources.Count * 4, second.DaysUnchanged); // today and the three days read again
        Assert.All(await harness.CompareWithFreshReadAsync(), pair => Assert.Equal(pair.Fresh, pair.Stored));
        var runs = await harness.Store.ReadRunsAsync(10);
        Assert.Equal([second.RunId, first.RunId], runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task The_first_run_backfills_what_the_provider_serves_and_later_runs_read_only_the_window()
    {
        await using var harness = SyncHarness.Create(Start, SyncHarness.SmallEstate, Store(), settings: s => s["EmailStats:Sync:BackfillDays"] = "120");

        var first = await harness.Sync.RunAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        var second = await harness.Sync.RunAsync(CancellationToken.None);

        // Benchmark Email serves 90 days: its older days are not stored, and nothing fails.
        var benchmark = Assert.Single(first.Sources, s => s.SourceId == "benchmark/account");
        Assert.Equal(90, benchmark.DaysWritten);
        var mailgun = Assert.Single(first.Sources, s => s.SourceId == "mailgun/account");
        Assert.Equal(120, mailgun.DaysWritten);
        Assert.All(second.Sources, s => Assert.True(s.From >= s.To!.Value.AddDays(-5), $"{s.SourceId} read from {s.From}"));
        Assert.Equal(0, first.Errors + second.Errors);
    }
}

public sealed class SqliteRunSequenceTests : RunSequenceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-runs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override Func<IServiceProvider, IEmailStatsStore> Store() => _ => new SqliteEmailStatsStore(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRunSequenceTests(PostgreSqlServer server) : RunSequenceTests
{
    protected override Func<IServiceProvider, IEmailStatsStore> Store()
    {
        var connection = server.CreateDatabaseAsync().GetAwaiter().GetResult();
        return _ => new PostgreSqlEmailStatsStore(connection);
    }
}
