using System.Diagnostics;
using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>The caller's token ends the call promptly, with OperationCanceledException, and nothing is retried after it.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Cancelling_while_the_answer_is_awaited_ends_the_call_at_once_without_a_retry(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((request, _) => Reply.Json(h.Driver.SuccessBody(request)) with { Delay = TimeSpan.FromSeconds(5) });

        await h.FailsWith<OperationCanceledException>(90, new CancellationToken(canceled: true));
        Assert.Equal(0, h.ClientAttempts);
        Assert.Equal(0, h.Attempts);

        using var caller = new CancellationTokenSource();
        var call = h.FailsWith<OperationCanceledException>(91, caller.Token);
        await h.FirstRequest.WaitAsync(TimeSpan.FromSeconds(10)); // the server holds the answer now
        var clock = Stopwatch.StartNew();
        await caller.CancelAsync();
        await call;
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < Prompt, $"cancellation took {elapsed}");
        await Task.Delay(300);
        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(1, h.Attempts);
        Assert.Empty(h.RetryDelays);
        h.Done(Scenarios.CancelInFlight, "OperationCanceledException within 2 s; 1 request, no retry (none when cancelled before)");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Cancelling_during_a_retry_after_wait_ends_the_call_at_once_without_a_retry(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((_, _) => Reply.Refusal(HttpStatusCode.TooManyRequests, h.Driver.ErrorBody("slow down"), new Dictionary<string, string> { ["Retry-After"] = "5" }));

        using var caller = new CancellationTokenSource();
        var call = h.FailsWith<OperationCanceledException>(92, caller.Token);
        for (var i = 0; i < 200 && h.RetryDelays.IsEmpty; i++)
        {
            await Task.Delay(50); // until the retry strategy is waiting
        }

        Assert.Equal([TimeSpan.FromSeconds(5)], h.RetryDelays);
        var clock = Stopwatch.StartNew();
        await caller.CancelAsync();
        await call;
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < Prompt, $"cancellation took {elapsed}");
        await Task.Delay(300);
        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(1, h.Attempts);
        h.Done(Scenarios.CancelInBackoff, "OperationCanceledException within 2 s; 1 request, no retry");
    }
}
