using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class DependencyInjectionTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public void Defaults_point_at_the_public_endpoint()
    {
        var options = new JsonRpcMessagesOptions();

        Assert.Equal("", options.ApiKey);
        Assert.Equal(new Uri("https://api2.getresponse.com/"), options.Endpoint);
        Assert.Same(JsonRpcMessagesOptions.DefaultEndpoint, options.Endpoint);
    }

    [Fact]
    public void ToString_masks_the_key()
    {
        var options = new JsonRpcMessagesOptions { ApiKey = MessageStatsServer.FixtureKey };

        Assert.Equal("JsonRpcMessagesOptions { ApiKey = ***, Endpoint = https://api2.getresponse.com/ }", options.ToString());
        Assert.Equal("JsonRpcMessagesOptions { ApiKey = (not set), Endpoint = https://api2.getresponse.com/ }", new JsonRpcMessagesOptions().ToString());
    }

    public static TheoryData<string, string?, string> InvalidOptions => new()
    {
        { "", "https://api2.getresponse.com/", "ApiKey is required" },
        { "  ", "https://api2.getresponse.com/", "ApiKey is required" },
        { "k", null, "Endpoint is required" },
        { "k", "ftp://api2.getresponse.com/", "Endpoint must be an absolute http or https URI" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void The_constructor_refuses_invalid_options_naming_the_rule(string apiKey, string? endpoint, string rule)
    {
        var options = new JsonRpcMessagesOptions { ApiKey = apiKey, Endpoint = endpoint is null ? null! : new Uri(endpoint) };

        var e = Assert.Throws<ArgumentException>(() => new MessageStatsClient(new HttpClient(), options));

        Assert.Equal("options", e.ParamName);
        Assert.Contains(rule, e.Message);
    }

    [Fact]
    public void A_relative_endpoint_is_refused()
    {
        var options = new JsonRpcMessagesOptions { ApiKey = "k", Endpoint = new Uri("json-rpc", UriKind.Relative) };

        var e = Assert.Throws<ArgumentException>(() => new MessageStatsClient(new HttpClient(), options));

        Assert.Contains("Endpoint must be an absolute http or https URI", e.Message);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new MessageStatsClient(null!, new JsonRpcMessagesOptions { ApiKey = "k" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new MessageStatsClient(new HttpClient(), null!)).ParamName);
    }

    [Fact]
    public void The_endpoint_becomes_the_base_address_only_when_the_http_client_has_none()
    {
        var bare = new HttpClient();
        var preset = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/rpc") };

        _ = new MessageStatsClient(bare, new JsonRpcMessagesOptions { ApiKey = "k" });
        _ = new MessageStatsClient(preset, new JsonRpcMessagesOptions { ApiKey = "k" });

        Assert.Equal(new Uri("https://api2.getresponse.com/"), bare.BaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:9/rpc"), preset.BaseAddress);
    }

    [Fact]
    public void Di_validates_the_options_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddMessageStatsClient(o => o.Endpoint = new Uri("ftp://example.com/"));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith("ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Endpoint must be an absolute http or https URI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Di_resolves_a_typed_client_that_calls_the_endpoint()
    {
        var services = new ServiceCollection();
        var builder = services.AddMessageStatsClient(o =>
        {
            o.ApiKey = MessageStatsServer.FixtureKey;
            o.Endpoint = server.BaseAddress;
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<IMessageStatsClient>();
        var stats = await client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));

        Assert.Equal(typeof(IMessageStatsClient).Name, builder.Name);
        Assert.IsType<MessageStatsClient>(client);
        Assert.True(server.LastRequestMatched);
        Assert.Equal([1024L, 0], stats.Select(p => p.Sent));
    }

    [Fact]
    public async Task Di_posts_to_an_enterprise_endpoint_as_given()
    {
        var services = new ServiceCollection();
        services.AddMessageStatsClient(o =>
        {
            o.ApiKey = MessageStatsServer.FixtureKey;
            o.Endpoint = new Uri(server.BaseAddress, "enterprise/json-rpc");
        });
        using var provider = services.BuildServiceProvider();

        var stats = await provider.GetRequiredService<IMessageStatsClient>()
            .GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));

        Assert.Equal("/enterprise/json-rpc", server.Requests[^1].RequestMessage.Path);
        Assert.Equal(2, Assert.Single(stats).Sent);
    }

    [Fact]
    public async Task Di_reports_error_statuses_once_the_resilience_handler_is_removed()
    {
        var services = new ServiceCollection();
        services.AddMessageStatsClient(o =>
        {
            o.ApiKey = MessageStatsServer.FixtureKey;
            o.Endpoint = server.BaseAddress;
        }).RemoveAllResilienceHandlers();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMessageStatsClient>();

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-forbidden").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.True(server.LastRequestMatched);
    }
}
