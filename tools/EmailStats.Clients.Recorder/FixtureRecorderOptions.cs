namespace EmailStats.Clients.Recorder;

/// <summary>What <see cref="FixtureRecorder"/> proxies to and which secrets it must never write.</summary>
public sealed class FixtureRecorderOptions
{
    /// <summary>The placeholder that replaces API keys, passwords and key params in recorded files.</summary>
    public const string KeyPlaceholder = "fixture-key-not-a-secret";

    /// <summary>The placeholder that replaces account user names (SendGrid <c>api_user</c>).</summary>
    public const string UserPlaceholder = "fixture-user";

    /// <summary>The live provider to proxy to (for example <c>https://api.mailgun.net/</c>).</summary>
    public required Uri Target { get; init; }

    /// <summary>
    /// Secret values (keys, passwords, user names) that must not appear in any written file, each with the
    /// placeholder that replaces it wherever it occurs (bodies, headers, query strings; raw, URL-encoded, JSON-escaped
    /// and inside Basic credentials).
    /// </summary>
    public IDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Form fields and query parameters whose values are always replaced (by <see cref="KeyPlaceholder"/>,
    /// or <see cref="UserPlaceholder"/> for <c>api_user</c>), listed or not.</summary>
    public ISet<string> SecretFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api_key", "api_user", "password", "key" };

    /// <summary>Request headers whose values are always replaced; only these request headers are matched in fixtures.</summary>
    public ISet<string> SecretHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Authorization", "X-API-Key", "X-Auth-Token" };

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }
}
