using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for SendGrid v2.</summary>
public sealed class ContractTests : ProviderContractTests<ISendGridV2StatsClient, SendGridV2Options>
{
    protected override string BrokenOption => "ApiKey";

    protected override string SuccessBody(IRequestMessage request) => """{"requests":7,"bounces":1}""";

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<SendGridV2Options> configure) =>
        name is null ? services.AddSendGridV2StatsClient(configure) : services.AddSendGridV2StatsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddSendGridV2StatsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiUser", "contract-user"), new("ApiKey", key), new("BaseAddress", baseAddress.AbsoluteUri)];

    protected override void Configure(SendGridV2Options options, Uri baseAddress, string key)
    {
        options.ApiUser = "contract-user";
        options.ApiKey = key;
        options.BaseAddress = baseAddress;
    }

    protected override void Break(SendGridV2Options options) => options.ApiKey = "";

    protected override async Task CallAsync(ISendGridV2StatsClient client) =>
        Assert.Equal(7, (await client.GetAggregateAsync("bob")).Requests);
}
