namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>One faked provider API: its path prefix, how it finds the account a request is for, and its answers.</summary>
internal abstract class SandboxProviderHost
{
    public abstract EmailStatsProvider Provider { get; }

    /// <summary>The path segment the provider is served under (<c>/sendgrid</c>).</summary>
    public abstract string Prefix { get; }

    /// <summary>Whether a request path (with the prefix) is this host's: by default every path under <see cref="Prefix"/>.</summary>
    public virtual bool Serves(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

    /// <summary>
    /// Whether a path is under the prefix's <c>/v3/</c>: the newer API of a provider whose older one shares the root
    /// (SendGrid, GetResponse), each served by its own host.
    /// </summary>
    protected bool IsV3(string path) => path.StartsWith(Prefix + "/v3/", StringComparison.Ordinal);

    /// <summary>The credential after <paramref name="scheme"/> in a header (<c>Authorization: Bearer KEY</c>), or null.</summary>
    protected static string? HeaderCredential(SandboxRequest request, string header, string scheme) =>
        request.Header(header) is { } value && value.StartsWith(scheme, StringComparison.Ordinal) ? value[scheme.Length..] : null;

    /// <summary>The account whose credentials the request carries, or null (the host then refuses it as the provider would).</summary>
    public abstract SandboxAccount? Identify(SandboxRequest request);

    /// <summary>Answers a request for <paramref name="account"/> (null: wrong or missing credentials), as the provider would.</summary>
    public abstract SandboxResponse Handle(SandboxRequest request, SandboxAccount? account);

    /// <summary>The provider's own refusal envelope for a fault or a rejected request.</summary>
    public abstract SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null);
}
