using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The key travels as params[0]: it must never reach an exception, a log line or a fixture file.</summary>
public sealed class SecretTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Theory]
    [InlineData("msg-missing")]
    [InlineData("msg-invalid-params")]
    [InlineData("msg-echo-error")]
    [InlineData("msg-echo-body")]
    [InlineData("msg-wrong-id")]
    [InlineData("msg-notification")]
    [InlineData("msg-forbidden")]
    [InlineData("msg-bad-gateway")]
    [InlineData("msg-malformed")]
    [InlineData("msg-key-mismatch")]
    [InlineData("msg-bad-counter")]
    [InlineData("msg-unknown-to-the-server")]
    public async Task No_exception_holds_the_key(string messageId)
    {
        var e = await Assert.ThrowsAnyAsync<EmailStatsException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage(messageId).GroupedBy(MessageStatsGrouping.Daily)));

        // The key did travel: it is in the request the server received.
        Assert.Contains(MessageStatsServer.FixtureKey, server.LastRequestBody);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), MessageStatsServer.FixtureKey);
    }

    [Fact]
    public async Task A_key_with_characters_json_escapes_is_masked_in_its_escaped_form_too()
    {
        const string key = "fixture<key>+&not-a-secret";
        const string escaped = @"fixture\u003Ckey\u003E\u002B\u0026not-a-secret";

        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient(apiKey: key).GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-echo-body").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.True(server.LastRequestMatched);
        Assert.Contains(escaped, server.LastRequestBody); // the request carried the escaped form, and the server echoed it
        Assert.Contains("\"params\":[\"***\",", e.BodySnippet);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), key, escaped);
    }

    [Fact]
    public async Task Logs_of_successful_and_failed_calls_never_hold_the_key()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddMessageStatsClient(o =>
        {
            o.ApiKey = MessageStatsServer.FixtureKey;
            o.Endpoint = server.BaseAddress;
        }).RemoveAllResilienceHandlers();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMessageStatsClient>();

        await client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));
        await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-echo-error").GroupedBy(MessageStatsGrouping.Daily)));
        await Assert.ThrowsAsync<EmailStatsResponseException>(() => client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-echo-body").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.Contains(logs.Lines, l => l.Contains("JsonRpcMessages GetMessageStats answered 200", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("JsonRpcMessages GetMessageStats failed", StringComparison.Ordinal) && l.Contains("API key *** verification failed", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace System.Net.Http.HttpClient", StringComparison.Ordinal) || l.StartsWith("Information System.Net.Http.HttpClient", StringComparison.Ordinal));
        SecretAssert.NotIn(logs.Lines, MessageStatsServer.FixtureKey);
    }

    [Fact]
    public void No_fixture_file_holds_anything_but_placeholder_keys()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var keys = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"params\[0\] == '([^']*)'"))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        Assert.Equal(["fixture-key-ip-blocked", MessageStatsServer.FixtureKey, "fixture-key-rejected", "fixture<key>+&not-a-secret"], keys.Order(StringComparer.Ordinal));
        Assert.True(server.MappingCount >= 40);
    }
}
