using System.Text.Json;
using System.Text.Json.Serialization;
using EmailStats.Clients.JsonRpcMessages.JsonRpc;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The JSON-RPC layer is generic: another method is one call with its conditions and a result reader.</summary>
public sealed class JsonRpcChannelTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public async Task Another_method_needs_only_its_conditions_and_a_result_reader()
    {
        var client = server.CreateClient();

        var subjects = await client.CallAsync(
            "GetMessages",
            "get_messages",
            new MessagesConditions("newsletter"),
            TestJsonContext.Default.MessagesConditions,
            (ref reader, _) =>
                JsonElement.ParseValue(ref reader).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("subject").GetString()),
            CancellationToken.None);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(
            $$"""{"jsonrpc":"2.0","id":{{server.LastRequestId}},"method":"get_messages","params":["{{MessageStatsServer.FixtureKey}}",{"type":"newsletter"}]}""",
            server.LastRequestBody);
        Assert.Equal(new Dictionary<string, string?> { ["msg-1"] = "Spring sale", ["msg-2"] = "Summer sale" }, subjects);
    }

    [Fact]
    public async Task Errors_of_another_method_are_read_the_same_way()
    {
        var client = server.CreateClient(apiKey: "fixture-key-rejected");

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.CallAsync(
            "GetMessages",
            "get_messages",
            new MessagesConditions("newsletter"),
            TestJsonContext.Default.MessagesConditions,
            (ref reader, _) => JsonElement.ParseValue(ref reader).GetRawText(),
            CancellationToken.None));

        // No mapping answers get_messages for this key: the near miss gets WireMock's 404, read as a refusal.
        Assert.False(server.LastRequestMatched);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public void The_envelope_writes_heterogeneous_positional_params_in_order()
    {
        var request = new JsonRpcRequest(
            42,
            "any_method",
            [
                JsonRpcParam.Of("key", JsonRpcJsonContext.Default.String),
                JsonRpcParam.Of(new MessagesConditions("x"), TestJsonContext.Default.MessagesConditions),
                JsonRpcParam.Of(7, TestJsonContext.Default.Int32),
            ]);

        var json = JsonSerializer.Serialize(request, JsonRpcJsonContext.Default.JsonRpcRequest);

        Assert.Equal("""{"jsonrpc":"2.0","id":42,"method":"any_method","params":["key",{"type":"x"},7]}""", json);
        Assert.Equal("JSON-RPC any_method #42 (3 params)", request.ToString());
        Assert.DoesNotContain("key", request.Params[0].ToString(), StringComparison.Ordinal);
    }
}

public sealed record MessagesConditions([property: JsonPropertyName("type")] string Type);

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MessagesConditions))]
[JsonSerializable(typeof(int))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
