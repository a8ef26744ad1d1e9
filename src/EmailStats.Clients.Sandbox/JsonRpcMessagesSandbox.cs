using EmailStats.Clients.JsonRpcMessages;

namespace EmailStats.Clients.Sandbox;

/// <summary>The sandbox's GetResponse JSON-RPC account: where it is served and the credentials it accepts.</summary>
public sealed class JsonRpcMessagesSandbox
{
    internal JsonRpcMessagesSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="JsonRpcMessagesOptions.Endpoint"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(JsonRpcMessagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint = BaseAddress;
        options.ApiKey = ApiKey;
    }
}
