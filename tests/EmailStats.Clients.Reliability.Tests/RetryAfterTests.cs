using System.Globalization;
using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>429 answers: the wait the provider asks for is honoured when it fits the call's budget, and reported when it does not.</summary>
public sealed class RetryAfterTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_429_with_retry_after_in_seconds_is_waited_for_then_the_call_succeeds(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((request, attempt) => attempt == 0
            ? Reply.Refusal(HttpStatusCode.TooManyRequests, h.Driver.ErrorBody("slow down"), new Dictionary<string, string> { ["Retry-After"] = "1" })
            : Reply.Json(h.Driver.SuccessBody(request)));

        Assert.Equal(41, await h.CallAsync(41));

        // The wait the retry strategy scheduled is the one asked for (what a clock would measure depends on the machine).
        Assert.Equal(2, h.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1)], h.RetryDelays);
        h.Done(Scenarios.RetryAfterSeconds, "200 after 2 attempts; waited the 1 s asked");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_429_with_retry_after_as_an_http_date_is_waited_for_then_the_call_succeeds(string provider)
    {
        await using var h = new Harness(provider);
        var attempts = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        DateTimeOffset until = default;
        h.Serve((request, attempt) =>
        {
            attempts.Enqueue(DateTimeOffset.UtcNow);
            if (attempt > 0)
            {
                return Reply.Json(h.Driver.SuccessBody(request));
            }

            // HTTP dates have whole seconds: two seconds ahead, cut to the second, is more than one second ahead.
            var ahead = DateTimeOffset.UtcNow.AddSeconds(2);
            until = new DateTimeOffset(ahead.Year, ahead.Month, ahead.Day, ahead.Hour, ahead.Minute, ahead.Second, TimeSpan.Zero);
            return Reply.Refusal(HttpStatusCode.TooManyRequests, h.Driver.ErrorBody("slow down"), new Dictionary<string, string>
            {
                ["Retry-After"] = until.ToString("r", CultureInfo.InvariantCulture),
            });
        });

        Assert.Equal(42, await h.CallAsync(42));

        Assert.Equal(2, h.Attempts);
        var delay = Assert.Single(h.RetryDelays); // the date less the time the 429 took to arrive
        Assert.True(delay <= TimeSpan.FromSeconds(2), $"waited {delay} for a date at most 2 s ahead");
        var retried = attempts.Last();
        Assert.True(retried >= until.AddMilliseconds(-100), $"retried at {retried:O}, before the Retry-After date {until:O}");
        h.Done(Scenarios.RetryAfterDate, "200 after 2 attempts; waited until the date");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_retry_after_longer_than_the_remaining_budget_surfaces_the_429_at_once_with_its_retry_after(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((_, _) => Reply.Refusal(
            HttpStatusCode.TooManyRequests,
            h.Driver.ErrorBody("daily quota used"),
            new Dictionary<string, string> { ["Retry-After"] = "3600", ["X-RateLimit-Remaining"] = "0" }));

        var e = await h.FailsWith<EmailStatsApiException>(43);

        Assert.Empty(h.RetryDelays); // no wait was scheduled: the answer came back at once
        Assert.Equal(1, h.Attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
        Assert.Equal(0, e.RateLimit?.Remaining);
        Assert.Equal(h.Driver.ProviderName, e.Provider);
        h.Done(Scenarios.RetryAfterBeyondBudget, "EmailStatsApiException 429 with RetryAfter 1 h, after 1 attempt, no wait");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task The_budget_rule_and_the_bounded_body_read_survive_the_caller_replacing_the_standard_handler(string provider)
    {
        // As the Core README shows: remove the standard handler and add one with other settings.
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), _ => HostileMode.StallAfterHeaders);
        await using var h = new Harness(provider, configureClient: b => b
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 1));
        h.Serve((_, _) => Reply.Refusal(HttpStatusCode.TooManyRequests, h.Driver.ErrorBody("quota"), new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var refused = await h.FailsWith<EmailStatsApiException>(44);
        Assert.Empty(h.RetryDelays);
        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        Assert.Equal(1, h.Attempts);

        await using var stalled = new Harness(provider, o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1), baseAddress: server.BaseAddress, configureClient: b => b
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 1));
        using var caller = new CancellationTokenSource(); // stays live: the failure is the attempt timeout's, not a cancellation
        var timedOut = await stalled.FailsWith<EmailStatsTransportException>(45, caller.Token);
        Assert.Equal(TransportFailure.Timeout, timedOut.Kind);
        Assert.Single(stalled.RetryDelays); // two attempts, each cut by the attempt timeout
        Assert.InRange(server.Requests, 1, 2);

        h.AssertNoSecrets();
        stalled.Done(Scenarios.ReplacedPipeline, "429 still at once with its RetryAfter; the stalled body still cut (Timeout after 2 attempts)");
    }
}
