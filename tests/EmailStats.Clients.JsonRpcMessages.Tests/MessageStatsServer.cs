using System.Text.Json;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The WireMock server with the Fixtures/ mappings, one per test class.</summary>
public sealed class MessageStatsServer() : WireMockFixture("Fixtures")
{
    /// <summary>The placeholder key every happy-path mapping expects as params[0].</summary>
    public const string FixtureKey = FixtureKeys.ApiKey;

    /// <summary>A client posting to the server's root (or <paramref name="path"/>), over an HttpClient without a base address.</summary>
    internal MessageStatsClient CreateClient(string apiKey = FixtureKey, string path = "", Func<long>? nextId = null, ILogger<MessageStatsClient>? logger = null) =>
        new(new HttpClient(), new JsonRpcMessagesOptions { ApiKey = apiKey, Endpoint = new Uri(BaseAddress, path) }, logger, nextId);

    /// <summary>The body of the newest request the server received.</summary>
    public string LastRequestBody => Requests[^1].RequestMessage.Body ?? "";

    /// <summary>The id of the newest request, read from its body.</summary>
    public long LastRequestId
    {
        get
        {
            using var document = JsonDocument.Parse(LastRequestBody);
            return document.RootElement.GetProperty("id").GetInt64();
        }
    }

    /// <summary>The conditions object (params[1]) of the newest request, as compact JSON.</summary>
    public string LastConditions
    {
        get
        {
            using var document = JsonDocument.Parse(LastRequestBody);
            return document.RootElement.GetProperty("params")[1].GetRawText();
        }
    }
}

internal static class Counters
{
    /// <summary>The nineteen counters of a period, in the seed's order.</summary>
    public static long[] Of(MessageStatsPeriod p) =>
    [
        p.Sent, p.Opened, p.UniqueOpened, p.Clicked, p.UniqueClicked, p.Goals, p.UniqueGoals, p.Forwarded, p.Unsubscribes,
        p.BouncesUserUnknown, p.BouncesUserRecycled, p.BouncesMailboxFull, p.BouncesBlockContent, p.BouncesBlockTimeout,
        p.BouncesBlockOther, p.BouncesOtherSoft, p.BouncesOtherHard, p.ComplaintsHandled, p.ComplaintsUnhandled,
    ];
}
