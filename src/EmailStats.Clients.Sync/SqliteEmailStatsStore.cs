using EmailStats.Clients.Sync.Store;
using Microsoft.Data.Sqlite;

namespace EmailStats.Clients.Sync;

/// <summary>
/// The embedded store: one SQLite file (Microsoft.Data.Sqlite), in write-ahead-log mode so that readers (the dashboard's
/// <c>--store</c>) never wait for a run. Creates and migrates its own schema. Several processes may write to one file:
/// each write takes the file's write lock at once and waits for it (the connection's timeout), never half-way.
/// </summary>
/// <example>
/// <code>
/// var store = new SqliteEmailStatsStore("Data Source=emailstats.db");
/// await store.InitializeAsync(ct);
/// var days = await store.ReadAsync("acme-sendgrid/subuser/shop", from, to, ct);
/// </code>
/// </example>
public sealed class SqliteEmailStatsStore : RelationalEmailStatsStore
{
    /// <summary>Creates the store over a connection string (<c>Data Source=FILE</c>); a bare file path is accepted too.</summary>
    /// <param name="connectionString">The SQLite connection string, or the file's path.</param>
    /// <exception cref="ArgumentException">The text is empty, or is neither a connection string nor a path.</exception>
    public SqliteEmailStatsStore(string connectionString)
        : this(Parse(connectionString))
    {
    }

    private SqliteEmailStatsStore(SqliteConnectionStringBuilder builder)
        : base(new Dialect(builder.ToString())) => DataSource = builder.DataSource;

    /// <summary>The database file (or <c>:memory:</c>).</summary>
    public string DataSource { get; }

    /// <inheritdoc />
    public override string ToString() => $"SQLite store ({DataSource})";

    private static SqliteConnectionStringBuilder Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = connectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connectionString)
                : new SqliteConnectionStringBuilder { DataSource = connectionString };
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Not a SQLite connection string: {e.Message}", nameof(connectionString));
        }

        builder.Pooling = true;
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder;
    }

    private sealed class Dialect(string connectionString) : StoreDialect
    {
        public override string Name => "SQLite";

        public override string TimestampType => "TEXT";

        public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        // BEGIN IMMEDIATE: the write lock at the start, so a transaction that reads then writes cannot fail when it upgrades.
        public override Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

        // Write-ahead logging is a property of the file: set once, every later connection uses it.
        public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // SQLITE_BUSY (5) and SQLITE_LOCKED (6) after the busy timeout: another process held the file.
        public override bool IsTransient(DbException exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };
    }
}
