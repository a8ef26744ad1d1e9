using System.Text.Json;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary><c>GET v3/{domain}/stats/total</c> against the fixtures.</summary>
public sealed class DomainTotalsTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    private static readonly MailgunStatsQuery EveryEventHourly = MailgunStatsQuery.ForEvents(Enum.GetValues<MailgunEvent>())
        .Last(MailgunDuration.Hours(24))
        .WithResolution(MailgunResolution.Hour);

    [Fact]
    public async Task Every_event_reads_into_its_typed_sub_object()
    {
        var result = await server.CreateClient().GetDomainTotalsAsync(Domain, EveryEventHourly);

        Assert.True(server.LastRequestMatched);
        Assert.Equal("Hourly stats of mg.example.com", result.Description);
        Assert.Equal("newsletter", result.Tag);
        Assert.Equal(MailgunResolution.Hour, result.Resolution);

        var item = Assert.Single(result.Stats);
        Assert.Equal(Utc(2024, 9, 1, 10), item.Time);
        Assert.Equal(new MailgunAcceptedStats { Incoming = 2, Outgoing = 40, Total = 42 }, item.Accepted);
        Assert.Equal(39, item.Delivered!.Total);
        Assert.Equal(1, item.Delivered.Optimized);
        Assert.Equal(2, item.Failed!.Temporary!["espblock"]);
        Assert.Equal(2, item.Failed.Permanent!.Total);
        Assert.Equal(1, item.Failed.Permanent["suppress-bounce"]);
        Assert.Equal(5, item.Failed.Permanent.Reasons.Count);
        Assert.Equal(new MailgunEngagementStats { Total = 25, Unique = 20 }, item.Opened);
        Assert.Equal(new MailgunEngagementStats { Total = 7, Unique = 6 }, item.Clicked);
        Assert.Equal(1, item.Unsubscribed!.Total);

        // Sent as zero: a zero, not null.
        Assert.Equal(0, item.Complained!.Total);
        Assert.Equal(0, item.Stored!.Total);
    }

    [Fact]
    public async Task Unknown_fields_are_kept_at_every_level()
    {
        var result = await server.CreateClient().GetDomainTotalsAsync(Domain, EveryEventHourly);

        Assert.Equal("legacy", result.AdditionalData["x-account-age"].GetString());
        var item = result.Stats[0];
        Assert.Equal(42, item.AdditionalData["processed"].GetProperty("total").GetInt32());
        Assert.Equal(0, item.Delivered!.AdditionalData["webhook"].GetInt32());

        var detail = item.Failed!.Permanent!.AdditionalData["detail"];
        Assert.Equal(JsonValueKind.Object, detail.ValueKind);
        Assert.Equal("kept", detail.GetProperty("note").GetString());
        Assert.False(item.Failed.Permanent.Reasons.ContainsKey("detail"));
    }

    [Fact]
    public async Task Empty_stats_with_a_wrong_content_type_read_as_an_empty_list()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Between(Utc(2024, 9, 1), Utc(2024, 9, 3));

        var result = await server.CreateClient().GetDomainTotalsAsync(Domain, query);

        Assert.True(server.LastRequestMatched);
        Assert.Empty(result.Stats);
        Assert.Equal(Utc(2024, 9, 1), result.Start);
        Assert.Equal(Utc(2024, 9, 3), result.End);
        Assert.Equal("", result.Description);
        Assert.Null(result.Tag);
    }
}
