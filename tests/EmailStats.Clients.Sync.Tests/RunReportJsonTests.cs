using System.Text.Json;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// The run log's JSON is what stores keep across versions: its names and shapes are fixed, and a report reads back as
/// it was written.
/// </summary>
public sealed class RunReportJsonTests
{
    // As the store has kept it since the run log was added: snake_case names, days as yyyy-MM-dd, durations in ms.
    private static readonly string Kept = """
        {"run_id":"r1","started_at":"2026-12-01T10:00:00+01:00","finished_at":"2026-12-01T10:00:02.5+01:00",
        "accounts":[{"account":"shop","provider":"Mailgun","sources":2,"error":null,"duration_ms":1500},
        {"account":"old","provider":null,"sources":0,"error":"EmailStats:Accounts:old: Provider is required.","duration_ms":0}],
        "sources":[{"source":"shop/domain/mg.example.com","account":"shop","from":"2026-11-01","to":"2026-11-30","days_written":3,"days_unchanged":27,"error":null,"duration_ms":250},
        {"source":"shop/account","account":"shop","from":null,"to":null,"days_written":0,"days_unchanged":0,"error":"Mailgun: 401 Unauthorized","duration_ms":12}]}
        """.ReplaceLineEndings("");

    private static readonly SyncRunReport Report = new()
    {
        RunId = "r1",
        StartedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1)),
        FinishedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 2, 500, TimeSpan.FromHours(1)),
        Accounts =
        [
            new AccountRunReport("shop", "Mailgun", 2, null, TimeSpan.FromMilliseconds(1500)),
            new AccountRunReport("old", null, 0, "EmailStats:Accounts:old: Provider is required.", TimeSpan.Zero),
        ],
        Sources =
        [
            new SourceRunReport("shop/domain/mg.example.com", "shop", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 3, 27, null, TimeSpan.FromMilliseconds(250)),
            new SourceRunReport("shop/account", "shop", null, null, 0, 0, "Mailgun: 401 Unauthorized", TimeSpan.FromMilliseconds(12)),
        ],
    };

    [Fact]
    public void A_report_is_written_in_the_kept_shape()
    {
        Assert.Equal(Kept, Report.ToJson());
    }

    [Fact]
    public void A_kept_report_reads_back_as_it_was_written()
    {
        var read = SyncRunReport.FromJson(Kept);

        Assert.Equal(Report.RunId, read.RunId);
        Assert.Equal(Report.StartedAt, read.StartedAt);
        Assert.Equal(Report.FinishedAt, read.FinishedAt);
        Assert.Equal(Report.Accounts, read.Accounts);
        Assert.Equal(Report.Sources, read.Sources);
        Assert.Equal((3, 27, 2), (read.DaysWritten, read.DaysUnchanged, read.Errors));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"run_id":"r1","started_at":"yesterday","finished_at":"2026-12-01T10:00:00Z"}""")]
    [InlineData("[")]
    public void What_is_not_a_report_is_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => SyncRunReport.FromJson(json));
    }
}
