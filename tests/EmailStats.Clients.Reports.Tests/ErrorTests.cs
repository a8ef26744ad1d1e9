using System.Net;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Reports.Tests;

public sealed class ErrorTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    /// <summary>Every operation of the client, so each error shape is proven on each endpoint.</summary>
    public static TheoryData<string> Operations => new() { "dashboard", "overall", "histogram", "report", "engagement", "campaigns" };

    private static Task Call(IReportsClient client, string operation) => operation switch
    {
        "dashboard" => client.GetDashboardAsync(ReportsQuery.PastDays(30)),
        "overall" => client.GetEmailOverallAsync(ReportsQuery.PastDays(30)),
        "histogram" => client.GetEmailHistogramAsync(ReportsQuery.PastDays(14), EmailEventType.EmailBounced),
        "report" => client.GetCampaignReportAsync(Fixture.SentCampaignId),
        "engagement" => client.GetCampaignEngagementAsync(Fixture.SentCampaignId, EngagementPeriod.Week),
        "campaigns" => client.ListCampaignsAsync().ToListAsync().AsTask(),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_invalid_key_is_unauthorized_error(string operation)
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call(NewClient("fixture-key-revoked"), operation));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("UnauthorizedError", error.ErrorCode);
        Assert.Equal(["Invalid or inactive API key"], error.Errors);
        Assert.Equal("Reports", error.Provider);
        Assert.Equal("Reports refused the request with 401 (Unauthorized) [code UnauthorizedError]: Invalid or inactive API key", error.Message);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_key_without_the_scope_is_forbidden_error(string operation)
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call(NewClient("fixture-key-no-scope"), operation));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ForbiddenError", error.ErrorCode);
        Assert.Equal(["API key lacks the reports:read scope"], error.Errors);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Rate_limiting_gives_retry_after_and_the_rate_limit_headers(string operation)
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call(NewClient("fixture-key-rate-limited"), operation));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("TooManyRequestsError", error.ErrorCode);
        Assert.Equal(["Hourly rate limit exceeded"], error.Errors);
        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Equal(new RateLimitInfo(3600, 0, "1711828800") { ResetsAt = new DateTimeOffset(2024, 3, 30, 20, 0, 0, TimeSpan.Zero) }, error.RateLimit);
    }

    [Fact]
    public async Task An_html_error_page_is_an_api_exception_with_the_reason_phrase_not_the_page()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient("fixture-key-server-error").GetDashboardAsync(ReportsQuery.PastDays(30)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal(["Internal Server Error"], error.Errors);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_gateway_message_is_kept_without_a_code()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient("fixture-key-bad-gateway").GetCampaignReportAsync(Fixture.SentCampaignId));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal(["Bad gateway"], error.Errors);
    }

    [Fact]
    public async Task A_plain_text_refusal_keeps_its_text()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient("fixture-key-plain").GetEmailOverallAsync(ReportsQuery.PastDays(30)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(["Unauthorized"], error.Errors);
    }

    [Fact]
    public async Task A_key_echoed_in_an_error_message_is_masked()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetCampaignReportAsync("campaign-echo"));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(["Key *** is not allowed here"], error.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(error), Fixture.Key);
    }
}
