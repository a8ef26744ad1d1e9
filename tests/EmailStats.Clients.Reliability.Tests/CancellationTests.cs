using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>The caller's token ends the call promptly, with OperationCanceledException, and nothing is retried after it.</summary>
public sealed class CancellationTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task Cancelling_while_the_answer_is_awaited_ends_the_call_at_once_without_a_retry(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((request, _) => Reply.Json(h.Driver.SuccessBody(request)) with { Delay = TimeSpan.FromSeconds(5) });

        await h.FailsWith<OperationCanceledException>(90, new CancellationToken(canceled: true));
        Assert.Equal(0, h.ClientAttempts);
        Assert.Equal(0, h.Attempts);

        using var caller = new CancellationTokenSource();
        var call = h.FailsWith<OperationCanceledException>(91, caller.Token);
        await h.FirstRequest; // the server holds the answer now (no bound: a hang is named by the run settings)
        await caller.CancelAsync();
        await call; // an OperationCanceledException, not the answer the server sends 5 s later
        await Task.Delay(300);
        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(1, h.Attempts);
        Assert.Empty(h.RetryDelays);
        h.Done(Scenarios.CancelInFlight, "OperationCanceledException before the answer; 1 request, no retry (none when cancelled before)");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task Cancelling_during_a_retry_after_wait_ends_the_call_at_once_without_a_retry(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((_, _) => Reply.Refusal(HttpStatusCode.TooManyRequests, h.Driver.ErrorBody("slow down"), new Dictionary<string, string> { ["Retry-After"] = "5" }));

        using var caller = new CancellationTokenSource();
        var call = h.FailsWith<OperationCanceledException>(92, caller.Token);
        while (h.RetryDelays.IsEmpty)
        {
            await Task.Delay(50); // until the retry strategy is waiting (no bound: a hang is named by the run settings)
        }

        Assert.Equal([TimeSpan.FromSeconds(5)], h.RetryDelays);
        await caller.CancelAsync();
        await call; // an OperationCanceledException, not the answer the server sends 5 s later
        await Task.Delay(300);
        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(1, h.Attempts);
        h.Done(Scenarios.CancelInBackoff, "OperationCanceledException during the wait; 1 request, no retry");
    }
}
