using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace EmailStats.Clients.Sync;

/// <summary>
/// Keeps one account inside its provider's published budget (DESIGN.md section 9.2), for every request of its named
/// client, retries included: GetResponse (both APIs) at most 10 calls at a time and 60 in any second (its limit is 80: the margin absorbs requests that queue behind the
/// limiter and reach the provider closer together than they left it);
/// Benchmark Email at most 3,500 in any hour (its limit is 3,600); and for every provider the window its rate-limit
/// headers announce (<c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>) or a 429 names, so that a run never
/// provokes the 429 the headers announced. A pause longer than <see cref="EmailStatsSyncOptions.MaxRateLimitPause"/>
/// fails the request at once (the run records it and goes on with the other accounts).
/// </summary>
/// <remarks>
/// The announced window is kept as an estimate of the requests left in it: each answer's <c>Remaining</c> less the
/// requests still in flight (some of which the provider may already have counted, so the estimate errs low), less
/// every request sent after it. While nothing is known (the account's first request, or the first after a window
/// reset) one request goes alone and its answer says what the window holds; an account whose answers carry no such
/// headers is not held back at all.
/// </remarks>
internal sealed class AccountBudget : IDisposable
{
    private readonly ConcurrencyLimiter? _concurrency;
    private readonly RateLimiter? _rate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxPause;
    private readonly object _gate = new();
    private WindowState _state = WindowState.Unknown;
    private bool _probing;
    private long _remaining;
    private DateTimeOffset _resetAt;
    private int _inFlight;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
                _rate = Sliding(60, TimeSpan.FromSeconds(1), 20);
                break;
            case EmailStatsProvider.Reports:
                _rate = Sliding(3500, TimeSpan.FromHours(1), 60);
                break;
        }
    }

    private enum WindowState
    {
        /// <summary>Nothing known yet, or the known window has reset: one request goes alone.</summary>
        Unknown,

        /// <summary>The provider announced a window: <see cref="_remaining"/> requests until <see cref="_resetAt"/>.</summary>
        Announced,

        /// <summary>The provider's answers carry no window: nothing to keep.</summary>
        Unannounced,
    }

    public string Account { get; }

    /// <summary>At most <paramref name="permits"/> requests in any <paramref name="window"/>, the rest waiting in order.</summary>
    private static SlidingWindowRateLimiter Sliding(int permits, TimeSpan window, int segments) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public EmailStatsProvider Provider { get; }

    /// <summary>Waits until the account may send one more request; the returned lease is held until its answer is read.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        var concurrency = _concurrency is null ? null : await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        try
        {
            if (_rate is not null)
            {
                using var rate = await _rate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            }

            var probe = await EnterWindowAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this, concurrency, probe);
        }
        catch
        {
            concurrency?.Dispose();
            throw;
        }
    }

    /// <summary>Takes one request of the announced window, waiting for its reset or for a probe's answer when needed.</summary>
    private async Task<bool> EnterWindowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (_state == WindowState.Announced && now >= _resetAt)
                {
                    _state = WindowState.Unknown;
                }

                switch (_state)
                {
                    case WindowState.Unannounced:
                        _inFlight++;
                        return false;
                    case WindowState.Announced when _remaining > 0:
                        _remaining--;
                        _inFlight++;
                        return false;
                    case WindowState.Unknown when !_probing:
                        _probing = true;
                        _inFlight++;
                        return true;
                }

                changed = _changed.Task;
                wait = _state == WindowState.Announced ? _resetAt - now : Timeout.InfiniteTimeSpan;
            }

            if (wait > _maxPause)
            {
                throw new EmailStatsApiException(
                    Provider.ToString(),
                    HttpStatusCode.TooManyRequests,
                    "budget",
                    [$"Account '{Account}' spent its provider's rate-limit window; it opens again in {wait.TotalSeconds:0} s, later than the sync waits."],
                    wait);
            }

            if (wait == Timeout.InfiniteTimeSpan)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timer = Task.Delay(wait, _time, delay.Token);
                await Task.WhenAny(changed, timer).ConfigureAwait(false);
                await delay.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Reads what an answer says of the window (what is left until when, or a 429's wait) and ends its request.</summary>
    private void Observe(HttpResponseMessage? response, bool probe)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? until = null;
        long? left = null;
        if (response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retry = response.Headers.RetryAfter;
            until = retry?.Date ?? (retry?.Delta is { } delta ? now + delta : null);
            left = until is null ? null : 0;
        }

        if (response is not null && until is null && Header(response, "X-RateLimit-Remaining") is { } remaining
            && long.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            left = count;
            until = Reset(Header(response, "X-RateLimit-Reset")) ?? now.AddSeconds(1);
        }

        lock (_gate)
        {
            _inFlight--;
            if (probe)
            {
                _probing = false;
            }

            if (left is { } known && until is { } reset)
            {
                // Requests still in flight may not be counted in this answer yet: count them as spent. One request of
                // the window stays in reserve for what no answer shows (an attempt the provider counted whose answer
                // never arrived, a clock a little behind the provider's at the window's edge).
                var estimate = Math.Max(0, known - _inFlight - 1);
                if (_state == WindowState.Announced && reset <= _resetAt)
                {
                    // The same window (or an older answer arriving late): the lower estimate holds.
                    _remaining = Math.Min(_remaining, estimate);
                }
                else
                {
                    _state = WindowState.Announced;
                    _remaining = estimate;
                    _resetAt = reset;
                }
            }
            else if (probe && response is not null && _state == WindowState.Unknown)
            {
                _state = WindowState.Unannounced;
            }

            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
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

    /// <summary>One request's place in the account's budget: its concurrency permit and its count in the window.</summary>
    internal sealed class Lease(AccountBudget budget, RateLimitLease? concurrency, bool probe) : IDisposable
    {
        private HttpResponseMessage? _response;
        private int _disposed;

        /// <summary>The answer, read when the lease ends; none when the request failed without one.</summary>
        public void Answered(HttpResponseMessage response) => _response = response;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                budget.Observe(_response, probe);
                concurrency?.Dispose();
            }
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
        lease.Answered(response);
        return response;
    }
}
