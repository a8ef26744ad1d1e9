using System.Text;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Mailgun.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>
/// What Mailgun's two routes (v3 stats and the Metrics API) share: the key as the Basic-auth password of the user
/// <c>api</c>, one registration, one error body and one error reader.
/// </summary>
public abstract class MailgunDriverBase(string apiKey) : ProviderDriver
{
    /// <summary>The Basic-auth credentials the client sends for <paramref name="apiKey"/>.</summary>
    protected string Basic { get; } = BasicOf(apiKey);

    /// <inheritdoc />
    public override string ProviderName => nameof(EmailStatsProvider.Mailgun);

    /// <inheritdoc />
    public override IReadOnlyList<string> Secrets { get; } = [apiKey, BasicOf(apiKey), Uri.EscapeDataString(apiKey)];

    /// <inheritdoc />
    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddMailgunStatsClient(o =>
        {
            o.ApiKey = apiKey;
            o.BaseAddress = baseAddress;
        });

    /// <inheritdoc />
    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    /// <inheritdoc />
    public override string ErrorBody(string message) => $$"""{"message":"{{message}}"}""";

    /// <summary>The tag of a request sent with this driver's credentials, or <see langword="null"/>.</summary>
    protected int? TagWhenAuthorized(WireRequest request, bool matches, string tag) =>
        matches && request.Headers.GetValueOrDefault("Authorization") == "Basic " + Basic
            ? int.Parse(tag, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Error bodies every Mailgun parser target is fed, one of them echoing the key.</summary>
    protected static string[] ErrorSeeds(string key) => [$$"""{"message":"Invalid private key {{key}}"}""", """{"error":"Forbidden"}""", "Forbidden"];

    /// <summary>A parser target reading with Mailgun's error reader and the given success reader.</summary>
    private protected static ParserTarget Target<T>(string key, string name, string[] seeds, Func<ProviderResponse, T> read)
        => new(name, seeds, (body, logger) => ParseDirect(nameof(EmailStatsProvider.Mailgun), new Secrets(key, BasicOf(key)), MailgunResponseReader.ReadError, read, body, logger));

    private static string BasicOf(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + key));
}
