namespace EmailStats.Clients.Sync.Tests;

/// <summary>The one contract every store keeps (DESIGN.md section 9.3), run against SQLite and against PostgreSQL.</summary>
public abstract class StoreContractTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly DateTimeOffset Fetched = new(2026, 11, 21, 8, 30, 0, TimeSpan.Zero);

    protected abstract Task<IEmailStatsStore> CreateStoreAsync();

    private static StoredSource Source(string id = "acme/subuser/shop") =>
        new(id, "acme", EmailStatsProvider.SendGridV3, "subuser", "shop", "v3 subusers [shop]", "Europe/Berlin", EmailMetric.All & ~EmailMetric.Delivered, HealthJudging.PeriodAndDays);

    private static DailyEmailMetrics Row(int offset, long? sent = 100, bool complete = true) => new()
    {
        Provider = "SendGridV3",
        Source = "v3 subusers [shop]",
        Date = Day.AddDays(offset),
        Sent = sent,
        Delivered = null,
        Opens = 40,
        UniqueOpens = 30,
        Clicks = 5,
        UniqueClicks = 4,
        Bounces = 3,
        HardBounces = 2,
        SoftBounces = 1,
        Complaints = 0,
        Unsubscribes = long.MaxValue,
        IsComplete = complete,
    };

    [Fact]
    public async Task Days_come_back_as_written_null_stays_null_and_the_checkpoint_is_kept()
    {
        var store = await CreateStoreAsync();
        List<DailyEmailMetrics> days = [Row(0), Row(1, sent: null), Row(2, complete: false)];

        var result = await store.WriteAsync(Source(), days, Day.AddDays(1), Fetched);

        Assert.Equal(new StoreWriteResult(3, 0), result);
        var stored = await store.ReadAsync("acme/subuser/shop", Day.AddDays(-5), Day.AddDays(5));
        Assert.Equal(days, stored.Select(s => s.Metrics));
        Assert.All(stored, s => Assert.Equal(Fetched, s.FetchedAt));
        Assert.Equal(Day.AddDays(1), await store.GetCheckpointAsync("acme/subuser/shop"));
        Assert.Equal([Source()], await store.GetSourcesAsync());
    }

    [Fact]
    public async Task Writing_the_same_days_again_changes_nothing_and_a_changed_day_is_written_over()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(Source(), [Row(0), Row(1, complete: false)], null, Fetched);

        var again = await store.WriteAsync(Source(), [Row(0), Row(1, complete: false)], null, Fetched.AddHours(1));
        var grown = await store.WriteAsync(Source(), [Row(0), Row(1, sent: 150)], null, Fetched.AddHours(2));

        Assert.Equal(new StoreWriteResult(0, 2), again);
        Assert.Equal(new StoreWriteResult(1, 1), grown);
        var stored = await store.ReadAsync("acme/subuser/shop", Day, Day.AddDays(1));
        Assert.Equal([100L, 150L], stored.Select(s => s.Metrics.Sent!.Value));
        Assert.True(stored[1].Metrics.IsComplete);
        Assert.Equal([Fetched, Fetched.AddHours(2)], stored.Select(s => s.FetchedAt));
    }

    [Fact]
    public async Task The_checkpoint_only_moves_forward_and_a_null_one_leaves_it()
    {
        var store = await CreateStoreAsync();

        await store.WriteAsync(Source(), [Row(0)], Day.AddDays(5), Fetched);
        await store.WriteAsync(Source(), [Row(1)], Day.AddDays(2), Fetched);
        await store.WriteAsync(Source(), [Row(2)], null, Fetched);

        Assert.Equal(Day.AddDays(5), await store.GetCheckpointAsync("acme/subuser/shop"));
        Assert.Null(await store.GetCheckpointAsync("acme/subuser/other"));
    }

    [Fact]
    public async Task Unreported_days_are_not_kept_and_a_day_given_twice_is_refused()
    {
        var store = await CreateStoreAsync();
        var notBegun = new DailyEmailMetrics { Provider = "SendGridV3", Source = "x", Date = Day.AddDays(9), Note = "The day has not begun yet in UTC." };

        var result = await store.WriteAsync(Source(), [Row(0), notBegun], null, Fetched);
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Source(), [Row(0), Row(0)], null, Fetched));

        Assert.Equal(new StoreWriteResult(1, 0), result);
        Assert.Single(await store.ReadAsync("acme/subuser/shop", Day, Day.AddDays(10)));
        Assert.Contains("2026-11-20 is given twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_are_apart_and_a_source_that_disappears_keeps_its_rows()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(Source("acme/subuser/shop"), [Row(0)], null, Fetched);
        await store.WriteAsync(Source("acme/subuser/outlet") with { Name = "outlet" }, [Row(0, sent: 7)], null, Fetched);

        Assert.Equal(["acme/subuser/outlet", "acme/subuser/shop"], (await store.GetSourcesAsync()).Select(s => s.Id));
        Assert.Equal(7, Assert.Single(await store.ReadAsync("acme/subuser/outlet", Day, Day)).Metrics.Sent);
        Assert.Empty(await store.ReadAsync("acme/subuser/gone", Day, Day));
    }

    [Fact]
    public async Task Initializing_again_or_from_several_workers_at_once_migrates_once()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(Source(), [Row(0)], null, Fetched);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.InitializeAsync()));

        Assert.Single(await store.ReadAsync("acme/subuser/shop", Day, Day));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_source_leave_one_row_per_day()
    {
        var store = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.WriteAsync(Source(), [Row(0, sent: 100 + (i % 2)), Row(1)], Day, Fetched.AddMinutes(i))));

        var stored = await store.ReadAsync("acme/subuser/shop", Day, Day.AddDays(1));
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored[0].Metrics.Sent, new long?[] { 100, 101 });
    }

    [Fact]
    public async Task The_run_log_keeps_every_run_newest_first()
    {
        var store = await CreateStoreAsync();
        var first = new SyncRunReport
        {
            RunId = "run-1",
            StartedAt = Fetched,
            FinishedAt = Fetched.AddSeconds(3),
            Accounts = [new AccountRunReport("acme", "SendGridV3", 2, null, TimeSpan.FromSeconds(3)), new AccountRunReport("bad", null, 0, "Account 'bad': Provider is required.", TimeSpan.Zero)],
            Sources = [new SourceRunReport("acme/subuser/shop", "acme", Day, Day.AddDays(3), 4, 0, null, TimeSpan.FromMilliseconds(120))],
        };
        var second = first with { RunId = "run-2", StartedAt = Fetched.AddHours(1), FinishedAt = Fetched.AddHours(1).AddSeconds(2) };

        await store.WriteRunAsync(first);
        await store.WriteRunAsync(second);
        var runs = await store.ReadRunsAsync(5);

        Assert.Equal(["run-2", "run-1"], runs.Select(r => r.RunId));
        Assert.Equal(first.Accounts, runs[1].Accounts);
        Assert.Equal(first.Sources, runs[1].Sources);
        Assert.Equal((4, 1), (runs[1].DaysWritten, runs[1].Errors));
    }
}

public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-store-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<IEmailStatsStore> CreateStoreAsync()
    {
        var store = new SqliteEmailStatsStore(Path.Combine(_folder, "stats.db"));
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_a_store_exception_naming_sqlite()
    {
        var store = new SqliteEmailStatsStore(Path.Combine(_folder, "no-such-folder", "stats.db"));

        var e = await Assert.ThrowsAsync<EmailStatsStoreException>(() => store.InitializeAsync());

        Assert.Contains("The SQLite store could not create or migrate the schema", e.Message, StringComparison.Ordinal);
    }
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreContractTests(PostgreSqlServer server) : StoreContractTests
{
    protected override async Task<IEmailStatsStore> CreateStoreAsync()
    {
        var store = new PostgreSqlEmailStatsStore(await server.CreateDatabaseAsync());
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public async Task An_unreachable_server_is_a_store_exception_without_the_password()
    {
        var store = new PostgreSqlEmailStatsStore("Host=127.0.0.1;Port=9;Username=sync;Password=hunter2-secret;Database=x;Timeout=2");

        var e = await Assert.ThrowsAsync<EmailStatsStoreException>(() => store.InitializeAsync());

        Assert.Contains("The PostgreSQL store could not create or migrate the schema", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:9/x", store.Database);
    }
}
