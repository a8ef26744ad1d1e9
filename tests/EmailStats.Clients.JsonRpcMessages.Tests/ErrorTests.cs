using System.Net;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class ErrorTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    private Task<MessageStats> Call(string messageId, string apiKey = MessageStatsServer.FixtureKey) =>
        server.CreateClient(apiKey).GetMessageStatsAsync(MessageStatsQuery.ForMessage(messageId).GroupedBy(MessageStatsGrouping.Daily));

    [Fact]
    public async Task The_seeds_error_example_is_an_api_exception_with_its_code_and_message()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-missing"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(nameof(EmailStatsProvider.JsonRpcMessages), e.Provider);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("-1", e.ErrorCode);
        Assert.Equal(["Missing message"], e.Errors);
        Assert.Equal("JsonRpcMessages refused the request with 200 (OK) [code -1]: Missing message", e.Message);
        Assert.Null(e.RetryAfter);
    }

    [Theory]
    [InlineData("fixture-key-rejected", "API key verification failed")]
    [InlineData("fixture-key-ip-blocked", "API client IP not allowed")]
    public async Task Api_wide_errors_about_the_key_and_the_caller(string apiKey, string message)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-daily", apiKey));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("-1", e.ErrorCode);
        Assert.Equal([message], e.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), apiKey);
    }

    [Fact]
    public async Task Invalid_params_keeps_the_message_and_the_data()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-invalid-params"));

        Assert.Equal("-32602", e.ErrorCode);
        Assert.Equal(["Invalid params", "Attribute params must be reference to hash"], e.Errors);
    }

    [Fact]
    public async Task An_error_code_sent_as_a_string_is_kept_as_sent()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-string-code"));

        Assert.Equal("E_THROTTLED", e.ErrorCode);
        Assert.Equal(["Too many calls"], e.Errors);
    }

    [Fact]
    public async Task An_error_with_a_null_id_is_still_the_servers_refusal()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-error-null-id"));

        Assert.Equal("-32600", e.ErrorCode);
        Assert.Equal(["Invalid Request"], e.Errors);
    }

    [Fact]
    public async Task A_json_rpc_error_sent_with_http_500_keeps_status_and_code()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-500-rpc"));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal("-32603", e.ErrorCode);
        Assert.Equal(["Internal error"], e.Errors);
    }

    [Fact]
    public async Task An_error_that_echoes_the_key_is_masked()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-echo-error"));

        // The fixture echoes params[0] twice; the mask shows where the key was.
        Assert.Equal(["API key *** verification failed", "key=***"], e.Errors);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), MessageStatsServer.FixtureKey);
    }
}
