using EmailStats.Clients.Mailgun;

namespace EmailStats.Clients.Sandbox;

/// <summary>The sandbox's Mailgun account: where it is served and the credentials it accepts.</summary>
public sealed class MailgunSandbox
{
    internal MailgunSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="MailgunOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(MailgunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }
}
