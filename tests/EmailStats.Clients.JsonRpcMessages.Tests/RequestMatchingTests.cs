using System.Net;
using System.Text;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The mappings discriminate: a request that differs in the key, the method or any condition gets no answer.</summary>
public sealed class RequestMatchingTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    public static TheoryData<string, MessageStatsQuery> NearMisses => new()
    {
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-daily") }, // grouping missing
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Monthly) }, // another grouping
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily).CreatedFrom(new(2024, 1, 1)) }, // extra condition
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-Daily").GroupedBy(MessageStatsGrouping.Daily) }, // another message id
        { "wrong-key", MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily) }, // another key
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-range").GroupedBy(MessageStatsGrouping.Daily).CreatedFrom(new(2024, 1, 2)).CreatedTo(new(2024, 1, 31)) }, // another date
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-range").CreatedOn(new(2024, 2, 1)) }, // another operator (AT for FROM)
        { MessageStatsServer.FixtureKey, MessageStatsQuery.ForMessage("msg-range").CreatedFrom(new(2024, 2, 1)).CreatedTo(new(2024, 2, 1)) }, // an operator too many
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public async Task A_request_that_differs_from_every_mapping_gets_404(string apiKey, MessageStatsQuery query)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient(apiKey).GetMessageStatsAsync(query));

        Assert.False(server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }

    private const string GoodBody = $$"""{"jsonrpc":"2.0","id":7,"method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""";

    [Theory]
    [InlineData(GoodBody, "application/json", HttpStatusCode.OK)] // control: the raw harness reaches the mapping
    [InlineData(GoodBody, "text/plain", HttpStatusCode.NotFound)] // not sent as JSON
    [InlineData($$"""{"jsonrpc":"2.0","id":0,"method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""", "application/json", HttpStatusCode.NotFound)] // id 0
    [InlineData($$"""{"jsonrpc":"2.0","method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""", "application/json", HttpStatusCode.NotFound)] // a notification
    [InlineData($$"""{"jsonrpc":"2.0","id":"7","method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""", "application/json", HttpStatusCode.NotFound)] // a string id
    [InlineData($$"""{"jsonrpc":"1.0","id":7,"method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""", "application/json", HttpStatusCode.NotFound)] // another version
    [InlineData($$"""{"jsonrpc":"2.0","id":7,"method":"get_messages","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""", "application/json", HttpStatusCode.NotFound)] // another method
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"get_message_stats","params":{"message":"msg-daily","grouping":"daily"}}""", "application/json", HttpStatusCode.NotFound)] // named params
    [InlineData($$"""{"jsonrpc":"2.0","id":7,"method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"},{}]}""", "application/json", HttpStatusCode.NotFound)] // a param too many
    [InlineData($$"""{"jsonrpc":"2.0","id":7,"method":"get_message_stats","params":[{"message":"msg-daily","grouping":"daily"},"{{MessageStatsServer.FixtureKey}}"]}""", "application/json", HttpStatusCode.NotFound)] // params swapped
    public async Task Raw_requests_match_only_when_every_envelope_rule_holds(string body, string mediaType, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, mediaType);

        using var response = await http.PostAsync(server.BaseAddress, content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, server.LastRequestMatched);
    }

    [Fact]
    public async Task The_enterprise_mapping_answers_only_on_its_path()
    {
        var query = MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily);

        var stats = await server.CreateClient(path: "enterprise/json-rpc").GetMessageStatsAsync(query);
        Assert.Equal("/enterprise/json-rpc", server.Requests[^1].RequestMessage.Path);
        Assert.Equal(2, Assert.Single(stats).Sent);

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => server.CreateClient(path: "enterprise/").GetMessageStatsAsync(query));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("/enterprise", server.Requests[^1].RequestMessage.Path);
    }

    [Fact]
    public async Task A_trailing_slash_after_an_endpoint_path_is_not_sent()
    {
        // Refit joins the base address and the method's empty path without the trailing slash: documented in the README.
        await server.CreateClient(path: "enterprise/json-rpc/").GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));

        Assert.Equal("/enterprise/json-rpc", server.Requests[^1].RequestMessage.Path);
        Assert.True(server.LastRequestMatched);
    }
}
