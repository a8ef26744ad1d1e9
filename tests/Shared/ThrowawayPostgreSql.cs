using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EmailStats.Clients.Testing;

/// <summary>
/// A throwaway PostgreSQL server of the test run's own (DESIGN.md section 9.3): the binaries installed on the machine
/// (Debian's postgresql package), a temporary data folder, a free loopback port, no password (trust on loopback only),
/// stopped and deleted afterwards. As root (CI), the server runs as the <c>postgres</c> user, since PostgreSQL refuses
/// root. Nothing is started by hand. One source file, linked into the projects that need a server (the sync tests,
/// the Hangfire tests and their worker, the benchmarks); it depends on Npgsql alone.
/// </summary>
public sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emailstats-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private int _databases;

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Starts a server; dispose it to stop it and delete its data.</summary>
    public static async Task<ThrowawayPostgreSql> StartAsync()
    {
        var server = new ThrowawayPostgreSql();
        await server.InitializeAsync().ConfigureAwait(false);
        return server;
    }

    private async Task InitializeAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's binaries were not found under /usr/lib/postgresql/*/bin (apt-get install postgresql-15).");
        }

        Directory.CreateDirectory(_folder);
        var root = Environment.UserName == "root";
        if (root)
        {
            await Run("chown", ["postgres:postgres", _folder]);
        }

        Port = FreePort();
        await Run(Path.Combine(bin, "initdb"), ["-D", _folder, "-U", "emailstats", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], root);
        await Run(
            Path.Combine(bin, "pg_ctl"),
            ["-D", _folder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
             $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"],
            root);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Order().Last();
        try
        {
            await Run(Path.Combine(bin, "pg_ctl"), ["-D", _folder, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A new, empty database of this server, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=emailstats;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string file, string[] arguments, bool asPostgres = false)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}

