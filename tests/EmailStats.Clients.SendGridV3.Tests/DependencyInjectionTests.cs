using System.Net;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static EmailStats.Clients.SendGridV3.Tests.Fixture;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary><c>services.AddSendGridV3StatsClient(...)</c>: regions, on-behalf-of, options validation and resilience.</summary>
public sealed class DependencyInjectionTests(SendGridV3Server server) : IClassFixture<SendGridV3Server>
{
    private static readonly SendGridV3StatsQuery OneDay = SendGridV3StatsQuery.Between(Day(11, 1), Day(11, 1));

    [Theory]
    [InlineData(SendGridRegion.Global, "https://api.sendgrid.com/v3/stats?start_date=2026-11-01&end_date=2026-11-01")]
    [InlineData(SendGridRegion.EU, "https://api.eu.sendgrid.com/v3/stats?start_date=2026-11-01&end_date=2026-11-01")]
    public async Task The_region_chooses_the_address(SendGridRegion region, string expected)
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddSendGridV3StatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Region = region;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISendGridV3StatsClient>().GetGlobalStatsAsync(OneDay);

        var request = handler.Requests.Single();
        Assert.Equal(expected, request.RequestUri!.AbsoluteUri);
        Assert.Equal(("Bearer", ApiKey), (request.Headers.Authorization!.Scheme, request.Headers.Authorization.Parameter));
    }

    [Fact]
    public async Task A_named_client_reads_on_behalf_of_its_subuser_and_the_unnamed_one_does_not()
    {
        var services = new ServiceCollection();
        services.AddSendGridV3StatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
        });
        services.AddSendGridV3StatsClient("shop-eu", o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
            o.OnBehalfOf = "shop-eu";
        });
        await using var provider = services.BuildServiceProvider();

        var subuser = await provider.GetRequiredService<IEmailStatsClientFactory<ISendGridV3StatsClient>>().CreateClient("shop-eu").GetGlobalStatsAsync(OneDay);
        Assert.True(server.LastRequestMatched);
        await Assert.ThrowsAsync<EmailStatsApiException>(() => provider.GetRequiredService<ISendGridV3StatsClient>().GetGlobalStatsAsync(OneDay));

        Assert.False(server.LastRequestMatched);
        Assert.Equal(400, subuser.Single().Stats[0].Metrics.Requests);
    }

    [Fact]
    public async Task Validate_on_start_reports_every_bad_option()
    {
        var services = new ServiceCollection();
        services.AddSendGridV3StatsClient(o =>
        {
            o.BaseAddress = new Uri("file:///tmp/");
            o.OnBehalfOf = " padded ";
            o.Region = (SendGridRegion)4;
        });
        await using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith("ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("BaseAddress must be an absolute http or https URI", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("OnBehalfOf must be null or a subuser name", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Region must be Global or EU", StringComparison.Ordinal));
    }

    [Fact]
    public void The_constructor_refuses_a_key_with_white_space_and_never_shows_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new SendGridV3StatsClient(new HttpClient(), new SendGridV3Options { ApiKey = "SG.abc def" }));

        Assert.Contains("ApiKey must not contain white space", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.abc def", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            "SendGridV3Options { ApiKey = ***, Region = EU, BaseAddress = (from Region), OnBehalfOf = shop-eu }",
            new SendGridV3Options { ApiKey = "SG.secret", Region = SendGridRegion.EU, OnBehalfOf = "shop-eu" }.ToString());
    }

    [Fact]
    public async Task A_429_is_retried_by_the_pipeline_and_surfaces_with_its_wait_when_resilience_is_removed()
    {
        var services = new ServiceCollection();
        services.AddSendGridV3StatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = server.BaseAddress;
        }).RemoveAllResilienceHandlers();
        await using var provider = services.BuildServiceProvider();
        var before = server.Requests.Count;

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            provider.GetRequiredService<ISendGridV3StatsClient>().GetGlobalStatsAsync(SendGridV3StatsQuery.Between(Day(1, 6), Day(1, 6))));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal(before + 1, server.Requests.Count);
    }
}
