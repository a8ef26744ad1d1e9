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
            Bounces = 12, Complaints = 5, Unsubscribes = 3,
        }, days[0]);
        Assert.Equal(Expected.Days.Select(d => (long?)d.Requests), days.Select(d => d.Sent));
        Assert.Equal(Expected.Days.Select(d => (long?)d.SpamReports), days.Select(d => d.Complaints));
    }

    [Fact]
    public async Task Categories_are_summed_per_day()
    {
        var source = new SendGridV2EmailStatsSource(server.Client(SendGridV2Api.Subuser), SendGridServer.Subuser, ["categoryA"]);

        var days = await source.GetDailyMetricsAsync(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21));

        Assert.Equal("user bob [categoryA]", source.Name);
        Assert.Equal([400L, 380L], days.Select(d => d.Sent!.Value));
        Assert.Equal([120L, 101L], days.Select(d => d.Opens!.Value));
        Assert.Equal([1L, 1L], days.Select(d => d.Complaints!.Value));
        Assert.Equal(TimeZoneInfo.Utc, source.TimeZone);
    }

    [Fact]
    public async Task Errors_and_refusals_pass_through()
    {
        var source = new SendGridV2EmailStatsSource(server.Client(), "unknown@example.com");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetDailyMetricsAsync(new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 1)));
        await Assert.ThrowsAsync<EmailStatsApiException>(() => source.GetDailyMetricsAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)));
        Assert.Throws<ArgumentException>(() => new SendGridV2EmailStatsSource(server.Client(), " "));
        Assert.Throws<ArgumentException>(() => new SendGridV2EmailStatsSource(server.Client(), "u", [""]));
    }
}
