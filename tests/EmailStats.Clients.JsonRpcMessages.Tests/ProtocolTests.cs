using System.Net;
using System.Text.Json;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class ProtocolTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    private Task<MessageStats> Call(string messageId, Func<long>? nextId = null) =>
        server.CreateClient(nextId: nextId).GetMessageStatsAsync(MessageStatsQuery.ForMessage(messageId).GroupedBy(MessageStatsGrouping.Daily));

    [Fact]
    public async Task A_result_with_another_calls_id_is_refused()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-wrong-id"));

        Assert.True(server.LastRequestMatched);
        Assert.NotEqual(987654321, server.LastRequestId);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Contains($"carries the id 987654321, not the request's id {server.LastRequestId}", e.Message);
    }

    [Fact]
    public async Task The_same_answer_is_accepted_when_the_call_had_that_id()
    {
        var stats = await Call("msg-wrong-id", nextId: () => 987654321);

        Assert.Equal(987654321, server.LastRequestId);
        Assert.Equal(1, Assert.Single(stats).Sent);
    }

    [Fact]
    public async Task A_result_without_an_id_is_refused()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-no-id"));

        Assert.Contains("carries no id", e.Message);
    }

    [Fact]
    public async Task An_error_answering_another_call_is_refused_not_reported_as_ours()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-wrong-id-error"));

        Assert.Contains("987654321", e.Message);
        Assert.Contains("\"Missing message\"", e.BodySnippet);
    }

    [Fact]
    public async Task No_content_204_means_the_call_was_taken_for_a_notification()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-notification"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.NoContent, e.StatusCode);
        Assert.Contains("notification", e.Message);
        Assert.Equal("", e.BodySnippet);
    }

    [Fact]
    public async Task A_403_without_a_body_is_an_api_exception_with_the_reason_phrase()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-forbidden"));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Null(e.ErrorCode);
        Assert.Equal(["Forbidden"], e.Errors);
    }

    [Fact]
    public async Task A_502_html_page_is_an_api_exception_without_the_page()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-bad-gateway"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(["Bad Gateway"], e.Errors);
        Assert.DoesNotContain("<html", e.Message);
    }

    [Fact]
    public async Task A_500_plain_text_body_becomes_the_message()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Call("msg-server-error"));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal(["Service temporarily unavailable"], e.Errors);
    }

    [Fact]
    public async Task Malformed_json_is_a_response_exception_with_the_body_start()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-malformed"));

        Assert.IsAssignableFrom<JsonException>(e.InnerException);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("application/json", e.ContentType);
        Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\"", e.BodySnippet);
    }

    [Fact]
    public async Task An_empty_200_body_is_a_response_exception()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-empty-body"));

        Assert.Contains("the body is empty", e.Message);
    }

    [Fact]
    public async Task A_body_echoing_the_request_is_refused_with_the_key_masked()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call("msg-echo-body"));

        Assert.Contains("not JSON", e.Message);
        Assert.StartsWith("Bad request: {\"jsonrpc\":\"2.0\"", e.BodySnippet);
        Assert.Contains("\"params\":[\"***\",", e.BodySnippet);
        SecretAssert.NotIn(SecretAssert.TextsOf(e), MessageStatsServer.FixtureKey);
    }

    [Theory]
    [InlineData("msg-no-result", "neither a result nor an error")]
    [InlineData("msg-batch", "a JSON array (a batch)")]
    [InlineData("msg-result-string", "the get_message_stats result is a string")]
    public async Task Answers_without_a_usable_result_are_response_exceptions(string messageId, string reason)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => Call(messageId));

        Assert.True(server.LastRequestMatched);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task Every_call_gets_its_own_positive_increasing_id()
    {
        var client = server.CreateClient();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-empty").GroupedBy(MessageStatsGrouping.Daily));
            ids.Add(server.LastRequestId);
        }

        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void The_id_counter_never_issues_zero()
    {
        var first = JsonRpc.JsonRpcChannel.NextId();
        var second = JsonRpc.JsonRpcChannel.NextId();

        Assert.True(first > 0);
        Assert.True(second > first);
    }

    [Fact]
    public async Task An_id_generator_that_answers_zero_is_refused_before_sending()
    {
        var before = server.Requests.Count;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Call("msg-daily", nextId: () => 0));

        Assert.Equal(before, server.Requests.Count);
    }
}
