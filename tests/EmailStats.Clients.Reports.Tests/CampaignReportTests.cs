using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class CampaignReportTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    [Fact]
    public async Task Reads_every_counter_of_a_campaign()
    {
        var report = await NewClient().GetCampaignReportAsync(Fixture.SentCampaignId);

        Assert.True(Server.LastRequestMatched);
        Assert.Equal($"/api/reports/email/{Fixture.SentCampaignId}", LastUrl);
        var stats = report.Stats;
        Assert.Equal(697, stats.Sent);
        Assert.Equal(655, stats.Delivered);
        Assert.Equal(210, stats.Opens.Unique);
        Assert.Equal(32.06, stats.Opens.Rate);
        Assert.Equal(Fixture.Utc(2024, 9, 27, 17, 33, 45, 464), stats.Opens.Last);
        Assert.Equal(169, stats.Clicks.Unique);
        Assert.Equal(25.8, stats.Clicks.Rate);
        Assert.Equal(Fixture.Utc(2024, 9, 27, 18, 2, 11, 20), stats.Clicks.Last);
        Assert.Equal((25L, 3.81), (stats.HardBounces.Count, stats.HardBounces.Rate));
        Assert.Equal((17L, 2.59), (stats.SoftBounces.Count, stats.SoftBounces.Rate));
        Assert.Equal((42L, 6.87), (stats.TotalBounces.Count, stats.TotalBounces.Rate));
        Assert.Equal(1, stats.Complaints);
        Assert.Equal(3, stats.Unsubscribes);
    }

    [Fact]
    public async Task Reads_the_link_activity()
    {
        var links = (await NewClient().GetCampaignReportAsync(Fixture.SentCampaignId)).LinkActivity;

        Assert.Equal(2, links.Count);
        Assert.Equal("66f1a6e4698f1bca60424808", links[0].Id);
        Assert.Equal("https://instagram.com/", links[0].Path);
        Assert.Equal((0L, 0L), (links[0].Clicks.Total, links[0].Clicks.Unique));
        Assert.Equal("https://example.com/spring-sale", links[1].Path);
        Assert.Equal((212L, 169L), (links[1].Clicks.Total, links[1].Clicks.Unique));
    }

    [Fact]
    public async Task Escapes_the_campaign_id_as_one_path_segment_and_refuses_one_that_would_change_the_path()
    {
        var before = Server.Requests.Count;
        var slash = await Assert.ThrowsAsync<ArgumentException>(() => NewClient().GetCampaignReportAsync("odd/id"));
        await Assert.ThrowsAsync<ArgumentException>(() => NewClient().GetCampaignReportAsync(".."));
        Assert.Equal(before, Server.Requests.Count);
        Assert.Equal("campaignId", slash.ParamName);

        var report = await NewClient().GetCampaignReportAsync("odd id with space?");

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/reports/email/odd%20id%20with%20space%3F", LastUrl);
        Assert.Equal("/api/reports/email/odd id with space?", Server.Requests[^1].RequestMessage.Path);
        Assert.Equal(1, report.Stats.Sent);
        Assert.Equal(100, report.Stats.Opens.Rate);
        Assert.Null(report.Stats.Opens.Last);
        Assert.Null(report.Stats.Clicks.Last);
        Assert.Empty(report.LinkActivity);
    }

    [Fact]
    public async Task Reads_sparse_and_null_sections_as_zeros_and_keeps_unknown_fields()
    {
        var report = await NewClient().GetCampaignReportAsync("campaign-sparse");

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(12, report.Stats.Sent);
        Assert.Equal(0, report.Stats.Delivered);
        Assert.Equal(0, report.Stats.Opens.Unique);
        Assert.Equal(2, report.Stats.HardBounces.Count);
        Assert.Equal(0, report.Stats.SoftBounces.Count);
        Assert.Empty(report.LinkActivity);
        Assert.Equal("B", report.AdditionalData["abTest"].GetProperty("winner").GetString());
    }

    [Fact]
    public async Task A_counter_that_is_not_a_number_is_a_response_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetCampaignReportAsync("campaign-bad-number"));

        Assert.True(Server.LastRequestMatched);
        Assert.Contains("whole number", error.Message);
        Assert.Contains("\"twelve\"", error.BodySnippet);
    }

    [Fact]
    public async Task An_html_page_with_200_is_a_response_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetCampaignReportAsync("campaign-html"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("text/html", error.ContentType);
        Assert.Contains("HTML page", error.Message);
    }

    [Fact]
    public async Task An_empty_body_is_a_response_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetCampaignReportAsync("campaign-empty"));

        Assert.True(Server.LastRequestMatched);
        Assert.Contains("the body is empty", error.Message);
    }

    [Fact]
    public async Task An_unknown_campaign_is_record_not_found()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetCampaignReportAsync("000000000000000000000000"));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RecordNotFound", error.ErrorCode);
        Assert.Equal(["Email campaign 000000000000000000000000 not found"], error.Errors);
        Assert.Null(error.RetryAfter);
        Assert.Null(error.RateLimit);
    }

    [Fact]
    public async Task An_unmapped_id_gets_no_match_and_no_error_code()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetCampaignReportAsync("66f1a6e4698f1bca60426099"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.False(Server.LastRequestMatched);
    }
}
