using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.JsonRpcMessages.JsonRpc;
using EmailStats.Clients.JsonRpcMessages.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>
/// The envelope and its result read in one pass: the result is read where it stands (before or after the id), and the
/// envelope's verdict still wins over the result's: an error member or another call's id is reported even when the
/// result itself could not be read, and malformed JSON anywhere is refused.
/// </summary>
public sealed class EnvelopePassTests
{
    private static readonly MessageStatsQuery Query = MessageStatsQuery.ForMessage("msg").GroupedBy(MessageStatsGrouping.Daily);

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"2024-01-01":{"sent":1}}}""")]
    [InlineData("""{"result":{"2024-01-01":{"sent":1}},"id":1,"jsonrpc":"2.0"}""")]
    [InlineData("""{"result":{"2024-01-01":{"sent":1}},"extra":[1,{"a":2}],"id":"1"}""")]
    [InlineData("""{"id":1,"result":{"2023-01-01":{"sent":9}},"result":{"2024-01-01":{"sent":1}}}""")]
    public void The_result_is_read_wherever_it_stands(string body)
    {
        var stats = Read(body);

        var period = Assert.Single(stats);
        Assert.Equal("2024-01-01", period.Key);
        Assert.Equal(1, period.Sent);
    }

    [Theory]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":1}},"error":{"code":-32000,"message":"boom"}}""")]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":"not a number"}},"error":{"code":-32000,"message":"boom"}}""")]
    [InlineData("""{"error":{"code":-32000,"message":"boom"},"result":{"bad key":{}},"id":1}""")]
    public void An_error_member_wins_over_the_result_readable_or_not(string body)
    {
        var e = Assert.Throws<EmailStatsApiException>(() => Read(body));

        Assert.Contains("boom", e.Message);
    }

    [Theory]
    [InlineData("""{"id":2,"result":{"2024-01-01":{"sent":1}}}""")]
    [InlineData("""{"result":{"2024-01-01":{"sent":"not a number"}},"id":2}""")]
    [InlineData("""{"result":{"bad key":{}}}""")]
    public void Another_calls_id_wins_over_the_result_readable_or_not(string body)
    {
        var e = Assert.Throws<EmailStatsResponseException>(() => Read(body));

        Assert.Contains("not the request's id 1", e.Message);
    }

    [Theory]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":"x"}}}""", "unreadable counter")]
    [InlineData("""{"id":1,"result":{"bad key":{}}}""", "does not match the daily grouping")]
    public void An_unreadable_result_of_a_good_envelope_is_reported_as_itself(string body, string reason)
    {
        var e = Assert.Throws<EmailStatsResponseException>(() => Read(body));

        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":1}}} x""")]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":1}}""")]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":1""")]
    [InlineData("""{"id":1,"result":{"2024-01-01":{"sent":1}},"error":""")]
    public void Malformed_json_anywhere_is_refused(string body) => Assert.ThrowsAny<JsonException>(() => Read(body));

    private static MessageStats Read(string body)
    {
        var message = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var buffered = ResponseBody.ReadAsync(message.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).GetAwaiter().GetResult();
        var response = new ProviderResponse(new ProviderCallPath("JsonRpcMessages", new Secrets("key"), JsonRpcResponseReader.ReadError), message, buffered);
        return JsonRpcResponseReader.ReadResult(response, 1, static (ref reader, r) => MessageStatsReader.Read(ref reader, r, Query));
    }
}
