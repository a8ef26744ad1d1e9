using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class CampaignListTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    private static CampaignListQuery SentNewestFirst => new CampaignListQuery().WithStatuses("sent").OrderByDescending("updatedAt").WithPageSize(2);

    [Fact]
    public async Task Walks_three_pages_in_order_and_stops_at_the_total()
    {
        var before = Server.Requests.Count;
        var campaigns = new List<Campaign>();
        await foreach (var campaign in NewClient().ListCampaignsAsync(SentNewestFirst))
        {
            campaigns.Add(campaign);
        }

        Assert.Equal(["66f1a6e4698f1bca60426001", "66f1a6e4698f1bca60426002", "66f1a6e4698f1bca60426003", "66f1a6e4698f1bca60426004", "66f1a6e4698f1bca60426005"],
            campaigns.Select(c => c.Id));
        var urls = Server.Requests.Skip(before).Select(r => new Uri(r.RequestMessage.Url).PathAndQuery).ToList();
        Assert.Equal(
            [
                "/api/email/campaign?page=1&size=2&statuses=sent&sort=updatedAt%3Adesc",
                "/api/email/campaign?page=2&size=2&statuses=sent&sort=updatedAt%3Adesc",
                "/api/email/campaign?page=3&size=2&statuses=sent&sort=updatedAt%3Adesc",
            ],
            urls);
        Assert.All(Server.Requests.Skip(before), r => Assert.NotNull(r.MappingGuid));
    }

    [Fact]
    public async Task Reads_every_field_of_a_campaign()
    {
        var campaign = await NewClient().ListCampaignsAsync(SentNewestFirst).FirstAsync();

        Assert.Equal("66f1a6e4698f1bca60426001", campaign.Id);
        Assert.Equal("Campaign 1", campaign.Name);
        Assert.Equal("news@example.com", campaign.From);
        Assert.Equal("Subject 1", campaign.Subject);
        Assert.Equal("Preview 1", campaign.PreviewText);
        Assert.Null(campaign.PreviewImageUrl);
        Assert.Equal("sent", campaign.Status);
        Assert.Equal(1001, campaign.SentCount);
        Assert.Equal(0, campaign.FailedCount);
        Assert.Equal(Fixture.Utc(2024, 9, 1, 10), campaign.CreatedAt);
        Assert.Equal(Fixture.Utc(2024, 9, 1, 14, 30), campaign.UpdatedAt);
        Assert.Equal(1001, campaign.AdditionalData["totalRecipients"].GetInt64());
    }

    [Fact]
    public async Task Requests_the_next_page_only_when_the_caller_gets_there()
    {
        var before = Server.Requests.Count;
        var taken = new List<Campaign>();
        await foreach (var campaign in NewClient().ListCampaignsAsync(SentNewestFirst))
        {
            taken.Add(campaign);
            if (taken.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(2, taken.Count);
        Assert.Equal(1, Server.Requests.Count - before);
    }

    [Fact]
    public async Task Uses_page_1_and_25_per_page_without_filter_or_sort_by_default()
    {
        var campaigns = await NewClient().ListCampaignsAsync().ToListAsync();

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("/api/email/campaign?page=1&size=25", LastUrl);
        Assert.Equal(2, campaigns.Count);
        var sent = campaigns[1];
        Assert.Equal("Spring Sale Announcement", sent.Name);
        Assert.Equal("https://cdn.example.com/previews/66f1a6e4698f1bca60426002.png", sent.PreviewImageUrl);
        Assert.Equal(4520, sent.SentCount);
        Assert.Equal(12, sent.FailedCount);
        Assert.Equal(0, campaigns[0].SentCount);
        Assert.Equal("draft", campaigns[0].Status);
    }

    [Fact]
    public async Task Sends_several_statuses_comma_separated_and_stops_on_an_empty_page_when_no_total_is_sent()
    {
        var before = Server.Requests.Count;
        var query = new CampaignListQuery().WithStatuses("draft", "sent").OrderBy("name").WithPageSize(2);

        var campaigns = await NewClient().ListCampaignsAsync(query).ToListAsync();

        Assert.Equal(["draft", "sent"], campaigns.Select(c => c.Status));
        Assert.Equal(2, Server.Requests.Count - before);
        Assert.Equal("/api/email/campaign?page=2&size=2&statuses=draft%2Csent&sort=name%3Aasc", LastUrl);
        Assert.True(Server.LastRequestMatched);
    }

    [Fact]
    public async Task Stops_with_a_response_exception_when_the_server_repeats_a_page()
    {
        var query = new CampaignListQuery().WithStatuses("scheduled").WithPageSize(1);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(async () =>
        {
            await foreach (var campaign in NewClient().ListCampaignsAsync(query))
            {
                seen.Add(campaign.Id);
            }
        });

        Assert.Equal(["66f1a6e4698f1bca60426007"], seen);
        Assert.Contains("ignores the page parameter", error.Message);
    }

    [Fact]
    public async Task A_page_without_records_is_a_response_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(
            async () => await NewClient().ListCampaignsAsync(new CampaignListQuery().WithPageSize(3)).ToListAsync());

        Assert.True(Server.LastRequestMatched);
        Assert.Contains("no records array", error.Message);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_walk_without_another_request()
    {
        using var cts = new CancellationTokenSource();
        var before = Server.Requests.Count;
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var campaign in NewClient().ListCampaignsAsync(SentNewestFirst).WithCancellation(cts.Token))
            {
                seen++;
                if (seen == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(2, seen);
        Assert.Equal(1, Server.Requests.Count - before);
    }

    [Fact]
    public async Task A_wrong_status_filter_gets_no_match()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(
            async () => await NewClient().ListCampaignsAsync(new CampaignListQuery().WithStatuses("sent").WithPageSize(2)).ToListAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(Server.LastRequestMatched);
    }

    [Fact]
    public void The_query_describes_itself_and_keeps_each_status_once()
    {
        var query = new CampaignListQuery().WithStatuses("sent", "draft", "sent").OrderByDescending("createdAt").WithPageSize(10);

        Assert.Equal(["sent", "draft"], query.Statuses);
        Assert.Equal("createdAt:desc", query.Sort);
        Assert.Equal(10, query.PageSize);
        Assert.Equal("campaigns, statuses sent,draft, sort createdAt:desc, 10 per page", query.ToString());
    }
}
