using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for GetResponse v3.</summary>
public sealed class ContractTests : ProviderContractTests<IGetResponseStatsClient, GetResponseOptions>
{
    protected override string BrokenOption => "ApiKey";

    protected override string SuccessBody(IRequestMessage request) => """[{"timeInterval":"2026-11-01T00:00:00+0000/P1D","sent":"5"}]""";

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<GetResponseOptions> configure) =>
        name is null ? services.AddGetResponseStatsClient(configure) : services.AddGetResponseStatsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddGetResponseStatsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiKey", key), new("BaseAddress", new Uri(baseAddress, "v3/").AbsoluteUri)];

    protected override void Configure(GetResponseOptions options, Uri baseAddress, string key)
    {
        options.ApiKey = key;
        options.BaseAddress = new Uri(baseAddress, "v3/");
    }

    protected override void Break(GetResponseOptions options) => options.ApiKey = "";

    protected override async Task CallAsync(IGetResponseStatsClient client) =>
        Assert.Equal(5, (await client.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day))).Items.Single().Sent);
}
