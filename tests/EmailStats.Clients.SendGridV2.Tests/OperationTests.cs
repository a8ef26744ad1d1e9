namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>Every operation against both APIs in both formats, with every counter asserted.</summary>
public sealed class OperationTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    public static TheoryData<SendGridV2Api, SendGridV2Format> ApisAndFormats => new()
    {
        { SendGridV2Api.Reseller, SendGridV2Format.Json },
        { SendGridV2Api.Reseller, SendGridV2Format.Xml },
        { SendGridV2Api.Subuser, SendGridV2Format.Json },
        { SendGridV2Api.Subuser, SendGridV2Format.Xml },
    };

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Daily_stats_for_the_last_days_read_every_counter(SendGridV2Api api, SendGridV2Format format)
    {
        var stats = await server.Client(api, format).GetStatsAsync(SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).LastDays(3));

        Assert.Equal(Expected.Days, stats);
        Assert.True(server.LastRequestMatched);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Daily_stats_for_a_date_range_read_every_counter(SendGridV2Api api, SendGridV2Format format)
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).Between(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 22));

        var stats = await server.Client(api, format).GetStatsAsync(query);

        Assert.Equal(3, stats.Count);
        Assert.Equal([new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21), new DateOnly(2009, 6, 22)], stats.Select(s => s.Date));
        Assert.Equal(Expected.Day2, stats[1]);
        Assert.Equal(52342, stats[2].Requests);
        Assert.Equal(5872, stats[2].UniqueOpens);
        Assert.Empty(stats[0].AdditionalData);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Aggregate_reads_the_all_time_totals(SendGridV2Api api, SendGridV2Format format)
    {
        var totals = await server.Client(api, format).GetAggregateAsync(SendGridServer.UserOf(api));

        Assert.Equal(Expected.Aggregate, totals);
        Assert.Equal(Expected.Days.Sum(d => d.Requests), totals.Requests);
        Assert.Equal(Expected.Days.Sum(d => d.UniqueOpens), totals.UniqueOpens);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Category_list_reads_every_name_in_order(SendGridV2Api api, SendGridV2Format format)
    {
        var categories = await server.Client(api, format).GetCategoriesAsync(SendGridServer.UserOf(api));

        Assert.Equal(Expected.Categories, categories);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Stats_of_one_category_send_category_and_read_blocked_as_blocks(SendGridV2Api api, SendGridV2Format format)
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api))
            .Between(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21))
            .WithCategories("categoryA");

        var stats = await server.Client(api, format).GetCategoryStatsAsync(query);

        Assert.Equal(Expected.CategoryASingle, stats);
        Assert.Equal(6, stats[0].Blocks);
        Assert.Equal(1, stats[0].SpamDrop);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Stats_of_several_categories_send_repeated_category_array_fields(SendGridV2Api api, SendGridV2Format format)
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).LastDays(7).WithCategories("categoryA", "categoryB");

        var stats = await server.Client(api, format).GetCategoryStatsAsync(query);

        Assert.Equal(Expected.CategoryAandB, stats);
        Assert.Equal(["categoryA", "categoryB"], stats.Select(s => s.Category));
        var body = server.Requests[^1].RequestMessage.Body!;
        Assert.Contains("category%5B%5D=categoryA&category%5B%5D=categoryB", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task A_category_without_statistics_reads_as_an_empty_list(SendGridV2Api api, SendGridV2Format format)
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).LastDays(7).WithCategories("no-such-category");

        var stats = await server.Client(api, format).GetCategoryStatsAsync(query);

        Assert.Empty(stats);
        Assert.True(server.LastRequestMatched);
    }

    [Theory]
    [InlineData(SendGridV2Api.Reseller, SendGridV2Format.Json, "/apiv2/reseller.manage.json")]
    [InlineData(SendGridV2Api.Reseller, SendGridV2Format.Xml, "/apiv2/reseller.manage.xml")]
    [InlineData(SendGridV2Api.Subuser, SendGridV2Format.Json, "/apiv2/customer.stats.json")]
    [InlineData(SendGridV2Api.Subuser, SendGridV2Format.Xml, "/apiv2/customer.stats.xml")]
    public async Task The_request_is_a_form_post_to_the_api_and_format_path(SendGridV2Api api, SendGridV2Format format, string path)
    {
        await server.Client(api, format).GetAggregateAsync(SendGridServer.UserOf(api));

        var request = server.Requests[^1].RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
        var expected = api == SendGridV2Api.Reseller
            ? "api_user=fixture-user&api_key=fixture-key-not-a-secret&method=stats&user=alice%40example.com&aggregate=1"
            : "api_user=fixture-user&api_key=fixture-key-not-a-secret&user=bob&aggregate=1";
        Assert.Equal(expected, request.Body);
    }
}
