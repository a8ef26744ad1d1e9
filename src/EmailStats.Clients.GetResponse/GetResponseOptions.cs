using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.GetResponse;

/// <summary>How GetResponse groups statistics (<c>query[groupBy]</c>).</summary>
public enum GetResponseGrouping
{
    /// <summary>One element for the whole range (<c>total</c>).</summary>
    Total,

    /// <summary>One element per hour (<c>hour</c>).</summary>
    Hour,

    /// <summary>One element per day (<c>day</c>), UTC days.</summary>
    Day,

    /// <summary>One element per month (<c>month</c>).</summary>
    Month,
}

/// <summary>Settings of <see cref="GetResponseStatsClient"/>. <see cref="ToString"/> never shows <see cref="ApiKey"/>.</summary>
public sealed class GetResponseOptions : IEmailStatsOptions<GetResponseStatsClient>
{
    /// <summary>The API root of GetResponse accounts: <c>https://api.getresponse.com/v3/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.getresponse.com/v3/");

    /// <summary>The API root of GetResponse MAX accounts in the US: <c>https://api3.getresponse360.com/v3/</c> (needs <see cref="Domain"/>).</summary>
    public static Uri MaxUsBaseAddress { get; } = new("https://api3.getresponse360.com/v3/");

    /// <summary>The API root of GetResponse MAX accounts in Poland: <c>https://api3.getresponse360.pl/v3/</c> (needs <see cref="Domain"/>).</summary>
    public static Uri MaxPlBaseAddress { get; } = new("https://api3.getresponse360.pl/v3/");

    /// <summary>The API key, sent as <c>X-Auth-Token: api-key {key}</c>. Required; never logged or shown.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API root; absolute http(s). Defaults to <see cref="DefaultBaseAddress"/>; a GetResponse MAX account uses its own.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The GetResponse MAX account's domain, sent as the <c>X-Domain</c> header of every call; required with the MAX API
    /// roots, null (the default) for GetResponse accounts.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"GetResponseOptions {{ ApiKey = {Secrets.Describe(ApiKey)}, BaseAddress = {BaseAddress}, Domain = {Domain ?? "(none)"} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the GetResponse API key, sent as X-Auth-Token: api-key ...).";
        }
        else if (ApiKey.Any(char.IsWhiteSpace) || ApiKey.Any(char.IsControl))
        {
            yield return $"{nameof(ApiKey)} must not contain white space or control characters (it is sent in the X-Auth-Token header).";
        }

        if (OptionsGuard.CheckBaseAddress(BaseAddress, nameof(BaseAddress)) is { } address)
        {
            yield return address;
        }
        else if (Domain is null && BaseAddress.Host.Contains("getresponse360", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{nameof(Domain)} is required with a GetResponse MAX API root ({BaseAddress.Host}): it is sent as the X-Domain header.";
        }

        if (Domain is not null && (Domain.Trim().Length == 0 || Domain.Trim() != Domain || Domain.Any(char.IsControl) || Domain.Contains('/')))
        {
            yield return $"{nameof(Domain)} must be null or a domain name such as example.com, without white space, control characters or '/'.";
        }
    }

    Uri IEmailStatsOptions.ResolveBaseAddress() => OptionsGuard.WithTrailingSlash(BaseAddress);

    Secrets IEmailStatsOptions.Secrets() => new(ApiKey, "api-key " + ApiKey);

    /// <summary><c>X-Auth-Token: api-key {key}</c>, and <c>X-Domain</c> for GetResponse MAX.</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials()
    {
        var (token, domain) = ("api-key " + ApiKey, Domain);
        return headers =>
        {
            headers.TryAddWithoutValidation("X-Auth-Token", token);
            if (domain is not null)
            {
                headers.TryAddWithoutValidation("X-Domain", domain);
            }
        };
    }

    GetResponseStatsClient IEmailStatsOptions<GetResponseStatsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<GetResponseStatsClient>>());
}
