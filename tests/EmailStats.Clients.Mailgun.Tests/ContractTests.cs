using EmailStats.Clients.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The registration contract every provider keeps (<see cref="ProviderContractTests{TClient, TOptions}"/>), for Mailgun.</summary>
public sealed class ContractTests : ProviderContractTests<IMailgunStatsClient, MailgunOptions>
{
    protected override string BrokenOption => "ApiKey";

    protected override string SuccessBody(IRequestMessage request) =>
        """{"description":"","start":"Mon, 01 Jan 2024 00:00:00 UTC","end":"Tue, 02 Jan 2024 00:00:00 UTC","resolution":"day","stats":[{"time":"Mon, 01 Jan 2024 00:00:00 UTC","delivered":{"total":5}}]}""";

    protected override IHttpClientBuilder Register(IServiceCollection services, string? name, Action<MailgunOptions> configure) =>
        name is null ? services.AddMailgunStatsClient(configure) : services.AddMailgunStatsClient(name, configure);

    protected override IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddMailgunStatsClient(name, configuration);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key) => [new("ApiKey", key), new("BaseAddress", baseAddress.AbsoluteUri)];

    protected override void Configure(MailgunOptions options, Uri baseAddress, string key)
    {
        options.ApiKey = key;
        options.BaseAddress = baseAddress;
    }

    protected override void Break(MailgunOptions options) => options.ApiKey = "";

    protected override async Task CallAsync(IMailgunStatsClient client) =>
        Assert.Equal(5, (await client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered))).Stats[0].Delivered!.Total);
}
