using System.Net;
using WireMock;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>One faked provider: its path prefix, its recorded fixtures and the answers generated from the data set.</summary>
internal abstract class SandboxProviderHost
{
    public abstract SandboxProvider Provider { get; }

    /// <summary>The path segment the provider is served under (<c>/sendgrid</c>).</summary>
    public abstract string Prefix { get; }

    /// <summary>The folder of <c>Fixtures/</c> that holds the provider's recorded mappings.</summary>
    public abstract string FixtureFolder { get; }

    /// <summary>Whether a request path (with the prefix) is this host's: by default every path under <see cref="Prefix"/>.</summary>
    public virtual bool Serves(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

    /// <summary>Answers a request that no recorded fixture matched, as the provider would.</summary>
    public abstract IResponseMessage Handle(SandboxRequest request);

    /// <summary>The provider's own refusal envelope for a fault or a rejected request.</summary>
    public abstract IResponseMessage Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null);
}
