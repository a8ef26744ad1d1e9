using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;

namespace EmailStats.Clients.Reports;

/// <summary>
/// Settings of <see cref="ReportsClient"/> (Benchmark Email API v1 reports). Both settings are required: the API
/// base address differs per account, so there is no default. <see cref="ToString"/> never shows <see cref="ApiKey"/>.
/// </summary>
public sealed class ReportsOptions : IEmailStatsOptions<ReportsClient>
{
    /// <summary>
    /// The API key, sent as the <c>X-API-Key</c> header. Required; it needs the <c>reports:read</c> scope (and
    /// <c>campaigns:read</c> to list campaigns). Created in the Benchmark Email web application under
    /// Settings &gt; API Keys. Never logged or shown.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// Your account's API base URL, for example <c>https://api-us-west-2-c1.benchmarkemail.com/</c>. Required, with
    /// no default: it differs per account and is shown on the Settings &gt; API Keys page of the Benchmark Email web
    /// application. Absolute http(s); paths such as <c>api/reports/dashboard</c> are appended to it.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Shows the settings with <see cref="ApiKey"/> masked.</summary>
    public override string ToString() =>
        $"ReportsOptions {{ ApiKey = {Secrets.Describe(ApiKey)}, BaseAddress = {BaseAddress?.ToString() ?? "(not set)"} }}";

    IEnumerable<string> IEmailStatsOptions.Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the Benchmark Email API key with the reports:read scope, sent as the X-API-Key header; create one under Settings > API Keys).";
        }
        else if (ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return $"{nameof(ApiKey)} must not contain white space or control characters (it is sent as the X-API-Key header).";
        }

        if (BaseAddress is null)
        {
            yield return $"{nameof(BaseAddress)} is required and has no default: use your account's API base URL, shown on the Settings > API Keys page of the Benchmark Email web application (for example https://api-us-west-2-c1.benchmarkemail.com/).";
        }
        else if (OptionsGuard.CheckBaseAddress(BaseAddress, nameof(BaseAddress)) is { } address)
        {
            yield return address + " Use your account's API base URL from the Settings > API Keys page.";
        }
    }

    Uri IEmailStatsOptions.ResolveBaseAddress() => OptionsGuard.WithTrailingSlash(BaseAddress!);

    Secrets IEmailStatsOptions.Secrets() => new(ApiKey);

    /// <summary><c>X-API-Key: {key}</c>.</summary>
    Action<HttpRequestHeaders>? IEmailStatsOptions.Credentials()
    {
        var key = ApiKey;
        return headers => headers.TryAddWithoutValidation("X-API-Key", key);
    }

    ReportsClient IEmailStatsOptions<ReportsClient>.CreateClient(HttpClient httpClient, IServiceProvider services) =>
        new(httpClient, this, services.GetService<ILogger<ReportsClient>>());
}
