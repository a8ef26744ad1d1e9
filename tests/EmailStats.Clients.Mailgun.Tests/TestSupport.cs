using System.Net;
using System.Text;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The WireMock server with every Mailgun fixture loaded; one per test class.</summary>
public sealed class MailgunServer() : WireMockFixture("Fixtures")
{
    /// <summary>A client for the fixture server, with the fixture credential unless told otherwise.</summary>
    public MailgunStatsClient CreateClient(string apiKey = Fixture.ApiKey) =>
        new(new HttpClient(), new MailgunOptions { ApiKey = apiKey, BaseAddress = BaseAddress });

    /// <summary>The raw query string of the newest request (as sent, still escaped).</summary>
    public string LastRawQuery => Requests[^1].RequestMessage.RawQuery ?? "";
}

public static class Fixture
{
    /// <summary>The placeholder credential every fixture mapping expects; not a real key.</summary>
    public const string ApiKey = FixtureKeys.ApiKey;

    /// <summary>The Basic-auth value of <see cref="ApiKey"/>: base64 of <c>api:fixture-key-not-a-secret</c>.</summary>
    public const string BasicValue = "YXBpOmZpeHR1cmUta2V5LW5vdC1hLXNlY3JldA==";

    public const string Domain = "mg.example.com";

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}

/// <summary>Records every request and answers with a fixed body; for tests that look at the request itself.</summary>
public sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string body = """{"providers":{}}""") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
