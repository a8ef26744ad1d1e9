using EmailStats.Clients.Testing;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Reports.Tests;

/// <summary>One WireMock server per test class, loaded with Fixtures/*.json.</summary>
public sealed class ReportsServer() : WireMockFixture("Fixtures");

/// <summary>Fixture values shared by the tests.</summary>
internal static class Fixture
{
    /// <summary>The placeholder key every happy-path mapping requires (header X-API-Key).</summary>
    public const string Key = FixtureKeys.ApiKey;

    /// <summary>The sent campaign of the fixtures.</summary>
    public const string SentCampaignId = "66f1a6e4698f1bca60426002";

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
}

/// <summary>Creates clients over the class's server and disposes their HttpClients after each test.</summary>
public abstract class ReportsTestBase(ReportsServer server) : IDisposable
{
    private readonly List<HttpClient> _httpClients = [];

    protected ReportsServer Server { get; } = server;

    protected ReportsClient NewClient(string key = Fixture.Key, ILogger<ReportsClient>? logger = null)
    {
        var http = new HttpClient();
        _httpClients.Add(http);
        return new ReportsClient(http, new ReportsOptions { ApiKey = key, BaseAddress = Server.BaseAddress }, logger);
    }

    /// <summary>The raw URL (path and query, as sent) of the newest request the server received.</summary>
    protected string LastUrl => new Uri(Server.Requests[^1].RequestMessage.Url).PathAndQuery;

    public void Dispose()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
