using System.Net;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>GetResponse's refusals and broken answers become typed exceptions with what GetResponse said; drift is read.</summary>
public sealed class ErrorTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    private static readonly GetResponseStatsQuery Total = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total);

    private async Task<T> Throws<T>(string newsletter, GetResponseStatsClient? client = null)
        where T : Exception
    {
        var e = await Assert.ThrowsAsync<T>(() => (client ?? server.CreateClient()).GetNewsletterStatsAsync(newsletter, Total));
        Assert.True(server.LastRequestMatched);
        return e;
    }

    [Fact]
    public async Task A_404_carries_the_code_message_and_context()
    {
        var e = await Throws<EmailStatsApiException>("missing");

        Assert.Equal((HttpStatusCode.NotFound, "1013"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(["Resource not found", "newsletterId: missing"], e.Errors);
        Assert.Equal("GetResponse", e.Provider);
    }

    [Fact]
    public async Task A_400_lists_the_validation_context()
    {
        var e = await Throws<EmailStatsApiException>("invalid");

        Assert.Equal((HttpStatusCode.BadRequest, "1000"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(
            ["Validation error, see context section for more information", "validationType: searchFilter[query]", "fieldName: groupBy", "originalName: weekly", "errorDescription: Not allowed value"],
            e.Errors);
    }

    [Fact]
    public async Task A_401_for_a_revoked_key()
    {
        var e = await Throws<EmailStatsApiException>("N1", server.CreateClient("revoked-key-not-a-secret"));

        Assert.Equal((HttpStatusCode.Unauthorized, "1014"), (e.StatusCode, e.ErrorCode));
        Assert.Equal("authenticationType: auth_token", e.Errors[1]);
    }

    [Fact]
    public async Task A_429_code_1015_has_the_rate_limit_and_the_time_to_reset()
    {
        var before = DateTimeOffset.UtcNow;
        var e = await Throws<EmailStatsApiException>("throttled");

        Assert.Equal((HttpStatusCode.TooManyRequests, "1015"), (e.StatusCode, e.ErrorCode));
        Assert.Equal((30000L, 0L, "100 seconds"), (e.RateLimit!.Limit!.Value, e.RateLimit.Remaining!.Value, e.RateLimit.Reset));
        Assert.InRange(e.RateLimit.ResetsAt!.Value, before.AddSeconds(99), DateTimeOffset.UtcNow.AddSeconds(101));
        Assert.InRange(e.RetryAfter!.Value, TimeSpan.FromSeconds(98), TimeSpan.FromSeconds(100));
        Assert.Contains("timeToReset: 100 seconds", e.Errors);
    }

    [Fact]
    public async Task An_error_envelope_with_200_is_a_refusal_with_its_list_context()
    {
        var e = await Throws<EmailStatsApiException>("envelope-200");

        Assert.Equal((HttpStatusCode.OK, "1000"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(["Validation error", "first problem", "second problem"], e.Errors);
    }

    [Fact]
    public async Task A_500_page_is_an_api_error()
    {
        var e = await Throws<EmailStatsApiException>("html");

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
    }

    [Theory]
    [InlineData("bad-interval", "not an ISO 8601 interval")]
    [InlineData("no-interval", "no 'timeInterval'")]
    [InlineData("fraction", "whole number")]
    [InlineData("text", "whole number")]
    [InlineData("null-element", "null element")]
    [InlineData("malformed", "JSON")]
    public async Task A_broken_answer_is_a_response_exception_saying_why(string newsletter, string reason)
    {
        var e = await Throws<EmailStatsResponseException>(newsletter);

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Contains(reason, e.Message + " " + e.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Drift_is_read_z_and_colon_offsets_weeks_fractions_null_and_empty_counters()
    {
        var page = await server.CreateClient().GetNewsletterStatsAsync("drift", Total);

        Assert.True(server.LastRequestMatched);
        var week = page.Items[0];
        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 7), (week.TimeInterval.Start, week.TimeInterval.Days));
        Assert.Equal(((long?)null, (long?)null, 3L), (week.Sent, week.TotalOpened, week.UniqueOpened!.Value));
        var odd = page.Items[1];
        Assert.Equal(TimeSpan.FromMinutes(90) + TimeSpan.FromSeconds(0.5), odd.TimeInterval.Time);
        Assert.Equal(7, odd.Sent);
    }
}
