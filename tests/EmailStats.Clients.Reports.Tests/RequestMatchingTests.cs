using System.Net;

namespace EmailStats.Clients.Reports.Tests;

/// <summary>
/// Proves, with raw requests, how the static mappings discriminate on WireMock.Net 1.25.0: the Url regex pins the
/// exact query (no extra, missing or reordered parameter), Params compare decoded values, the X-API-Key header name
/// matches in any case (IgnoreCase) but its value exactly, and the path is compared decoded.
/// </summary>
public sealed class RequestMatchingTests(ReportsServer server) : IClassFixture<ReportsServer>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseAddress };

    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> Get(string url, string headerName = "X-API-Key", string key = Fixture.Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(headerName, key);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("api/reports/dashboard?pastDays=30&timezone=UTC", "X-API-Key")]
    [InlineData("api/reports/dashboard?pastDays=30&timezone=UTC", "x-api-key")]
    [InlineData("api/reports/dashboard?pastDays=7&timezone=Europe%2FParis", "X-API-Key")]
    [InlineData("api/email/campaign?page=1&size=2&statuses=draft%2Csent&sort=name%3Aasc", "X-API-Key")]
    public async Task The_exact_request_matches_whatever_the_header_name_case(string url, string headerName)
    {
        Assert.Equal(HttpStatusCode.OK, await Get(url, headerName));
        Assert.True(server.LastRequestMatched);
    }

    [Theory]
    [InlineData("api/reports/dashboard?pastDays=30&timezone=UTC&extra=1")]
    [InlineData("api/reports/dashboard?pastDays=30")]
    [InlineData("api/reports/dashboard?timezone=UTC&pastDays=30")]
    [InlineData("api/reports/dashboard?pastDays=30&timezone=utc")]
    [InlineData("api/reports/dashboard?pastDays=30&timezone=UTC&timezone=UTC")]
    [InlineData("api/reports/dashboard/?pastDays=30&timezone=UTC")]
    [InlineData("api/email/campaign?page=1&size=2&statuses=draft,sent&sort=name%3Aasc")]
    [InlineData("api/email/campaign?page=1&size=2&statuses=draft&statuses=sent&sort=name%3Aasc")]
    [InlineData("api/reports/email/odd/id%20with%20space%3F")]
    public async Task Extra_missing_reordered_or_differently_encoded_parameters_get_no_match(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, await Get(url));
        Assert.False(server.LastRequestMatched);
    }

    [Theory]
    [InlineData("FIXTURE-KEY-NOT-A-SECRET")]
    [InlineData("")]
    public async Task The_key_value_must_match_exactly(string key)
    {
        Assert.Equal(HttpStatusCode.NotFound, await Get("api/reports/dashboard?pastDays=30&timezone=UTC", key: key));
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task Without_the_header_nothing_matches()
    {
        using var response = await _http.GetAsync("api/reports/dashboard?pastDays=30&timezone=UTC");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"Status\":\"No matching mapping found\"}", await response.Content.ReadAsStringAsync());
        Assert.False(server.LastRequestMatched);
    }
}
