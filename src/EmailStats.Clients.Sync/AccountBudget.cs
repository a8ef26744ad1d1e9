using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace EmailStats.Clients.Sync;

/// <summary>
/// Keeps one account inside its provider's published budget (DESIGN.md section 9.2), for every request of its named
/// client, retries included: GetResponse (both APIs) at most 10 calls at a time and 70 in any second (its limit is 80);
/// Benchmark Email at most 3,500 in any hour (its limit is 3,600); every provider pauses when its rate-limit headers say
/// the window is spent (<c>X-RateLimit-Remaining: 0</c>) or a 429 names a wait, until the window opens again, so that a
/// run never provokes the 429 the headers announced. A pause longer than <see cref="EmailStatsSyncOptions.MaxRateLimitPause"/>
/// fails the request at once (the run records it and goes on with the other accounts).
/// </summary>
internal sealed class AccountBudget : IDisposable
{
    private readonly ConcurrencyLimiter? _concurrency;
    private readonly RateLimiter? _rate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxPause;
    private long _blockedUntilTicks;

    public AccountBudget(string account, EmailStatsProvider provider, TimeProvider time, TimeSpan maxPause)
    {
        Account = account;
        Provider = provider;
        _time = time;
        _maxPause = maxPause;
        switch (provider)
        {
            case EmailStatsProvider.GetResponse or EmailStatsProvider.JsonRpcMessages:
                _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 10, QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
                _rate = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = 70,
                    Window = TimeSpan.FromSeconds(1),
                    SegmentsPerWindow = 10,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });
                break;
            case EmailStatsProvider.Reports:
                _rate = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = 3500,
                    Window = TimeSpan.FromHours(1),
                    SegmentsPerWindow = 60,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });
                break;
        }
    }

    public string Account { get; }

    public EmailStatsProvider Provider { get; }

    /// <summary>Waits until the account may send one more request; the returned lease is held until its answer is read.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var blockedUntil = new DateTimeOffset(Interlocked.Read(ref _blockedUntilTicks), TimeSpan.Zero);
        if (blockedUntil > _time.GetUtcNow())
        {
            var wait = blockedUntil - _time.GetUtcNow();
            if (wait > _maxPause)
            {
                throw new EmailStatsApiException(
                    Provider.ToString(),
                    HttpStatusCode.TooManyRequests,
                    "budget",
                    [$"Account '{Account}' spent its provider's rate-limit window; it opens again at {blockedUntil:u}, later than the sync waits."],
                    wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        var concurrency = _concurrency is null ? null : await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (_rate is not null)
        {
            using var rate = await _rate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        return concurrency ?? (IDisposable)NoLease.Instance;
    }

    /// <summary>Reads what an answer says of the window: spent (remaining 0 until a reset) or a 429's wait.</summary>
    public void Observe(HttpResponseMessage response)
    {
        DateTimeOffset? until = null;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retry = response.Headers.RetryAfter;
            until = retry?.Date ?? (retry?.Delta is { } delta ? _time.GetUtcNow() + delta : null);
        }

        if (until is null && Header(response, "X-RateLimit-Remaining") is { } remaining
            && long.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left) && left <= 0)
        {
            until = Reset(Header(response, "X-RateLimit-Reset")) ?? _time.GetUtcNow().AddSeconds(1);
        }

        if (until is { } moment)
        {
            var ticks = moment.UtcTicks;
            long current;
            do
            {
                current = Interlocked.Read(ref _blockedUntilTicks);
                if (current >= ticks)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _blockedUntilTicks, ticks, current) != current);
        }
    }

    public void Dispose()
    {
        _concurrency?.Dispose();
        _rate?.Dispose();
    }

    /// <summary>A reset as the providers send it: Unix seconds or milliseconds, or the seconds left (<c>432</c>, <c>"432 seconds"</c>).</summary>
    private DateTimeOffset? Reset(string? value)
    {
        var text = value?.Replace("seconds", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return number switch
        {
            > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(number),
            > 1_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(number),
            _ => _time.GetUtcNow().AddSeconds(number),
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>The budgets of the configured accounts, one per account, shared by every request of its named client.</summary>
internal sealed class AccountBudgets(TimeProvider time, Microsoft.Extensions.Options.IOptions<EmailStatsSyncOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, AccountBudget> _budgets = new(StringComparer.Ordinal);

    public AccountBudget For(EmailStatsAccount account) =>
        _budgets.GetOrAdd(account.Name, static (name, s) => new AccountBudget(name, s.Account.Provider!.Value, s.Time, s.MaxPause), (Account: account, Time: time, MaxPause: options.Value.MaxRateLimitPause));

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            budget.Dispose();
        }
    }
}

/// <summary>The handler that puts every request of an account's named client through its <see cref="AccountBudget"/>.</summary>
internal sealed class AccountBudgetHandler(AccountBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        budget.Observe(response);
        return response;
    }
}
