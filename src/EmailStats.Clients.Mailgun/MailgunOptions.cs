using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.Mailgun;

/// <summary>The Mailgun region an account lives in; it chooses the default API address.</summary>
public enum MailgunRegion
{
    /// <summary>The US region: <c>https://api.mailgun.net/</c>.</summary>
    US,

    /// <summary>The EU region: <c>https://api.eu.mailgun.net/</c>.</summary>
    EU,
}

/// <summary>Settings of <see cref="MailgunStatsClient"/>. <see cref="ToString"/> never shows <see cref="ApiKey"/>.</summary>
public sealed class MailgunOptions : IEmailStatsOptions<MailgunStatsClient>
{
    /// <summary>The API root of the US region: <c>https://api.mailgun.net/</c>.</summary>
    public static Uri UsBaseAddress { get; } = new("https://api.mailgun.net/");

    /// <summary>The API root of the EU region: <c>https://api.eu.mailgun.net/</c>.</summary>
    public static Uri EuBaseAddress { get; } = new("https://api.eu.mailgun.net/");

    /// <summary>
    /// The Mailgun private API key, sent with HTTP Basic authentication as the password of the user <c>api</c>.
    /// Required; never logged or shown.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The region of the account; chooses the API root when <see cref="BaseAddress"/> is not set. Defaults to <see cref="MailgunRegion.US"/>.</summary>
    public MailgunRegion Region { get; set; } = MailgunRegion.US;

    /// <summary>
    /// An API root that overrides <see cref="Region"/> (a proxy, a test server); absolute http(s). Null (the default)
    /// uses the region's address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"MailgunOptions {{ ApiKey = {Secrets.Describe(ApiKey)}, Region = {Region}, BaseAddress = {(BaseAddress?.ToString() ?? "(from Region)")} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the Mailgun private API key, sent as the Basic-auth password of the user 'api').";
        }

        if (!Enum.IsDefined(Region))
        {
            yield return $"{nameof(Region)} must be {nameof(MailgunRegion.US)} or {nameof(MailgunRegion.EU)}.";
        }

        if (BaseAddress is not null && OptionsGuard.CheckBaseAddress(BaseAddress, nameof(BaseAddress)) is { } address)
        {
            yield return address;
        }
    }

    Uri IEmailStatsOptions.ResolveBaseAddress() =>
        OptionsGuard.WithTrailingSlash(BaseAddress ?? (Region == MailgunRegion.EU ? EuBaseAddress : UsBaseAddress));

    Secrets IEmailStatsOptions.Secrets() => new(ApiKey, Basic());

    /// <summary>HTTP Basic as the user <c>api</c>.</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials()
    {
        var basic = Basic();
        return headers => headers.Authorization = new("Basic", basic);
    }

    private string Basic() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("api:" + ApiKey));

    MailgunStatsClient IEmailStatsOptions<MailgunStatsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<MailgunStatsClient>>());
}
