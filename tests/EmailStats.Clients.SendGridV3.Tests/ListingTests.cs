namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>The listing calls that find an account's subusers and categories, against the fixtures.</summary>
public sealed class ListingTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    [Fact]
    public async Task Subusers_are_listed_page_after_page_with_what_sendgrid_sends()
    {
        var pages = new List<EmailStatsPage<SendGridSubuser>>();
        await foreach (var page in server.CreateClient().ListSubusersAsync().AsPages(pageSizeHint: 2))
        {
            Assert.True(server.LastRequestMatched);
            pages.Add(page);
        }

        Assert.Equal([2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(["2", null], pages.Select(p => p.ContinuationToken));
        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(["shop-eu", "shop-us", "shop-ca"], all.Select(s => s.Username));
        Assert.Equal(new SendGridSubuser { Id = 1235, Username = "shop-us", Email = "us@example.com", Disabled = true }, all[1]);
        Assert.Equal(1234, all[0].AdditionalData["user_id"].GetInt32());
    }

    [Fact]
    public async Task Categories_are_listed_by_prefix()
    {
        var names = new List<string>();
        await foreach (var category in server.CreateClient().ListCategoriesAsync("news"))
        {
            names.Add(category.Name);
        }

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["newsletter", "news-digest"], names);
    }

    [Fact]
    public void A_padded_or_empty_filter_is_refused_before_anything_is_sent()
    {
        var before = server.Requests.Count;

        Assert.Equal("username", Assert.Throws<ArgumentException>(() => server.CreateClient().ListSubusersAsync(" shop")).ParamName);
        Assert.Equal("prefix", Assert.Throws<ArgumentException>(() => server.CreateClient().ListCategoriesAsync("")).ParamName);
        Assert.Equal(before, server.Requests.Count);
    }
}
