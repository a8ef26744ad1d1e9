using EmailStats.Clients.GetResponse;
using EmailStats.Clients.Sandbox.Providers;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// The sandbox's GetResponse API v3 account: its newsletters are the JSON-RPC account's messages (the same ids and the
/// same activity, hour by hour, so a message's totals agree across the two APIs), in two campaigns; two autoresponders
/// send every day to new contacts.
/// </summary>
public sealed class GetResponseSandbox
{
    internal GetResponseSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="GetResponseOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts, sent as <c>X-Auth-Token: api-key {key}</c> (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>The newsletters with statistics, oldest first: the JSON-RPC account's message ids.</summary>
    public IReadOnlyList<string> NewsletterIds => [.. GetResponseSandboxCatalog.Newsletters.Select(n => n.Id)];

    /// <summary>The autoresponders with statistics.</summary>
    public IReadOnlyList<string> AutoresponderIds => [.. GetResponseSandboxCatalog.Autoresponders.Select(a => a.Id)];

    /// <summary>The campaigns (lists) and the newsletters and autoresponders of each, keyed by campaign id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Campaigns => GetResponseSandboxCatalog.Campaigns;

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key (the domain is left as set).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(GetResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }
}
