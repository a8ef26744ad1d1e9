using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>The test run's throwaway PostgreSQL (<see cref="ThrowawayPostgreSql"/>), one for the whole collection.</summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private ThrowawayPostgreSql? _server;

    private ThrowawayPostgreSql Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ThrowawayPostgreSql.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new, empty database of this server, and its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    /// <summary>A connection string to one of its databases.</summary>
    public string ConnectionString(string database) => Server.ConnectionString(database);
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
