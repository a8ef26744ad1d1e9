using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.SendGridV3.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for SendGrid v3.</summary>
public sealed class ContractTests : ProviderContractTests<ISendGridV3StatsClient, SendGridV3Options>
{
    protected override string BrokenOption => "ApiKey";

    protected override string SuccessBody(IRequestMessage request) => """[{"date":"2026-11-01","stats":[{"metrics":{"requests":5}}]}]""";

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<SendGridV3Options> configure) =>
        name is null ? services.AddSendGridV3StatsClient(configure) : services.AddSendGridV3StatsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddSendGridV3StatsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiKey", key), new("BaseAddress", baseAddress.AbsoluteUri)];

    protected override void Configure(SendGridV3Options options, Uri baseAddress, string key)
    {
        options.ApiKey = key;
        options.BaseAddress = baseAddress;
    }

    protected override void Break(SendGridV3Options options) => options.ApiKey = "";

    protected override async Task CallAsync(ISendGridV3StatsClient client) =>
        Assert.Equal(5, (await client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2026, 11, 1)))).Single().Stats[0].Metrics.Requests);
}
