using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.SendGridV2;

/// <summary>Which SendGrid v2 statistics API a client calls.</summary>
public enum SendGridV2Api
{
    /// <summary>Reseller customer statistics: <c>apiv2/reseller.manage.{format}</c> with <c>method=stats</c>.</summary>
    Reseller,

    /// <summary>Subuser statistics: <c>apiv2/customer.stats.{format}</c>.</summary>
    Subuser,
}

/// <summary>The response format a client asks SendGrid v2 for. Both map to the same models.</summary>
public enum SendGridV2Format
{
    /// <summary>JSON (<c>.json</c> endpoints).</summary>
    Json,

    /// <summary>XML (<c>.xml</c> endpoints), read with DTD processing prohibited and no resolver.</summary>
    Xml,
}

/// <summary>Settings of <see cref="SendGridV2StatsClient"/>. <see cref="ToString"/> never shows <see cref="ApiKey"/>.</summary>
public sealed class SendGridV2Options : IEmailStatsOptions<SendGridV2StatsClient>
{
    /// <summary>The address used when <see cref="BaseAddress"/> is not changed: <c>https://api.sendgrid.com/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.sendgrid.com/");

    /// <summary>The SendGrid account user name, sent as the <c>api_user</c> form field. Required.</summary>
    public string ApiUser { get; set; } = "";

    /// <summary>The SendGrid account password or API key, sent as the <c>api_key</c> form field. Required; never logged or shown.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API root; absolute http(s). Defaults to <see cref="DefaultBaseAddress"/>.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Which statistics API to call; defaults to <see cref="SendGridV2Api.Subuser"/>.</summary>
    public SendGridV2Api Api { get; set; } = SendGridV2Api.Subuser;

    /// <summary>The response format to ask for; defaults to <see cref="SendGridV2Format.Json"/>.</summary>
    public SendGridV2Format Format { get; set; } = SendGridV2Format.Json;

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"SendGridV2Options {{ ApiUser = {ApiUser}, ApiKey = {Secrets.Describe(ApiKey)}, BaseAddress = {BaseAddress}, Api = {Api}, Format = {Format} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiUser))
        {
            yield return $"{nameof(ApiUser)} is required (the SendGrid account user name, sent as api_user).";
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the SendGrid account password or key, sent as api_key).";
        }

        if (OptionsGuard.CheckBaseAddress(BaseAddress, nameof(BaseAddress)) is { } address)
        {
            yield return address;
        }

        if (!Enum.IsDefined(Api))
        {
            yield return $"{nameof(Api)} must be {nameof(SendGridV2Api.Reseller)} or {nameof(SendGridV2Api.Subuser)}.";
        }

        if (!Enum.IsDefined(Format))
        {
            yield return $"{nameof(Format)} must be {nameof(SendGridV2Format.Json)} or {nameof(SendGridV2Format.Xml)}.";
        }
    }

    Uri IEmailStatsOptions.ResolveBaseAddress() => OptionsGuard.WithTrailingSlash(BaseAddress);

    Secrets IEmailStatsOptions.Secrets() => new(ApiKey);

    /// <summary>None: the credentials travel in the form body (<c>api_user</c>, <c>api_key</c>).</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials() => null;

    SendGridV2StatsClient IEmailStatsOptions<SendGridV2StatsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<SendGridV2StatsClient>>());
}
