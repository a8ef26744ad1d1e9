using System.Net;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>Every error form Mailgun answers with, and answers that cannot be read.</summary>
public sealed class ErrorTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    private static readonly MailgunStatsQuery DeliveredLastDay = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(1));

    [Fact]
    public async Task A_plain_text_refusal_keeps_its_text()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("forbidden.example.com"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("Mailgun", e.Provider);
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Null(e.ErrorCode);
        Assert.Equal(["Forbidden"], e.Errors);
        Assert.Null(e.RetryAfter);
        Assert.Equal("Mailgun refused the request with 401 (Unauthorized): Forbidden", e.Message);
    }

    [Fact]
    public async Task A_json_message_body_becomes_the_error()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("bad.example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal(["Invalid domain name: bad.example.com"], e.Errors);
        Assert.Contains("400 (BadRequest): Invalid domain name: bad.example.com", e.Message);
    }

    [Fact]
    public async Task Stats_endpoints_report_json_messages_with_their_status()
    {
        var client = server.CreateClient();

        var notFound = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetDomainTotalsAsync("nosuch.example.com", DeliveredLastDay));
        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(["Domain not found: nosuch.example.com"], notFound.Errors);

        var invalid = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Complained).Last(MailgunDuration.Hours(1))));
        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["'duration' is invalid for this resolution"], invalid.Errors);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("throttled.example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(["Too many requests"], e.Errors);
    }

    [Fact]
    public async Task A_plain_text_server_error_keeps_its_text_trimmed()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("crash.example.com"));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal(["Internal Server Error"], e.Errors);
    }

    [Fact]
    public async Task An_html_error_page_is_reported_by_its_reason_phrase_not_its_markup()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("gateway.example.com"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(["Bad Gateway"], e.Errors);
        Assert.DoesNotContain("<", e.Message);
    }

    [Fact]
    public async Task Malformed_json_is_a_response_exception_with_the_start_of_the_body()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => server.CreateClient().GetProviderAggregatesAsync("garbled.example.com"));

        Assert.Equal("Mailgun", e.Provider);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("application/json", e.ContentType);
        Assert.StartsWith("{\"providers\": {\"gmail.com\"", e.BodySnippet);
    }

    [Theory]
    [InlineData("wrongshape.example.com", "'providers'")]
    [InlineData("empty.example.com", "the body is empty")]
    [InlineData("portal.example.com", "HTML page")]
    public async Task Success_answers_without_the_expected_shape_are_response_exceptions(string domain, string reason)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => server.CreateClient().GetProviderAggregatesAsync(domain));

        Assert.True(server.LastRequestMatched);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("badcounter.example.com")]
    [InlineData("badtime.example.com")]
    [InlineData("nostats.example.com")]
    public async Task Stats_with_a_bad_counter_a_bad_time_or_no_list_are_response_exceptions(string domain)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => server.CreateClient().GetDomainTotalsAsync(domain, DeliveredLastDay));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.IsNotType<NullReferenceException>(e.InnerException);
        Assert.NotNull(e.BodySnippet);
    }
}
