using System.Net;
using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>SendGrid's refusals and broken answers become typed exceptions with what SendGrid said; drift is read.</summary>
public sealed class ErrorTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    private static SendGridV3StatsQuery On(int day) => SendGridV3StatsQuery.Between(Day(1, day), Day(1, day));

    private async Task<T> Throws<T>(int day, SendGridV3StatsClient? client = null)
        where T : Exception
    {
        var e = await Assert.ThrowsAsync<T>(() => (client ?? server.CreateClient()).GetGlobalStatsAsync(On(day)));
        Assert.True(server.LastRequestMatched);
        return e;
    }

    [Fact]
    public async Task A_400_gives_every_field_and_message()
    {
        var e = await Throws<EmailStatsApiException>(1);

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal(["start_date: is not a valid date", "check the request"], e.Errors);
        Assert.Equal("start_date", e.ErrorCode);
        Assert.Equal("SendGridV3", e.Provider);
    }

    [Fact]
    public async Task An_errors_envelope_with_200_is_a_refusal_too()
    {
        var e = await Throws<EmailStatsApiException>(2);

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal(["aggregated_by: must be day, week or month"], e.Errors);
        Assert.Equal("aggregated_by", e.ErrorCode);
    }

    [Fact]
    public async Task A_401_for_a_revoked_key()
    {
        var e = await Throws<EmailStatsApiException>(3, server.CreateClient("revoked-key-not-a-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal(["authorization required"], e.Errors);
    }

    [Fact]
    public async Task A_403_for_a_key_without_the_stats_scope()
    {
        var e = await Throws<EmailStatsApiException>(4);

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(["access forbidden"], e.Errors);
    }

    [Fact]
    public async Task A_404_for_an_unknown_subuser()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            server.CreateClient().GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(Day(11, 1)).ForSubuser("ghost")));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(["subuser_name: subuser not found"], e.Errors);
    }

    [Fact]
    public async Task A_429_with_only_the_rate_limit_headers_says_when_the_window_opens()
    {
        var e = await Throws<EmailStatsApiException>(5);

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(new RateLimitInfo(600, 0, "4102444800") { ResetsAt = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero) }, e.RateLimit);
        var untilReset = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow;
        Assert.InRange(Assert.NotNull(e.RetryAfter), untilReset - TimeSpan.FromMinutes(1), untilReset + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_429_with_retry_after_uses_it()
    {
        var e = await Throws<EmailStatsApiException>(6);

        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal(0, e.RateLimit!.Remaining);
        Assert.Equal(["too many requests"], e.Errors);
    }

    [Fact]
    public async Task A_500_html_page_is_an_api_error_with_its_status()
    {
        var e = await Throws<EmailStatsApiException>(7);

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
    }

    [Theory]
    [InlineData(8, "JSON")]
    [InlineData(9, "whole number")]
    [InlineData(10, "whole number")]
    [InlineData(11, "no 'date'")]
    [InlineData(12, "null entry")]
    [InlineData(13, "JSON object")]
    [InlineData(14, "empty")]
    public async Task A_broken_answer_is_a_response_exception_saying_why(int day, string reason)
    {
        var e = await Throws<EmailStatsResponseException>(day);

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Contains(reason, e.Message + " " + e.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Drift_is_read_timestamps_as_days_null_and_empty_as_not_sent_integral_decimals_as_numbers()
    {
        var days = await server.CreateClient().GetGlobalStatsAsync(On(15));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([Day(1, 15), Day(1, 16)], days.Select(d => d.Date));
        var metrics = Assert.Single(days[0].Stats).Metrics;
        Assert.Equal((12L, (long?)null, (long?)null, 3L), (metrics.Requests!.Value, metrics.Delivered, metrics.Opens, metrics.Clicks!.Value));
        Assert.Empty(days[1].Stats);
    }
}
