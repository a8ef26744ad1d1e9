namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>The listing call that finds an account's newsletters, against the fixtures.</summary>
public sealed class NewsletterListTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    [Fact]
    public async Task A_campaigns_newsletters_are_listed_with_what_getresponse_sends()
    {
        var newsletters = new List<GetResponseNewsletter>();
        await foreach (var newsletter in server.CreateClient().ListNewslettersAsync("V"))
        {
            newsletters.Add(newsletter);
        }

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["N1", "N2"], newsletters.Select(n => n.NewsletterId));
        var first = newsletters[0];
        Assert.Equal(("News of November", "broadcast", "enabled", "2026-11-05T10:00:00+0000", "V"), (first.Subject, first.Type, first.Status, first.SendOn, first.CampaignId));
        Assert.Equal("getresponse", first.AdditionalData["editor"].GetString());
        Assert.Null(newsletters[1].Name);
    }

    [Fact]
    public void A_campaign_id_that_is_not_one_clean_value_is_refused()
    {
        Assert.Equal("campaignId", Assert.Throws<ArgumentException>(() => server.CreateClient().ListNewslettersAsync("V ")).ParamName);
    }
}
