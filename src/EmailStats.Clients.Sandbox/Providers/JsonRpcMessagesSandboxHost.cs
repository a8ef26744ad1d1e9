using System.Net;
using EmailStats.Clients.Sandbox.Data;
using WireMock;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>GetResponse API 1.5 JSON-RPC: <c>get_message_stats</c> POSTed to the endpoint.</summary>
internal sealed class JsonRpcMessagesSandboxHost(SandboxData data, JsonRpcMessagesSandbox account) : SandboxProviderHost
{
    public override SandboxProvider Provider => SandboxProvider.JsonRpcMessages;

    public override string Prefix => "/getresponse";

    public override string FixtureFolder => "JsonRpcMessages";

    public override IResponseMessage Handle(SandboxRequest request)
    {
        _ = data;
        _ = account;
        return Error(HttpStatusCode.NotFound, $"Unknown endpoint {request.Method} {request.Path}");
    }

    public override IResponseMessage Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Text, message, headers);
}
