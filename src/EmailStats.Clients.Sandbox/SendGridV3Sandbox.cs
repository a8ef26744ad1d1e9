using EmailStats.Clients.Sandbox.Providers;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// The sandbox's SendGrid v3 account: a parent account whose subusers are the v2 account's users, with the same
/// categories and the same daily numbers (a subuser's v3 statistics equal that user's v2 statistics), and fixed
/// breakdowns by mailbox provider, browser, device, client and region whose parts add up to the whole.
/// </summary>
public sealed class SendGridV3Sandbox
{
    internal SendGridV3Sandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="SendGridV3Options.BaseAddress"/> (the same root as v2, like SendGrid's).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts as its Bearer token (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>The parent account's subusers (the names <c>on-behalf-of</c> and <c>subusers</c> take).</summary>
    public IReadOnlyList<string> Subusers => [.. SendGridSandboxAccount.Categories.Keys];

    /// <summary>The categories each subuser sends with, keyed by subuser.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories => SendGridSandboxAccount.Categories;

    /// <summary>The mailbox providers of the advanced statistics, as SendGrid names them.</summary>
    public IReadOnlyList<string> MailboxProviders => [.. SendGridV3SandboxShares.MailboxProviders.Select(s => s.Name)];

    /// <summary>The browsers of the advanced statistics.</summary>
    public IReadOnlyList<string> Browsers => [.. SendGridV3SandboxShares.Browsers.Select(s => s.Name)];

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key (region and on-behalf-of are left as set; the address overrides the region).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }
}
