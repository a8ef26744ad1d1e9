using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>The one-view adapter over the fixtures: the mapping, the null rule, the days SendGrid no longer keeps.</summary>
public sealed class EmailStatsSourceTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    private static readonly TimeProvider December1 = new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Global_days_map_every_metric()
    {
        var source = new SendGridV3EmailStatsSource(server.CreateClient(), timeProvider: December1);

        var rows = await source.GetDailyMetricsAsync(Day(11, 1), Day(11, 3));

        Assert.True(server.LastRequestMatched);
        var full = Full(1200, 1);
        Assert.Equal(
            new DailyEmailMetrics
            {
                Provider = "SendGridV3", Source = "v3 global", Date = Day(11, 1), Sent = 1200, Delivered = full.Delivered, Opens = full.Opens,
                UniqueOpens = full.UniqueOpens, Clicks = full.Clicks, UniqueClicks = full.UniqueClicks, HardBounces = full.Bounces,
                SoftBounces = full.Blocks, Bounces = full.Bounces + full.Blocks, Complaints = full.SpamReports, Unsubscribes = full.Unsubscribes,
                IsComplete = true,
            },
            rows[0]);
        Assert.Equal([1200L, 950L, 300L], rows.Select(r => r.Sent!.Value));
    }

    [Fact]
    public async Task A_metric_one_subuser_did_not_send_makes_the_days_sum_null_not_smaller()
    {
        var source = new SendGridV3EmailStatsSource(server.CreateClient(), subusers: ["shop-eu", "shop-us"], timeProvider: December1);

        var rows = await source.GetDailyMetricsAsync(Day(11, 1), Day(11, 2));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(Full(400, 1).Delivered + Full(900, 2).Delivered, rows[0].Delivered);
        Assert.Null(rows[1].Delivered);
        Assert.Equal(1320, rows[1].Sent);
    }

    [Fact]
    public async Task Category_days_older_than_thirteen_months_are_null_rows_with_a_note_and_never_asked_for()
    {
        var source = new SendGridV3EmailStatsSource(server.CreateClient(), category: "newsletter", timeProvider: December1);
        var before = server.Requests.Count;

        var rows = await source.GetDailyMetricsAsync(Day(10, 30, 2025), Day(11, 1, 2025));

        Assert.Equal(before + 1, server.Requests.Count);
        Assert.True(server.LastRequestMatched);
        Assert.All(rows.Take(2), r => Assert.Null(r.Sent));
        Assert.Contains("previous 13 months only (from 2025-11-01", rows[0].Note, StringComparison.Ordinal);
        Assert.Equal(640, rows[2].Sent);
        Assert.Null(rows[2].Note);
        Assert.Equal("v3 category newsletter", rows[2].Source);
    }

    [Fact]
    public async Task A_day_past_the_asked_end_is_dropped_and_a_missing_day_reads_as_zero()
    {
        var source = new SendGridV3EmailStatsSource(server.CreateClient(), timeProvider: December1);

        var rows = await source.GetDailyMetricsAsync(Day(11, 20), Day(11, 22));

        Assert.Equal([Day(11, 20), Day(11, 21), Day(11, 22)], rows.Select(r => r.Date));
        Assert.Equal([100L, 0L, 300L], rows.Select(r => r.Sent!.Value));
    }

    [Fact]
    public async Task Days_not_begun_in_the_accounts_zone_are_null_rows()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var source = new SendGridV3EmailStatsSource(server.CreateClient(), timeZone: tokyo, timeProvider: new FixedClock(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero)));

        var rows = await source.GetDailyMetricsAsync(Day(11, 20), Day(11, 23));

        Assert.Equal(tokyo, source.TimeZone);
        Assert.Equal(Day(11, 22), source.GetToday());
        Assert.Null(rows[3].Sent);
        Assert.Contains("has not begun yet in Asia/Tokyo", rows[3].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_and_subusers_together_or_bad_names_are_refused()
    {
        var client = server.CreateClient();

        Assert.Equal("subusers", Assert.Throws<ArgumentException>(() => new SendGridV3EmailStatsSource(client, category: "a", subusers: ["b"])).ParamName);
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => new SendGridV3EmailStatsSource(client, category: " ")).ParamName);
        Assert.Throws<ArgumentException>(() => new SendGridV3EmailStatsSource(client, subusers: Enumerable.Range(0, 11).Select(i => $"s{i}")));
        Assert.Throws<ArgumentException>(() => new SendGridV3EmailStatsSource(client, subusers: [""]));
        Assert.Equal("v3 global (on behalf of shop-eu)", new SendGridV3EmailStatsSource(server.CreateClient(onBehalfOf: "shop-eu")).Name);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
