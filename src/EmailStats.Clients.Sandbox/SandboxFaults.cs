namespace EmailStats.Clients.Sandbox;

/// <summary>
/// Faults queued per provider or per account: each request takes the next fault of its account's queue, else of its
/// provider's, until none is left. Thread-safe.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, Queue<Entry>> _queues = [];

    /// <summary>Queues <paramref name="fault"/> for the next request to <paramref name="provider"/>'s API (any account).</summary>
    /// <param name="provider">The provider API whose request fails.</param>
    /// <param name="fault">The fault to serve.</param>
    public void Enqueue(EmailStatsProvider provider, SandboxFault fault) => Add(provider, fault, 1);

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>'s API (any account).</summary>
    /// <param name="provider">The provider API whose requests fail.</param>
    /// <param name="fault">The fault to serve.</param>
    /// <param name="times">How many requests in a row get it (at least 1).</param>
    public void Enqueue(EmailStatsProvider provider, SandboxFault fault, int times) => Add(provider, fault, times);

    /// <summary>Queues <paramref name="fault"/> for the next request of <paramref name="account"/>, through any of its provider's APIs.</summary>
    /// <param name="account">The account whose request fails.</param>
    /// <param name="fault">The fault to serve.</param>
    public void Enqueue(SandboxAccount account, SandboxFault fault) => Enqueue(account, fault, 1);

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> requests of <paramref name="account"/>, through
    /// any of its provider's APIs (<see cref="int.MaxValue"/>: until <see cref="Clear"/>, an account that is down).
    /// </summary>
    /// <param name="account">The account whose requests fail.</param>
    /// <param name="fault">The fault to serve.</param>
    /// <param name="times">How many requests in a row get it (at least 1).</param>
    public void Enqueue(SandboxAccount account, SandboxFault fault, int times)
    {
        ArgumentNullException.ThrowIfNull(account);
        Add(account, fault, times);
    }

    /// <summary>How many faults are still queued for <paramref name="provider"/>'s API.</summary>
    /// <param name="provider">The provider API.</param>
    /// <returns>The number of requests that will still get a fault.</returns>
    public long Pending(EmailStatsProvider provider) => Count(provider);

    /// <summary>How many faults are still queued for <paramref name="account"/>.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The number of requests that will still get a fault.</returns>
    public long Pending(SandboxAccount account) => Count(account);

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queues.Clear();
        }
    }

    internal SandboxFault? TakeNext(EmailStatsProvider provider, SandboxAccount? account)
    {
        lock (_gate)
        {
            return (account is not null ? Take(account) : null) ?? Take(provider);
        }
    }

    private void Add(object key, SandboxFault fault, int times)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            if (!_queues.TryGetValue(key, out var queue))
            {
                _queues[key] = queue = new Queue<Entry>();
            }

            queue.Enqueue(new Entry(fault, times));
        }
    }

    private SandboxFault? Take(object key)
    {
        if (!_queues.TryGetValue(key, out var queue) || !queue.TryPeek(out var entry))
        {
            return null;
        }

        if (--entry.Remaining == 0)
        {
            queue.Dequeue();
        }

        return entry.Fault;
    }

    private long Count(object key)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(key, out var queue) ? queue.Sum(e => (long)e.Remaining) : 0;
        }
    }

    private sealed class Entry(SandboxFault fault, int times)
    {
        public SandboxFault Fault { get; } = fault;

        public int Remaining { get; set; } = times;
    }
}
