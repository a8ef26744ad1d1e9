namespace EmailStats.Clients.JsonRpcMessages.Tests;

public sealed class CreatedOnTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    [Fact]
    public async Task From_and_to_are_sent_as_uppercase_operators_with_iso_dates()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(
            MessageStatsQuery.ForMessage("msg-range").GroupedBy(MessageStatsGrouping.Daily).CreatedFrom(new(2024, 1, 1)).CreatedTo(new(2024, 1, 31)));

        Assert.Equal("""{"message":"msg-range","grouping":"daily","created_on":{"FROM":"2024-01-01","TO":"2024-01-31"}}""", server.LastConditions);
        Assert.Equal(["2024-01-02", "2024-01-30"], stats.Select(p => p.Key));
        Assert.Equal([10L, 20], stats.Select(p => p.Sent));
    }

    [Fact]
    public async Task From_alone()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-range").CreatedFrom(new(2024, 2, 1)));

        Assert.Equal("""{"message":"msg-range","created_on":{"FROM":"2024-02-01"}}""", server.LastConditions);
        Assert.Equal(31, Assert.Single(stats).Sent);
    }

    [Fact]
    public async Task To_alone()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-range").CreatedTo(new(2023, 12, 31)));

        Assert.Equal("""{"message":"msg-range","created_on":{"TO":"2023-12-31"}}""", server.LastConditions);
        var period = Assert.Single(stats);
        Assert.Equal(32, period.Sent);
        Assert.Equal(new DateTime(2023, 12, 31), period.Start);
    }

    [Fact]
    public async Task At_alone_with_hourly_grouping()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(
            MessageStatsQuery.ForMessage("msg-range").GroupedBy(MessageStatsGrouping.Hourly).CreatedOn(new(2024, 1, 15)));

        Assert.Equal("""{"message":"msg-range","grouping":"hourly","created_on":{"AT":"2024-01-15"}}""", server.LastConditions);
        var period = Assert.Single(stats);
        Assert.Equal("2024-01-15 08", period.Key);
        Assert.Equal(new DateTime(2024, 1, 15, 8, 0, 0), period.Start);
        Assert.Equal(33, period.Sent);
    }

    [Fact]
    public async Task All_three_operators_together()
    {
        var stats = await server.CreateClient().GetMessageStatsAsync(
            MessageStatsQuery.ForMessage("msg-range").GroupedBy(MessageStatsGrouping.Monthly)
                .CreatedOn(new(2024, 6, 15)).CreatedFrom(new(2024, 1, 1)).CreatedTo(new(2024, 12, 31)));

        Assert.Equal(
            """{"message":"msg-range","grouping":"monthly","created_on":{"FROM":"2024-01-01","TO":"2024-12-31","AT":"2024-06-15"}}""",
            server.LastConditions);
        var period = Assert.Single(stats);
        Assert.Equal(new DateTime(2024, 6, 1), period.Start);
        Assert.Equal(34, period.Sent);
    }
}
