using EmailStats.Clients.Testing;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The key and its Basic-auth value never leave the library.</summary>
public sealed class SecretTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task An_error_that_echoes_the_key_is_masked()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetProviderAggregatesAsync("echo.example.com"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["Invalid private key *** (***)"], e.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), ApiKey, BasicValue);
    }

    [Fact]
    public async Task Unreadable_answers_and_unmatched_requests_hold_no_secret()
    {
        var client = server.CreateClient();

        var unreadable = await Assert.ThrowsAsync<EmailStatsResponseException>(() => client.GetProviderAggregatesAsync("garbled.example.com"));
        var unmatched = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetProviderAggregatesAsync("unknown.example.com"));

        SecretAssert.NotIn(SecretAssert.TextsOf(unreadable), ApiKey, BasicValue);
        SecretAssert.NotIn(SecretAssert.TextsOf(unmatched), ApiKey, BasicValue);
    }

    [Fact]
    public async Task The_clients_own_log_lines_hold_no_secret()
    {
        var capture = new CapturingLoggerProvider();
        var client = new MailgunStatsClient(
            new HttpClient(),
            new MailgunOptions { ApiKey = ApiKey, BaseAddress = server.BaseAddress },
            capture.CreateLogger<MailgunStatsClient>());

        await client.GetCountryAggregatesAsync(Domain);
        await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetProviderAggregatesAsync("echo.example.com"));

        Assert.Contains(capture.Lines, l => l.Contains("Mailgun GetCountryAggregates answered 200", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("Invalid private key *** (***)", StringComparison.Ordinal));
        SecretAssert.NotIn(capture.Lines, ApiKey, BasicValue);
    }
}
