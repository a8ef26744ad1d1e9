using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary><c>GET v3/stats/total</c> against the fixtures.</summary>
public sealed class AccountTotalsTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task Range_with_monthly_resolution_reads_the_envelope_and_every_counter()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed)
            .Between(Utc(2012, 2, 14), Utc(2012, 4, 1))
            .WithResolution(MailgunResolution.Month);

        var result = await server.CreateClient().GetAccountTotalsAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.StartsWith("?event=accepted&event=delivered&event=failed&start=", server.LastRawQuery);
        Assert.Equal(Utc(2012, 2, 14), result.Start);
        Assert.Equal(Utc(2012, 4, 1), result.End);
        Assert.Equal(MailgunResolution.Month, result.Resolution);
        Assert.Equal("Optional Description", result.Description);
        Assert.Null(result.Tag);
        Assert.Empty(result.AdditionalData);
        Assert.Equal(2, result.Stats.Count);

        var february = result.Stats[0];
        Assert.Equal(Utc(2012, 2, 14), february.Time);
        Assert.Equal(new MailgunAcceptedStats { Incoming = 5, Outgoing = 10, Total = 15 }, february.Accepted);
        Assert.Equal(new MailgunDeliveredStats { Smtp = 15, Http = 5, Optimized = 5, Total = 20 }, february.Delivered);

        var temporary = february.Failed!.Temporary!;
        Assert.Equal(1, temporary.Total);
        Assert.Equal(new Dictionary<string, long> { ["espblock"] = 1 }, temporary.Reasons);

        var permanent = february.Failed.Permanent!;
        Assert.Equal(10, permanent.Total);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["bounce"] = 4, ["delayed-bounce"] = 1, ["suppress-bounce"] = 1, ["suppress-unsubscribe"] = 2, ["suppress-complaint"] = 3,
            },
            permanent.Reasons);
        Assert.Equal(3, permanent["suppress-complaint"]);

        // Events not asked for are absent, not zero.
        Assert.Null(february.Opened);
        Assert.Null(february.Clicked);
        Assert.Null(february.Stored);
        Assert.Null(february.Unsubscribed);
        Assert.Null(february.Complained);
    }

    [Fact]
    public async Task Sparse_sub_objects_read_missing_counters_as_zero_and_missing_failure_kinds_as_null()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed)
            .Between(Utc(2012, 2, 14), Utc(2012, 4, 1))
            .WithResolution(MailgunResolution.Month);

        var march = (await server.CreateClient().GetAccountTotalsAsync(query)).Stats[1];

        Assert.Equal(Utc(2012, 3, 1), march.Time);
        Assert.Equal(new MailgunDeliveredStats { Smtp = 6, Http = 0, Optimized = 0, Total = 6 }, march.Delivered);
        Assert.Null(march.Failed!.Temporary);
        Assert.Equal(1, march.Failed.Permanent!.Total);
        Assert.Equal(0, march.Failed.Permanent["espblock"]);
    }

    [Fact]
    public async Task Last_days_ending_at_a_date_reads_daily_items_with_only_the_events_asked_for()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked)
            .Last(MailgunDuration.Days(7))
            .Ending(Utc(2024, 9, 8))
            .WithResolution(MailgunResolution.Day);

        var result = await server.CreateClient().GetAccountTotalsAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("?event=delivered&event=opened&event=clicked&end=Sun%2C%2008%20Sep%202024%2000%3A00%3A00%20%2B0000&resolution=day&duration=7d", server.LastRawQuery);
        Assert.Equal(Utc(2024, 9, 1), result.Start);
        Assert.Equal(Utc(2024, 9, 8), result.End);
        Assert.Equal(MailgunResolution.Day, result.Resolution);
        Assert.Equal("", result.Description);

        var second = result.Stats[1];
        Assert.Equal(Utc(2024, 9, 2), second.Time);
        Assert.Equal(new MailgunDeliveredStats { Smtp = 98, Http = 2, Optimized = 0, Total = 100 }, second.Delivered);
        Assert.Equal(new MailgunEngagementStats { Total = 40, Unique = 33 }, second.Opened);
        Assert.Equal(new MailgunEngagementStats { Total = 5, Unique = 5 }, second.Clicked);
        Assert.Null(second.Accepted);
        Assert.Null(second.Failed);
    }

    [Fact]
    public async Task A_duration_in_months_is_sent_with_m_and_times_keep_their_offsets()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Stored).Last(MailgunDuration.Months(3));

        var result = await server.CreateClient().GetAccountTotalsAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("?event=stored&duration=3m", server.LastRawQuery);
        Assert.Equal([3L, 0L, 4L], result.Stats.Select(s => s.Stored!.Total));

        var plusTwo = result.Stats[0].Time!.Value;
        Assert.Equal(TimeSpan.FromHours(2), plusTwo.Offset);
        Assert.Equal(Utc(2024, 6, 1), plusTwo);

        var minusFive = result.Stats[1].Time!.Value;
        Assert.Equal(TimeSpan.FromHours(-5), minusFive.Offset);
        Assert.Equal(Utc(2024, 7, 1), minusFive);

        // Unix epoch seconds are read too (1722470400 = 1 Aug 2024 00:00 UTC).
        Assert.Equal(Utc(2024, 8, 1), result.Stats[2].Time);
    }
}
