using System.Net;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Reports.Tests;

public sealed class DependencyInjectionTests(ReportsServer server) : IClassFixture<ReportsServer>
{
    private ServiceProvider Build(string key, CapturingLoggerProvider? logs = null, bool withoutResilience = true, Uri? baseAddress = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        var builder = services.AddReportsClient(options =>
        {
            options.ApiKey = key;
            options.BaseAddress = baseAddress ?? server.BaseAddress;
        });
        if (withoutResilience)
        {
            // Error statuses are tested without retries so the tests stay fast.
            builder.RemoveAllResilienceHandlers();
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task The_typed_client_resolves_and_calls_the_provider()
    {
        await using var provider = Build(Fixture.Key, withoutResilience: false);

        var client = provider.GetRequiredService<IReportsClient>();
        var dashboard = await client.GetDashboardAsync(ReportsQuery.PastDays(30));

        Assert.IsType<ReportsClient>(client);
        Assert.True(server.LastRequestMatched);
        Assert.Equal(2379, dashboard.Campaign.Sent.Count);
        Assert.Equal(5900, dashboard.Contact.Count.Value);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_its_path()
    {
        await using var provider = Build(Fixture.Key, baseAddress: new Uri(server.BaseAddress, "prefix"));

        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => provider.GetRequiredService<IReportsClient>().GetDashboardAsync(ReportsQuery.PastDays(30)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("/prefix/api/reports/dashboard?pastDays=30&timezone=UTC", new Uri(server.Requests[^1].RequestMessage.Url).PathAndQuery);
    }

    [Fact]
    public async Task Start_up_validation_fails_without_a_base_address_and_says_where_to_find_it()
    {
        var services = new ServiceCollection();
        services.AddReportsClient(options => options.ApiKey = Fixture.Key);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReportsOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("BaseAddress is required and has no default", failure);
        Assert.Contains("Settings > API Keys", failure);
    }

    [Fact]
    public async Task Start_up_validation_runs_through_ValidateOnStart()
    {
        var services = new ServiceCollection();
        services.AddReportsClient(_ => { });
        await using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        var error = Assert.Throws<OptionsValidationException>(validator.Validate);
        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("ApiKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_come_through_di_and_nothing_secret_reaches_logs_or_exceptions()
    {
        var logs = new CapturingLoggerProvider();
        const string key = "fixture-key-rate-limited";
        await using var provider = Build(key, logs);

        var error = await Assert.ThrowsAsync<EmailStatsApiException>(
            () => provider.GetRequiredService<IReportsClient>().GetCampaignEngagementAsync(Fixture.SentCampaignId, EngagementPeriod.Week));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("TooManyRequestsError", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Equal(3600, error.RateLimit!.Limit);
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("X-API-Key", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Lines, line => line.Contains("GetCampaignEngagement failed", StringComparison.Ordinal));
        SecretAssert.NotIn(logs.Lines, key);
        SecretAssert.NotIn(SecretAssert.TextsOf(error), key);
    }

    [Fact]
    public async Task The_resilience_pipeline_is_registered_by_default()
    {
        await using var provider = Build(Fixture.Key, withoutResilience: false);

        var names = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>();
        Assert.NotNull(names.Get($"{typeof(IReportsClient).Name}-standard"));
        Assert.NotNull(provider.GetRequiredService<IReportsClient>());
    }
}
