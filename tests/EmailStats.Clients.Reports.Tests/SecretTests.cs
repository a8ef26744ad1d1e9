using EmailStats.Clients.Testing;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Reports.Tests;

public sealed class SecretTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    [Fact]
    public void Options_ToString_masks_the_key()
    {
        var options = new ReportsOptions { ApiKey = "fixture-key-shown-nowhere", BaseAddress = new Uri("https://api.example.com/") };

        Assert.Equal("ReportsOptions { ApiKey = ***, BaseAddress = https://api.example.com/ }", options.ToString());
        Assert.Equal("ReportsOptions { ApiKey = (not set), BaseAddress = (not set) }", new ReportsOptions().ToString());
    }

    [Fact]
    public async Task The_key_is_sent_in_the_header_and_never_in_the_url()
    {
        await NewClient().GetCampaignReportAsync(Fixture.SentCampaignId);

        var request = Server.Requests[^1].RequestMessage;
        Assert.Equal(Fixture.Key, request.Headers!["X-API-Key"].Single());
        Assert.DoesNotContain(Fixture.Key, request.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_of_success_and_failure_hold_no_secret()
    {
        var logs = new CapturingLoggerProvider();
        var client = NewClient(logger: logs.CreateLogger<ReportsClient>());

        await client.GetDashboardAsync(ReportsQuery.PastDays(30));
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetCampaignReportAsync("campaign-echo"));

        Assert.Contains(logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal) && line.Contains("Reports GetDashboard answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("GetCampaignReport failed", StringComparison.Ordinal));
        SecretAssert.NotIn(logs.Lines, Fixture.Key);
        SecretAssert.NotIn(SecretAssert.TextsOf(error), Fixture.Key);
    }

    [Fact]
    public async Task Response_exceptions_hold_no_secret()
    {
        var error = await Assert.ThrowsAsync<EmailStatsResponseException>(() => NewClient().GetCampaignReportAsync("campaign-bad-number"));

        SecretAssert.NotIn(SecretAssert.TextsOf(error), Fixture.Key);
    }
}
