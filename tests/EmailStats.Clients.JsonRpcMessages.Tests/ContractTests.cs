using System.Text.Json;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for GetResponse 1.5.</summary>
public sealed class ContractTests : ProviderContractTests<IMessageStatsClient, JsonRpcMessagesOptions>
{
    protected override string BrokenOption => "ApiKey";

    /// <summary>A JSON-RPC answer echoing the request's id.</summary>
    protected override string SuccessBody(IRequestMessage request)
    {
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        var id = body.RootElement.TryGetProperty("id", out var value) ? value.GetRawText() : "null";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"2024-03-01\":{\"sent\":9}}}";
    }

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<JsonRpcMessagesOptions> configure) =>
        name is null ? services.AddMessageStatsClient(configure) : services.AddMessageStatsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddMessageStatsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiKey", key), new("Endpoint", baseAddress.AbsoluteUri)];

    protected override void Configure(JsonRpcMessagesOptions options, Uri baseAddress, string key)
    {
        options.ApiKey = key;
        options.Endpoint = baseAddress;
    }

    protected override void Break(JsonRpcMessagesOptions options) => options.ApiKey = "";

    protected override async Task CallAsync(IMessageStatsClient client) =>
        Assert.Equal(9, (await client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("m"))).Single().Sent);
}
