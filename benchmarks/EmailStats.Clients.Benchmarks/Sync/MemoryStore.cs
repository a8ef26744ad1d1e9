using System.Collections.Concurrent;
using EmailStats.Clients.Sync;

namespace EmailStats.Clients.Benchmarks.Sync;

/// <summary>A store that keeps rows in memory: a run into it costs the clients and the sync alone, so the real stores' share shows as the difference.</summary>
internal sealed class MemoryStore : IEmailStatsStore
{
    private readonly ConcurrentDictionary<string, (StoredSource Source, DateOnly? Checkpoint, SortedDictionary<DateOnly, StoredDay> Days)> _sources = new(StringComparer.Ordinal);

    public void Clear() => _sources.Clear();

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<DateOnly?> GetCheckpointAsync(string sourceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_sources.TryGetValue(sourceId, out var s) ? s.Checkpoint : null);

    public Task<StoreWriteResult> WriteAsync(StoredSource source, IReadOnlyList<DailyEmailMetrics> days, DateOnly? checkpoint, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
    {
        var entry = _sources.GetOrAdd(source.Id, _ => (source, null, new SortedDictionary<DateOnly, StoredDay>()));
        int written = 0, unchanged = 0;
        lock (entry.Days)
        {
            foreach (var day in days.Where(d => d.IsReported))
            {
                if (entry.Days.TryGetValue(day.Date, out var before) && before.Metrics == day)
                {
                    unchanged++;
                    continue;
                }

                entry.Days[day.Date] = new StoredDay(day, fetchedAt);
                written++;
            }

            var next = checkpoint is { } c && (entry.Checkpoint is not { } old || c > old) ? c : entry.Checkpoint;
            _sources[source.Id] = (source, next, entry.Days);
        }

        return Task.FromResult(new StoreWriteResult(written, unchanged));
    }

    public Task<IReadOnlyList<StoredSource>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredSource>>([.. _sources.Values.Select(s => s.Source)]);

    public Task<IReadOnlyList<StoredDay>> ReadAsync(string sourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredDay>>(_sources.TryGetValue(sourceId, out var s) ? [.. s.Days.Values.Where(d => d.Metrics.Date >= from && d.Metrics.Date <= to)] : []);

    public Task WriteRunAsync(SyncRunReport report, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<SyncRunReport>> ReadRunsAsync(int count, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<SyncRunReport>>([]);
}
