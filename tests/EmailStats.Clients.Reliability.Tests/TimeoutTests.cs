using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>An answer slower than the attempt timeout is abandoned and retried.</summary>
public sealed class TimeoutTests
{
    private static void ShortAttempts(Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions o) =>
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task An_answer_slower_than_the_attempt_timeout_is_retried_and_the_next_on_time_answer_wins(string provider)
    {
        await using var h = new Harness(provider, ShortAttempts);
        h.Serve((request, attempt) => Reply.Json(h.Driver.SuccessBody(request)) with
        {
            Delay = attempt == 0 ? TimeSpan.FromSeconds(3) : TimeSpan.Zero,
        });

        Assert.Equal(71, await h.CallAsync(71));

        // Two attempts; more only when the on-time answer itself took over a second (an overloaded machine: three builds
        // beside the suite made it four), never more than the pipeline's four.
        Assert.InRange(h.ClientAttempts, 2, 4);
        Assert.Equal(h.ClientAttempts, h.Attempts);
        h.Done(Scenarios.SlowThenOnTime, "200 from the retry; the 3 s answer was cut at 1 s");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task Answers_always_slower_than_the_attempt_timeout_end_in_a_timeout_failure(string provider)
    {
        await using var h = new Harness(provider, ShortAttempts);
        h.Server.Given(Harness.MainCall()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(h.SuccessBody)
            .WithDelay(TimeSpan.FromSeconds(3)));

        var e = await h.FailsWith<EmailStatsTransportException>(72);

        Assert.Equal(TransportFailure.Timeout, e.Kind);
        Assert.Equal(4, h.ClientAttempts);
        h.Done(Scenarios.SlowEveryAttempt, "EmailStatsTransportException Timeout after 4 attempts");
    }
}

/// <summary>Persistent failures open the circuit; the caller then gets a typed failure without a request being sent.</summary>
public sealed class CircuitBreakerTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task Persistent_server_errors_open_the_circuit_and_the_caller_sees_circuit_open_without_a_request(string provider)
    {
        await using var h = new Harness(provider, o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        h.Serve((_, _) => Reply.Refusal(HttpStatusCode.InternalServerError, h.Driver.ErrorBody("down")));

        EmailStatsTransportException? open = null;
        for (var call = 0; call < 5 && open is null; call++)
        {
            var e = await Record.ExceptionAsync(() => h.CallAsync(80 + call));
            Assert.IsAssignableFrom<EmailStatsException>(e);
            open = e as EmailStatsTransportException;
        }

        Assert.NotNull(open);
        Assert.Equal(TransportFailure.CircuitOpen, open.Kind);
        var requestsWhenOpened = h.Attempts;
        Assert.Equal(2, requestsWhenOpened);

        var next = await h.FailsWith<EmailStatsTransportException>(89);

        Assert.Equal(TransportFailure.CircuitOpen, next.Kind);
        Assert.Equal(requestsWhenOpened, h.Attempts);
        Assert.Contains("circuit breaker is open", next.Message, StringComparison.Ordinal);
        h.Done(Scenarios.CircuitOpen, $"opened after {requestsWhenOpened} failed requests; then EmailStatsTransportException CircuitOpen, no request sent");
    }
}

/// <summary>Calls beyond the pipeline's concurrency limit are refused without being sent, as a typed transport failure (no Polly type escapes).</summary>
public sealed class ConcurrencyLimitTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_call_beyond_the_concurrency_limit_is_a_concurrency_limit_failure_and_is_not_sent(string provider)
    {
        await using var h = new Harness(provider, o =>
        {
            o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1;
            o.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;
        });
        var sent = new System.Collections.Concurrent.ConcurrentQueue<int?>();
        h.Serve((request, _) =>
        {
            sent.Enqueue(h.Driver.TagOf(request));
            return Reply.Json(h.Driver.SuccessBody(request)) with { Delay = TimeSpan.FromSeconds(2) };
        });

        var first = h.CallAsync(95);
        await h.FirstRequest;
        var refused = await h.FailsWith<EmailStatsTransportException>(96);
        await first;

        Assert.Equal(TransportFailure.ConcurrencyLimit, refused.Kind);
        Assert.Contains("too many calls were under way at once", refused.Message, StringComparison.Ordinal);
        // The refused call never reached the server; the call under way did (again, if a loaded machine made it retry).
        Assert.NotEmpty(sent);
        Assert.All(sent, tag => Assert.Equal(95, tag));
        h.Done(Scenarios.ConcurrencyLimit, "EmailStatsTransportException ConcurrencyLimit, not sent; the call under way answered");
    }
}
