namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The provider-neutral adapter: every mapping proved on fixture data.</summary>
public sealed class EmailStatsSourceTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    [Fact]
    public async Task A_domains_days_map_field_by_field_and_a_missing_day_reads_as_zero()
    {
        var source = new MailgunEmailStatsSource(server.CreateClient(), "mg.example.com", route: MailgunStatsRoute.V3Stats);

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(2));

        Assert.True(server.LastRequestMatched);
        Assert.Equal(new DailyEmailMetrics
        {
            Provider = "Mailgun", Source = "domain mg.example.com", Date = Jan1,
            Sent = 120, Delivered = 114, Opens = 60, UniqueOpens = 41, Clicks = 22, UniqueClicks = 15, Bounces = 10 - 1 - 2 - 1, Complaints = 1, Unsubscribes = 2,
            IsComplete = true,
        }, days[0]);
        Assert.All(days, d => Assert.True(d.HardBounces is null && d.SoftBounces is null));
        Assert.Equal(Jan1.AddDays(1), days[1].Date);
        Assert.Equal(0, days[1].Sent);
        Assert.Equal(0, days[1].Complaints);
        Assert.Equal(30, days[2].Sent);
        Assert.Equal(29, days[2].Delivered);
        Assert.Equal(8, days[2].UniqueOpens);
        Assert.Equal(0, days[2].Bounces);
        Assert.Equal(TimeZoneInfo.Utc, source.TimeZone);
    }

    [Fact]
    public async Task The_whole_account_reads_from_the_account_totals()
    {
        var source = new MailgunEmailStatsSource(server.CreateClient(), route: MailgunStatsRoute.V3Stats);

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(2));

        Assert.Equal("account", source.Name);
        Assert.Equal([120L, 0L, 0L], days.Select(d => d.Sent!.Value));
        Assert.Equal("/v3/stats/total", server.Requests[^1].RequestMessage.Path);
    }

    [Fact]
    public async Task An_empty_domain_is_refused_and_errors_pass_through()
    {
        Assert.Throws<ArgumentException>(() => new MailgunEmailStatsSource(server.CreateClient(), " "));
        var wrongKey = new MailgunEmailStatsSource(server.CreateClient("wrong-key"), "mg.example.com", route: MailgunStatsRoute.V3Stats);

        await Assert.ThrowsAsync<EmailStatsApiException>(() => wrongKey.GetDailyMetricsAsync(Jan1, Jan1.AddDays(2)));
    }
}
