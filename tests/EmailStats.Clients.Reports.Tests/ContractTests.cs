using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.Reports.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for Benchmark Email.</summary>
public sealed class ContractTests : ProviderContractTests<IReportsClient, ReportsOptions>
{
    protected override string BrokenOption => "ApiKey";

    protected override string SuccessBody(IRequestMessage request) =>
        """{"stats":{"sent":{"count":{"value":42}}}}""";

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<ReportsOptions> configure) =>
        name is null ? services.AddReportsClient(configure) : services.AddReportsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddReportsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiKey", key), new("BaseAddress", baseAddress.AbsoluteUri)];

    protected override void Configure(ReportsOptions options, Uri baseAddress, string key)
    {
        options.ApiKey = key;
        options.BaseAddress = baseAddress;
    }

    protected override void Break(ReportsOptions options) => options.ApiKey = " ";

    protected override async Task CallAsync(IReportsClient client) =>
        Assert.Equal(42, (await client.GetEmailOverallAsync(ReportsQuery.PastDays(7))).Stats.Sent.Count.Value);
}
