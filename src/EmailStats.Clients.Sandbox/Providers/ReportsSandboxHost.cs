using System.Net;
using EmailStats.Clients.Sandbox.Data;
using WireMock;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>Benchmark Email v1 reports and the campaign list.</summary>
internal sealed class ReportsSandboxHost(SandboxData data, ReportsSandbox account) : SandboxProviderHost
{
    public override SandboxProvider Provider => SandboxProvider.Reports;

    public override string Prefix => "/benchmark";

    public override string FixtureFolder => "Reports";

    public override IResponseMessage Handle(SandboxRequest request)
    {
        _ = data;
        _ = account;
        return Error(HttpStatusCode.NotFound, $"Unknown endpoint {request.Method} {request.Path}");
    }

    public override IResponseMessage Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Text, message, headers);
}
