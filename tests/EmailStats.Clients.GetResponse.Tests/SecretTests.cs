using EmailStats.Clients.Testing;
using static EmailStats.Clients.GetResponse.Tests.Fixture;


namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>The key never leaves the library: not in exceptions, not in log lines.</summary>
public sealed class SecretTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    private static readonly GetResponseStatsQuery Total = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total);

    [Fact]
    public async Task An_error_that_echoes_the_key_is_masked()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetNewsletterStatsAsync("echo", Total));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["Bad token ***"], e.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), ApiKey, "api-key " + ApiKey);
    }

    [Fact]
    public async Task Unreadable_answers_and_unmatched_requests_hold_no_secret()
    {
        var client = server.CreateClient();

        var unreadable = await Assert.ThrowsAsync<EmailStatsResponseException>(() => client.GetNewsletterStatsAsync("malformed", Total));
        var unmatched = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetNewsletterStatsAsync("nowhere", Total));

        SecretAssert.NotIn(SecretAssert.TextsOf(unreadable), ApiKey);
        SecretAssert.NotIn(SecretAssert.TextsOf(unmatched), ApiKey);
    }

    [Fact]
    public async Task The_clients_own_log_lines_hold_no_secret()
    {
        var capture = new CapturingLoggerProvider();
        var client = new GetResponseStatsClient(
            new HttpClient(),
            new GetResponseOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.BaseAddress, "v3/") },
            capture.CreateLogger<GetResponseStatsClient>());

        await client.GetNewsletterStatsAsync("N1", Total);
        await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetNewsletterStatsAsync("echo", Total));

        Assert.Contains(capture.Lines, l => l.Contains("GetResponse GetNewsletterStats answered 200", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("Bad token ***", StringComparison.Ordinal));
        SecretAssert.NotIn(capture.Lines, ApiKey);
    }
}
