using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary><c>GET v3/stats/filter</c> and <c>GET v3/stats/total/domains</c> against the fixtures.</summary>
public sealed class FilteredTotalsTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    [Fact]
    public async Task Filter_and_group_are_sent_and_the_grouping_key_is_kept()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Failed)
            .Between(Utc(2024, 9, 1), Utc(2024, 10, 1))
            .WithResolution(MailgunResolution.Month)
            .WithFilter("domain:mg.example.com")
            .GroupBy(MailgunGroup.Domain);

        var result = await server.CreateClient().GetFilteredTotalsAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.EndsWith("&filter=domain%3Amg.example.com&group=domain", server.LastRawQuery);
        var item = Assert.Single(result.Stats);
        Assert.Null(item.Time);
        Assert.Equal("mg.example.com", item.AdditionalData["domain"].GetString());
        Assert.Equal(new MailgunDeliveredStats { Smtp = 900, Http = 100, Optimized = 0, Total = 1000 }, item.Delivered);
        Assert.Equal(0, item.Failed!.Temporary!.Total);
        Assert.Empty(item.Failed.Temporary.Reasons);
        Assert.Equal(12, item.Failed.Permanent!["bounce"]);
    }

    [Fact]
    public async Task Group_without_filter_reads_one_item_per_group()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Clicked).Last(MailgunDuration.Months(1)).GroupBy(MailgunGroup.Country);

        var result = await server.CreateClient().GetFilteredTotalsAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.Equal(["us", "de"], result.Stats.Select(s => s.AdditionalData["country"].GetString()));
        Assert.Equal([30L, 4L], result.Stats.Select(s => s.Clicked!.Total));
        Assert.Equal([25L, 4L], result.Stats.Select(s => s.Clicked!.Unique));
        Assert.All(result.Stats, s => Assert.Null(s.Delivered));
    }

    [Fact]
    public async Task Totals_by_domain_send_timestamp_limit_and_resolution()
    {
        var query = MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Failed)
            .At(Utc(2024, 9, 1))
            .WithLimit(2)
            .WithResolution(MailgunResolution.Month);

        var result = await server.CreateClient().GetTotalsByDomainAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("?event=delivered&event=failed&timestamp=Sun%2C%2001%20Sep%202024%2000%3A00%3A00%20%2B0000&limit=2&resolution=month", server.LastRawQuery);
        Assert.Equal("Totals of account domains", result.Description);
        Assert.Equal(["mg.example.com", "news.example.com"], result.Stats.Select(s => s.AdditionalData["domain"].GetString()));
        Assert.Equal([500L, 21L], result.Stats.Select(s => s.Delivered!.Total));
        Assert.Equal(3, result.Stats[0].Failed!.Temporary!["espblock"]);
        Assert.Equal(2, result.Stats[1].Failed!.Permanent!["suppress-bounce"]);
        Assert.Equal(Utc(2024, 10, 1), result.End);
    }

    [Fact]
    public async Task Totals_by_domain_without_limit_or_resolution_send_neither()
    {
        var query = MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Accepted).At(new DateTimeOffset(2024, 9, 2, 2, 0, 0, TimeSpan.FromHours(2)));

        var result = await server.CreateClient().GetTotalsByDomainAsync(query);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("?event=accepted&timestamp=Mon%2C%2002%20Sep%202024%2000%3A00%3A00%20%2B0000", server.LastRawQuery);
        Assert.Equal(new MailgunAcceptedStats { Incoming = 1, Outgoing = 9, Total = 10 }, Assert.Single(result.Stats).Accepted);
        Assert.Equal(MailgunResolution.Day, result.Resolution);
    }
}
