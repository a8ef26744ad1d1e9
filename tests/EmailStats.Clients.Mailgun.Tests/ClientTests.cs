using EmailStats.Clients.Testing;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>Options, regions, the request itself, and every refusal before a request.</summary>
public sealed class ClientTests
{
    private static readonly MailgunStatsQuery Delivered = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered);

    [Theory]
    [InlineData(MailgunRegion.US, "https://api.mailgun.net/")]
    [InlineData(MailgunRegion.EU, "https://api.eu.mailgun.net/")]
    public async Task The_region_chooses_the_default_base_address(MailgunRegion region, string expected)
    {
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);

        var client = new MailgunStatsClient(http, new MailgunOptions { ApiKey = ApiKey, Region = region });
        await client.GetProviderAggregatesAsync(Domain);

        Assert.Equal(new Uri(expected), http.BaseAddress);
        Assert.Equal(new Uri(expected + "v3/mg.example.com/aggregates/providers"), handler.Requests.Single().RequestUri);
    }

    [Fact]
    public async Task The_base_address_overrides_the_region_and_keeps_its_path()
    {
        var handler = new RecordingHandler(body: """{"devices":{}}""");
        var http = new HttpClient(handler);

        var client = new MailgunStatsClient(http, new MailgunOptions { ApiKey = ApiKey, Region = MailgunRegion.EU, BaseAddress = new Uri("http://proxy.internal/mailgun") });
        await client.GetDeviceAggregatesAsync(Domain);

        Assert.Equal(new Uri("http://proxy.internal/mailgun/"), http.BaseAddress);
        Assert.Equal(new Uri("http://proxy.internal/mailgun/v3/mg.example.com/aggregates/devices"), handler.Requests.Single().RequestUri);
    }

    [Fact]
    public void An_httpclient_that_has_a_base_address_keeps_it()
    {
        var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5000/") };

        _ = new MailgunStatsClient(http, new MailgunOptions { ApiKey = ApiKey, Region = MailgunRegion.EU });

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), http.BaseAddress);
    }

    [Fact]
    public async Task Requests_use_basic_auth_as_user_api_and_a_get()
    {
        var handler = new RecordingHandler();
        var client = new MailgunStatsClient(new HttpClient(handler), new MailgunOptions { ApiKey = ApiKey });

        await client.GetProviderAggregatesAsync(Domain);

        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal(BasicValue, request.Headers.Authorization.Parameter);
        Assert.Equal("api:" + ApiKey, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
    }

    [Theory]
    [InlineData("b\u00fccher.example", "/v3/b%C3%BCcher.example/aggregates/countries")]
    [InlineData("a b.example", "/v3/a%20b.example/aggregates/countries")]
    [InlineData("q?x.example", "/v3/q%3Fx.example/aggregates/countries")]
    public async Task The_domain_is_escaped_in_the_path(string domain, string path)
    {
        var handler = new RecordingHandler(body: """{"countries":{}}""");
        var client = new MailgunStatsClient(new HttpClient(handler), new MailgunOptions { ApiKey = ApiKey });

        await client.GetCountryAggregatesAsync(domain);

        Assert.Equal(path, handler.Requests.Single().RequestUri!.AbsolutePath);
        Assert.Equal("", handler.Requests.Single().RequestUri!.Query);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("mg.example.com/x")]
    [InlineData("../stats")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData(" mg.example.com")]
    public async Task Bad_domains_are_refused_before_any_request(string domain)
    {
        var counter = new CountingHandler();
        var client = new MailgunStatsClient(counter.CreateClient(), new MailgunOptions { ApiKey = ApiKey });

        Assert.Equal("domain", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetDomainTotalsAsync(domain, Delivered))).ParamName);
        Assert.Equal("domain", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetProviderAggregatesAsync(domain))).ParamName);
        Assert.Equal("domain", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetDeviceAggregatesAsync(domain))).ParamName);
        Assert.Equal("domain", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetCountryAggregatesAsync(domain))).ParamName);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task Null_arguments_are_refused_before_any_request()
    {
        var counter = new CountingHandler();
        var client = new MailgunStatsClient(counter.CreateClient(), new MailgunOptions { ApiKey = ApiKey });

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetAccountTotalsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetDomainTotalsAsync(null!, Delivered));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetDomainTotalsAsync(Domain, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetFilteredTotalsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetTotalsByDomainAsync(null!));
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task Filter_or_group_outside_the_filter_endpoint_is_refused_before_any_request()
    {
        var counter = new CountingHandler();
        var client = new MailgunStatsClient(counter.CreateClient(), new MailgunOptions { ApiKey = ApiKey });

        var account = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAccountTotalsAsync(Delivered.WithFilter("domain:mg.example.com")));
        var domain = await Assert.ThrowsAsync<ArgumentException>(() => client.GetDomainTotalsAsync(Domain, Delivered.GroupBy(MailgunGroup.Tag)));

        Assert.Equal("query", account.ParamName);
        Assert.Contains("use GetFilteredTotalsAsync", account.Message);
        Assert.Equal("query", domain.ParamName);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task Totals_by_domain_without_a_timestamp_are_refused_before_any_request()
    {
        var counter = new CountingHandler();
        var client = new MailgunStatsClient(counter.CreateClient(), new MailgunOptions { ApiKey = ApiKey });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.GetTotalsByDomainAsync(MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered)));

        Assert.Equal("query", e.ParamName);
        Assert.Contains("At(timestamp)", e.Message);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        var counter = new CountingHandler();
        var client = new MailgunStatsClient(counter.CreateClient(), new MailgunOptions { ApiKey = ApiKey });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAccountTotalsAsync(Delivered, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCountryAggregatesAsync(Domain, cancelled.Token));
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void Invalid_options_are_refused_naming_every_rule()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = " ", Region = (MailgunRegion)7, BaseAddress = new Uri("ftp://example.com/") }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("ApiKey is required", e.Message);
        Assert.Contains("Region must be US or EU", e.Message);
        Assert.Contains("BaseAddress must be an absolute http or https URI", e.Message);

        Assert.Contains("BaseAddress", Assert.Throws<ArgumentException>(() =>
            new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = ApiKey, BaseAddress = new Uri("/relative", UriKind.Relative) })).Message);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new MailgunStatsClient(new HttpClient(), null!)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new MailgunStatsClient(null!, new MailgunOptions { ApiKey = ApiKey })).ParamName);
    }

    [Fact]
    public void Options_to_string_masks_the_key()
    {
        var options = new MailgunOptions { ApiKey = ApiKey, Region = MailgunRegion.EU };

        Assert.Equal("MailgunOptions { ApiKey = ***, Region = EU, BaseAddress = (from Region) }", options.ToString());
        Assert.Equal("MailgunOptions { ApiKey = (not set), Region = US, BaseAddress = http://localhost:8080/ }",
            new MailgunOptions { BaseAddress = new Uri("http://localhost:8080/") }.ToString());
    }
}
