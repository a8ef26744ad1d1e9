using EmailStats.Clients.Sandbox.Providers;
using EmailStats.Clients.SendGridV2;

namespace EmailStats.Clients.Sandbox;

/// <summary>The sandbox's SendGrid v2 account: where it is served, the credentials it accepts and the users it knows.</summary>
public sealed class SendGridV2Sandbox
{
    internal SendGridV2Sandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The base address to give <see cref="SendGridV2Options.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The <c>api_user</c> the sandbox accepts.</summary>
    public string ApiUser => "fixture-user";

    /// <summary>The <c>api_key</c> the sandbox accepts (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>The users (reseller customers and subusers alike) with data, and the categories each sends with.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories => SendGridSandboxAccount.Categories;

    /// <summary>The users with data.</summary>
    public IReadOnlyList<string> Users => [.. Categories.Keys];

    /// <summary>Points <paramref name="options"/> at the sandbox: base address and credentials (API and format are left as set).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV2Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiUser = ApiUser;
        options.ApiKey = ApiKey;
    }
}
