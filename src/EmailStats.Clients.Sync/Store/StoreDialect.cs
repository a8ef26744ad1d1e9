using System.Data;

namespace EmailStats.Clients.Sync.Store;

/// <summary>What differs between the databases the stores run on: connections, column types, the migration lock.</summary>
internal abstract class StoreDialect
{
    /// <summary>The database's name, for messages (<c>SQLite</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The type of a point in time (TEXT in SQLite, TIMESTAMPTZ in PostgreSQL).</summary>
    public abstract string TimestampType { get; }

    /// <summary>An open connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that writes (SQLite takes the write lock at once, so a read-then-write never fails half-way).</summary>
    public virtual async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>Holds off other processes' migrations until the transaction ends (several workers start at once).</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Whether several rows go in one statement (a server a round trip away) or one prepared row at a time (in process).</summary>
    public virtual bool BatchesRows => false;

    /// <summary>Whether an exception is the database being busy or a conflict a retry resolves.</summary>
    public abstract bool IsTransient(DbException exception);

    /// <summary>Sets what belongs to the database file rather than a connection, before the schema is migrated.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
