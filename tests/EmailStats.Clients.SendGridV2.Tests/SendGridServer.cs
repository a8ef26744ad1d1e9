using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>WireMock loaded with the SendGrid v2 fixtures; one per test class.</summary>
public sealed class SendGridServer() : WireMockFixture("Fixtures")
{
    public const string ApiUser = "fixture-user";

    /// <summary>The placeholder credential the fixtures expect (never a real key).</summary>
    public const string ApiKey = FixtureKeys.ApiKey;

    public const string ResellerUser = "alice@example.com";

    public const string Subuser = "bob";

    public static string UserOf(SendGridV2Api api) => api == SendGridV2Api.Reseller ? ResellerUser : Subuser;

    public SendGridV2Options Options(SendGridV2Api api, SendGridV2Format format, string apiKey = ApiKey) => new()
    {
        ApiUser = ApiUser,
        ApiKey = apiKey,
        Api = api,
        Format = format,
        BaseAddress = BaseAddress,
    };

    public SendGridV2StatsClient Client(
        SendGridV2Api api = SendGridV2Api.Reseller,
        SendGridV2Format format = SendGridV2Format.Json,
        string apiKey = ApiKey,
        ILogger<SendGridV2StatsClient>? logger = null) =>
        new(new HttpClient(), Options(api, format, apiKey), logger);
}
