using EmailStats.Clients.GetResponse;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The listing calls find every subuser, category, domain and newsletter of an estate's accounts.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly EmailStatsSandbox _sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 30 });

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Every_subuser_and_category_of_a_sendgrid_parent_is_listed_once()
    {
        var agency = _sandbox.AddSendGridAccount("lister", subusers: 250);
        var options = new SendGridV3Options();
        agency.Configure(options);
        var client = new SendGridV3StatsClient(new HttpClient(_sandbox.CreateHandler()), options);

        var subusers = await All(client.ListSubusersAsync());
        var categories = await All(client.ListCategoriesAsync());
        var one = await All(client.ListSubusersAsync(agency.Subusers[7]));

        Assert.Equal(agency.Subusers, subusers.Select(s => s.Username));
        Assert.Equal(agency.Categories.Values.SelectMany(c => c).Distinct().Order(StringComparer.Ordinal), categories.Select(c => c.Name));
        Assert.Equal([agency.Subusers[7]], one.Select(s => s.Username));
    }

    [Fact]
    public async Task Every_domain_of_a_mailgun_account_and_every_newsletter_of_a_getresponse_account_is_listed_once()
    {
        var shops = _sandbox.AddMailgunAccount("domains", domains: 120);
        var news = _sandbox.AddGetResponseAccount("letters", newsletters: 40);
        var mailgunOptions = new MailgunOptions();
        shops.Configure(mailgunOptions);
        var getResponseOptions = new GetResponseOptions();
        news.Configure(getResponseOptions);

        var domains = await All(new MailgunStatsClient(new HttpClient(_sandbox.CreateHandler()), mailgunOptions).ListDomainsAsync().AsPages(pageSizeHint: 50));
        var newsletters = await All(new GetResponseStatsClient(new HttpClient(_sandbox.CreateHandler()), getResponseOptions).ListNewslettersAsync().AsPages(pageSizeHint: 15));

        Assert.Equal(shops.Domains, domains.Select(d => d.Name));
        Assert.Equal(news.NewsletterIds, newsletters.Select(n => n.NewsletterId));
        Assert.All(newsletters, n => Assert.Equal(news.Subjects[n.NewsletterId], n.Subject));
    }

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<List<T>> All<T>(IAsyncEnumerable<EmailStatsPage<T>> pages)
    {
        var list = new List<T>();
        await foreach (var page in pages)
        {
            list.AddRange(page.Items);
        }

        return list;
    }
}
