using static EmailStats.Clients.GetResponse.Tests.Fixture;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>The one-view adapter over the fixtures: UTC days, a zone's days from UTC hours, the null rule, the mapping.</summary>
public sealed class EmailStatsSourceTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    private static readonly TimeProvider December1 = new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_newsletters_utc_days_map_every_metric_and_drop_the_day_past_the_range()
    {
        var source = new GetResponseEmailStatsSource(server.CreateClient(), timeProvider: December1);

        var rows = await source.GetDailyMetricsAsync(Day(11, 20), Day(11, 22));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(
            new DailyEmailMetrics
            {
                Provider = "GetResponse", Source = "v3 newsletters", Date = Day(11, 20), Sent = 100, Delivered = null, Opens = 51, UniqueOpens = 33,
                Clicks = 13, UniqueClicks = 10, Bounces = 2, Complaints = 1, Unsubscribes = 2, IsComplete = true,
            },
            rows[0]);
        Assert.Equal([100L, 0L, 300L], rows.Select(r => r.Sent!.Value));
        Assert.All(rows, r => Assert.Null(r.Delivered));
        Assert.All(rows, r => Assert.True(r.HardBounces is null && r.SoftBounces is null, "v3 gives bounces as a total")); // bounced, no split
        Assert.Equal(HealthJudging.PeriodOnly, source.Judging);
    }

    [Fact]
    public async Task A_zones_day_is_the_sum_of_its_utc_hours_and_a_counter_an_hour_lacks_makes_it_null()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var source = new GetResponseEmailStatsSource(server.CreateClient(), "N1", berlin, December1);

        var row = Assert.Single(await source.GetDailyMetricsAsync(Day(11, 20), Day(11, 20)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("v3 newsletter N1", row.Source);
        Assert.Equal(60, row.Sent);
        Assert.Equal(10 + 20, row.Opens);
        Assert.Null(row.Clicks);
        Assert.Null(row.UniqueOpens);
    }

    [Fact]
    public void A_zone_with_a_half_hour_offset_and_a_bad_id_are_refused()
    {
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        Assert.Contains("not a whole number of hours", Assert.Throws<ArgumentException>(() => new GetResponseEmailStatsSource(server.CreateClient(), timeZone: india)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GetResponseEmailStatsSource(server.CreateClient(), "N/1"));
        Assert.Throws<ArgumentException>(() => new GetResponseEmailStatsSource(server.CreateClient(), " "));
    }

    [Fact]
    public async Task Days_not_begun_in_the_zone_are_null_rows()
    {
        var source = new GetResponseEmailStatsSource(server.CreateClient(), timeProvider: new FixedClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));

        var rows = await source.GetDailyMetricsAsync(Day(11, 20), Day(11, 23));

        Assert.Equal(Day(11, 22), source.GetToday());
        Assert.Equal([100L, 0L, 300L], rows.Take(3).Select(r => r.Sent!.Value));
        Assert.Null(rows[3].Sent);
        Assert.Contains("has not begun yet in UTC", rows[3].Note, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
