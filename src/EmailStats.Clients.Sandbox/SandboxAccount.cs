using System.Text.RegularExpressions;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// One account the sandbox serves: its name, the key it accepts and where it is served. Every account has numbers of
/// its own, generated from its name (two sandboxes give an account of the same name the same numbers).
/// </summary>
public abstract partial class SandboxAccount
{
    private protected SandboxAccount(string name, Uri root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>The account's name, unique among the sandbox's accounts of its provider.</summary>
    public string Name { get; }

    /// <summary>The API key the account accepts (a placeholder, not a secret): <c>sandbox-{provider}-{name}-key</c>.</summary>
    public abstract string ApiKey { get; }

    /// <summary>What the account's requests looked like: how many, how many at once, per second and per hour.</summary>
    public SandboxMeter Meter { get; } = new();

    /// <summary>The rate limit the account announces, when one is set.</summary>
    internal SandboxRateLimit? RateLimit { get; private set; }

    /// <summary>
    /// Makes the account announce a rate limit as SendGrid and Mailgun do: every answer carries <c>X-RateLimit-Limit</c>,
    /// <c>-Remaining</c> and <c>-Reset</c> (Unix seconds), and a request after the window is spent gets a 429
    /// (counted in <see cref="SandboxMeter.ProvokedRateLimits"/>).
    /// </summary>
    /// <param name="limit">Requests per window; at least 1.</param>
    /// <param name="window">The window; at least one second.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit below 1 or a window under a second.</exception>
    public void LimitRequests(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        RateLimit = new SandboxRateLimit(limit, window);
    }

    /// <summary>The sandbox's root address the account is served under.</summary>
    private protected Uri Root { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name.Replace("SandboxAccount", "", StringComparison.Ordinal)} account '{Name}'";

    /// <summary>Refuses a name that is not 1 to 40 lower-case letters, digits and inner hyphens.</summary>
    internal static string CheckName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"An account name is 1 to 40 lower-case letters, digits and inner hyphens ('{name}' is not).", paramName);
        }

        return name;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
