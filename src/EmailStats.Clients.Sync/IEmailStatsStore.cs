namespace EmailStats.Clients.Sync;

/// <summary>
/// Where the sync keeps every source's days (DESIGN.md section 9.3): rows keyed by the source's stable id and day, each
/// with when it was fetched and whether its day was complete; a checkpoint per source; the run log. A source's rows and
/// its checkpoint are written together or not at all, so a run killed at any point and run again leaves the rows of one
/// clean run. <see cref="SqliteEmailStatsStore"/> is the embedded default; <c>PostgreSqlEmailStatsStore</c> is in
/// <c>EmailStats.Clients.Sync.PostgreSql</c>. Both pass one contract suite. Driver failures surface as
/// <see cref="EmailStatsStoreException"/>.
/// </summary>
public interface IEmailStatsStore
{
    /// <summary>Creates the schema, or migrates it forward to this version; safe to call from several processes at once.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    /// <exception cref="EmailStatsStoreException">The database could not be reached or migrated.</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The last day the store holds as settled for a source (no later run needs to read it again); null when none.</summary>
    /// <param name="sourceId">The source's stable id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint.</returns>
    Task<DateOnly?> GetCheckpointAsync(string sourceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts the reported days of one source and moves its checkpoint, in one transaction. A day equal to the stored one
    /// (every metric and the complete flag) is left as it is; null stays null.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="days">Its days (rows that are not reported are skipped: there is nothing to keep).</param>
    /// <param name="checkpoint">The new checkpoint (the store keeps the later of it and the one it holds); null to leave it.</param>
    /// <param name="fetchedAt">When the days were read.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written then).</param>
    /// <returns>How many days were written and how many were unchanged.</returns>
    Task<StoreWriteResult> WriteAsync(StoredSource source, IReadOnlyList<DailyEmailMetrics> days, DateOnly? checkpoint, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default);

    /// <summary>Every source the store has rows or a checkpoint for, by id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sources.</returns>
    Task<IReadOnlyList<StoredSource>> GetSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>A source's stored days from <paramref name="from"/> to <paramref name="to"/>, in date order (days never stored are absent).</summary>
    /// <param name="sourceId">The source's stable id.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The days.</returns>
    Task<IReadOnlyList<StoredDay>> ReadAsync(string sourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Appends a run's report to the run log.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task WriteRunAsync(SyncRunReport report, CancellationToken cancellationToken = default);

    /// <summary>The latest runs of the log, newest first.</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<SyncRunReport>> ReadRunsAsync(int count, CancellationToken cancellationToken = default);
}

/// <summary>A source as the store knows it: its stable id, what it is, and how its numbers are to be read.</summary>
/// <param name="Id">The stable id (<see cref="EmailStatsSourceDescriptor.Id"/>).</param>
/// <param name="Account">The account's name.</param>
/// <param name="Provider">The provider API.</param>
/// <param name="Kind">The kind (<see cref="SourceKinds"/>).</param>
/// <param name="Name">The subuser, category, message, newsletter or domain; null for a whole account.</param>
/// <param name="Label">What the numbers describe, for people (<see cref="IEmailStatsSource.Name"/>).</param>
/// <param name="TimeZone">The zone its days are counted in.</param>
/// <param name="Metrics">The metrics it reports (the others are null on every row).</param>
/// <param name="Judging">How its health is judged.</param>
public sealed record StoredSource(
    string Id,
    string Account,
    EmailStatsProvider Provider,
    string Kind,
    string? Name,
    string Label,
    string TimeZone,
    EmailMetric Metrics,
    HealthJudging Judging);

/// <summary>One stored day: the metrics (with <see cref="DailyEmailMetrics.Source"/> the source's label) and when it was fetched.</summary>
/// <param name="Metrics">The day's numbers and whether it was complete.</param>
/// <param name="FetchedAt">When these numbers were read from the provider.</param>
public sealed record StoredDay(DailyEmailMetrics Metrics, DateTimeOffset FetchedAt);

/// <summary>What one write did.</summary>
/// <param name="Written">Days inserted or changed.</param>
/// <param name="Unchanged">Days already stored as they are.</param>
public readonly record struct StoreWriteResult(int Written, int Unchanged);

/// <summary>The store failed: the database could not be reached, refused a statement, or holds a schema this version does not know.</summary>
/// <remarks>
/// An <see cref="EmailStatsException"/> whose <see cref="EmailStatsException.Provider"/> is the store's engine
/// (<c>"SQLite"</c> or <c>"PostgreSQL"</c>), so that one catch handles every failure of a sync.
/// </remarks>
public sealed class EmailStatsStoreException : EmailStatsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">The store's engine, for example <c>"SQLite"</c>.</param>
    /// <param name="message">What failed, without a secret (never a connection string).</param>
    /// <param name="innerException">The driver's exception.</param>
    public EmailStatsStoreException(string store, string message, Exception? innerException = null)
        : base(store, message, innerException)
    {
    }
}
