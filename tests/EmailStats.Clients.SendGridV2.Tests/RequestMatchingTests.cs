using System.Net;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>
/// Proves the fixtures match requests precisely: the exact request is answered, and the same request with one
/// thing wrong (key, field, date, path, method) is not.
/// </summary>
public sealed class RequestMatchingTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    private static readonly (string Name, string Value)[] ResellerDaily =
    [
        ("api_user", SendGridServer.ApiUser), ("api_key", SendGridServer.ApiKey), ("method", "stats"),
        ("user", SendGridServer.ResellerUser), ("days", "3"),
    ];

    private async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<(string Name, string Value)> fields)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await http.PostAsync(path, form);
    }

    [Fact]
    public async Task The_exact_request_is_answered()
    {
        using var response = await PostAsync("apiv2/reseller.manage.json", ResellerDaily);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"2009-06-22\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(server.LastRequestMatched);
    }

    [Theory]
    [InlineData("api_key", "wrong-key")]
    [InlineData("api_user", "someone-else")]
    [InlineData("days", "4")]
    [InlineData("user", "mallory@example.com")]
    [InlineData("method", "list")]
    public async Task One_wrong_field_value_is_not_answered(string name, string value)
    {
        var fields = ResellerDaily.Select(f => f.Name == name ? (name, value) : f);

        using var response = await PostAsync("apiv2/reseller.manage.json", fields);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No matching mapping found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(server.LastRequestMatched);
    }

    [Theory]
    [InlineData("api_key")]
    [InlineData("method")]
    [InlineData("user")]
    [InlineData("days")]
    public async Task A_missing_field_is_not_answered(string name)
    {
        using var response = await PostAsync("apiv2/reseller.manage.json", ResellerDaily.Where(f => f.Name != name));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Theory]
    [InlineData("start_date", "2009-06-20")]
    [InlineData("aggregate", "1")]
    [InlineData("category", "categoryA")]
    public async Task An_extra_field_is_not_answered(string name, string value)
    {
        using var response = await PostAsync("apiv2/reseller.manage.json", ResellerDaily.Append((name, value)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task The_subuser_api_does_not_answer_a_method_field()
    {
        (string, string)[] fields = [("api_user", SendGridServer.ApiUser), ("api_key", SendGridServer.ApiKey), ("method", "stats"), ("user", "bob"), ("aggregate", "1")];

        using var response = await PostAsync("apiv2/customer.stats.json", fields);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_path_or_method_is_not_answered()
    {
        using var xmlPath = await PostAsync("apiv2/reseller.manage.xm", ResellerDaily);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var get = await http.GetAsync("apiv2/reseller.manage.json?" + string.Join("&", ResellerDaily.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}")));

        Assert.Equal(HttpStatusCode.NotFound, xmlPath.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task The_client_with_a_wrong_key_gets_no_answer_and_says_so()
    {
        var client = server.Client(apiKey: "wrong-key");

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetStatsAsync(SendGridStatsQuery.ForUser(SendGridServer.ResellerUser).LastDays(3)));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task The_client_asking_for_another_range_gets_no_answer()
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.ResellerUser).Between(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 23));

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.Client().GetStatsAsync(query));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("end_date=2009-06-23", server.Requests[^1].RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_asking_for_one_more_category_gets_no_answer()
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.ResellerUser).LastDays(7).WithCategories("categoryA", "categoryB", "categoryC");

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.Client().GetCategoryStatsAsync(query));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }
}
