using System.Net;
using System.Text;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>The WireMock server with every GetResponse v3 fixture loaded; one per test class.</summary>
public sealed class GetResponseServer() : WireMockFixture("Fixtures")
{
    /// <summary>A client for the fixture server, with the fixture key unless told otherwise.</summary>
    public GetResponseStatsClient CreateClient(string apiKey = Fixture.ApiKey, string? domain = null) =>
        new(new HttpClient(), new GetResponseOptions { ApiKey = apiKey, BaseAddress = new Uri(BaseAddress, "v3/"), Domain = domain });
}

public static class Fixture
{
    /// <summary>The placeholder key every fixture mapping expects; not a real key.</summary>
    public const string ApiKey = FixtureKeys.ApiKey;

    public static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    public static DateTimeOffset Utc(int month, int day, int hour = 0, int year = 2026) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}

/// <summary>Records every request and answers with a fixed body; for tests that look at the request itself.</summary>
public sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string body = "[]") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
