namespace EmailStats.Clients.Reports.Tests;

/// <summary>The provider-neutral adapter: every mapping proved on fixture data.</summary>
public sealed class EmailStatsSourceTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    private static readonly DateOnly Sep23 = new(2024, 9, 23);
    private static readonly TimeProvider Noon25 = new FixedTime(new DateTimeOffset(2024, 9, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_histogram_maps_to_its_metric_and_first_ever_opens_and_clicks_are_not_daily_counts()
    {
        var source = new ReportsEmailStatsSource(NewClient(), "UTC", Noon25);
        var before = Server.Requests.Count;

        var days = await source.GetDailyMetricsAsync(Sep23, Sep23.AddDays(2));

        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "Reports", Source = "account", Date = Sep23,
            Sent = 500, Delivered = 490, Bounces = 10, Complaints = 1, Unsubscribes = 3, IsComplete = true,
        }, days[0]);
        Assert.Equal([320L, 318L, 2L, 1L, 1L, 1L, 0L], [days[1].Sent!.Value, days[1].Delivered!.Value, days[1].Bounces!.Value, days[1].HardBounces!.Value, days[1].SoftBounces!.Value, days[1].Unsubscribes!.Value, days[1].Complaints!.Value]);
        Assert.Equal(0, days[2].Sent);
        Assert.Equal(0, days[2].HardBounces);
        Assert.False(days[2].IsComplete);
        Assert.All(days, d => Assert.True(d.Opens is null && d.UniqueOpens is null && d.Clicks is null && d.UniqueClicks is null));
        Assert.Equal(5, Server.Requests.Skip(before).Count(r => r.RequestMessage.Path == "/api/reports/email/overall/histogram" && r.RequestMessage.RawQuery!.Contains("pastDays=3", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Days_older_than_90_are_null_rows_with_a_note_and_are_never_asked_for()
    {
        var source = new ReportsEmailStatsSource(NewClient(), "UTC", Noon25);
        var before = Server.Requests.Count;

        var days = await source.GetDailyMetricsAsync(new DateOnly(2024, 6, 20), new DateOnly(2024, 6, 27));

        Assert.Equal(8, days.Count);
        Assert.All(days, d =>
        {
            Assert.Null(d.Sent);
            Assert.Null(d.UniqueOpens);
            Assert.Equal("Benchmark Email reports cover only the past 90 days: the first day available is 2024-06-28 (UTC).", d.Note);
        });
        Assert.Equal(before, Server.Requests.Count);
    }

    [Fact]
    public async Task Days_after_today_are_null_rows_and_today_is_read_once()
    {
        var source = new ReportsEmailStatsSource(NewClient(), "UTC", Noon25);

        var days = await source.GetDailyMetricsAsync(Sep23, Sep23.AddDays(4));

        Assert.Equal([500L, 320L, 0L, null, null], days.Select(d => d.Sent));
        Assert.Equal("The day has not begun yet in UTC.", days[3].Note);
        Assert.Null(days[2].Note);
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
