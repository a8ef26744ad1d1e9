using System.Net;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// The GetResponse API v3 client against the sandbox: the same messages as the JSON-RPC API (a message's numbers agree
/// across the two), groupings that add up, createdOn, collections by id and campaign, paging, GetResponse's errors.
/// </summary>
public sealed class GetResponseSandboxTests(SandboxServer server) : IClassFixture<SandboxServer>
{
    private readonly EmailStatsSandbox _sandbox = server.Sandbox;

    private GetResponseStatsClient Client(string? key = null)
    {
        var options = new GetResponseOptions();
        _sandbox.Configure(options);
        options.ApiKey = key ?? options.ApiKey;
        return new GetResponseStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private MessageStatsClient JsonRpc()
    {
        var options = new JsonRpcMessagesOptions();
        _sandbox.Configure(options);
        return new MessageStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private static async Task<List<GetResponseStatsPeriod>> All(IAsyncEnumerable<GetResponseStatsPeriod> periods)
    {
        var list = new List<GetResponseStatsPeriod>();
        await foreach (var period in periods)
        {
            list.Add(period);
        }

        return list;
    }

    [Fact]
    public async Task A_newsletters_v3_numbers_are_its_json_rpc_numbers_day_by_day()
    {
        foreach (var id in _sandbox.GetResponse.NewsletterIds)
        {
            var v15 = await JsonRpc().GetMessageStatsAsync(MessageStatsQuery.ForMessage(id).GroupedBy(MessageStatsGrouping.Daily));
            var v3 = await All(Client().GetAllNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).WithPageSize(1000)));

            Assert.Equal(v15.Select(p => DateOnly.FromDateTime(p.Start)), v3.Select(p => DateOnly.FromDateTime(p.TimeInterval.Start.UtcDateTime)));
            Assert.Equal(
                v15.Select(p => (p.Sent, p.Opened, p.UniqueOpened, p.Clicked, p.UniqueClicked, p.Goals, p.Forwarded, p.Unsubscribes, p.ComplaintsHandled + p.ComplaintsUnhandled)),
                v3.Select(p => (p.Sent!.Value, p.TotalOpened!.Value, p.UniqueOpened!.Value, p.TotalClicked!.Value, p.UniqueClicked!.Value, p.Goals!.Value, p.Forwarded!.Value, p.Unsubscribed!.Value, p.Complaints!.Value)));
            Assert.All(v3, p => Assert.InRange(p.TotalHumanOpened!.Value, 0, p.TotalOpened!.Value));
        }
    }

    [Fact]
    public async Task Hours_add_up_to_days_days_to_months_and_months_to_the_total()
    {
        var id = _sandbox.GetResponse.NewsletterIds[2];
        var hours = await All(Client().GetAllNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).WithPageSize(100)));
        var days = await All(Client().GetAllNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day)));
        var months = (await Client().GetNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month))).Items;
        var total = Assert.Single((await Client().GetNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total))).Items);

        Assert.True(hours.Count > 100, $"{hours.Count} hours");
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromHours(1), h.TimeInterval.End - h.TimeInterval.Start));
        Assert.All(months, m => Assert.Equal((1, 1), (m.TimeInterval.Start.Day, m.TimeInterval.Months)));
        var sent = hours.Sum(h => h.Sent!.Value);
        Assert.Equal(sent, days.Sum(d => d.Sent!.Value));
        Assert.Equal(sent, months.Sum(m => m.Sent!.Value));
        Assert.Equal(sent, total.Sent);
        Assert.Equal(hours.Sum(h => h.UniqueClicked!.Value), total.UniqueClicked);
        Assert.Equal(days[0].TimeInterval.Start, total.TimeInterval.Start);
        Assert.Equal(days[^1].TimeInterval.End, total.TimeInterval.End);
    }

    [Fact]
    public async Task CreatedOn_counts_the_activity_of_its_days_both_included()
    {
        var id = _sandbox.GetResponse.NewsletterIds[1];
        var days = await All(Client().GetAllNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day)));
        var from = DateOnly.FromDateTime(days[2].TimeInterval.Start.UtcDateTime);
        var to = from.AddDays(3);

        var window = Assert.Single((await Client().GetNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).CreatedBetween(from, to))).Items);

        var expected = days.Where(d => DateOnly.FromDateTime(d.TimeInterval.Start.UtcDateTime) is var day && day >= from && day <= to).Sum(d => d.TotalOpened!.Value);
        Assert.Equal(expected, window.TotalOpened);
        Assert.True(expected > 0);
    }

    [Fact]
    public async Task A_campaigns_newsletters_and_named_newsletters_are_summed()
    {
        var promo = _sandbox.GetResponse.Campaigns["cmp-promo"];
        var total = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total);
        var each = new List<long>();
        foreach (var id in promo)
        {
            each.Add((await Client().GetNewsletterStatsAsync(id, total)).Items.Single().Sent!.Value);
        }

        var byCampaign = (await Client().GetNewslettersStatsAsync(total.ForCampaigns("cmp-promo"))).Items.Single().Sent;
        var byIds = (await Client().GetNewslettersStatsAsync(total.ForNewsletters(promo))).Items.Single().Sent;
        var everything = (await Client().GetNewslettersStatsAsync(total)).Items.Single().Sent;
        var news = (await Client().GetNewslettersStatsAsync(total.ForCampaigns("cmp-news"))).Items.Single().Sent;

        Assert.Equal(each.Sum(), byCampaign);
        Assert.Equal(each.Sum(), byIds);
        Assert.Equal(everything, byCampaign + news);
    }

    [Fact]
    public async Task Pages_carry_their_headers_and_walk_to_the_end()
    {
        var id = _sandbox.GetResponse.NewsletterIds[0];
        var first = await Client().GetNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).WithPageSize(100));
        var all = await All(Client().GetAllNewsletterStatsAsync(id, GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).WithPageSize(100)));

        Assert.Equal(1, first.CurrentPage);
        Assert.Equal(100, first.Items.Count);
        Assert.Equal(all.Count, first.TotalCount);
        Assert.Equal((all.Count + 99) / 100, first.TotalPages);
        Assert.Equal(all.Select(h => h.TimeInterval.Start).Distinct().Count(), all.Count);
    }

    [Fact]
    public async Task Autoresponders_send_every_day_and_their_campaign_sums_them()
    {
        var welcome = await All(Client().GetAllAutoresponderStatsAsync("ar-welcome", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(SandboxServer.Today.AddDays(-9), SandboxServer.Today)));
        var both = (await Client().GetAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).ForAutoresponders("ar-welcome", "ar-onboarding"))).Items.Single();
        var campaign = (await Client().GetAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).ForCampaigns("cmp-news"))).Items.Single();

        Assert.Equal(10, welcome.Count);
        Assert.All(welcome, d => Assert.True(d.Sent > 0));
        Assert.Equal(both.Sent, campaign.Sent);
    }

    [Fact]
    public async Task GetResponses_errors_are_typed_with_their_codes()
    {
        var wrongKey = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client("wrong").GetNewsletterStatsAsync("sbx-launch", GetResponseStatsQuery.All()));
        var unknown = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetNewsletterStatsAsync("nope", GetResponseStatsQuery.All()));
        var autoresponder = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetAutoresponderStatsAsync("sbx-launch", GetResponseStatsQuery.All()));

        Assert.Equal((HttpStatusCode.Unauthorized, "1014"), (wrongKey.StatusCode, wrongKey.ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, "1013"), (unknown.StatusCode, unknown.ErrorCode));
        Assert.Contains("newsletterId: nope", unknown.Errors);
        Assert.Contains("autoresponderId: sbx-launch", autoresponder.Errors);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_code_1015_and_leaves_json_rpc_alone()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.GetResponse, SandboxFault.RateLimited(TimeSpan.FromSeconds(8)));

        var v15 = await JsonRpc().GetMessageStatsAsync(MessageStatsQuery.ForMessage("sbx-digest"));
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetNewsletterStatsAsync("sbx-digest", GetResponseStatsQuery.All()));

        Assert.NotEmpty(v15);
        Assert.Equal((HttpStatusCode.TooManyRequests, "1015", TimeSpan.FromSeconds(8)), (e.StatusCode, e.ErrorCode, e.RetryAfter));
        Assert.Contains("timeToReset: 60 seconds", e.Errors);
    }
}
