using System.Collections.Concurrent;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// Faults queued per provider: each request to the provider's sandbox accounts takes the next one, until none is left.
/// Thread-safe. Recorded fixtures (the fixed error and drift answers) are served as recorded, without faults.
/// </summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<SandboxProvider, ConcurrentQueue<SandboxFault>> _queues = new();

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider whose requests fail.</param>
    /// <param name="fault">The fault to serve.</param>
    /// <param name="times">How many requests in a row get it (at least 1).</param>
    public void Enqueue(SandboxProvider provider, SandboxFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        var queue = _queues.GetOrAdd(provider, static _ => new ConcurrentQueue<SandboxFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many faults are still queued for <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider.</param>
    public int Pending(SandboxProvider provider) => _queues.TryGetValue(provider, out var queue) ? queue.Count : 0;

    /// <summary>Drops every queued fault.</summary>
    public void Clear() => _queues.Clear();

    internal SandboxFault? TakeNext(SandboxProvider provider) =>
        _queues.TryGetValue(provider, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
}
