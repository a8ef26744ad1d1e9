using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>The DI registration: options validated at start-up, a typed client that reaches the fixture server.</summary>
public sealed class DependencyInjectionTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    [Fact]
    public async Task The_registered_client_calls_the_configured_api_and_format()
    {
        var services = new ServiceCollection();
        services.AddSendGridV2StatsClient(o =>
        {
            o.ApiUser = SendGridServer.ApiUser;
            o.ApiKey = SendGridServer.ApiKey;
            o.BaseAddress = server.BaseAddress;
            o.Api = SendGridV2Api.Subuser;
            o.Format = SendGridV2Format.Xml;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ISendGridV2StatsClient>();
        var categories = await client.GetCategoriesAsync("bob");

        Assert.IsType<SendGridV2StatsClient>(client);
        Assert.Equal(["categoryA", "categoryB", "categoryC"], categories);
        Assert.Equal("/apiv2/customer.stats.xml", server.Requests[^1].RequestMessage.Path);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_up_naming_each_rule()
    {
        var services = new ServiceCollection();
        services.AddSendGridV2StatsClient(o => o.ApiUser = "someone");
        await using var provider = services.BuildServiceProvider();

        var startup = provider.GetRequiredService<IStartupValidator>();
        var e = Assert.Throws<OptionsValidationException>(startup.Validate);

        Assert.Contains("ApiKey is required", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiUser is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_resilience_pipeline_is_in_the_handler_chain_and_can_be_removed()
    {
        var services = new ServiceCollection();
        var builder = services.AddSendGridV2StatsClient(o =>
        {
            o.ApiUser = SendGridServer.ApiUser;
            o.ApiKey = SendGridServer.ApiKey;
            o.BaseAddress = server.BaseAddress;
            o.Api = SendGridV2Api.Reseller;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Contains("ResilienceHandler", HandlerChain(provider, builder.Name));
        }

        builder.RemoveAllResilienceHandlers();
        await using var bare = services.BuildServiceProvider();
        Assert.DoesNotContain("ResilienceHandler", HandlerChain(bare, builder.Name));
        var start = server.Requests.Count;

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            bare.GetRequiredService<ISendGridV2StatsClient>().GetStatsAsync(SendGridStatsQuery.ForUser("gateway@example.com").LastDays(3)));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(1, server.Requests.Count - start);
    }

    [Fact]
    public async Task A_reconfigured_pipeline_retries_a_502_before_the_exception()
    {
        var services = new ServiceCollection();
        var builder = services.AddSendGridV2StatsClient(o =>
        {
            o.ApiUser = SendGridServer.ApiUser;
            o.ApiKey = SendGridServer.ApiKey;
            o.BaseAddress = server.BaseAddress;
            o.Api = SendGridV2Api.Reseller;
        });
        builder.RemoveAllResilienceHandlers();
        builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.UseJitter = false;
            o.Retry.MaxRetryAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var start = server.Requests.Count;

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            provider.GetRequiredService<ISendGridV2StatsClient>().GetStatsAsync(SendGridStatsQuery.ForUser("gateway@example.com").LastDays(3)));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(3, server.Requests.Count - start);
    }

    private static List<string> HandlerChain(IServiceProvider provider, string name)
    {
        var names = new List<string>();
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is DelegatingHandler delegating)
        {
            names.Add(delegating.GetType().Name);
            handler = delegating.InnerHandler;
        }

        return names;
    }
}
