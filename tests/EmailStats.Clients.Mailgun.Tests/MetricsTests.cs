using System.Net;
using System.Text.Json;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The Metrics API (<c>POST v1/analytics/metrics</c>, <c>v1/analytics/usage/metrics</c>) against the fixtures.</summary>
public sealed class MetricsTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    private static readonly MailgunMetricsQuery ThreeDays = MailgunMetricsQuery
        .ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate)
        .Between(Utc(2024, 1, 1), Utc(2024, 1, 4))
        .WithResolution(MailgunResolution.Day)
        .By(MailgunDimension.Time)
        .Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, Domain))
        .IncludeAggregates();

    private static MailgunMetricsQuery ByDomain(MailgunMetric metric) =>
        MailgunMetricsQuery.ForMetrics(metric).Last(MailgunDuration.Days(30)).By(MailgunDimension.Domain).WithPageSize(2);

    [Fact]
    public async Task A_page_reads_dimensions_counts_rates_nulls_aggregates_and_unknown_fields()
    {
        var page = await server.CreateClient().QueryMetricsAsync(ThreeDays);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(Utc(2024, 1, 1), page.Start);
        Assert.Equal(MailgunResolution.Day, page.Resolution);
        Assert.Equal(["time"], page.Dimensions);
        Assert.Equal(new MailgunMetricsPagination("timestamp:asc", 0, 1500, 3), page.Pagination);
        Assert.Equal([Utc(2024, 1, 1), Utc(2024, 1, 2), Utc(2024, 1, 3)], page.Items.Select(i => i[MailgunDimension.Time]!.Time!.Value));
        var first = page.Items[0].Metrics;
        Assert.Equal(120, first.Count(MailgunMetric.AcceptedOutgoingCount));
        Assert.Equal(114, first.Count(MailgunMetric.DeliveredCount));
        Assert.Equal(0.193, first.Rate(MailgunMetric.ClickedRate));
        var second = page.Items[1].Metrics;
        Assert.Equal(95, second.Count(MailgunMetric.AcceptedOutgoingCount));
        Assert.Null(second.Count(MailgunMetric.DeliveredCount));
        Assert.True(second.Counts.ContainsKey("delivered_count"));
        Assert.Null(second.Rate(MailgunMetric.ClickedRate));
        Assert.Equal(4, second.Count(MailgunMetric.Of("brand_new_count")));
        Assert.Null(second.Count(MailgunMetric.BouncedCount));
        Assert.Equal(245, page.Aggregates!.Count(MailgunMetric.AcceptedOutgoingCount));
        Assert.Equal(0.1538, page.Aggregates.Rate(MailgunMetric.ClickedRate));
        Assert.Equal("2", page.AdditionalData["version"].GetString());
    }

    [Fact]
    public async Task The_body_carries_the_query_exactly()
    {
        await server.CreateClient().QueryMetricsAsync(ThreeDays);

        using var body = JsonDocument.Parse(server.Requests[^1].RequestMessage.Body!);
        Assert.Equal(
            """{"start":"Mon, 01 Jan 2024 00:00:00 +0000","end":"Thu, 04 Jan 2024 00:00:00 +0000","resolution":"day","dimensions":["time"],"metrics":["accepted_outgoing_count","delivered_count","clicked_rate"],"filter":{"AND":[{"attribute":"domain","comparator":"=","values":[{"label":"mg.example.com","value":"mg.example.com"}]}]},"include_subaccounts":false,"include_aggregates":true}""",
            body.RootElement.GetRawText());
        Assert.Equal("POST", server.Requests[^1].RequestMessage.Method);
    }

    public static TheoryData<string, MailgunMetricsQuery> Variations => new()
    {
        { "another start", MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate).Between(Utc(2024, 1, 2), Utc(2024, 1, 4)).WithResolution(MailgunResolution.Day).By(MailgunDimension.Time).Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, Domain)).IncludeAggregates() },
        { "another metric order", MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.AcceptedOutgoingCount, MailgunMetric.ClickedRate).Between(Utc(2024, 1, 1), Utc(2024, 1, 4)).WithResolution(MailgunResolution.Day).By(MailgunDimension.Time).Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, Domain)).IncludeAggregates() },
        { "another filter value", ThreeDaysWith(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, "other.example.com")) },
        { "another comparator", ThreeDaysWith(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.NotEqual, Domain)) },
        { "a second predicate", ThreeDaysWith(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, Domain).And(MailgunDimension.Tag, MailgunComparator.Contains, "x")) },
        { "no aggregates", MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate).Between(Utc(2024, 1, 1), Utc(2024, 1, 4)).WithResolution(MailgunResolution.Day).By(MailgunDimension.Time).Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, Domain)) },
        { "a page size", ThreeDays.WithPageSize(10) },
        { "another resolution", ThreeDays.WithResolution(MailgunResolution.Hour) },
        { "another dimension", ThreeDays.By(MailgunDimension.Time, MailgunDimension.Tag) },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public async Task A_query_that_differs_in_one_thing_is_not_answered(string variation, MailgunMetricsQuery query)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().QueryMetricsAsync(query));

        Assert.False(server.LastRequestMatched, variation);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_and_the_usage_path_are_not_answered_by_the_metrics_mapping()
    {
        await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient("wrong-key").QueryMetricsAsync(ThreeDays));
        Assert.False(server.LastRequestMatched);

        await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().QueryUsageMetricsAsync(ThreeDays));
        Assert.False(server.LastRequestMatched);
        Assert.EndsWith("/v1/analytics/usage/metrics", server.Requests[^1].RequestMessage.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_is_read_in_order_and_the_walk_stops_at_the_total()
    {
        var items = new List<MailgunMetricsItem>();
        await foreach (var item in server.CreateClient().QueryAllMetricsAsync(ByDomain(MailgunMetric.DeliveredCount)))
        {
            items.Add(item);
        }

        Assert.Equal(["mg.example.com", "news.example.com", "eu.example.com", "a.example.com", "b.example.com"], items.Select(i => i[MailgunDimension.Domain]!.Value));
        Assert.Equal([10L, 20L, 30L, 40L, 50L], items.Select(i => i.Metrics.Count(MailgunMetric.DeliveredCount)!.Value));
        var bodies = server.Requests.TakeLast(3).Select(r => JsonDocument.Parse(r.RequestMessage.Body!).RootElement.GetProperty("pagination").GetRawText()).ToList();
        Assert.Equal(["""{"skip":0,"limit":2}""", """{"skip":2,"limit":2}""", """{"skip":4,"limit":2}"""], bodies);
    }

    [Fact]
    public async Task A_server_that_repeats_a_page_stops_the_walk_with_a_typed_exception()
    {
        var seen = new List<string>();

        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(async () =>
        {
            await foreach (var item in server.CreateClient().QueryAllMetricsAsync(ByDomain(MailgunMetric.ProcessedCount)))
            {
                seen.Add(item[MailgunDimension.Domain]!.Value);
            }
        });

        Assert.Equal(["mg.example.com", "news.example.com"], seen);
        Assert.Contains("ignores the page parameter", e.Message, StringComparison.Ordinal);
        Assert.Equal("Mailgun", e.Provider);
    }

    [Fact]
    public async Task Usage_metrics_are_read_from_their_own_path()
    {
        var usage = await server.CreateClient().QueryUsageMetricsAsync(
            MailgunMetricsQuery.ForMetrics(MailgunMetric.EmailValidationCount, MailgunMetric.EmailPreviewCount).Last(MailgunDuration.Months(1)));

        Assert.True(server.LastRequestMatched);
        var only = Assert.Single(usage.Items);
        Assert.Empty(only.Dimensions);
        Assert.Equal(50, only.Metrics.Count(MailgunMetric.EmailValidationCount));
        Assert.Equal("1m", usage.Duration);
    }

    [Fact]
    public async Task A_usage_query_takes_more_than_ten_metrics_and_gets_them_all_back()
    {
        string[] names =
        [
            "processed_count", "email_validation_count", "email_validation_public_count", "email_validation_valid_count", "email_validation_single_count",
            "email_validation_bulk_count", "email_validation_list_count", "email_validation_mailgun_count", "email_validation_mailjet_count",
            "email_preview_count", "email_preview_failed_count", "link_validation_count", "link_validation_failed_count", "seed_test_count",
        ];
        var query = MailgunMetricsQuery.ForMetrics([.. names.Select(MailgunMetric.Of)])
            .Last(MailgunDuration.Months(1)).WithResolution(MailgunResolution.Month).By(MailgunDimension.Time);

        var usage = await server.CreateClient().QueryUsageMetricsAsync(query);

        Assert.True(server.LastRequestMatched);
        var month = Assert.Single(usage.Items);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero), month[MailgunDimension.Time]?.Time);
        Assert.Equal([3L, 50, 55, 10, 30, 40, 20, 40, 5, 60, 16, 5, 7, 9], names.Select(n => month.Metrics.Count(MailgunMetric.Of(n))!.Value));
    }

    [Fact]
    public async Task A_sending_metrics_query_of_more_than_ten_metrics_is_refused_before_anything_is_sent()
    {
        var eleven = MailgunMetricsQuery.ForMetrics([.. Enumerable.Range(0, 11).Select(i => MailgunMetric.Of($"m{i}_count"))]);
        var client = server.CreateClient();
        var before = server.Requests.Count;

        var one = await Assert.ThrowsAsync<ArgumentException>(() => client.QueryMetricsAsync(eleven));
        var all = Assert.Throws<ArgumentException>(() => client.QueryAllMetricsAsync(eleven));

        Assert.Equal("query", one.ParamName);
        Assert.Contains("at most 10 metrics per query, not 11", one.Message, StringComparison.Ordinal);
        Assert.Equal("query", all.ParamName);
        Assert.Equal(before, server.Requests.Count);
    }

    [Theory]
    [InlineData("another duration")]
    [InlineData("another metric")]
    [InlineData("a dimension")]
    public async Task A_usage_query_that_differs_in_one_thing_is_not_answered(string variation)
    {
        var query = variation switch
        {
            "another duration" => MailgunMetricsQuery.ForMetrics(MailgunMetric.EmailValidationCount, MailgunMetric.EmailPreviewCount).Last(MailgunDuration.Months(2)),
            "another metric" => MailgunMetricsQuery.ForMetrics(MailgunMetric.EmailValidationCount, MailgunMetric.SeedTestCount).Last(MailgunDuration.Months(1)),
            _ => MailgunMetricsQuery.ForMetrics(MailgunMetric.EmailValidationCount, MailgunMetric.EmailPreviewCount).Last(MailgunDuration.Months(1)).By(MailgunDimension.Time),
        };

        await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().QueryUsageMetricsAsync(query));

        Assert.False(server.LastRequestMatched, variation);
    }

    [Fact]
    public async Task A_refusal_is_an_api_exception_with_mailguns_message()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().QueryMetricsAsync(MailgunMetricsQuery.ForMetrics(MailgunMetric.Of("bogus_count"))));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal(["Invalid metric: bogus_count"], e.Errors);
    }

    private static MailgunMetricsQuery ThreeDaysWith(MailgunMetricFilter filter) =>
        MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate)
            .Between(Utc(2024, 1, 1), Utc(2024, 1, 4)).WithResolution(MailgunResolution.Day).By(MailgunDimension.Time).Where(filter).IncludeAggregates();
}

/// <summary>What <see cref="MailgunMetricsQuery"/> refuses, before any request.</summary>
public sealed class MetricsQueryTests
{
    [Fact]
    public void No_metric_too_many_dimensions_and_default_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MailgunMetricsQuery.ForMetrics());
        var eleven = Enumerable.Range(0, 11).Select(i => MailgunMetric.Of($"m{i}_count")).ToArray();
        Assert.Equal(11, MailgunMetricsQuery.ForMetrics(eleven).Metrics.Count);
        Assert.Throws<ArgumentException>(() => MailgunMetricsQuery.ForMetrics(default(MailgunMetric)));
        var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount);
        Assert.Contains("at most 3 dimensions", Assert.Throws<ArgumentException>(() => query.By(MailgunDimension.Time, MailgunDimension.Domain, MailgunDimension.Tag, MailgunDimension.Ip)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => query.By(default(MailgunDimension)));
        Assert.Equal(10, MailgunMetricsQuery.ForMetrics([.. eleven[..10], eleven[0]]).Metrics.Count);
    }

    [Fact]
    public void Page_sizes_follow_the_documented_maximum_for_the_dimensions()
    {
        var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount);

        Assert.Equal(1500, query.By(MailgunDimension.Time).WithPageSize(1500).PageSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => query.By(MailgunDimension.Time).WithPageSize(1501));
        Assert.Equal(1000, query.By(MailgunDimension.Domain).WithPageSize(1000).PageSize);
        Assert.Contains("1 to 1000", Assert.Throws<ArgumentOutOfRangeException>(() => query.By(MailgunDimension.Domain).WithPageSize(1001)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => query.WithPageSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => query.By(MailgunDimension.Time).WithPageSize(1200).By(MailgunDimension.Domain));
    }

    [Fact]
    public void Start_after_end_and_start_with_duration_are_refused()
    {
        var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount);

        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => query.Between(Utc(2024, 1, 2), Utc(2024, 1, 1))).ParamName);
        Assert.Throws<InvalidOperationException>(() => query.Last(MailgunDuration.Days(7)).Between(Utc(2024, 1, 1), Utc(2024, 1, 2)));
        Assert.Throws<InvalidOperationException>(() => query.Between(Utc(2024, 1, 1), Utc(2024, 1, 2)).Last(MailgunDuration.Days(7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => query.Last(default));
    }

    [Fact]
    public void Names_and_filters_are_checked()
    {
        Assert.Equal("delivered_count", MailgunMetric.DeliveredCount.Name);
        Assert.True(MailgunMetric.ClickedRate.IsRate);
        Assert.False(MailgunMetric.DeliveredCount.IsRate);
        Assert.Equal(MailgunMetric.DeliveredCount, MailgunMetric.Of("delivered_count"));
        Assert.Throws<ArgumentException>(() => MailgunMetric.Of("Delivered Count"));
        Assert.Throws<ArgumentException>(() => MailgunDimension.Of(""));
        Assert.Throws<ArgumentException>(() => MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal));
        Assert.Throws<ArgumentException>(() => MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailgunMetricFilter.Where(MailgunDimension.Domain, (MailgunComparator)9, "x"));
    }
}
