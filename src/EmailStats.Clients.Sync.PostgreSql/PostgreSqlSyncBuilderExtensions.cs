using EmailStats.Clients.Sync;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL store for the sync.</summary>
public static class PostgreSqlSyncBuilderExtensions
{
    /// <summary>Keeps the rows in PostgreSQL instead of SQLite.</summary>
    /// <param name="builder">The sync's builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    /// <example>
    /// <code>
    /// services.AddEmailStatsSync(configuration.GetSection("EmailStats")).UsePostgreSql("Host=db;Database=emailstats;Username=sync;Password=...");
    /// </code>
    /// </example>
    public static EmailStatsSyncBuilder UsePostgreSql(this EmailStatsSyncBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseStore(_ => new PostgreSqlEmailStatsStore(connectionString));
    }
}
