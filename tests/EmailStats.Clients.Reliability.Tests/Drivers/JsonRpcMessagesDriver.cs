using System.Text.Json;
using System.Text.Json.Nodes;
using EmailStats.Clients.Internal;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.JsonRpcMessages.JsonRpc;
using EmailStats.Clients.JsonRpcMessages.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>JSON-RPC message statistics: one POST per call, the key as the first positional param, the id echoed back.</summary>
public sealed class JsonRpcMessagesDriver : ProviderDriver
{
    // A quote, a backslash and angle brackets: the key is JSON-escaped in the request body, so that form is checked too.
    private const string ApiKey = "rpc\"Key\\Secret<7>";

    public override string Name => nameof(EmailStatsProvider.JsonRpcMessages);

    public override string MainCall => "GetMessageStatsAsync(ForMessage(\"msg-N\"))";

    public override IReadOnlyList<string> Secrets { get; } =
        [ApiKey, JsonEncodedText.Encode(ApiKey).ToString(), JsonSerializer.Serialize(ApiKey).Trim('"')];

    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddMessageStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Endpoint = baseAddress;
        });

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var stats = await services.GetRequiredService<IMessageStatsClient>().GetMessageStatsAsync(MessageStatsQuery.ForMessage($"msg-{tag}"), cancellationToken);
        var period = Assert.Single(stats.Periods);
        Assert.Equal(new DateTime(2024, 9, 1), period.Start);
        return period.Sent;
    }

    public override int? TagOf(WireRequest request)
    {
        if (request.Method != "POST" || Envelope(request) is not { } envelope)
        {
            return null;
        }

        return envelope["method"]?.GetValue<string>() == "get_message_stats"
            && envelope["params"] is JsonArray { Count: 2 } parameters
            && parameters[0]?.GetValue<string>() == ApiKey
            && parameters[1]?["message"]?.GetValue<string>() is { } message
            && message.StartsWith("msg-", StringComparison.Ordinal) && int.TryParse(message[4..], out var tag)
            ? tag
            : null;
    }

    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var id = Envelope(request)?["id"]?.ToJsonString() ?? "null";
        var tag = TagOf(request) ?? -1;
        return $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{{padding}\"2024-09-01\":{{\"sent\":{tag},\"opened\":\"4\",\"unique_opened\":2,\"marker\":\"body-marker-jsonrpc\"}}}}}}";
    }

    public override string ErrorBody(string message) => $$$"""{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"{{{message}}}"}}""";

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    private static JsonNode? Envelope(WireRequest request)
    {
        try
        {
            return JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ParserTarget> BuildParsers()
    {
        string[] errors =
        [
            $$$"""{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"API key verification failed for {{{JsonEncodedText.Encode(ApiKey)}}}"}}""",
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid request","data":{"detail":[1,2]}}}""",
            """{"jsonrpc":"2.0","id":1,"error":"plain text error"}""",
        ];
        var targets = new List<ParserTarget>();
        foreach (var (grouping, key) in new[]
        {
            (MessageStatsGrouping.Hourly, "2024-09-01 13"), (MessageStatsGrouping.Daily, "2024-09-01"),
            (MessageStatsGrouping.Monthly, "2024-09"), (MessageStatsGrouping.Yearly, "2024"),
        })
        {
            var query = MessageStatsQuery.ForMessage("msg-fuzz").GroupedBy(grouping);
            string[] seeds =
            [
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"" + key + "\":{\"sent\":\"1024\",\"opened\":512,\"unique_opened\":256,\"clicked\":128,\"goals\":8,\"bounces_user_unknown\":1,\"extra\":{\"a\":[true]}}}}",
                """{"jsonrpc":"2.0","id":1,"result":[]}""",
                .. errors,
            ];
            targets.Add(new ParserTarget(
                $"GetMessageStats ({grouping})",
                seeds,
                (body, logger) => ParseDirect(
                    nameof(EmailStatsProvider.JsonRpcMessages),
                    new Secrets(ApiKey, JsonEncodedText.Encode(ApiKey).ToString()),
                    JsonRpcResponseReader.ReadError,
                    response => JsonRpcResponseReader.ReadResult(response, 1, (ref System.Text.Json.Utf8JsonReader reader, ProviderResponse r) => MessageStatsReader.Read(ref reader, r, query)),
                    body,
                    logger)));
        }

        return targets;
    }
}
