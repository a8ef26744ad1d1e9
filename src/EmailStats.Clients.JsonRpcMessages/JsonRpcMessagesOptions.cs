using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>Settings of <see cref="MessageStatsClient"/>. <see cref="ToString"/> never shows <see cref="ApiKey"/>.</summary>
public sealed class JsonRpcMessagesOptions : IEmailStatsOptions<MessageStatsClient>
{
    /// <summary>The endpoint used when <see cref="Endpoint"/> is not changed: <c>https://api2.getresponse.com/</c>.</summary>
    public static Uri DefaultEndpoint { get; } = new("https://api2.getresponse.com/");

    /// <summary>
    /// The API key, sent as the first positional JSON-RPC parameter of every call. Required; never logged,
    /// shown or put in an exception.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The URL every JSON-RPC request is POSTed to, exactly as given (enterprise accounts have their own);
    /// absolute http(s). Defaults to <see cref="DefaultEndpoint"/>.
    /// </summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"JsonRpcMessagesOptions {{ ApiKey = {Secrets.Describe(ApiKey)}, Endpoint = {Endpoint} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the API key, sent as the first JSON-RPC parameter).";
        }

        if (OptionsGuard.CheckBaseAddress(Endpoint, nameof(Endpoint)) is { } endpoint)
        {
            yield return endpoint;
        }
    }

    // The endpoint is the URL posted to, not a root that paths are appended to: it is used as given.
    Uri IEmailStatsOptions.ResolveBaseAddress() => Endpoint;

    /// <summary>The key, and the key as written in the JSON body (JSON-escaped), should a server echo the request.</summary>
    Secrets IEmailStatsOptions.Secrets() => new(ApiKey, System.Text.Json.JsonEncodedText.Encode(ApiKey).ToString());

    /// <summary>None: the key travels in the body, as the call's first param.</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials() => null;

    MessageStatsClient IEmailStatsOptions<MessageStatsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<MessageStatsClient>>());
}
