using System.Net;
using static EmailStats.Clients.GetResponse.Tests.Fixture;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>
/// Proof that the fixture mappings discriminate: another token, a missing or unexpected <c>X-Domain</c>, another id, a
/// missing, extra or different parameter is not matched (WireMock answers 404).
/// </summary>
public sealed class RequestMatchingTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    private static readonly GetResponseStatsQuery ThreeDays = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(Day(11, 1), Day(11, 3));

    private async Task AssertUnmatched(Func<GetResponseStatsClient, Task> call, GetResponseStatsClient? client = null)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => call(client ?? server.CreateClient()));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task The_right_call_matches()
    {
        await server.CreateClient().GetNewsletterStatsAsync("N1", ThreeDays);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("?query%5BgroupBy%5D=day&query%5BcreatedOn%5D%5Bfrom%5D=2026-11-01&query%5BcreatedOn%5D%5Bto%5D=2026-11-03", server.Requests[^1].RequestMessage.RawQuery);
    }

    [Fact]
    public Task Another_token_is_not_matched() => AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", ThreeDays), server.CreateClient("another-key-not-a-secret"));

    [Fact]
    public Task An_unexpected_domain_is_not_matched() => AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", ThreeDays), server.CreateClient(domain: "example.com"));

    [Fact]
    public Task A_missing_domain_is_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total)), server.CreateClient(domain: "example.org"));

    [Fact]
    public Task Another_newsletter_is_not_matched() => AssertUnmatched(c => c.GetNewsletterStatsAsync("N2", ThreeDays));

    [Fact]
    public Task Another_grouping_is_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).CreatedBetween(Day(11, 1), Day(11, 3))));

    [Fact]
    public Task Another_date_is_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(Day(11, 1), Day(11, 4))));

    [Fact]
    public Task A_missing_parameter_is_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(Day(11, 1), null)));

    [Fact]
    public Task An_extra_parameter_is_not_matched() => AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", ThreeDays.WithFields("sent")));

    [Fact]
    public Task Other_fields_are_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).WithFields("sent", "bounced")));

    [Fact]
    public Task Another_page_is_not_matched() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).CreatedBetween(Day(11, 5), null).WithPageSize(2).AtPage(4)));

    [Fact]
    public Task Other_newsletter_ids_are_not_matched() =>
        AssertUnmatched(c => c.GetNewslettersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(Day(11, 1), Day(11, 2)).ForNewsletters("N2", "N1")));

    [Fact]
    public Task Another_campaign_is_not_matched() =>
        AssertUnmatched(c => c.GetAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForCampaigns("W").WithPageSize(100).AtPage(1)));

    [Fact]
    public Task An_autoresponder_is_not_a_newsletter() =>
        AssertUnmatched(c => c.GetNewsletterStatsAsync("A1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(Day(11, 1), Day(11, 2))));
}
