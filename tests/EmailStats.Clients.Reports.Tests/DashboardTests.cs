using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class DashboardTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    [Fact]
    public async Task Reads_every_value_of_the_dashboard_in_UTC_by_default()
    {
        var dashboard = await NewClient().GetDashboardAsync(ReportsQuery.PastDays(30));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/reports/dashboard?pastDays=30&timezone=UTC", LastUrl);

        var campaign = dashboard.Campaign;
        Assert.Equal(2379, campaign.Sent.Count);
        Assert.Equal(0.76, campaign.Sent.Diff);
        Assert.Equal(2203, campaign.Delivered.Count);
        Assert.Equal(11.3, campaign.Delivered.Diff);
        Assert.Equal(733, campaign.UniqueOpens.Count.Value);
        Assert.Equal(-23.41, campaign.UniqueOpens.Count.Diff);
        Assert.Null(campaign.UniqueOpens.Count.Prev);
        Assert.Equal(33.27, campaign.UniqueOpens.Rate!.Value);
        Assert.Equal(-22.41, campaign.UniqueOpens.Rate.Diff);
        Assert.Equal(569, campaign.UniqueClicks.Count.Value);
        Assert.Equal(-21.52, campaign.UniqueClicks.Count.Diff);
        Assert.Equal(25.83, campaign.UniqueClicks.Rate!.Value);
        Assert.Equal(20.47, campaign.UniqueClicks.Rate.Diff);

        var contact = dashboard.Contact;
        Assert.Equal(5900, contact.Count.Value);
        Assert.Equal(29.55, contact.Count.Diff);
        Assert.Equal(Fixture.Utc(2024, 9, 29), contact.Histogram.Start);
        Assert.Equal(Fixture.Utc(2024, 10, 29), contact.Histogram.End);
        Assert.Equal([5420L, 5580L, 5710L, 5900L], contact.Histogram.Histogram.Select(p => p.Total));
        Assert.Equal(Fixture.Utc(2024, 10, 6), contact.Histogram.Histogram[1].Date);
        Assert.All(contact.Histogram.Histogram, p => Assert.Null(p.Detail));
    }

    [Fact]
    public async Task Reads_the_point_form_of_the_peak()
    {
        var peak = (await NewClient().GetDashboardAsync(ReportsQuery.PastDays(30))).Contact.Histogram.Peak!;

        Assert.Equal(Fixture.Utc(2024, 10, 20), peak.Date);
        Assert.Null(peak.StartDate);
        Assert.Null(peak.EndDate);
        Assert.Equal(peak.Date, peak.PeriodStart);
        Assert.Equal(peak.Date, peak.PeriodEnd);
        Assert.Equal(5900, peak.Total);
    }

    [Fact]
    public async Task Sends_the_time_zone_escaped_and_reads_that_answer()
    {
        var dashboard = await NewClient().GetDashboardAsync(ReportsQuery.PastDays(7).InTimeZone("Europe/Paris"));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/reports/dashboard?pastDays=7&timezone=Europe%2FParis", LastUrl);
        Assert.Equal(120, dashboard.Campaign.Sent.Count);
        Assert.Equal(-5.5, dashboard.Campaign.Sent.Diff);
        Assert.Equal(10.17, dashboard.Campaign.UniqueClicks.Rate!.Value);
        Assert.Equal(new DateTimeOffset(2024, 10, 28, 0, 0, 0, TimeSpan.FromHours(1)), dashboard.Contact.Histogram.Peak!.Date);
    }

    [Fact]
    public async Task Reads_numbers_sent_as_strings_missing_sections_and_extra_keys_whatever_the_content_type()
    {
        var dashboard = await NewClient().GetDashboardAsync(ReportsQuery.PastDays(2));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(2379, dashboard.Campaign.Sent.Count);
        Assert.Equal(0.76, dashboard.Campaign.Sent.Diff);
        Assert.Equal(2203, dashboard.Campaign.Delivered.Count);
        Assert.Equal(0, dashboard.Campaign.Delivered.Diff);
        Assert.Equal(733, dashboard.Campaign.UniqueOpens.Count.Value);
        Assert.Equal(-23.41, dashboard.Campaign.UniqueOpens.Count.Diff);
        Assert.Equal(33.27, dashboard.Campaign.UniqueOpens.Rate!.Value);
        Assert.Equal(0, dashboard.Campaign.UniqueOpens.Rate.Diff);

        // "uniqueClicks": null and a missing "contact" read as zeros, never null.
        Assert.Equal(0, dashboard.Campaign.UniqueClicks.Count.Value);
        Assert.Null(dashboard.Campaign.UniqueClicks.Rate);
        Assert.Equal(0, dashboard.Contact.Count.Value);
        Assert.Empty(dashboard.Contact.Histogram.Histogram);
        Assert.Null(dashboard.Contact.Histogram.Peak);

        Assert.Equal(3, dashboard.Campaign.AdditionalData["bounced"].GetProperty("count").GetInt32());
        Assert.Equal("2024-10-29T00:00:01.000Z", dashboard.AdditionalData["generatedAt"].GetString());
    }

    [Fact]
    public async Task Another_number_of_days_gets_no_match()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetDashboardAsync(ReportsQuery.PastDays(31)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(Server.LastRequestMatched);
    }

    [Fact]
    public async Task Another_time_zone_gets_no_match()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetDashboardAsync(ReportsQuery.PastDays(30).InTimeZone("Europe/London")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(Server.LastRequestMatched);
    }

    [Fact]
    public async Task A_wrong_key_gets_no_match()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient("fixture-key-other").GetDashboardAsync(ReportsQuery.PastDays(30)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.False(Server.LastRequestMatched);
    }
}
