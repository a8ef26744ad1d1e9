namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>The provider-neutral adapter: every mapping proved on fixture data.</summary>
public sealed class EmailStatsSourceTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    [Theory]
    [InlineData(SendGridV2Format.Json)]
    [InlineData(SendGridV2Format.Xml)]
    public async Task A_users_days_map_field_by_field(SendGridV2Format format)
    {
        var source = new SendGridV2EmailStatsSource(server.Client(SendGridV2Api.Reseller, format), SendGridServer.ResellerUser);

        var days = await source.GetDailyMetricsAsync(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 22));

        Assert.Equal(3, days.Count);
        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "SendGridV2", Source = "user alice@example.com", Date = new DateOnly(2009, 6, 20),
            Sent = 12342, Delivered = 12001, Opens = 9992, UniqueOpens = 2203, Clicks = 10223, UniqueClicks = 801,
            HardBounces = 12, SoftBounces = 4, Bounces = 12 + 4, Complaints = 5, Unsubscribes = 3, IsComplete = true,
        }, days[0]);
        Assert.Equal(Expected.Days.Select(d => (long?)d.Requests), days.Select(d => d.Sent));
        Assert.Equal(Expected.Days.Select(d => (long?)d.SpamReports), days.Select(d => d.Complaints));
    }

    [Fact]
    public async Task A_subuser_category_reports_the_metrics_its_statistics_carry()
    {
        var source = new SendGridV2EmailStatsSource(server.Client(SendGridV2Api.Subuser), SendGridServer.Subuser, "categoryA");

        var days = await source.GetDailyMetricsAsync(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21));

        Assert.Equal("user bob [categoryA]", source.Name);
        Assert.Equal([400L, 380L], days.Select(d => d.Sent!.Value));
        Assert.Equal([120L, 101L], days.Select(d => d.Opens!.Value));
        Assert.Equal([1L, 1L], days.Select(d => d.Complaints!.Value));
        Assert.Equal(TimeZoneInfo.Utc, source.TimeZone);

        // Seed 001: subuser category statistics carry requests, bounces, clicks, opens and spamreports only; the
        // metrics they do not carry are null on every row, never 0. Without blocks the soft bounces are unknown, so
        // the total is too: hard bounces alone are not "bounces".
        Assert.Equal(EmailMetric.Sent | EmailMetric.Opens | EmailMetric.Clicks | EmailMetric.HardBounces | EmailMetric.Complaints, source.Metrics);
        Assert.All(days, d =>
        {
            Assert.Null(d.Delivered);
            Assert.Null(d.UniqueOpens);
            Assert.Null(d.UniqueClicks);
            Assert.Null(d.Unsubscribes);
            Assert.Null(d.Bounces);
            Assert.Null(d.SoftBounces);
            Assert.NotNull(d.HardBounces);
            Assert.NotNull(d.Clicks);
        });
    }

    [Fact]
    public async Task Reseller_category_statistics_report_every_metric()
    {
        var source = new SendGridV2EmailStatsSource(server.Client(SendGridV2Api.Reseller), SendGridServer.ResellerUser, "categoryA");

        var days = await source.GetDailyMetricsAsync(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21));

        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "SendGridV2", Source = "user alice@example.com [categoryA]", Date = new DateOnly(2009, 6, 20),
            Sent = 400, Delivered = 390, Opens = 120, UniqueOpens = 60, Clicks = 40, UniqueClicks = 20, HardBounces = 4, SoftBounces = 6, Bounces = 4 + 6,
            Complaints = 1, Unsubscribes = 1, IsComplete = true,
        }, days[0]);
        Assert.Equal([371L, 50L, 16L], [days[1].Delivered!.Value, days[1].UniqueOpens!.Value, days[1].UniqueClicks!.Value]);
    }

    [Fact]
    public async Task Errors_and_refusals_pass_through()
    {
        var source = new SendGridV2EmailStatsSource(server.Client(), "unknown@example.com");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetDailyMetricsAsync(new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 1)));
        await Assert.ThrowsAsync<EmailStatsApiException>(() => source.GetDailyMetricsAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)));
        Assert.Throws<ArgumentException>(() => new SendGridV2EmailStatsSource(server.Client(), " "));
        Assert.Throws<ArgumentException>(() => new SendGridV2EmailStatsSource(server.Client(), "u", ""));
    }
}
