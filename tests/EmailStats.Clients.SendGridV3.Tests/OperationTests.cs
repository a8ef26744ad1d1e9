using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>Every statistics endpoint against its fixture: the request matched, and every value read.</summary>
public sealed class OperationTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    private readonly SendGridV3StatsClient _client = server.CreateClient();

    [Fact]
    public async Task Global_stats_read_every_metric_of_every_day()
    {
        var days = await _client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3)).AggregatedBy(SendGridAggregation.Day));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([Day(11, 1), Day(11, 2), Day(11, 3)], days.Select(d => d.Date));
        Assert.All(days, d => Assert.Null(Assert.Single(d.Stats).Type));
        Assert.Equal(Full(1200, 1), days[0].Stats[0].Metrics);
        Assert.Equal(Full(300, 0), days[2].Stats[0].Metrics);
        Assert.Equal(1200, days[0].Stats[0].Metrics.Requests);
        // processed 1198 (1 bounce drop, 1 unsubscribe drop) less 25 bounces, 6 blocks and 1 invalid address.
        Assert.Equal(1166, days[0].Stats[0].Metrics.Delivered);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_read_and_unknown_fields_and_metrics_are_kept()
    {
        var days = await _client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3)).AggregatedBy(SendGridAggregation.Day));

        var drifted = days[1];
        Assert.Equal(Full(950, 2), drifted.Stats[0].Metrics.Plain());
        Assert.Equal(4, drifted.Stats[0].Metrics.AdditionalData["machine_opens"].GetInt32());
        Assert.Equal("2026-11-03T00:00:00Z", drifted.AdditionalData["generated_at"].GetString());
        Assert.Empty(days[0].AdditionalData);
    }

    [Fact]
    public async Task On_behalf_of_is_sent_as_its_header()
    {
        var days = await server.CreateClient(onBehalfOf: "shop-eu").GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("shop-eu", server.Requests[^1].RequestMessage.Headers!["on-behalf-of"].Single());
        Assert.Equal(400, Assert.Single(days).Stats[0].Metrics.Requests);
    }

    [Fact]
    public async Task Weeks_and_a_page_are_asked_for_and_read()
    {
        var weeks = await _client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(10, 1), Day(10, 31)).AggregatedBy(SendGridAggregation.Week).WithPageSize(2).AtOffset(1));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([Day(10, 5), Day(10, 12)], weeks.Select(w => w.Date));
        Assert.Equal([7000L, 6500L], weeks.Select(w => w.Stats[0].Metrics.Requests!.Value));
    }

    [Fact]
    public async Task Without_an_end_no_end_date_is_sent()
    {
        var days = await _client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 30)));

        Assert.True(server.LastRequestMatched);
        Assert.DoesNotContain("end_date", server.Requests[^1].RequestMessage.RawQuery, StringComparison.Ordinal);
        Assert.Equal([Day(11, 30), Day(12, 1)], days.Select(d => d.Date));
        Assert.Equal(0, days[1].Stats[0].Metrics.Requests);
    }

    [Fact]
    public async Task Category_stats_have_an_entry_per_category_and_day()
    {
        var days = await _client.GetCategoryStatsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 2)).AggregatedBy(SendGridAggregation.Day).ForCategories("newsletter", "receipts"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["newsletter", "receipts"], server.Requests[^1].RequestMessage.Query!["categories"]);
        Assert.Equal(2, days.Count);
        Assert.All(days.SelectMany(d => d.Stats), e => Assert.Equal("category", e.Type));
        Assert.Equal(["newsletter", "receipts"], days[1].Stats.Select(e => e.Name));
        Assert.Equal(Full(600, 2), days[1].Stats[0].Metrics);
        Assert.Equal(Full(250, 1), days[1].Stats[1].Metrics);
    }

    [Fact]
    public async Task Category_sums_are_one_object_in_the_asked_order()
    {
        var sums = await _client.GetCategorySumsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 30)).SortBy(SendGridV3Metric.Clicks, SendGridSortDirection.Descending).WithPageSize(2).AtOffset(0));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(Day(11, 1), sums.Date);
        Assert.Equal(["newsletter", "receipts"], sums.Stats.Select(e => e.Name));
        Assert.Equal(Full(24000, 5), sums.Stats[0].Metrics);
    }

    [Fact]
    public async Task Sums_of_a_range_without_statistics_are_the_start_with_no_entries()
    {
        var sums = await _client.GetCategorySumsAsync(SendGridV3StatsQuery.Between(Day(1, 1, 2020), Day(1, 31, 2020)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(Day(1, 1, 2020), sums.Date);
        Assert.Empty(sums.Stats);
    }

    [Fact]
    public async Task Subuser_stats_have_an_entry_per_subuser()
    {
        var days = await _client.GetSubuserStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).ForSubusers("shop-eu", "shop-us").WithPageSize(10).AtOffset(0));

        Assert.True(server.LastRequestMatched);
        var day = Assert.Single(days);
        Assert.Equal([("subuser", "shop-eu"), ("subuser", "shop-us")], day.Stats.Select(e => (e.Type!, e.Name!)));
        Assert.Equal(Full(900, 2), day.Stats[1].Metrics);
    }

    [Fact]
    public async Task Subuser_sums_are_sorted_as_asked()
    {
        var sums = await _client.GetSubuserSumsAsync(SendGridV3StatsQuery.Between(Day(11, 1)).SortBy(SendGridV3Metric.UniqueOpens, SendGridSortDirection.Ascending));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["shop-eu", "shop-us"], sums.Stats.Select(e => e.Name));
        Assert.Equal(Full(27000, 3), sums.Stats[1].Metrics);
    }

    [Fact]
    public async Task Monthly_stats_of_every_subuser_carry_their_names()
    {
        var month = await _client.GetSubuserMonthlyAsync(
            SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).Matching("shop").SortBy(SendGridV3Metric.Requests).WithPageSize(2).AtOffset(0));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(Day(11, 1), month.Date);
        Assert.Equal([("Ana", "Ruiz", "shop-us"), ("Jan", "Nowak", "shop-eu")], month.Stats.Select(e => (e.FirstName!, e.LastName!, e.Name!)));
        Assert.Equal(Full(27000, 3), month.Stats[0].Metrics);
    }

    [Fact]
    public async Task Monthly_stats_of_one_subuser_use_its_path()
    {
        var month = await _client.GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(Day(11, 15)).ForSubuser("shop-eu"));

        Assert.True(server.LastRequestMatched);
        Assert.EndsWith("/v3/subusers/shop-eu/stats/monthly", server.Requests[^1].RequestMessage.Path, StringComparison.Ordinal);
        Assert.Equal(Day(11, 1), month.Date);
        Assert.Equal(Full(12000, 1), Assert.Single(month.Stats).Metrics);
    }

    [Fact]
    public async Task Mailbox_provider_stats_read_their_metrics_and_leave_the_others_null()
    {
        var days = await _client.GetMailboxProviderStatsAsync(
            SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).AggregatedBy(SendGridAggregation.Day).ForMailboxProviders("Gmail", "Yahoo"));

        Assert.True(server.LastRequestMatched);
        var gmail = Assert.Single(days).Stats[0];
        Assert.Equal(("mailbox_provider", "Gmail"), (gmail.Type, gmail.Name));
        Assert.Equal(
            new SendGridV3Metrics { Blocks = 1, Bounces = 3, Clicks = 50, Deferred = 2, Delivered = 696, Drops = 0, Opens = 200, Processed = 700, Requests = 700, SpamReports = 0, UniqueClicks = 40, UniqueOpens = 100 },
            gmail.Metrics);
        Assert.Null(gmail.Metrics.Unsubscribes);
        Assert.Null(gmail.Metrics.BounceDrops);
    }

    [Fact]
    public async Task Browser_stats_read_clicks_also_as_strings()
    {
        var days = await _client.GetBrowserStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 2)).ForBrowsers("Chrome", "Firefox").WithPageSize(500).AtOffset(0));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([40L, 9L, 35L, 0L], days.SelectMany(d => d.Stats).Select(e => e.Metrics.Clicks!.Value));
        Assert.All(days.SelectMany(d => d.Stats), e => Assert.Null(e.Metrics.Opens));
    }

    [Fact]
    public async Task Device_stats_by_month_read_opens()
    {
        var months = await _client.GetDeviceStatsAsync(SendGridV3StatsQuery.Between(Day(10, 1), Day(11, 30)).AggregatedBy(SendGridAggregation.Month));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([Day(10, 1), Day(11, 1)], months.Select(m => m.Date));
        Assert.Equal([("Desktop", 1300L, 800L), ("Phone", 2400L, 1500L)], months[1].Stats.Select(e => (e.Name!, e.Metrics.Opens!.Value, e.Metrics.UniqueOpens!.Value)));
        Assert.All(months.SelectMany(m => m.Stats), e => Assert.Null(e.Metrics.Clicks));
    }

    [Fact]
    public async Task Client_stats_read_every_client()
    {
        var days = await _client.GetClientStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([("Gmail", 120L), ("Apple Mail", 60L)], days[0].Stats.Select(e => (e.Name!, e.Metrics.Opens!.Value)));
    }

    [Fact]
    public async Task Client_stats_of_one_type_use_its_path()
    {
        var days = await _client.GetClientStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).ForClientType(SendGridClientType.Phone));

        Assert.True(server.LastRequestMatched);
        Assert.EndsWith("/v3/clients/phone/stats", server.Requests[^1].RequestMessage.Path, StringComparison.Ordinal);
        Assert.Equal(("iPhone", 70L, 52L), (days[0].Stats[0].Name, days[0].Stats[0].Metrics.Opens, days[0].Stats[0].Metrics.UniqueOpens));
    }

    [Fact]
    public async Task Geo_stats_of_a_country_are_per_state()
    {
        var days = await _client.GetGeoStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)).InCountry(SendGridCountry.US));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("US", server.Requests[^1].RequestMessage.Query!["country"].Single());
        Assert.Equal(
            [("province", "TX", 5L, 20L), ("province", "CA", 8L, 31L)],
            days[0].Stats.Select(e => (e.Type!, e.Name!, e.Metrics.Clicks!.Value, e.Metrics.Opens!.Value)));
    }

    [Fact]
    public async Task The_request_carries_the_key_as_a_bearer_token_and_nothing_else_secret()
    {
        await _client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 3)).AggregatedBy(SendGridAggregation.Day));

        var request = server.Requests[^1].RequestMessage;
        Assert.Equal("Bearer " + ApiKey, request.Headers!["Authorization"].Single());
        Assert.DoesNotContain(ApiKey, request.Url, StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("on-behalf-of"));
    }
}
