using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>Bad input is refused before any request leaves the process, naming the parameter and the rule.</summary>
public sealed class QueryTests
{
    private readonly RecordingHandler _handler = new();

    private SendGridV3StatsClient Client() =>
        new(new HttpClient(_handler), new SendGridV3Options { ApiKey = ApiKey, BaseAddress = new Uri("http://127.0.0.1:9/") });

    private static SendGridV3StatsQuery November => SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 30));

    [Fact]
    public void A_start_after_the_end_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SendGridV3StatsQuery.Between(Day(11, 2), Day(11, 1)));

        Assert.Equal("end", e.ParamName);
        Assert.Contains("must not be before the start (2026-11-02)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_start_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SendGridV3StatsQuery.Between(default));

        Assert.Equal("start", e.ParamName);
        Assert.Contains("start_date is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_ten_names_of_a_kind_are_refused()
    {
        var eleven = Enumerable.Range(1, 11).Select(i => $"c{i}").ToArray();

        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => November.ForCategories(eleven)).ParamName);
        Assert.Equal("subusers", Assert.Throws<ArgumentException>(() => November.ForSubusers(eleven)).ParamName);
        Assert.Equal("mailboxProviders", Assert.Throws<ArgumentException>(() => November.ForMailboxProviders(eleven)).ParamName);
        var browsers = Assert.Throws<ArgumentException>(() => November.ForBrowsers(eleven));
        Assert.Equal("browsers", browsers.ParamName);
        Assert.Contains("Name 1 to 10 browser name values (the provider's limit); 11 were given.", browsers.Message, StringComparison.Ordinal);
        Assert.Equal(10, November.ForCategories(eleven[..10]).Categories.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" padded")]
    public void An_empty_or_padded_name_is_refused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => November.ForCategories("newsletter", name));

        Assert.Contains("must not be empty or start or end with white space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_given_twice_and_none_at_all_are_refused()
    {
        Assert.Contains("'shop-eu' is named twice", Assert.Throws<ArgumentException>(() => November.ForSubusers("shop-eu", "shop-eu")).Message, StringComparison.Ordinal);
        Assert.Contains("0 were given", Assert.Throws<ArgumentException>(() => November.ForSubusers()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "pageSize")]
    [InlineData(-1, 0, "pageSize")]
    [InlineData(5, -1, "offset")]
    public void A_page_size_or_offset_out_of_range_is_refused(int pageSize, int offset, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => November.WithPageSize(pageSize).AtOffset(offset)).ParamName);
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).WithPageSize(pageSize).AtOffset(offset)).ParamName);
    }

    [Fact]
    public void Values_outside_the_enums_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => November.InCountry((SendGridCountry)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => November.AggregatedBy((SendGridAggregation)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => November.ForClientType((SendGridClientType)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => November.SortBy(SendGridV3Metric.Clicks, (SendGridSortDirection)5));
        Assert.Throws<ArgumentException>(() => November.SortBy(default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unique Opens")]
    [InlineData("opens1")]
    public void A_metric_name_must_be_a_wire_name(string name) =>
        Assert.Throws<ArgumentException>(() => SendGridV3Metric.Of(name));

    [Fact]
    public void Monthly_statistics_refuse_the_metrics_sendgrid_cannot_sort_them_by()
    {
        var e = Assert.Throws<ArgumentException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).SortBy(SendGridV3Metric.SpamReports));

        Assert.Equal("metric", e.ParamName);
        Assert.Contains("cannot sort monthly statistics by 'spam_reports'", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["bounce_drops", "deferred", "invalid_emails", "processed", "spam_report_drops", "spam_reports", "unsubscribe_drops"],
            Metrics().Where(m => !m.SortsMonthly).Select(m => m.Name));
        Assert.Equal("unique_opens", SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).SortBy(SendGridV3Metric.UniqueOpens).SortMetric!.Value.Name);
    }

    [Fact]
    public void One_subuser_and_a_name_substring_exclude_each_other()
    {
        Assert.Throws<ArgumentException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).ForSubuser("shop-eu").Matching("shop"));
        Assert.Throws<ArgumentException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).Matching("shop").ForSubuser("shop-eu"));
        Assert.Throws<ArgumentException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).ForSubuser("shop/eu"));
        Assert.Throws<ArgumentException>(() => SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).ForSubuser(".."));
        Assert.Throws<ArgumentOutOfRangeException>(() => SendGridV3MonthlyQuery.ForMonth(default));
    }

    [Fact]
    public async Task Every_call_refuses_a_part_its_endpoint_does_not_take_and_sends_nothing()
    {
        var client = Client();

        await AssertRefused(() => client.GetGlobalStatsAsync(November.ForCategories("newsletter")), "GetGlobalStatsAsync takes no categories; use GetCategoryStatsAsync");
        await AssertRefused(() => client.GetGlobalStatsAsync(November.SortBy(SendGridV3Metric.Clicks)), "GetGlobalStatsAsync takes no sort order; use GetCategorySumsAsync or GetSubuserSumsAsync");
        await AssertRefused(() => client.GetCategoryStatsAsync(November.ForCategories("newsletter").WithPageSize(5)), "GetCategoryStatsAsync takes no paging");
        await AssertRefused(() => client.GetCategoryStatsAsync(November), "GetCategoryStatsAsync needs 1 to 10 categories");
        await AssertRefused(() => client.GetSubuserStatsAsync(November), "GetSubuserStatsAsync needs 1 to 10 subusers");
        await AssertRefused(() => client.GetCategorySumsAsync(November.ForCategories("newsletter")), "GetCategorySumsAsync takes no categories");
        await AssertRefused(() => client.GetBrowserStatsAsync(November.InCountry(SendGridCountry.US)), "GetBrowserStatsAsync takes no country; use GetGeoStatsAsync");
        await AssertRefused(() => client.GetDeviceStatsAsync(November.ForClientType(SendGridClientType.Phone)), "GetDeviceStatsAsync takes no client type; use GetClientStatsAsync");
        await AssertRefused(() => client.GetClientStatsAsync(November.WithPageSize(5)), "GetClientStatsAsync takes no paging");
        await AssertRefused(() => client.GetGeoStatsAsync(November.ForMailboxProviders("Gmail")), "takes no mailbox providers");
        await AssertRefused(() => client.GetMailboxProviderStatsAsync(November.ForBrowsers("Chrome")), "takes no browsers");

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Null_queries_are_refused()
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetGlobalStatsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetSubuserMonthlyAsync(null!));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public void Queries_are_immutable_and_describe_themselves()
    {
        var start = November;
        var paged = start.AggregatedBy(SendGridAggregation.Week).ForSubusers("shop-eu").WithPageSize(20).AtOffset(40);

        Assert.Null(start.Aggregation);
        Assert.Empty(start.Subusers);
        Assert.Equal("SendGridV3StatsQuery(2026-11-01..2026-11-30, by week, subusers shop-eu, limit 20, offset 40)", paged.ToString());
        Assert.Equal("SendGridV3StatsQuery(2026-11-01..today)", SendGridV3StatsQuery.Between(Day(11, 1)).ToString());
        Assert.Equal(
            "SendGridV3MonthlyQuery(2026-11-01, subuser shop-eu, sort requests asc)",
            SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).ForSubuser("shop-eu").SortBy(SendGridV3Metric.Requests, SendGridSortDirection.Ascending).ToString());
    }

    [Fact]
    public async Task The_query_string_is_built_from_the_query_with_lists_as_repeated_parameters()
    {
        await Client().GetMailboxProviderStatsAsync(November.AggregatedBy(SendGridAggregation.Month).ForMailboxProviders("Gmail", "Outlook.com").WithPageSize(3).AtOffset(6));

        Assert.Equal(
            "http://127.0.0.1:9/v3/mailbox_providers/stats?start_date=2026-11-01&end_date=2026-11-30&mailbox_providers=Gmail&mailbox_providers=Outlook.com&aggregated_by=month&limit=3&offset=6",
            _handler.Requests.Single().RequestUri!.AbsoluteUri);
    }

    private static async Task AssertRefused(Func<Task> call, string message)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(call);
        Assert.Equal("query", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<SendGridV3Metric> Metrics() =>
    [
        SendGridV3Metric.Blocks, SendGridV3Metric.BounceDrops, SendGridV3Metric.Bounces, SendGridV3Metric.Clicks, SendGridV3Metric.Deferred,
        SendGridV3Metric.Delivered, SendGridV3Metric.InvalidEmails, SendGridV3Metric.Opens, SendGridV3Metric.Processed, SendGridV3Metric.Requests,
        SendGridV3Metric.SpamReportDrops, SendGridV3Metric.SpamReports, SendGridV3Metric.UniqueClicks, SendGridV3Metric.UniqueOpens,
        SendGridV3Metric.UnsubscribeDrops, SendGridV3Metric.Unsubscribes,
    ];
}
