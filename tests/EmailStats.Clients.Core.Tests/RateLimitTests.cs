using System.Net;
using EmailStats.Clients.Internal;

namespace EmailStats.Clients.Core.Tests;

/// <summary><c>X-RateLimit-Reset</c> read as the provider means it, beside the raw value.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, "1711828800", "2024-03-30T20:00:00+00:00")]
    [InlineData(false, "58", "2026-11-20T12:00:58+00:00")]
    [InlineData(false, "58 seconds", "2026-11-20T12:00:58+00:00")]
    [InlineData(true, "soon", null)]
    [InlineData(true, "-5", null)]
    [InlineData(true, "99999999999999", null)]
    public async Task The_reset_is_typed_as_the_provider_means_it_and_the_raw_value_kept(bool unixSeconds, string header, string? expected)
    {
        var e = await RefusalAsync(unixSeconds ? RateLimitReset.UnixSeconds : RateLimitReset.SecondsLeft, ("X-RateLimit-Limit", "60"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", header));

        Assert.Equal(60, e.RateLimit!.Limit);
        Assert.Equal(0, e.RateLimit.Remaining);
        Assert.Equal(header, e.RateLimit.Reset);
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), e.RateLimit.ResetsAt);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true, "1795176060", 60.0)]
    [InlineData(HttpStatusCode.TooManyRequests, false, "90", 90.0)]
    [InlineData(HttpStatusCode.TooManyRequests, true, "1795170000", 0.0)]
    [InlineData(HttpStatusCode.TooManyRequests, true, "soon", null)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true, "1795176060", null)]
    public async Task A_429_without_retry_after_waits_until_the_reset(HttpStatusCode status, bool unixSeconds, string reset, double? seconds)
    {
        var e = await RefusalAsync(unixSeconds ? RateLimitReset.UnixSeconds : RateLimitReset.SecondsLeft, status, ("X-RateLimit-Reset", reset));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, e.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_wins_over_the_reset()
    {
        var e = await RefusalAsync(RateLimitReset.UnixSeconds, ("Retry-After", "7"), ("X-RateLimit-Reset", "1795176060"));

        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task No_rate_limit_headers_is_no_rate_limit()
    {
        var e = await RefusalAsync(RateLimitReset.UnixSeconds);

        Assert.Null(e.RateLimit);
    }

    private static Task<EmailStatsApiException> RefusalAsync(RateLimitReset kind, params (string Name, string Value)[] headers) =>
        RefusalAsync(kind, HttpStatusCode.TooManyRequests, headers);

    private static async Task<EmailStatsApiException> RefusalAsync(RateLimitReset kind, HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var context = new ProviderCallPath("Test", new Secrets("s3cr3t-key"), _ => null, timeProvider: new FixedClock(Now), rateLimitReset: kind);
        return await Assert.ThrowsAsync<EmailStatsApiException>(() => context.SendAsync(
            "Probe",
            (Headers: headers, Status: status),
            static (h, _) =>
            {
                var message = new HttpResponseMessage(h.Status) { Content = new StringContent("") };
                foreach (var (name, value) in h.Headers)
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }

                return Task.FromResult(message);
            },
            static _ => 0,
            CancellationToken.None));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
