using EmailStats.Clients.Testing;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>Bad input is refused with an argument exception naming the parameter, before any request is sent.</summary>
public sealed class QueryTests
{
    private readonly CountingHandler _handler = new();

    private SendGridV2StatsClient Client() => new(_handler.CreateClient(), new SendGridV2Options { ApiUser = "u", ApiKey = "k" });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Days_must_be_positive(int days)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SendGridStatsQuery.ForUser("u").LastDays(days));

        Assert.Equal("days", e.ParamName);
    }

    [Fact]
    public void Start_after_end_is_refused_naming_end()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SendGridStatsQuery.ForUser("u").Between(new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 1)));

        Assert.Equal("end", e.ParamName);
        Assert.Contains("2024-05-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_and_a_range_together_are_refused_either_way()
    {
        var afterRange = Assert.Throws<ArgumentException>(() => SendGridStatsQuery.ForUser("u").Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2)).LastDays(3));
        var afterDays = Assert.Throws<ArgumentException>(() => SendGridStatsQuery.ForUser("u").LastDays(3).Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2)));

        Assert.Equal("days", afterRange.ParamName);
        Assert.Equal("start", afterDays.ParamName);
        Assert.Contains("not both", afterRange.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_user_is_refused(string user)
    {
        var e = Assert.Throws<ArgumentException>(() => SendGridStatsQuery.ForUser(user));

        Assert.Equal("user", e.ParamName);
    }

    [Fact]
    public void A_null_user_is_refused()
    {
        var e = Assert.Throws<ArgumentNullException>(() => SendGridStatsQuery.ForUser(null!));

        Assert.Equal("user", e.ParamName);
    }

    [Fact]
    public void Empty_or_blank_categories_are_refused()
    {
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => SendGridStatsQuery.ForUser("u").WithCategories()).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => SendGridStatsQuery.ForUser("u").WithCategories("a", " ")).ParamName);
    }

    [Fact]
    public void A_query_is_immutable_and_drops_duplicate_categories()
    {
        var basis = SendGridStatsQuery.ForUser("u");
        var week = basis.LastDays(7).WithCategories("a", "b", "a");

        Assert.Null(basis.Days);
        Assert.Empty(basis.Categories);
        Assert.Equal(7, week.Days);
        Assert.Equal(["a", "b"], week.Categories);
        Assert.Equal("SendGrid stats for u, last 7 days, categories [a, b]", week.ToString());
    }

    [Fact]
    public async Task Category_stats_without_a_category_are_refused_before_any_request()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().GetCategoryStatsAsync(SendGridStatsQuery.ForUser("u").LastDays(1)));

        Assert.Equal("query", e.ParamName);
        Assert.Contains("WithCategories", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task Daily_stats_with_categories_are_refused_before_any_request()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().GetStatsAsync(SendGridStatsQuery.ForUser("u").LastDays(1).WithCategories("a")));

        Assert.Equal("query", e.ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Aggregate_and_category_list_refuse_an_empty_user_before_any_request(string user)
    {
        var client = Client();

        Assert.Equal("user", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetAggregateAsync(user))).ParamName);
        Assert.Equal("user", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetCategoriesAsync(user))).ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task A_null_query_is_refused()
    {
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => Client().GetStatsAsync(null!))).ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call_before_any_request()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetAggregateAsync("u", cts.Token));
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_constructor_naming_each_rule()
    {
        var options = new SendGridV2Options { ApiUser = " ", ApiKey = "", BaseAddress = new Uri("/relative", UriKind.Relative) };

        var e = Assert.Throws<ArgumentException>(() => new SendGridV2StatsClient(new HttpClient(), options));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("ApiUser is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_to_the_constructor_are_refused()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new SendGridV2StatsClient(null!, new SendGridV2Options())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new SendGridV2StatsClient(new HttpClient(), null!)).ParamName);
    }

    [Fact]
    public void The_constructor_sets_the_base_address_only_when_the_client_has_none()
    {
        var options = new SendGridV2Options { ApiUser = "u", ApiKey = "k", BaseAddress = new Uri("https://sendgrid.example/v2") };
        using var bare = new HttpClient();
        using var preset = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5000/") };

        _ = new SendGridV2StatsClient(bare, options);
        _ = new SendGridV2StatsClient(preset, options);

        Assert.Equal(new Uri("https://sendgrid.example/v2/"), bare.BaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), preset.BaseAddress);
    }
}
