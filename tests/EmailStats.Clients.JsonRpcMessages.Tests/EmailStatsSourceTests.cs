namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>The provider-neutral adapter: every mapping proved on fixture data.</summary>
public sealed class EmailStatsSourceTests(MessageStatsServer server) : IClassFixture<MessageStatsServer>
{
    private static readonly DateOnly March1 = new(2024, 3, 1);

    [Fact]
    public async Task A_messages_days_map_field_by_field_bounces_and_complaints_summed()
    {
        var source = new MessageEmailStatsSource(server.CreateClient(), "msg-adapter");

        var days = await source.GetDailyMetricsAsync(March1, March1.AddDays(2));

        // The whole history is asked for, without created_on (API 1.5: the contacts' creation date, not the activity's
        // day), and the periods outside the range (29 February, 4 March) are left out.
        Assert.Equal("""{"message":"msg-adapter","grouping":"daily"}""", server.LastConditions);
        Assert.Equal([March1, March1.AddDays(1), March1.AddDays(2)], days.Select(d => d.Date));

        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "JsonRpcMessages", Source = "message msg-adapter", Date = March1,
            Sent = 10, Delivered = null, Opens = 20, UniqueOpens = 30, Clicks = 40, UniqueClicks = 50,
            Bounces = 100 + 110 + 120 + 130 + 140 + 150 + 160 + 170, HardBounces = 380, SoftBounces = 700, Complaints = 180 + 190, Unsubscribes = 90,
            IsComplete = true,
        }, days[0]);
        Assert.Equal(0, days[1].Sent);
        Assert.Null(days[1].Delivered);
        Assert.Equal(7, days[2].Sent);
        Assert.Equal(2, days[2].Opens);
        Assert.Equal(0, days[2].Bounces);
    }

    [Fact]
    public async Task An_empty_message_id_is_refused_and_errors_pass_through()
    {
        Assert.Throws<ArgumentException>(() => new MessageEmailStatsSource(server.CreateClient(), ""));
        var wrongKey = new MessageEmailStatsSource(server.CreateClient("wrong-key"), "msg-adapter");

        await Assert.ThrowsAsync<EmailStatsApiException>(() => wrongKey.GetDailyMetricsAsync(March1, March1.AddDays(3)));
    }
}
