using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// The budget on its own, on a clock the test moves: the published limits hold back the request past them, and an
/// announced window is never overrun, in flight requests included.
/// </summary>
public sealed class AccountBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_benchmark_account_gets_3500_requests_in_an_hour_and_the_next_waits()
    {
        using var budget = new AccountBudget("studio", EmailStatsProvider.Reports, new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3500; i++)
        {
            using var lease = await budget.AcquireAsync(CancellationToken.None);
            lease.Answered(new HttpResponseMessage(HttpStatusCode.OK));
        }

        using var cancel = new CancellationTokenSource();
        var next = budget.AcquireAsync(cancel.Token);

        // The window's first segment frees a minute from now on the real clock: nothing can free it during this test.
        Assert.False(next.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public async Task A_getresponse_account_gets_ten_requests_at_a_time()
    {
        using var budget = new AccountBudget("letters", EmailStatsProvider.GetResponse, new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));
        var probe = await budget.AcquireAsync(CancellationToken.None);
        probe.Answered(new HttpResponseMessage(HttpStatusCode.OK));
        probe.Dispose();
        var leases = new List<AccountBudget.Lease>();
        for (var i = 0; i < 10; i++)
        {
            leases.Add(await budget.AcquireAsync(CancellationToken.None));
        }

        var eleventh = budget.AcquireAsync(CancellationToken.None);
        Assert.False(eleventh.IsCompleted);

        leases[0].Answered(new HttpResponseMessage(HttpStatusCode.OK));
        leases[0].Dispose();
        using var lease = await eleventh;
        Assert.NotNull(lease);
        leases.Skip(1).ToList().ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task An_announced_window_is_kept_counting_the_requests_in_flight_and_opens_at_its_reset()
    {
        var clock = new FakeTimeProvider(Now);
        using var budget = new AccountBudget("sendgrid", EmailStatsProvider.SendGridV3, clock, TimeSpan.FromMinutes(1));

        // Nothing known: the first request goes alone.
        var probe = await budget.AcquireAsync(CancellationToken.None);
        var second = budget.AcquireAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        // Its answer: 4 left until a reset 10 s ahead, one kept in reserve. The waiting request takes one; two more may
        // go, and no fourth.
        probe.Answered(Limited(remaining: 4, reset: Now.AddSeconds(10)));
        probe.Dispose();
        var leases = new List<AccountBudget.Lease> { await second, await budget.AcquireAsync(CancellationToken.None), await budget.AcquireAsync(CancellationToken.None) };
        var fourth = budget.AcquireAsync(CancellationToken.None);
        Assert.False(fourth.IsCompleted);

        // A late answer that says 3 left does not give back what the requests in flight spent.
        leases[0].Answered(Limited(remaining: 3, reset: Now.AddSeconds(10)));
        leases[0].Dispose();
        Assert.False(fourth.IsCompleted);

        // At the reset the window opens again for one request, whose answer tells the new window.
        clock.Advance(TimeSpan.FromSeconds(10));
        using var afterReset = await fourth;
        leases.Skip(1).ToList().ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task An_account_whose_answers_announce_nothing_is_not_held_back()
    {
        using var budget = new AccountBudget("mailgun", EmailStatsProvider.Mailgun, new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));
        var probe = await budget.AcquireAsync(CancellationToken.None);
        probe.Answered(new HttpResponseMessage(HttpStatusCode.OK));
        probe.Dispose();

        var leases = new List<AccountBudget.Lease>();
        for (var i = 0; i < 100; i++)
        {
            leases.Add(await budget.AcquireAsync(CancellationToken.None));
        }

        Assert.Equal(100, leases.Count);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task A_wait_longer_than_the_longest_pause_fails_the_request_at_once_with_a_429()
    {
        var clock = new FakeTimeProvider(Now);
        using var budget = new AccountBudget("sendgrid", EmailStatsProvider.SendGridV3, clock, TimeSpan.FromMinutes(1));
        var probe = await budget.AcquireAsync(CancellationToken.None);
        probe.Answered(Limited(remaining: 0, reset: Now.AddHours(1)));
        probe.Dispose();

        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => budget.AcquireAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("'sendgrid'", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Limited(int remaining, DateTimeOffset reset)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Limit", "10");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}
