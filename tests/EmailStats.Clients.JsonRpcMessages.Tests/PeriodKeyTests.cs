using System.Text.Json;
using EmailStats.Clients.JsonRpcMessages.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class PeriodKeyTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public async Task Daily_keys_answered_to_an_hourly_query_are_refused_not_misread()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-key-mismatch").GroupedBy(MessageStatsGrouping.Hourly)));

        Assert.True(server.LastRequestMatched);
        Assert.Contains("the period key '2024-01-01' does not match the hourly grouping (expected YYYY-MM-DD HH)", e.Message);
    }

    [Fact]
    public async Task A_monthly_key_among_daily_keys_is_refused()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-key-mismatch").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.Contains("the period key '2024-01' does not match the daily grouping (expected YYYY-MM-DD)", e.Message);
    }

    [Theory]
    [InlineData(MessageStatsGrouping.Daily, "2024-02-30")]
    [InlineData(MessageStatsGrouping.Hourly, "2024-02-01 24")]
    public async Task Keys_that_are_no_real_date_are_refused(MessageStatsGrouping grouping, string key)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-key-invalid").GroupedBy(grouping)));

        Assert.True(server.LastRequestMatched);
        Assert.Contains($"the period key '{key}' does not match", e.Message);
    }

    [Fact]
    public async Task A_counter_that_is_not_a_number_is_refused_naming_the_period()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-bad-counter").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.IsAssignableFrom<JsonException>(e.InnerException);
        Assert.Contains("the period '2024-01-01' has an unreadable counter: A counter 'sent' sent as a string must hold a whole number", e.Message);
    }

    [Fact]
    public async Task A_period_that_is_not_an_object_is_refused()
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-bad-period").GroupedBy(MessageStatsGrouping.Daily)));

        Assert.Contains("the period '2024-01-01' is a number; expected an object of counters", e.Message);
    }

    [Theory]
    [InlineData(MessageStatsGrouping.Hourly, "2010-01-01 00", 2010, 1, 1, 0)]
    [InlineData(MessageStatsGrouping.Hourly, "2024-02-29 23", 2024, 2, 29, 23)]
    [InlineData(MessageStatsGrouping.Daily, "2010-12-31", 2010, 12, 31, 0)]
    [InlineData(MessageStatsGrouping.Monthly, "0001-01", 1, 1, 1, 0)]
    [InlineData(MessageStatsGrouping.Yearly, "9999", 9999, 1, 1, 0)]
    public void Valid_keys_parse_to_their_start(MessageStatsGrouping grouping, string key, int year, int month, int day, int hour)
    {
        Assert.True(PeriodKey.TryParse(key, grouping, out var start));
        Assert.Equal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified), start);
    }

    [Theory]
    [InlineData(MessageStatsGrouping.Hourly, "2010-01-01T00")]
    [InlineData(MessageStatsGrouping.Hourly, "2010-01-01 0")]
    [InlineData(MessageStatsGrouping.Hourly, "2010-01-01 00:00")]
    [InlineData(MessageStatsGrouping.Daily, "2010-1-01")]
    [InlineData(MessageStatsGrouping.Daily, "2023-02-29")]
    [InlineData(MessageStatsGrouping.Daily, "2010/01/01")]
    [InlineData(MessageStatsGrouping.Daily, " 2010-01-01")]
    [InlineData(MessageStatsGrouping.Daily, "２０１０-01-01")]
    [InlineData(MessageStatsGrouping.Monthly, "2010-13")]
    [InlineData(MessageStatsGrouping.Monthly, "2010-00")]
    [InlineData(MessageStatsGrouping.Monthly, "2010-01-01")]
    [InlineData(MessageStatsGrouping.Yearly, "0000")]
    [InlineData(MessageStatsGrouping.Yearly, "10000")]
    [InlineData(MessageStatsGrouping.Yearly, "-201")]
    [InlineData(MessageStatsGrouping.Yearly, "")]
    public void Keys_off_the_grouping_pattern_do_not_parse(MessageStatsGrouping grouping, string key)
    {
        Assert.False(PeriodKey.TryParse(key, grouping, out _));
    }
}
