using System.Net;
using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>
/// Proof that the fixture mappings discriminate: the same call with another key, another or a missing
/// <c>on-behalf-of</c>, another path, a missing, extra or different parameter is not matched (WireMock answers 404),
/// so a passing wire test means the client sent the right request.
/// </summary>
public sealed class RequestMatchingTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    private static readonly SendGridV3StatsQuery ThreeDays = SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3)).AggregatedBy(SendGridAggregation.Day);

    private async Task AssertUnmatched(Func<SendGridV3StatsClient, Task> call, SendGridV3StatsClient? client = null)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => call(client ?? server.CreateClient()));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task The_right_call_matches()
    {
        await server.CreateClient().GetGlobalStatsAsync(ThreeDays);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("start_date=2026-11-01&end_date=2026-11-03&aggregated_by=day", server.Requests[^1].RequestMessage.RawQuery!.TrimStart('?'));
    }

    [Fact]
    public Task Another_key_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(ThreeDays), server.CreateClient("another-key-not-a-secret"));

    [Fact]
    public Task An_on_behalf_of_header_the_mapping_does_not_expect_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(ThreeDays), server.CreateClient(onBehalfOf: "shop-eu"));

    [Fact]
    public Task Another_on_behalf_of_subuser_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1))), server.CreateClient(onBehalfOf: "shop-us"));

    [Fact]
    public Task A_missing_on_behalf_of_header_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1))));

    [Fact]
    public Task Another_start_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 2), Day(11, 3)).AggregatedBy(SendGridAggregation.Day)));

    [Fact]
    public Task A_missing_parameter_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3))));

    [Fact]
    public Task An_extra_parameter_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(ThreeDays.WithPageSize(5).AtOffset(0)));

    [Fact]
    public Task Another_aggregation_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3)).AggregatedBy(SendGridAggregation.Week)));

    [Fact]
    public Task Another_page_is_not_matched() =>
        AssertUnmatched(c => c.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(10, 1), Day(10, 31)).AggregatedBy(SendGridAggregation.Week).WithPageSize(2).AtOffset(2)));

    [Fact]
    public Task A_missing_category_is_not_matched() =>
        AssertUnmatched(c => c.GetCategoryStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 2)).AggregatedBy(SendGridAggregation.Day).ForCategories("newsletter")));

    [Fact]
    public Task An_extra_category_is_not_matched() =>
        AssertUnmatched(c => c.GetCategoryStatsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 2)).AggregatedBy(SendGridAggregation.Day).ForCategories("newsletter", "receipts", "onboarding")));

    [Fact]
    public Task Another_sort_direction_is_not_matched() =>
        AssertUnmatched(c => c.GetCategorySumsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 30)).SortBy(SendGridV3Metric.Clicks, SendGridSortDirection.Ascending).WithPageSize(2).AtOffset(0)));

    [Fact]
    public Task Another_sort_metric_is_not_matched() =>
        AssertUnmatched(c => c.GetSubuserSumsAsync(SendGridV3StatsQuery.Between(Day(11, 1)).SortBy(SendGridV3Metric.Opens, SendGridSortDirection.Ascending)));

    [Fact]
    public Task Another_subuser_is_not_matched() =>
        AssertUnmatched(c => c.GetSubuserStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).ForSubusers("shop-eu", "shop-ca").WithPageSize(10).AtOffset(0)));

    [Fact]
    public Task Another_month_is_not_matched() =>
        AssertUnmatched(c => c.GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(Day(11, 16)).ForSubuser("shop-eu")));

    [Fact]
    public Task Another_subuser_substring_is_not_matched() =>
        AssertUnmatched(c => c.GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).Matching("shop-").SortBy(SendGridV3Metric.Requests).WithPageSize(2).AtOffset(0)));

    [Fact]
    public Task Another_client_type_is_not_matched() =>
        AssertUnmatched(c => c.GetClientStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).ForClientType(SendGridClientType.Tablet)));

    [Fact]
    public Task Another_country_is_not_matched() =>
        AssertUnmatched(c => c.GetGeoStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).InCountry(SendGridCountry.CA)));

    [Fact]
    public Task Another_browser_is_not_matched() =>
        AssertUnmatched(c => c.GetBrowserStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 2)).ForBrowsers("Chrome", "Safari").WithPageSize(500).AtOffset(0)));

    [Fact]
    public Task Another_mailbox_provider_is_not_matched() =>
        AssertUnmatched(c => c.GetMailboxProviderStatsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).AggregatedBy(SendGridAggregation.Day).ForMailboxProviders("Gmail", "Outlook")));
}
