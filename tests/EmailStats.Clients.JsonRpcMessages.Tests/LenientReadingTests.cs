using System.Text.Json;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class LenientReadingTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public async Task Counters_sent_as_strings_null_or_missing_are_read_and_unknown_counters_are_kept()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-lenient").GroupedBy(MessageStatsGrouping.Daily));

        var period = Assert.Single(stats);
        Assert.Equal("2024-05-01", period.Key);
        Assert.Equal(1500, period.Sent);          // "1500"
        Assert.Equal(77, period.Opened);          // " 77 "
        Assert.Equal(0, period.UniqueOpened);     // ""
        Assert.Equal(0, period.Clicked);          // null
        Assert.Equal(12, period.UniqueClicked);   // 12.0
        Assert.Equal(new long[14], Counters.Of(period)[5..]); // the fourteen counters not sent read as 0
        Assert.Equal(2, period.AdditionalData.Count);
        Assert.Equal(3, period.AdditionalData["bounces_new_kind"].GetInt64());
        Assert.Equal(JsonValueKind.String, period.AdditionalData["note"].ValueKind);
        Assert.Equal("kept", period.AdditionalData["note"].GetString());
    }

    [Fact]
    public async Task An_id_echoed_as_the_same_number_in_a_string_a_wrong_content_type_and_extra_members_are_accepted()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-string-id").GroupedBy(MessageStatsGrouping.Yearly));

        Assert.Equal("text/html", server.Requests[^1].ResponseMessage.Headers!["Content-Type"].Single().Split(';')[0]);
        var period = Assert.Single(stats);
        Assert.Equal(new DateTime(2022, 1, 1), period.Start);
        Assert.Equal(5, period.Sent);
    }

    [Fact]
    public async Task A_null_error_beside_the_result_is_a_success()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-error-null").GroupedBy(MessageStatsGrouping.Daily));

        Assert.Equal(6, Assert.Single(stats).Sent);
    }
}
