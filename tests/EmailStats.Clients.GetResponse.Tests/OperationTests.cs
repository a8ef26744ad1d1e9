using static EmailStats.Clients.GetResponse.Tests.Fixture;

namespace EmailStats.Clients.GetResponse.Tests;

/// <summary>Every statistics call against its fixture: the request matched, and every value read.</summary>
public sealed class OperationTests(GetResponseServer server) : IClassFixture<GetResponseServer>
{
    private readonly GetResponseStatsClient _client = server.CreateClient();

    private static GetResponseStatsQuery Days(DateOnly from, DateOnly to) => GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(from, to);

    [Fact]
    public async Task A_newsletters_days_read_every_counter_strings_included()
    {
        var page = await _client.GetNewsletterStatsAsync("N1", Days(Day(11, 1), Day(11, 3)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal((1, 1, 3L), (page.CurrentPage, page.TotalPages, page.TotalCount));
        Assert.Equal([Utc(11, 1), Utc(11, 2), Utc(11, 3)], page.Items.Select(p => p.TimeInterval.Start));
        Assert.All(page.Items, p => Assert.Equal(p.TimeInterval.Start.AddDays(1), p.TimeInterval.End));
        var first = page.Items[0];
        Assert.Equal(
            (1200L, 604L, 400L, 154L, 120L, 4L, 2L, 1L, 5L, 24L, 0L),
            (first.Sent!.Value, first.TotalOpened!.Value, first.UniqueOpened!.Value, first.TotalClicked!.Value, first.UniqueClicked!.Value, first.Goals!.Value,
                first.UniqueGoals!.Value, first.Forwarded!.Value, first.Unsubscribed!.Value, first.Bounced!.Value, first.Complaints!.Value));
        Assert.Null(first.TotalHumanOpened);
    }

    [Fact]
    public async Task Human_counts_the_documented_misspelling_and_unknown_fields_are_read()
    {
        var page = await _client.GetNewsletterStatsAsync("N1", Days(Day(11, 1), Day(11, 3)));

        var second = page.Items[1];
        Assert.Equal((147L, 97L, 38L, 29L), (second.TotalHumanOpened!.Value, second.UniqueHumanOpened!.Value, second.TotalHumanClicked!.Value, second.UniqueHumanClicked!.Value));
        Assert.Equal(3, second.Unsubscribed);
        Assert.False(second.AdditionalData.ContainsKey("unsubsribed"));
        Assert.Equal(11, second.AdditionalData["predictedOpened"].GetInt32());
        Assert.Equal(0, page.Items[2].Sent);
    }

    [Fact]
    public async Task The_total_reads_the_documented_interval_as_a_start_and_a_calendar_length()
    {
        var page = await _client.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total));

        Assert.True(server.LastRequestMatched);
        var interval = Assert.Single(page.Items).TimeInterval;
        Assert.Equal(new GetResponseTimeInterval(new DateTimeOffset(2014, 9, 20, 0, 0, 0, TimeSpan.Zero), 0, 2, 18, TimeSpan.FromHours(10)), interval);
        Assert.Equal(new DateTimeOffset(2014, 12, 8, 10, 0, 0, TimeSpan.Zero), interval.End);
        Assert.Equal("2014-09-20T00:00:00Z/P2M18DT10H", interval.ToString());
    }

    [Fact]
    public async Task Fields_leave_the_other_counters_null()
    {
        var page = await _client.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).WithFields("sent", "uniqueOpened"));

        Assert.True(server.LastRequestMatched);
        var total = Assert.Single(page.Items);
        Assert.Equal((5000L, 1666L), (total.Sent!.Value, total.UniqueOpened!.Value));
        Assert.Null(total.TotalOpened);
        Assert.Null(total.Bounced);
        Assert.Null(page.TotalPages);
    }

    [Fact]
    public async Task A_getresponse_max_account_sends_its_domain()
    {
        var page = await server.CreateClient(domain: "example.com").GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("example.com", server.Requests[^1].RequestMessage.Headers!["X-Domain"].Single());
        Assert.Equal(777, Assert.Single(page.Items).Sent);
    }

    [Fact]
    public async Task Every_page_is_walked_in_order_until_the_last()
    {
        var before = server.Requests.Count;
        var hours = new List<GetResponseStatsPeriod>();
        await foreach (var hour in _client.GetAllNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).CreatedBetween(Day(11, 5), null).WithPageSize(2)))
        {
            hours.Add(hour);
        }

        Assert.Equal(before + 3, server.Requests.Count);
        Assert.Equal([8, 9, 10, 11, 12], hours.Select(h => h.TimeInterval.Start.Hour));
        Assert.Equal([108L, 109L, 110L, 111L, 112L], hours.Select(h => h.Sent!.Value));
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromHours(1), h.TimeInterval.Time));
    }

    [Fact]
    public async Task One_page_of_many_is_the_page_asked_for()
    {
        var page = await _client.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).CreatedBetween(Day(11, 5), null).WithPageSize(2).AtPage(2));

        Assert.True(server.LastRequestMatched);
        Assert.Equal((2, 3, 5L), (page.CurrentPage, page.TotalPages, page.TotalCount));
        Assert.Equal([10, 11], page.Items.Select(h => h.TimeInterval.Start.Hour));
    }

    [Fact]
    public async Task A_server_that_repeats_a_page_stops_the_walk_with_a_typed_error()
    {
        var seen = new List<GetResponseStatsPeriod>();
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(async () =>
        {
            await foreach (var month in _client.GetAllNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).WithPageSize(2)))
            {
                seen.Add(month);
            }
        });

        Assert.Equal(2, seen.Count);
        Assert.Contains("the page at 2 starts with the same item as the page before", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsletters_named_by_id_are_summed_per_day()
    {
        var page = await _client.GetNewslettersStatsAsync(Days(Day(11, 1), Day(11, 2)).ForNewsletters("N1", "N2"));

        Assert.True(server.LastRequestMatched);
        Assert.Equal("N1,N2", server.Requests[^1].RequestMessage.Query!["query%5BnewsletterId%5D"].Single());
        Assert.Equal([1500L, 700L], page.Items.Select(p => p.Sent!.Value));
    }

    [Fact]
    public async Task A_campaigns_newsletters_by_month()
    {
        var months = new List<GetResponseStatsPeriod>();
        await foreach (var month in _client.GetAllNewslettersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForCampaigns("V")))
        {
            months.Add(month);
        }

        Assert.Equal([(10, 40000L), (11, 52000L)], months.Select(m => (m.TimeInterval.Start.Month, m.Sent!.Value)));
        Assert.All(months, m => Assert.Equal(1, m.TimeInterval.Months));
    }

    [Fact]
    public async Task Every_newsletter_without_a_filter()
    {
        var page = await _client.GetNewslettersStatsAsync(Days(Day(11, 10), Day(11, 11)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([9000L, 8000L], page.Items.Select(p => p.Sent!.Value));
    }

    [Fact]
    public async Task An_autoresponders_days()
    {
        var page = await _client.GetAutoresponderStatsAsync("A1", Days(Day(11, 1), Day(11, 2)));

        Assert.True(server.LastRequestMatched);
        Assert.Equal([(40L, 2L), (35L, 1L)], page.Items.Select(p => (p.Sent!.Value, p.Unsubscribed!.Value)));
    }

    [Fact]
    public async Task Autoresponders_by_id_and_by_campaign()
    {
        var total = await _client.GetAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).ForAutoresponders("A1", "A2"));
        var months = new List<GetResponseStatsPeriod>();
        await foreach (var month in _client.GetAllAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForCampaigns("V")))
        {
            months.Add(month);
        }

        Assert.Equal((9100L, 11), (total.Items[0].Sent!.Value, total.Items[0].TimeInterval.Months));
        Assert.Equal(1200, Assert.Single(months).Sent);
    }

    [Fact]
    public async Task The_key_travels_as_an_api_key_token_only()
    {
        await _client.GetAutoresponderStatsAsync("A1", Days(Day(11, 1), Day(11, 2)));

        var request = server.Requests[^1].RequestMessage;
        Assert.Equal("api-key " + ApiKey, request.Headers!["X-Auth-Token"].Single());
        Assert.DoesNotContain(ApiKey, request.Url, StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("X-Domain"));
    }
}
