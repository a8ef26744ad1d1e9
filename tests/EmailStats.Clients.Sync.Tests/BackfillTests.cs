namespace EmailStats.Clients.Sync.Tests;

/// <summary>A source's first run reads BackfillDays back, never further than its provider serves.</summary>
public sealed class BackfillTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-backfill-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_long_backfill_stops_at_sendgrids_thirteen_months_of_category_statistics_and_reads_the_rest_as_asked()
    {
        await using var harness = SyncHarness.Create(
            Now,
            sandbox =>
            {
                var parent = sandbox.AddSendGridAccount("long", subusers: 1);
                return new Dictionary<string, string?>
                {
                    ["EmailStats:Accounts:sendgrid:Provider"] = "SendGridV3",
                    ["EmailStats:Accounts:sendgrid:ApiKey"] = parent.ApiKey,
                    ["EmailStats:Accounts:sendgrid:BaseAddress"] = parent.BaseAddress.ToString(),
                    ["EmailStats:Accounts:sendgrid:Sources:0"] = "global",
                    ["EmailStats:Accounts:sendgrid:Sources:1"] = "category:weekly",
                };
            },
            _ => new SqliteEmailStatsStore(Path.Combine(_folder, "backfill.db")),
            historyDays: 600,
            settings: s => s["EmailStats:Sync:BackfillDays"] = "500");
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var report = await harness.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(today.AddDays(-499), report.Sources.Single(s => s.SourceId == "sendgrid/global").From);
        Assert.Equal(today.AddMonths(-13).AddDays(1), report.Sources.Single(s => s.SourceId == "sendgrid/category/weekly").From);
    }
}
