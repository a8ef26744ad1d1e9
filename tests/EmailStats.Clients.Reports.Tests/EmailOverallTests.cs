using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class EmailOverallTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    [Fact]
    public async Task Reads_the_campaign_comparison_and_delivery_times()
    {
        var report = await NewClient().GetEmailOverallAsync(ReportsQuery.PastDays(30));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/reports/email/overall?pastDays=30&timezone=UTC", LastUrl);
        Assert.Equal(2, report.CampaignComparison.Count);
        var first = report.CampaignComparison[0];
        Assert.Equal(Fixture.SentCampaignId, first.Id);
        Assert.Equal("Spring Sale Announcement", first.Name);
        Assert.Equal(25.8, first.Rates.Clicks);
        Assert.Equal(32.06, first.Rates.Opens);
        Assert.Equal(Fixture.Utc(2024, 9, 27, 9), first.ScheduledAt);
        Assert.Equal(Fixture.Utc(2024, 9, 2, 15, 30), report.CampaignComparison[1].ScheduledAt);
        Assert.Equal(12.5, report.CampaignComparison[1].Rates.Opens);

        Assert.Equal(34.28, report.DeliveryTimeStats.Morning);
        Assert.Equal(39.18, report.DeliveryTimeStats.Afternoon);
        Assert.Equal(0, report.DeliveryTimeStats.Evening);
        Assert.Equal(26.54, report.DeliveryTimeStats.Night);
    }

    [Fact]
    public async Task Reads_every_counter_with_its_previous_value_diff_and_rate()
    {
        var stats = (await NewClient().GetEmailOverallAsync(ReportsQuery.PastDays(30))).Stats;

        Assert.Equal((2822L, 3942L, -28.41), (stats.Sent.Count.Value, stats.Sent.Count.Prev!.Value, stats.Sent.Count.Diff));
        Assert.Null(stats.Sent.Rate);
        Assert.Equal((2611L, 3722L, -29.85), (stats.Delivered.Count.Value, stats.Delivered.Count.Prev!.Value, stats.Delivered.Count.Diff));
        Assert.Equal((10L, 5L, 100d), (stats.Complaints.Count.Value, stats.Complaints.Count.Prev!.Value, stats.Complaints.Count.Diff));
        Assert.Equal((7L, 14L, -50d), (stats.Unsubscribes.Count.Value, stats.Unsubscribes.Count.Prev!.Value, stats.Unsubscribes.Count.Diff));
        Assert.Equal((116L, 152L, -23.68), (stats.HardBounces.Count.Value, stats.HardBounces.Count.Prev!.Value, stats.HardBounces.Count.Diff));
        Assert.Equal((4.11, 3.86, 6.48), (stats.HardBounces.Rate!.Value, stats.HardBounces.Rate.Prev!.Value, stats.HardBounces.Rate.Diff));
        Assert.Equal((95L, 125L, -24d), (stats.SoftBounces.Count.Value, stats.SoftBounces.Count.Prev!.Value, stats.SoftBounces.Count.Diff));
        Assert.Equal((3.37, 3.17, 6.31), (stats.SoftBounces.Rate!.Value, stats.SoftBounces.Rate.Prev!.Value, stats.SoftBounces.Rate.Diff));
        Assert.Equal((211L, 277L, -23.83), (stats.TotalBounces.Count.Value, stats.TotalBounces.Count.Prev!.Value, stats.TotalBounces.Count.Diff));
        Assert.Equal((7.48, 7.03, 6.4), (stats.TotalBounces.Rate!.Value, stats.TotalBounces.Rate.Prev!.Value, stats.TotalBounces.Rate.Diff));
        Assert.Equal((971L, 1283L, -24.32), (stats.UniqueOpens.Count.Value, stats.UniqueOpens.Count.Prev!.Value, stats.UniqueOpens.Count.Diff));
        Assert.Equal((37.19, 34.47, 7.89), (stats.UniqueOpens.Rate!.Value, stats.UniqueOpens.Rate.Prev!.Value, stats.UniqueOpens.Rate.Diff));
        Assert.Equal((745L, 1010L, -26.24), (stats.UniqueClicks.Count.Value, stats.UniqueClicks.Count.Prev!.Value, stats.UniqueClicks.Count.Diff));
        Assert.Equal((28.53, 27.14, 5.12), (stats.UniqueClicks.Rate!.Value, stats.UniqueClicks.Rate.Prev!.Value, stats.UniqueClicks.Rate.Diff));
    }

    [Fact]
    public async Task Reads_an_empty_account_as_zeros_and_empty_lists()
    {
        var report = await NewClient().GetEmailOverallAsync(ReportsQuery.PastDays(90).InTimeZone("America/New_York"));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/reports/email/overall?pastDays=90&timezone=America%2FNew_York", LastUrl);
        Assert.Empty(report.CampaignComparison);
        Assert.Equal(0, report.Stats.Sent.Count.Value);
        Assert.Null(report.Stats.Sent.Count.Prev);
        Assert.Null(report.Stats.UniqueOpens.Rate);
    }

    [Fact]
    public async Task Malformed_json_is_a_response_exception_not_a_json_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetEmailOverallAsync(ReportsQuery.PastDays(1)));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Reports", error.Provider);
        Assert.StartsWith("{\"campaignComparison\"", error.BodySnippet);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_json_array_instead_of_the_object_is_a_response_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetEmailOverallAsync(ReportsQuery.PastDays(3)));

        Assert.True(Server.LastRequestMatched);
        Assert.Contains("expected the overall report object", error.Message);
        Assert.Equal("[]", error.BodySnippet);
    }
}
