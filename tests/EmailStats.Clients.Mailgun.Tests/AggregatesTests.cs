using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary><c>GET v3/{domain}/aggregates/{providers,devices,countries}</c> against the fixtures.</summary>
public sealed class AggregatesTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task Providers_read_every_counter_keyed_by_provider()
    {
        var providers = await server.CreateClient().GetProviderAggregatesAsync(Domain);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["aol.com", "gmail.com"], providers.Keys.Order());
        Assert.Equal(
            new MailgunAggregateCounts { Accepted = 0, Clicked = 2, Opened = 1, UniqueClicked = 1, UniqueOpened = 1, Unsubscribed = 0, Complained = 0, Delivered = 0 },
            providers["gmail.com"]);

        var aol = providers["aol.com"];
        Assert.Equal(12, aol.Accepted);
        Assert.Equal(11, aol.Delivered);
        Assert.Equal(3, aol.Opened);
        Assert.Equal(2, aol.UniqueOpened);
        Assert.Equal(1, aol.Unsubscribed);
        Assert.Equal(1, aol.Complained);
        Assert.Equal(1, aol.AdditionalData["bounced"].GetInt32());
    }

    [Fact]
    public async Task Devices_are_keyed_by_device_type()
    {
        var devices = await server.CreateClient().GetDeviceAggregatesAsync(Domain);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["desktop", "mobile", "tablet", "unknown"], devices.Keys.Order());
        Assert.Equal(
            new MailgunAggregateCounts { Clicked = 5, Opened = 30, UniqueClicked = 5, UniqueOpened = 25, Unsubscribed = 0, Complained = 1 },
            devices["mobile"]);
        Assert.Equal(20, devices["desktop"].Opened);
        Assert.Equal(6, devices["desktop"].UniqueClicked);
    }

    [Fact]
    public async Task Countries_are_keyed_by_country_code()
    {
        var countries = await server.CreateClient().GetCountryAggregatesAsync(Domain);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(2, countries.Count);
        Assert.Equal(40, countries["us"].Opened);
        Assert.Equal(31, countries["us"].UniqueOpened);
        Assert.Equal(9, countries["us"].Clicked);
        Assert.Equal(1, countries["ru"].Complained);
        Assert.False(countries.ContainsKey("de"));
    }

    [Fact]
    public async Task An_empty_map_with_a_wrong_content_type_is_an_empty_dictionary()
    {
        var countries = await server.CreateClient().GetCountryAggregatesAsync("quiet.example.com");

        Assert.True(server.LastRequestMatched);
        Assert.Empty(countries);
    }
}

/// <summary>The alias-key rule: Mailgun's tag aggregates name the maps in the singular; the readers take either spelling.</summary>
public sealed class AggregateAliasTests
{
    [Theory]
    [InlineData("providers", "provider")]
    [InlineData("devices", "device")]
    [InlineData("countries", "country")]
    public async Task A_map_under_its_singular_key_is_read_like_the_plural_one(string plural, string singular)
    {
        const string Map = """{"x":{"opened":3,"unique_opened":2}}""";
        var readPlural = await ReadAsync(plural, "{\"" + plural + "\":" + Map + "}");
        var readSingular = await ReadAsync(plural, "{\"" + singular + "\":" + Map + ",\"tag\":\"newsletter\"}");

        Assert.Equal(3, readPlural["x"].Opened);
        Assert.Equal(readPlural["x"], readSingular["x"]);
        Assert.Equal(["x"], readSingular.Keys);
    }

    [Fact]
    public async Task Neither_key_is_a_typed_refusal()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => ReadAsync("providers", """{"tag":"newsletter"}"""));

        Assert.Contains("'providers' map", e.Message, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> ReadAsync(string kind, string body)
    {
        var client = new MailgunStatsClient(new HttpClient(new Answer(body)), new MailgunOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:9/") });
        return kind switch
        {
            "providers" => client.GetProviderAggregatesAsync("mg.example.com"),
            "devices" => client.GetDeviceAggregatesAsync("mg.example.com"),
            _ => client.GetCountryAggregatesAsync("mg.example.com"),
        };
    }

    private sealed class Answer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
    }
}
