using System.Text.Json;
using EmailStats.Clients.JsonRpcMessages.Serialization;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class QueryTests
{
    private static string Conditions(MessageStatsQuery query) =>
        JsonSerializer.Serialize(query.ToConditions(), MessageStatsJsonContext.Default.MessageStatsConditions);

    [Fact]
    public void A_message_id_is_required()
    {
        Assert.Equal("messageId", Assert.Throws<ArgumentNullException>(() => MessageStatsQuery.ForMessage(null!)).ParamName);
        Assert.Equal("messageId", Assert.Throws<ArgumentException>(() => MessageStatsQuery.ForMessage("")).ParamName);
        Assert.Equal("messageId", Assert.Throws<ArgumentException>(() => MessageStatsQuery.ForMessage(" \t")).ParamName);
    }

    [Fact]
    public void An_undefined_grouping_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MessageStatsQuery.ForMessage("m").GroupedBy((MessageStatsGrouping)42));

        Assert.Equal("grouping", e.ParamName);
        Assert.Contains("Hourly, Daily, Monthly or Yearly", e.Message);
    }

    [Fact]
    public void From_after_to_is_refused_in_either_order()
    {
        var fromFirst = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageStatsQuery.ForMessage("m").CreatedFrom(new(2024, 2, 1)).CreatedTo(new(2024, 1, 31)));
        var toFirst = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageStatsQuery.ForMessage("m").CreatedTo(new(2024, 1, 31)).CreatedFrom(new(2024, 2, 1)));

        Assert.Equal("date", fromFirst.ParamName);
        Assert.Contains("The TO date must not be before the FROM date (2024-02-01)", fromFirst.Message);
        Assert.Equal("date", toFirst.ParamName);
        Assert.Contains("The FROM date must not be after the TO date (2024-01-31)", toFirst.Message);
    }

    [Fact]
    public void At_outside_the_from_to_range_is_refused()
    {
        var range = MessageStatsQuery.ForMessage("m").CreatedFrom(new(2024, 1, 1)).CreatedTo(new(2024, 1, 31));

        var before = Assert.Throws<ArgumentOutOfRangeException>(() => range.CreatedOn(new(2023, 12, 31)));
        Assert.Equal("date", before.ParamName);
        Assert.Contains("The AT date must lie within the FROM/TO range (2024-01-01..2024-01-31)", before.Message);
        Assert.Contains("(2024-03-01..any)", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageStatsQuery.ForMessage("m").CreatedFrom(new(2024, 3, 1)).CreatedOn(new(2024, 2, 1))).Message);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => range.CreatedOn(new(2024, 2, 1))).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageStatsQuery.ForMessage("m").CreatedOn(new(2024, 1, 10)).CreatedFrom(new(2024, 1, 11))).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageStatsQuery.ForMessage("m").CreatedOn(new(2024, 1, 10)).CreatedTo(new(2024, 1, 9))).ParamName);
        Assert.Equal(new DateOnly(2024, 1, 1), range.CreatedOn(new(2024, 1, 1)).CreatedOnDate); // the bounds themselves are fine
    }

    [Fact]
    public void A_same_day_range_is_allowed()
    {
        var query = MessageStatsQuery.ForMessage("m").CreatedFrom(new(2024, 1, 5)).CreatedTo(new(2024, 1, 5));

        Assert.Equal("""{"message":"m","created_on":{"FROM":"2024-01-05","TO":"2024-01-05"}}""", Conditions(query));
    }

    [Fact]
    public void The_builder_is_immutable_and_later_calls_replace_earlier_ones()
    {
        var start = MessageStatsQuery.ForMessage("m");
        var grouped = start.GroupedBy(MessageStatsGrouping.Yearly);
        var regrouped = grouped.GroupedBy(MessageStatsGrouping.Hourly).CreatedFrom(new(2024, 1, 1)).CreatedFrom(new(2024, 3, 1));

        Assert.Null(start.Grouping);
        Assert.Equal(MessageStatsGrouping.Daily, start.EffectiveGrouping);
        Assert.Equal(MessageStatsGrouping.Yearly, grouped.Grouping);
        Assert.Null(grouped.CreatedFromDate);
        Assert.Equal(MessageStatsGrouping.Hourly, regrouped.EffectiveGrouping);
        Assert.Equal(new DateOnly(2024, 3, 1), regrouped.CreatedFromDate);
        Assert.Equal("""{"message":"m","grouping":"hourly","created_on":{"FROM":"2024-03-01"}}""", Conditions(regrouped));
        Assert.Equal("""{"message":"m"}""", Conditions(start));
    }

    [Theory]
    [InlineData(MessageStatsGrouping.Hourly, "hourly")]
    [InlineData(MessageStatsGrouping.Daily, "daily")]
    [InlineData(MessageStatsGrouping.Monthly, "monthly")]
    [InlineData(MessageStatsGrouping.Yearly, "yearly")]
    public void Each_grouping_is_sent_by_its_wire_name(MessageStatsGrouping grouping, string wire)
    {
        Assert.Equal($$"""{"message":"m","grouping":"{{wire}}"}""", Conditions(MessageStatsQuery.ForMessage("m").GroupedBy(grouping)));
    }

    [Fact]
    public void Dates_are_written_in_the_invariant_culture_whatever_the_current_one()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("th-TH"); // Buddhist calendar
            var query = MessageStatsQuery.ForMessage("m").CreatedOn(new(2024, 1, 15));
            Assert.Equal("""{"message":"m","created_on":{"AT":"2024-01-15"}}""", Conditions(query));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToString_describes_the_query()
    {
        Assert.Equal("Message stats for m, default grouping (daily)", MessageStatsQuery.ForMessage("m").ToString());
        Assert.Equal(
            "Message stats for m, monthly, created_on FROM 2024-01-01 AND TO 2024-12-31",
            MessageStatsQuery.ForMessage("m").GroupedBy(MessageStatsGrouping.Monthly).CreatedFrom(new(2024, 1, 1)).CreatedTo(new(2024, 12, 31)).ToString());
    }

    [Fact]
    public async Task The_client_refuses_a_null_query_before_sending()
    {
        var handler = new CountingHandler();
        var client = new MessageStatsClient(handler.CreateClient(), new JsonRpcMessagesOptions { ApiKey = "k" });

        var e = await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetMessageStatsAsync(null!));

        Assert.Equal("query", e.ParamName);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call_before_sending()
    {
        var handler = new CountingHandler();
        var client = new MessageStatsClient(handler.CreateClient(), new JsonRpcMessagesOptions { ApiKey = "k" });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetMessageStatsAsync(MessageStatsQuery.ForMessage("m"), cts.Token));

        Assert.Equal(0, handler.Count);
    }
}
