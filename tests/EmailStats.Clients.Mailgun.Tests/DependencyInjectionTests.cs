using System.Net;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary><c>services.AddMailgunStatsClient(...)</c>: options validation, the typed client, resilience and logging.</summary>
public sealed class DependencyInjectionTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task The_typed_client_resolves_and_calls_the_configured_base_address()
    {
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IMailgunStatsClient>();
        var devices = await client.GetDeviceAggregatesAsync(Domain);

        Assert.IsType<MailgunStatsClient>(client);
        Assert.True(server.LastRequestMatched);
        Assert.Equal(15, devices["desktop"].UniqueOpened);
    }

    [Fact]
    public async Task The_eu_region_is_the_default_address_of_the_typed_client()
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Region = MailgunRegion.EU;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMailgunStatsClient>().GetProviderAggregatesAsync(Domain);

        Assert.Equal(new Uri("https://api.eu.mailgun.net/v3/mg.example.com/aggregates/providers"), handler.Requests.Single().RequestUri);
    }

    [Fact]
    public async Task Validate_on_start_reports_bad_options()
    {
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o => o.BaseAddress = new Uri("file:///tmp/"));
        await using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith("ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("BaseAddress must be an absolute http or https URI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after_when_resilience_is_removed()
    {
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
        }).RemoveAllResilienceHandlers();
        await using var provider = services.BuildServiceProvider();
        var before = server.Requests.Count;

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            provider.GetRequiredService<IMailgunStatsClient>().GetProviderAggregatesAsync("throttled.example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(before + 1, server.Requests.Count);
    }

    [Fact]
    public async Task Logs_name_the_operation_and_never_the_key()
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        services.AddMailgunStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
        }).RemoveAllResilienceHandlers();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMailgunStatsClient>();

        await client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Stored).Last(MailgunDuration.Months(3)));
        await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetProviderAggregatesAsync("echo.example.com"));

        var lines = capture.Lines;
        Assert.Contains(lines, l => l.Contains("Mailgun GetAccountTotals answered 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Mailgun GetProviderAggregates failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Authorization", StringComparison.Ordinal));
        SecretAssert.NotIn(lines, ApiKey, BasicValue);
    }
}
