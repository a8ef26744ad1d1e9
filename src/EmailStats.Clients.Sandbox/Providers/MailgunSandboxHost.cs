using System.Net;
using EmailStats.Clients.Sandbox.Data;
using WireMock;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>Mailgun v3 stats and aggregates.</summary>
internal sealed class MailgunSandboxHost(SandboxData data, MailgunSandbox account) : SandboxProviderHost
{
    public override SandboxProvider Provider => SandboxProvider.Mailgun;

    public override string Prefix => "/mailgun";

    public override string FixtureFolder => "Mailgun";

    public override IResponseMessage Handle(SandboxRequest request)
    {
        _ = data;
        _ = account;
        return Error(HttpStatusCode.NotFound, $"Unknown endpoint {request.Method} {request.Path}");
    }

    public override IResponseMessage Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Text, message, headers);
}
