using EmailStats.Clients.Testing;
using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>The key never leaves the library: not in exceptions, not in log lines.</summary>
public sealed class SecretTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    [Fact]
    public async Task An_error_that_echoes_the_key_is_masked()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient().GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(1, 17), Day(1, 17))));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["bad key ***"], e.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), ApiKey);
    }

    [Fact]
    public async Task Unreadable_answers_and_unmatched_requests_hold_no_secret()
    {
        var client = server.CreateClient();

        var unreadable = await Assert.ThrowsAsync<EmailStatsResponseException>(() => client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(1, 8), Day(1, 8))));
        var unmatched = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(2, 8), Day(2, 8))));

        SecretAssert.NotIn(SecretAssert.TextsOf(unreadable), ApiKey);
        SecretAssert.NotIn(SecretAssert.TextsOf(unmatched), ApiKey);
    }

    [Fact]
    public async Task The_clients_own_log_lines_hold_no_secret()
    {
        var capture = new CapturingLoggerProvider();
        var client = new SendGridV3StatsClient(
            new HttpClient(),
            new SendGridV3Options { ApiKey = ApiKey, BaseAddress = server.BaseAddress },
            capture.CreateLogger<SendGridV3StatsClient>());

        await client.GetClientStatsAsync(SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1)));
        await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(1, 17), Day(1, 17))));

        Assert.Contains(capture.Lines, l => l.Contains("SendGridV3 GetClientStats answered 200", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("bad key ***", StringComparison.Ordinal));
        SecretAssert.NotIn(capture.Lines, ApiKey);
    }
}
