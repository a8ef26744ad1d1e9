using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.SendGridV3;

/// <summary>The SendGrid region an account or subuser lives in; it chooses the default API address.</summary>
public enum SendGridRegion
{
    /// <summary>Global users and subusers: <c>https://api.sendgrid.com/</c>.</summary>
    Global,

    /// <summary>EU regional subusers: <c>https://api.eu.sendgrid.com/</c>.</summary>
    EU,
}

/// <summary>Settings of <see cref="SendGridV3StatsClient"/>. <see cref="ToString"/> never shows <see cref="ApiKey"/>.</summary>
public sealed class SendGridV3Options : IEmailStatsOptions<SendGridV3StatsClient>
{
    /// <summary>The API root of the global region: <c>https://api.sendgrid.com/</c>.</summary>
    public static Uri GlobalBaseAddress { get; } = new("https://api.sendgrid.com/");

    /// <summary>The API root of the EU region: <c>https://api.eu.sendgrid.com/</c>.</summary>
    public static Uri EuBaseAddress { get; } = new("https://api.eu.sendgrid.com/");

    /// <summary>
    /// The SendGrid API key (<c>SG.…</c>, with the <c>stats.read</c> scope), sent as <c>Authorization: Bearer {key}</c>.
    /// Required; never logged or shown.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The region of the account; chooses the API root when <see cref="BaseAddress"/> is not set. Defaults to <see cref="SendGridRegion.Global"/>.</summary>
    public SendGridRegion Region { get; set; } = SendGridRegion.Global;

    /// <summary>
    /// An API root that overrides <see cref="Region"/> (a proxy, a test server); absolute http(s). Null (the default)
    /// uses the region's address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The subuser (its user name) or customer account (<c>account-id {id}</c>) a parent account reads on behalf of, sent
    /// as the <c>on-behalf-of</c> header of every call; null (the default) reads the account the key belongs to.
    /// </summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"SendGridV3Options {{ ApiKey = {Secrets.Describe(ApiKey)}, Region = {Region}, BaseAddress = {(BaseAddress?.ToString() ?? "(from Region)")}, OnBehalfOf = {OnBehalfOf ?? "(none)"} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (a SendGrid API key with the stats.read scope, sent as a Bearer token).";
        }
        else if (ApiKey.Any(char.IsWhiteSpace) || ApiKey.Any(char.IsControl))
        {
            yield return $"{nameof(ApiKey)} must not contain white space or control characters (it is sent in the Authorization header).";
        }

        if (!Enum.IsDefined(Region))
        {
            yield return $"{nameof(Region)} must be {nameof(SendGridRegion.Global)} or {nameof(SendGridRegion.EU)}.";
        }

        if (BaseAddress is not null && OptionsGuard.CheckBaseAddress(BaseAddress, nameof(BaseAddress)) is { } address)
        {
            yield return address;
        }

        if (OnBehalfOf is not null && (OnBehalfOf.Trim().Length == 0 || OnBehalfOf.Trim() != OnBehalfOf || OnBehalfOf.Any(char.IsControl)))
        {
            yield return $"{nameof(OnBehalfOf)} must be null or a subuser name (or 'account-id {{id}}') without leading or trailing white space or control characters.";
        }
    }

    Uri IEmailStatsOptions.ResolveBaseAddress() =>
        OptionsGuard.WithTrailingSlash(BaseAddress ?? (Region == SendGridRegion.EU ? EuBaseAddress : GlobalBaseAddress));

    Secrets IEmailStatsOptions.Secrets() => new(ApiKey);

    /// <summary><c>Authorization: Bearer {key}</c>, and <c>on-behalf-of</c> when set.</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials()
    {
        var (key, onBehalfOf) = (ApiKey, OnBehalfOf);
        return headers =>
        {
            headers.Authorization = new("Bearer", key);
            if (onBehalfOf is not null)
            {
                headers.TryAddWithoutValidation("on-behalf-of", onBehalfOf);
            }
        };
    }

    SendGridV3StatsClient IEmailStatsOptions<SendGridV3StatsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<SendGridV3StatsClient>>());
}
