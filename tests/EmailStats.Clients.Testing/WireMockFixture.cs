using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace EmailStats.Clients.Testing;

/// <summary>
/// An in-process WireMock server on a random loopback port, loaded with the static mapping files of one folder
/// (a test project's <c>Fixtures/</c>). Use it as an xunit class fixture: one server per test class.
/// Requests that match no mapping are answered 404 with WireMock's "No matching mapping found" body.
/// </summary>
public abstract class WireMockFixture : IDisposable
{
    protected WireMockFixture(string mappingsFolder)
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
        });

        var folder = Path.Combine(AppContext.BaseDirectory, mappingsFolder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Fixture folder '{folder}' is missing; mark Fixtures/** as CopyToOutputDirectory.");
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Server.ReadStaticMappingAndAddOrUpdate(file);
        }

        MappingCount = Server.Mappings.Count();
    }

    /// <summary>The running server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The server's root, with a trailing slash.</summary>
    public Uri BaseAddress => new(Server.Url!.TrimEnd('/') + "/");

    /// <summary>How many mappings the fixture files held.</summary>
    public int MappingCount { get; }

    /// <summary>The log entries of requests that reached the server, newest last.</summary>
    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>Whether the newest request matched a mapping.</summary>
    public bool LastRequestMatched => Server.LogEntries.LastOrDefault()?.MappingGuid is not null;

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
