using static EmailStats.Clients.GetResponse.Tests.Fixture;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>Bad input is refused before any request leaves the process, naming the parameter and the rule.</summary>
public sealed class QueryTests
{
    private readonly RecordingHandler _handler = new();

    private GetResponseStatsClient Client(string? domain = null) =>
        new(new HttpClient(_handler), new GetResponseOptions { ApiKey = ApiKey, BaseAddress = new Uri("http://127.0.0.1:9/v3/"), Domain = domain });

    [Fact]
    public void A_start_after_the_end_and_default_days_are_refused()
    {
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => GetResponseStatsQuery.All().CreatedBetween(Day(11, 2), Day(11, 1))).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => GetResponseStatsQuery.All().CreatedBetween(default(DateOnly), null)).ParamName);
        Assert.Equal(Day(11, 2), GetResponseStatsQuery.All().CreatedBetween(null, Day(11, 2)).CreatedTo);
    }

    [Theory]
    [InlineData(0, 1, "pageSize")]
    [InlineData(1001, 1, "pageSize")]
    [InlineData(100, 0, "page")]
    public void A_page_out_of_range_is_refused(int pageSize, int page, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => GetResponseStatsQuery.All().WithPageSize(pageSize).AtPage(page)).ParamName);

    [Theory]
    [InlineData("")]
    [InlineData(" N1")]
    [InlineData("N1,N2")]
    public void An_empty_padded_or_comma_holding_id_is_refused(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => GetResponseStatsQuery.All().ForNewsletters(id));

        Assert.Equal("newsletterIds", e.ParamName);
        Assert.Contains("must not be empty or start or end with white space, nor hold ','", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_ids_no_ids_and_undefined_groupings_are_refused()
    {
        Assert.Contains("'V' is named twice", Assert.Throws<ArgumentException>(() => GetResponseStatsQuery.All().ForCampaigns("V", "V")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GetResponseStatsQuery.All().ForAutoresponders());
        Assert.Throws<ArgumentOutOfRangeException>(() => GetResponseStatsQuery.All().GroupedBy((GetResponseGrouping)9));
        Assert.Throws<ArgumentException>(() => GetResponseStatsQuery.All().WithFields("sent", "sent"));
    }

    [Fact]
    public async Task Every_call_refuses_what_its_endpoint_does_not_take_and_sends_nothing()
    {
        var client = Client();
        var day = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day);

        await Refused(() => client.GetNewsletterStatsAsync("N1", day.ForCampaigns("V")), "query", "A single message's statistics takes no campaign ids");
        await Refused(() => client.GetAutoresponderStatsAsync("A1", day.ForNewsletters("N1")), "query", "takes no newsletter ids");
        await Refused(() => client.GetNewslettersStatsAsync(day.ForAutoresponders("A1")), "query", "The newsletters collection takes no autoresponder ids");
        await Refused(() => client.GetAutorespondersStatsAsync(day.ForNewsletters("N1")), "query", "The autoresponders collection takes no newsletter ids");
        await Refused(() => client.GetAutorespondersStatsAsync(day), "query", "needs autoresponder or campaign ids");
        await Refused(() => client.GetNewsletterStatsAsync("N/1", day), "newsletterId", "goes into the request path as one segment");
        await Refused(() => client.GetAutoresponderStatsAsync(" ", day), "autoresponderId", "");
        Assert.Throws<ArgumentException>(() => client.GetAllAutorespondersStatsAsync(day));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetNewslettersStatsAsync(null!));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task The_request_is_built_from_the_query_with_ids_comma_separated_and_the_domain_as_its_header()
    {
        await Client("example.pl").GetAutorespondersStatsAsync(
            GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForAutoresponders("A1", "A2").ForCampaigns("V").CreatedBetween(Day(1, 1), Day(6, 30)).WithFields("sent", "bounced").WithPageSize(500).AtPage(3));

        var request = _handler.Requests.Single();
        Assert.Equal(
            "http://127.0.0.1:9/v3/autoresponders/statistics?query%5BgroupBy%5D=month&query%5BautoresponderId%5D=A1%2CA2&query%5BcampaignId%5D=V&query%5BcreatedOn%5D%5Bfrom%5D=2026-01-01&query%5BcreatedOn%5D%5Bto%5D=2026-06-30&fields=sent%2Cbounced&perPage=500&page=3",
            request.RequestUri!.AbsoluteUri);
        Assert.Equal("example.pl", request.Headers.GetValues("X-Domain").Single());
        Assert.Equal("api-key " + ApiKey, request.Headers.GetValues("X-Auth-Token").Single());
    }

    [Fact]
    public void Queries_are_immutable_and_describe_themselves()
    {
        var start = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day);
        var narrowed = start.CreatedBetween(Day(11, 1), null).ForNewsletters("N1", "N2").WithPageSize(1000);

        Assert.Null(start.CreatedFrom);
        Assert.Empty(start.NewsletterIds);
        Assert.Equal("GetResponseStatsQuery(groupBy day, createdOn 2026-11-01.., newsletters N1,N2, perPage 1000)", narrowed.ToString());
        Assert.Equal("GetResponseStatsQuery()", GetResponseStatsQuery.All().ToString());
    }

    private static async Task Refused(Func<Task> call, string parameter, string message)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
