namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The listing call that finds an account's domains, against the fixtures.</summary>
public sealed class DomainListTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task Domains_are_listed_page_after_page_until_the_total_count()
    {
        var pages = new List<EmailStatsPage<MailgunDomain>>();
        await foreach (var page in server.CreateClient().ListDomainsAsync().AsPages(pageSizeHint: 2))
        {
            Assert.True(server.LastRequestMatched);
            pages.Add(page);
        }

        Assert.Equal(["mg.example.com", "news.example.com", "eu.example.com"], pages.SelectMany(p => p.Items).Select(d => d.Name));
        Assert.Equal(["2", null], pages.Select(p => p.ContinuationToken));
        var first = pages[0].Items[0];
        Assert.Equal(("1", "active", "custom", "Mon, 02 Jan 2006 15:04:05 MST"), (first.Id, first.State, first.Type, first.CreatedAt));
        Assert.Equal("blacklisted", first.AdditionalData["disabled"].GetProperty("code").GetString());
        Assert.Equal("6fr783930fhhriu673", pages[1].Items[0].SubaccountId);
    }

    [Fact]
    public void A_page_size_over_a_thousand_or_a_padded_search_is_refused()
    {
        Assert.Equal("pageSizeHint", Assert.Throws<ArgumentOutOfRangeException>(() => server.CreateClient().ListDomainsAsync().AsPages(pageSizeHint: 1001)).ParamName);
        Assert.Equal("search", Assert.Throws<ArgumentException>(() => server.CreateClient().ListDomainsAsync("mg ")).ParamName);
    }
}
