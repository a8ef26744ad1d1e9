using EmailStats.Clients.Internal;
using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class CampaignEngagementTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    [Theory]
    [InlineData(EngagementPeriod.TwentyFourHours, "24hours", 24, 20, 4)]
    [InlineData(EngagementPeriod.Week, "week", 7, 6, 1)]
    [InlineData(EngagementPeriod.Month, "month", 30, 25, 5)]
    public async Task Sends_each_period_with_its_wire_string(EngagementPeriod period, string wire, long total, long opens, long clicks)
    {
        Assert.Equal(wire, WireName.Of(period));

        var engagement = await NewClient().GetCampaignEngagementAsync(Fixture.SentCampaignId, period);

        Assert.True(Server.LastRequestMatched);
        Assert.Equal($"/api/reports/email/{Fixture.SentCampaignId}/engagement?period={wire}&timezone=UTC", LastUrl);
        var point = Assert.Single(engagement.Histogram);
        Assert.Equal(total, point.Total);
        Assert.Equal(opens, point.Detail!.UniqueOpens);
        Assert.Equal(clicks, point.Detail.UniqueClicks);
        Assert.Null(point.Detail.Hard);
        Assert.Equal(total, engagement.Peak!.Total);
        Assert.Equal(Fixture.Utc(2024, 9, 27, 10), engagement.Peak.EndDate);
    }

    [Fact]
    public void The_default_period_is_24_hours()
    {
        Assert.Equal("24hours", WireName.Of(default(EngagementPeriod)));
    }

    [Fact]
    public async Task Sends_the_time_zone_and_reads_that_answer()
    {
        var engagement = await NewClient().GetCampaignEngagementAsync(Fixture.SentCampaignId, EngagementPeriod.Week, "America/New_York");

        Assert.True(Server.LastRequestMatched);
        Assert.Equal($"/api/reports/email/{Fixture.SentCampaignId}/engagement?period=week&timezone=America%2FNew_York", LastUrl);
        Assert.Equal(Fixture.Utc(2024, 9, 27, 4), engagement.Start);
        Assert.Equal(Fixture.Utc(2024, 10, 4, 4), engagement.End);
        Assert.Equal([9L, 2L], engagement.Histogram.Select(p => p.Total));
        Assert.Equal([8L, 2L], engagement.Histogram.Select(p => p.Detail!.UniqueOpens!.Value));
        Assert.Equal(Fixture.Utc(2024, 9, 28, 4), engagement.Peak!.PeriodEnd);
    }

    [Fact]
    public async Task A_validation_error_keeps_every_message()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetCampaignEngagementAsync("campaign-validation", EngagementPeriod.Month));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(["period must be one of 24hours, week, month", "campaign has not been sent"], error.Errors);
        Assert.Contains("[code ValidationError]", error.Message);
    }

    [Fact]
    public async Task Another_period_than_the_mapping_gets_no_match()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(
            () => NewClient().GetCampaignEngagementAsync(Fixture.SentCampaignId, EngagementPeriod.Month, "America/New_York"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(Server.LastRequestMatched);
    }
}
