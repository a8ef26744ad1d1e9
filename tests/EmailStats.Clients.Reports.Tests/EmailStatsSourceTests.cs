namespace EmailStats.Clients.Reports.Tests;

/// <summary>The provider-neutral adapter: every mapping proved on fixture data.</summary>
public sealed class EmailStatsSourceTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    private static readonly DateOnly Sep23 = new(2024, 9, 23);
    private static readonly TimeProvider Noon25 = new FixedTime(new DateTimeOffset(2024, 9, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_histogram_maps_to_its_metric_and_totals_are_null()
    {
        var source = new ReportsEmailStatsSource(NewClient(), "UTC", Noon25);

        var days = await source.GetDailyMetricsAsync(Sep23, Sep23.AddDays(2));

        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "Reports", Source = "account", Date = Sep23,
            Sent = 500, Delivered = 490, Opens = null, UniqueOpens = 150, Clicks = null, UniqueClicks = 40, Bounces = 10, Complaints = 1, Unsubscribes = 3,
        }, days[0]);
        Assert.Equal([320L, 318L, 2L, 1L, 0L, 90L, 25L], [days[1].Sent!.Value, days[1].Delivered!.Value, days[1].Bounces!.Value, days[1].Unsubscribes!.Value, days[1].Complaints!.Value, days[1].UniqueOpens!.Value, days[1].UniqueClicks!.Value]);
        Assert.Equal(0, days[2].Sent);
        Assert.Null(days[2].Opens);
        Assert.Equal(7, Server.Requests.Count(r => r.RequestMessage.Path == "/api/reports/email/overall/histogram" && r.RequestMessage.RawQuery!.Contains("pastDays=3", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Days_older_than_90_are_refused_before_any_request()
    {
        var source = new ReportsEmailStatsSource(NewClient(), "UTC", Noon25);
        var before = Server.Requests.Count;

        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetDailyMetricsAsync(new DateOnly(2024, 6, 27), Sep23));

        Assert.Equal("from", e.ParamName);
        Assert.Contains("2024-06-28", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Server.Requests.Count);
    }

    [Fact]
    public void The_time_zone_must_be_an_iana_id()
    {
        Assert.Throws<ArgumentException>(() => new ReportsEmailStatsSource(NewClient(), "Mars/Base"));
        Assert.Equal("Europe/Paris", new ReportsEmailStatsSource(NewClient(), "Europe/Paris").TimeZone.Id);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
