using System.Diagnostics;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// What one account's requests looked like at the sandbox, measured as they arrive (on the machine's clock, whatever the
/// sandbox's): how many, the most at once, the most in any one second and in any one hour, and the 429s the account's
/// announced rate limit (<see cref="SandboxAccount.LimitRequests"/>) had to answer. A client that keeps a provider's
/// budget shows it here.
/// </summary>
public sealed class SandboxMeter
{
    private readonly object _gate = new();
    private readonly Queue<long> _lastSecond = new();
    private readonly Queue<long> _lastHour = new();
    private readonly List<string> _turns = [];
    private long _requests;
    private int _inFlight;
    private int _maxInFlight;
    private int _maxPerSecond;
    private int _maxPerHour;
    private long _provoked;

    /// <summary>Requests the account received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The most requests in flight at once.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    /// <summary>The most requests that started within any one second.</summary>
    public int MaxPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _maxPerSecond;
            }
        }
    }

    /// <summary>The most requests that started within any one hour.</summary>
    public int MaxPerHour
    {
        get
        {
            lock (_gate)
            {
                return _maxPerHour;
            }
        }
    }

    /// <summary>429s answered because a request came after the account's announced window was spent.</summary>
    public long ProvokedRateLimits => Interlocked.Read(ref _provoked);

    /// <summary>
    /// The callers (each request's <c>User-Agent</c>) in the order they took turns on the account: an entry each time a
    /// request comes from another caller than the request before it. Workers that name themselves in their user agent
    /// show here: a caller listed twice took turns with another, as two workers syncing the account at once would.
    /// </summary>
    public IReadOnlyList<string> CallerTurns
    {
        get
        {
            lock (_gate)
            {
                return [.. _turns];
            }
        }
    }

    internal IDisposable Enter(string? caller = null)
    {
        Interlocked.Increment(ref _requests);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            caller ??= "";
            if (_turns.Count == 0 || _turns[^1] != caller)
            {
                _turns.Add(caller);
            }

            _maxPerSecond = Math.Max(_maxPerSecond, Count(_lastSecond, now, Stopwatch.Frequency));
            _maxPerHour = Math.Max(_maxPerHour, Count(_lastHour, now, Stopwatch.Frequency * 3600));
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
        {
        }

        return new Exit(this);
    }

    internal void Provoked() => Interlocked.Increment(ref _provoked);

    private static int Count(Queue<long> window, long now, long span)
    {
        window.Enqueue(now);
        while (window.Count > 0 && now - window.Peek() >= span)
        {
            window.Dequeue();
        }

        return window.Count;
    }

    private sealed class Exit(SandboxMeter meter) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref meter._inFlight);
            }
        }
    }
}

/// <summary>An announced rate limit: so many requests per window, told in <c>X-RateLimit-*</c> headers on every answer.</summary>
internal sealed class SandboxRateLimit(int limit, TimeSpan window)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowEnds;
    private int _used;

    /// <summary>Counts a request; false when the window is spent (the answer is then a 429).</summary>
    public bool TryTake(out IEnumerable<KeyValuePair<string, string>> headers)
    {
        var now = DateTimeOffset.UtcNow;
        bool allowed;
        int remaining;
        DateTimeOffset ends;
        lock (_gate)
        {
            if (now >= _windowEnds)
            {
                _windowEnds = now + window;
                _used = 0;
            }

            allowed = _used < limit;
            if (allowed)
            {
                _used++;
            }

            remaining = limit - _used;
            ends = _windowEnds;
        }

        var reset = (long)Math.Ceiling(ends.ToUnixTimeMilliseconds() / 1000.0);
        headers =
        [
            new("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture)),
            new("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture)),
        ];
        return allowed;
    }
}
