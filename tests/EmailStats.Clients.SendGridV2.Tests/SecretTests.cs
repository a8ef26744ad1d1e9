using System.Net;
using EmailStats.Clients.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>Secrets stay out of every exception and log line; XML can neither declare a DTD nor resolve anything.</summary>
public sealed class SecretTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    private const string Key = SendGridServer.ApiKey;

    public static TheoryData<string, SendGridV2Format> FailingUsers
    {
        get
        {
            var data = new TheoryData<string, SendGridV2Format>();
            foreach (var user in new[] { "leaky@example.com", "unknown@example.com", "unauthorized@example.com", "ratelimited@example.com", "malformed@example.com", "html@example.com", "gateway@example.com", "empty@example.com" })
            {
                data.Add(user, SendGridV2Format.Json);
                data.Add(user, SendGridV2Format.Xml);
            }

            data.Add("doctype@example.com", SendGridV2Format.Xml);

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FailingUsers))]
    public async Task No_failure_reveals_the_api_key_in_the_exception_or_the_logs(string user, SendGridV2Format format)
    {
        using var logs = new CapturingLoggerProvider();
        var client = server.Client(SendGridV2Api.Reseller, format, logger: logs.CreateLogger<SendGridV2StatsClient>());

        var e = await Assert.ThrowsAnyAsync<EmailStatsException>(() => client.GetStatsAsync(SendGridStatsQuery.ForUser(user).LastDays(3)));

        SecretAssert.NotIn(SecretAssert.TextsOf(e), Key);
        Assert.NotEmpty(logs.Lines);
        SecretAssert.NotIn(logs.Lines, Key);
    }

    [Theory]
    [InlineData(SendGridV2Format.Json)]
    [InlineData(SendGridV2Format.Xml)]
    public async Task A_provider_message_that_echoes_the_key_is_masked(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            server.Client(SendGridV2Api.Reseller, format).GetStatsAsync(SendGridStatsQuery.ForUser("leaky@example.com").LastDays(3)));

        Assert.Equal(["Bad credentials: api_key=*** is not valid for fixture-user"], e.Errors);
    }

    [Fact]
    public async Task A_transport_failure_does_not_reveal_the_key()
    {
        var options = new SendGridV2Options { ApiUser = "u", ApiKey = Key, BaseAddress = new Uri("http://127.0.0.1:9/") };
        using var logs = new CapturingLoggerProvider();
        var client = new SendGridV2StatsClient(new HttpClient(), options, logs.CreateLogger<SendGridV2StatsClient>());

        var e = await Assert.ThrowsAsync<EmailStatsTransportException>(() => client.GetAggregateAsync("u"));

        Assert.Equal(TransportFailure.Network, e.Kind);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), Key);
        SecretAssert.NotIn(logs.Lines, Key);
    }

    [Fact]
    public void Options_redact_the_key_in_ToString()
    {
        var options = new SendGridV2Options { ApiUser = "fixture-user", ApiKey = Key };

        var text = options.ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("ApiUser = fixture-user", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = (not set)", new SendGridV2Options().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xml_doctype_is_refused_and_its_external_entity_never_read()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.Client(format: SendGridV2Format.Xml).GetStatsAsync(SendGridStatsQuery.ForUser("doctype@example.com").LastDays(3)));

        Assert.IsType<System.Xml.XmlException>(e.InnerException);
        Assert.Contains("DTD", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xml_entity_pointing_at_a_server_is_never_fetched()
    {
        // A body whose external entity names this very server: had the reader resolved it, the server would log the fetch.
        var entityUrl = new Uri(server.BaseAddress, "evil/entity.dtd");
        var body = $"<?xml version=\"1.0\"?><!DOCTYPE stats SYSTEM \"{entityUrl}\"><stats><day><date>2009-06-20</date><requests>1</requests></day></stats>";
        server.Server
            .Given(Request.Create().WithPath("/evil/entity.dtd"))
            .RespondWith(Response.Create().WithBody("<!ENTITY x \"boom\">"));
        server.Server
            .Given(Request.Create().WithPath("/apiv2/reseller.manage.xml").UsingPost().WithBody(b => b?.Contains("user=xxe%40example.com", StringComparison.Ordinal) == true))
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "text/xml").WithBody(body));

        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.Client(format: SendGridV2Format.Xml).GetStatsAsync(SendGridStatsQuery.ForUser("xxe@example.com").LastDays(3)));

        Assert.IsType<System.Xml.XmlException>(e.InnerException);
        Assert.DoesNotContain(server.Requests, r => r.RequestMessage.Path == "/evil/entity.dtd");
    }
}
