using System.Text.RegularExpressions;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class GroupingTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public async Task Daily_grouping_reads_the_seed_example_value_for_value()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("msg-daily", stats.MessageId);
        Assert.Equal(MessageStatsGrouping.Daily, stats.Grouping);
        Assert.Equal(["2010-01-01", "2010-01-02"], stats.Select(p => p.Key));
        Assert.Equal(new DateTime(2010, 1, 1), stats[0].Start);
        Assert.Equal(new DateTime(2010, 1, 2), stats[1].Start);
        Assert.Equal([1024L, 512, 256, 128, 64, 8, 4, 2, 1, 8, 1, 2, 0, 0, 1, 16, 2, 1, 0], Counters.Of(stats[0]));
        Assert.Equal([0L, 64, 32, 16, 8, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 1, 0], Counters.Of(stats[1]));
        Assert.Empty(stats[0].AdditionalData);
        Assert.Same(stats.Periods[1], stats[1]);
    }

    [Fact]
    public async Task The_request_is_a_JSON_RPC_2_envelope_with_the_key_first_and_the_conditions_second()
    {
        await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily));

        var request = server.Requests[^1].RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single());
        var id = server.LastRequestId;
        Assert.True(id > 0);
        Assert.Equal(
            $$"""{"jsonrpc":"2.0","id":{{id}},"method":"get_message_stats","params":["{{MessageStatsServer.FixtureKey}}",{"message":"msg-daily","grouping":"daily"}]}""",
            server.LastRequestBody);
    }

    [Fact]
    public async Task Without_a_grouping_none_is_sent_periods_read_daily_sorted_and_with_every_counter_on_its_property()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-default"));

        Assert.Equal("""{"message":"msg-default"}""", server.LastConditions);
        Assert.Equal(MessageStatsGrouping.Daily, stats.Grouping);
        // Sent out of order and with gaps (03-03 and 03-04 have no positive counter): sorted, gaps kept.
        Assert.Equal(["2024-03-01", "2024-03-02", "2024-03-05"], stats.Select(p => p.Key));
        Assert.Equal(Enumerable.Range(101, 19).Select(i => (long)i), Counters.Of(stats[0]));
        Assert.Equal([40L, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], Counters.Of(stats[1]));
        Assert.Equal(0, stats[2].Sent);
        Assert.Equal(7, stats[2].Opened);
        Assert.Equal(new DateTime(2024, 3, 5), stats[2].Start);
    }

    [Fact]
    public async Task Hourly_keys_are_parsed_to_the_hour()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-hourly").GroupedBy(MessageStatsGrouping.Hourly));

        Assert.Equal("""{"message":"msg-hourly","grouping":"hourly"}""", server.LastConditions);
        Assert.Equal(MessageStatsGrouping.Hourly, stats.Grouping);
        Assert.Equal(["2024-03-10 09", "2024-03-10 14", "2024-03-11 00"], stats.Select(p => p.Key));
        Assert.Equal([new DateTime(2024, 3, 10, 9, 0, 0), new DateTime(2024, 3, 10, 14, 0, 0), new DateTime(2024, 3, 11, 0, 0, 0)], stats.Select(p => p.Start));
        Assert.All(stats, p => Assert.Equal(DateTimeKind.Unspecified, p.Start.Kind));
        Assert.Equal([500L, 0, 0], stats.Select(p => p.Sent));
        Assert.Equal([120L, 9, 1], stats.Select(p => p.Opened));
        Assert.Equal([100L, 4, 1], stats.Select(p => p.UniqueOpened));
    }

    [Fact]
    public async Task Monthly_keys_start_on_the_first_of_the_month_and_missing_months_stay_missing()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-monthly").GroupedBy(MessageStatsGrouping.Monthly));

        Assert.Equal("""{"message":"msg-monthly","grouping":"monthly"}""", server.LastConditions);
        Assert.Equal(["2024-01", "2024-03"], stats.Select(p => p.Key));
        Assert.Equal([new DateTime(2024, 1, 1), new DateTime(2024, 3, 1)], stats.Select(p => p.Start));
        Assert.Equal([3000L, 0], stats.Select(p => p.Sent));
        Assert.Equal([210L, 4], stats.Select(p => p.Clicked));
        Assert.Equal([0L, 1], stats.Select(p => p.ComplaintsHandled));
    }

    [Fact]
    public async Task Yearly_keys_start_on_the_first_of_January_oldest_first()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-yearly").GroupedBy(MessageStatsGrouping.Yearly));

        Assert.Equal("""{"message":"msg-yearly","grouping":"yearly"}""", server.LastConditions);
        Assert.Equal(["2023", "2024"], stats.Select(p => p.Key));
        Assert.Equal([new DateTime(2023, 1, 1), new DateTime(2024, 1, 1)], stats.Select(p => p.Start));
        Assert.Equal([98765L, 12], stats.Select(p => p.Sent));
        Assert.Equal([31L, 2], stats.Select(p => p.Unsubscribes));
    }

    [Theory]
    [InlineData("msg-empty")]
    [InlineData("msg-empty-array")]
    public async Task An_empty_result_is_no_periods(string messageId)
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage(messageId).GroupedBy(MessageStatsGrouping.Daily));

        Assert.True(server.LastRequestMatched);
        Assert.Empty(stats);
        Assert.Empty(stats.Periods);
        Assert.Equal(messageId, stats.MessageId);
    }

    [Fact]
    public async Task Two_reads_of_the_same_answer_are_equal_by_value()
    {
        var client = server.CreateClient();
        var query = MessageStatsQuery.ForMessage("msg-daily").GroupedBy(MessageStatsGrouping.Daily);

        var first = await client.GetMessageStatsAsync(query);
        var second = await client.GetMessageStatsAsync(query);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first[0], second[0]);
        Assert.Matches(new Regex(@"^MessageStats \{ msg-daily, Daily, 2 periods 2010-01-01\.\.2010-01-02 \}$"), first.ToString());
    }
}
