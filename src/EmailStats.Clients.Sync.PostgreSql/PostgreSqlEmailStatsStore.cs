using EmailStats.Clients.Sync.Store;
using Npgsql;

namespace EmailStats.Clients.Sync;

/// <summary>
/// The PostgreSQL store (Npgsql): the same schema, rows and guarantees as <see cref="SqliteEmailStatsStore"/>, in one
/// database that several workers share. Creates and migrates its own schema under an advisory lock, so workers that
/// start together migrate once; a write that loses a conflict to another worker is tried again whole.
/// </summary>
/// <example>
/// <code>
/// services.AddEmailStatsSync(configuration.GetSection("EmailStats"))
///     .UsePostgreSql(configuration.GetConnectionString("EmailStats")!);
/// </code>
/// </example>
public sealed class PostgreSqlEmailStatsStore : RelationalEmailStatsStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store over a connection string (<c>Host=...;Database=...;Username=...;Password=...</c>).</summary>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <exception cref="ArgumentException">The text is empty or not a connection string.</exception>
    public PostgreSqlEmailStatsStore(string connectionString)
        : this(Build(connectionString))
    {
    }

    private PostgreSqlEmailStatsStore(NpgsqlDataSource dataSource)
        : base(new Dialect(dataSource))
    {
        _dataSource = dataSource;
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Database = $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>Where the store is (host, port and database; never the credentials).</summary>
    public string Database { get; }

    /// <summary>Closes the store's connections.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL store ({Database})";

    private static NpgsqlDataSource Build(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the keyword, never its value.
            throw new ArgumentException($"Not a PostgreSQL connection string: {e.Message}", nameof(connectionString));
        }

        // The store sends the same few statements for every source: prepared once per connection, parsed once. Unless
        // the connection string says otherwise.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }

    private sealed class Dialect(NpgsqlDataSource dataSource) : StoreDialect
    {
        public override string Name => "PostgreSQL";

        public override string TimestampType => "TIMESTAMPTZ";

        public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
            await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        public override bool BatchesRows => true;

        public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(4907325061)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Serialization failures, deadlocks and unique races between workers roll the transaction back whole.
        public override bool IsTransient(DbException exception) =>
            exception is PostgresException { SqlState: "40001" or "40P01" or "23505" } || (exception is NpgsqlException npgsql && npgsql.IsTransient);
    }
}
