using System.Net;
using System.Text;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>The WireMock server with every SendGrid v3 fixture loaded; one per test class.</summary>
public sealed class SendGridV3Server() : WireMockFixture("Fixtures")
{
    /// <summary>A client for the fixture server, with the fixture key unless told otherwise.</summary>
    public SendGridV3StatsClient CreateClient(string apiKey = Fixture.ApiKey, string? onBehalfOf = null) =>
        new(new HttpClient(), new SendGridV3Options { ApiKey = apiKey, BaseAddress = BaseAddress, OnBehalfOf = onBehalfOf });
}

public static class Fixture
{
    /// <summary>The placeholder key every fixture mapping expects as its Bearer token; not a real key.</summary>
    public const string ApiKey = FixtureKeys.ApiKey;

    public static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    /// <summary>The fixtures' day of <paramref name="requests"/> (the generator's rule): every one of the sixteen metrics.</summary>
    public static SendGridV3Metrics Full(long requests, long seed)
    {
        var bounces = (requests / 50) + seed;
        var blocks = requests / 200;
        var processed = requests - (seed % 2) - (seed % 3);
        var delivered = processed - bounces - blocks - seed;
        var uniqueOpens = delivered / 4;
        var uniqueClicks = uniqueOpens / 5;
        return new SendGridV3Metrics
        {
            Blocks = blocks,
            BounceDrops = seed % 2,
            Bounces = bounces,
            Clicks = uniqueClicks + 2,
            Deferred = seed * 2,
            Delivered = delivered,
            InvalidEmails = seed,
            Opens = uniqueOpens + (uniqueOpens / 3),
            Processed = processed,
            Requests = requests,
            SpamReportDrops = 0,
            SpamReports = seed,
            UniqueClicks = uniqueClicks,
            UniqueOpens = uniqueOpens,
            UnsubscribeDrops = seed % 3,
            Unsubscribes = seed + 1,
        };
    }

    /// <summary>The metrics without <see cref="SendGridV3Metrics.AdditionalData"/>, to compare with <see cref="Full"/>.</summary>
    public static SendGridV3Metrics Plain(this SendGridV3Metrics metrics) => metrics with { AdditionalData = new AdditionalData() };
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
