using System.Net;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// An estate of accounts: a SendGrid parent with 1,000 subusers, a Mailgun account with 200 domains, a GetResponse
/// account with 100 newsletters, each with numbers of its own that add up to the account's; accounts isolated from one
/// another (keys, faults); the loopback listener for programs that need a URL.
/// </summary>
public sealed class EstateTests : IDisposable
{
    private static readonly DateOnly Today = SandboxServer.Today;

    private readonly EmailStatsSandbox _sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 60 });

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_sendgrid_parent_with_a_thousand_subusers_is_the_sum_of_them_each_with_numbers_of_its_own()
    {
        var agency = _sandbox.AddSendGridAccount("agency", subusers: 1000);
        var client = SendGridV3(agency);
        var day = Today.AddDays(-5);
        var query = SendGridV3StatsQuery.Between(day, day);

        var parent = Assert.Single(await client.GetGlobalStatsAsync(query)).Stats.Single().Metrics;
        var subusers = new List<SendGridV3Metrics>();
        foreach (var batch in agency.Subusers.Chunk(10))
        {
            subusers.AddRange(Assert.Single(await client.GetSubuserStatsAsync(query.ForSubusers(batch))).Stats.Select(s => s.Metrics));
        }

        Assert.Equal(1000, agency.Subusers.Count);
        Assert.Equal("agency-0001", agency.Subusers[0]);
        Assert.Equal("agency-1000", agency.Subusers[^1]);
        Assert.Equal(parent.Requests, subusers.Sum(m => m.Requests));
        Assert.Equal(parent.Delivered, subusers.Sum(m => m.Delivered));
        Assert.Equal(parent.UniqueOpens, subusers.Sum(m => m.UniqueOpens));
        Assert.True(subusers.Select(m => m.Requests).Distinct().Count() > 500, "subusers have numbers of their own");
        Assert.All(subusers, m => Assert.True(m.Requests > 0));
    }

    [Fact]
    public async Task A_mailgun_account_with_two_hundred_domains_answers_each_and_their_sum()
    {
        var shops = _sandbox.AddMailgunAccount("shops", domains: 200);
        var client = Mailgun(shops);
        var day = new DateTimeOffset(Today.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount)
            .Between(day, day.AddDays(1)).WithResolution(MailgunResolution.Day);

        var byDomain = new List<MailgunMetricsItem>();
        await foreach (var item in client.QueryAllMetricsAsync(query.By(MailgunDimension.Domain).WithPageSize(50)))
        {
            byDomain.Add(item);
        }

        var account = Assert.Single((await client.QueryMetricsAsync(query)).Items);
        Assert.Equal(200, byDomain.Count);
        Assert.Equal(shops.Domains.Order(StringComparer.Ordinal), byDomain.Select(i => i[MailgunDimension.Domain]!.Value).Order(StringComparer.Ordinal));
        Assert.Equal(account.Metrics.Count(MailgunMetric.DeliveredCount), byDomain.Sum(i => i.Metrics.Count(MailgunMetric.DeliveredCount)));
        Assert.True(byDomain.Select(i => i.Metrics.Count(MailgunMetric.AcceptedOutgoingCount)).Distinct().Count() > 100);
    }

    [Fact]
    public async Task A_getresponse_account_with_a_hundred_newsletters_answers_each_of_them()
    {
        var news = _sandbox.AddGetResponseAccount("news", newsletters: 100);
        var client = GetResponse(news);

        var totals = new Dictionary<string, long>();
        foreach (var id in news.NewsletterIds)
        {
            totals[id] = Assert.Single((await client.GetNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total))).Items).Sent!.Value;
        }

        Assert.Equal(100, news.NewsletterIds.Count);
        Assert.Equal("news-nl-001", news.NewsletterIds[0]);
        Assert.All(totals.Values, sent => Assert.True(sent > 0));
        Assert.True(totals.Values.Distinct().Count() > 90, "newsletters have numbers of their own");
        Assert.All(news.SentAt.Values, at => Assert.InRange(DateOnly.FromDateTime(at), Today.AddDays(-59), Today));
    }

    [Fact]
    public async Task Accounts_are_isolated_by_their_keys_and_their_faults()
    {
        var other = _sandbox.AddMailgunAccount("other", domains: 3);
        _sandbox.Faults.Enqueue(other, SandboxFault.ServerError(), int.MaxValue);

        var failed = await Assert.ThrowsAsync<EmailStatsApiException>(() => Mailgun(other).GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered)));
        var fine = await Mailgun(_sandbox.Mailgun).GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered));
        var options = new MailgunOptions();
        other.Configure(options);
        options.ApiKey = _sandbox.Mailgun.ApiKey + "-not";
        var refused = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            new MailgunStatsClient(new HttpClient(_sandbox.CreateHandler()), options).GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotEmpty(fine.Stats);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["d001.other.example", "d002.other.example", "d003.other.example"], other.Domains);
        Assert.True(_sandbox.Faults.Pending(other) > 1_000_000);
        _sandbox.Faults.Clear();
        Assert.NotEmpty((await Mailgun(other).GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered))).Stats);
    }

    [Fact]
    public void Account_names_are_checked_and_unique_per_provider()
    {
        Assert.Throws<ArgumentException>(() => _sandbox.AddSendGridAccount("acme", 3));
        Assert.Throws<ArgumentException>(() => _sandbox.AddMailgunAccount("Not A Name", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _sandbox.AddGetResponseAccount("zero", 0));
        var benchmark = _sandbox.AddBenchmarkAccount("acme-two");
        Assert.Equal("sandbox-benchmark-acme-two-key", benchmark.ApiKey);
        Assert.Contains(_sandbox.Accounts, a => a == benchmark);
    }

    [Fact]
    public async Task The_listener_serves_the_same_answers_on_a_loopback_port()
    {
        using var listening = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 60, Listen = true });
        var options = new ReportsOptions();
        listening.Configure(options);

        var overHttp = await new ReportsClient(new HttpClient(), options).GetEmailOverallAsync(ReportsQuery.PastDays(30));
        var inProcess = await new ReportsClient(new HttpClient(listening.CreateHandler()), options).GetEmailOverallAsync(ReportsQuery.PastDays(30));

        Assert.Equal("127.0.0.1", listening.Url.Host);
        Assert.StartsWith(listening.Url.AbsoluteUri, options.BaseAddress!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(inProcess.Stats.Sent.Count, overHttp.Stats.Sent.Count);
        Assert.True(overHttp.Stats.Sent.Count.Value > 0);
    }

    private SendGridV3StatsClient SendGridV3(SendGridSandboxAccount account)
    {
        var options = new SendGridV3Options();
        account.Configure(options);
        return new SendGridV3StatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private MailgunStatsClient Mailgun(MailgunSandboxAccount account)
    {
        var options = new MailgunOptions();
        account.Configure(options);
        return new MailgunStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private GetResponseStatsClient GetResponse(GetResponseSandboxAccount account)
    {
        var options = new GetResponseOptions();
        account.Configure(options);
        return new GetResponseStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }
}
