using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static EmailStats.Clients.GetResponse.Tests.Fixture;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary><c>services.AddGetResponseStatsClient(...)</c>: the default root, GetResponse MAX, options validation.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_default_root_is_getresponses_v3_api()
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddGetResponseStatsClient(o => o.ApiKey = ApiKey).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IGetResponseStatsClient>().GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total));

        Assert.Equal("https://api.getresponse.com/v3/newsletters/N1/statistics?query%5BgroupBy%5D=total", handler.Requests.Single().RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_named_max_account_has_its_root_and_domain()
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddGetResponseStatsClient("max", o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = GetResponseOptions.MaxPlBaseAddress;
            o.Domain = "example.pl";
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEmailStatsClientFactory<IGetResponseStatsClient>>().CreateClient("max")
            .GetAutoresponderStatsAsync("A1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day));

        var request = handler.Requests.Single();
        Assert.Equal("https://api3.getresponse360.pl/v3/autoresponders/A1/statistics?query%5BgroupBy%5D=day", request.RequestUri!.AbsoluteUri);
        Assert.Equal("example.pl", request.Headers.GetValues("X-Domain").Single());
    }

    [Fact]
    public async Task Validate_on_start_reports_every_bad_option()
    {
        var services = new ServiceCollection();
        services.AddGetResponseStatsClient(o => o.BaseAddress = GetResponseOptions.MaxUsBaseAddress);
        services.AddGetResponseStatsClient("bad", o =>
        {
            o.ApiKey = "api key";
            o.BaseAddress = new Uri("ftp://example.com/");
            o.Domain = " example.com";
        });
        await using var provider = services.BuildServiceProvider();

        var all = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Contains(failures, f => f.StartsWith("ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Domain is required with a GetResponse MAX API root (api3.getresponse360.com)", StringComparison.Ordinal));
        // The named account's failures name it.
        Assert.Contains(failures, f => f.StartsWith("Account 'bad': ApiKey must not contain white space", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Account 'bad': BaseAddress must be an absolute http or https URI", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Account 'bad': Domain must be null or a domain name", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_show_everything_but_the_key()
    {
        Assert.Equal(
            "GetResponseOptions { ApiKey = ***, BaseAddress = https://api3.getresponse360.com/v3/, Domain = example.com }",
            new GetResponseOptions { ApiKey = "secret", BaseAddress = GetResponseOptions.MaxUsBaseAddress, Domain = "example.com" }.ToString());
    }
}
