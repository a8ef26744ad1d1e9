using System.Net;
using System.Text.Json;
using EmailStats.Clients.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The Reports (Benchmark Email) client against the sandbox: every operation, consistent data, recorded fixtures, refusals.</summary>
public sealed class ReportsSandboxTests : IClassFixture<SandboxServer>
{
    private static readonly DateTimeOffset EndOfToday = new(SandboxServer.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private readonly EmailStatsSandbox _sandbox;

    public ReportsSandboxTests(SandboxServer server)
    {
        _sandbox = server.Sandbox;
        _sandbox.Faults.Clear();
    }

    public static TheoryData<EmailEventType> EventTypes => [.. Enum.GetValues<EmailEventType>()];

    private ReportsClient Client(string? apiKey = null)
    {
        var options = new ReportsOptions();
        _sandbox.Configure(options);
        options.ApiKey = apiKey ?? options.ApiKey;
        return new ReportsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    [Fact]
    public async Task The_dashboard_agrees_with_the_overall_report_and_the_sum_of_the_histogram_days()
    {
        var client = Client();
        var query = ReportsQuery.PastDays(30);

        var dashboard = await client.GetDashboardAsync(query);
        var overall = await client.GetEmailOverallAsync(query);
        var sent = await client.GetEmailHistogramAsync(query, EmailEventType.EmailSent);
        var opened = await client.GetEmailHistogramAsync(query, EmailEventType.FirstEmailOpened);

        Assert.True(dashboard.Campaign.Sent.Count > 10_000, $"sent {dashboard.Campaign.Sent.Count}");
        Assert.Equal(sent.Histogram.Sum(p => p.Total), dashboard.Campaign.Sent.Count);
        Assert.Equal(overall.Stats.Sent.Count.Value, dashboard.Campaign.Sent.Count);
        Assert.Equal(overall.Stats.Delivered.Count.Value, dashboard.Campaign.Delivered.Count);
        Assert.Equal(opened.Histogram.Sum(p => p.Total), dashboard.Campaign.UniqueOpens.Count.Value);
        Assert.Equal(overall.Stats.UniqueClicks.Count.Value, dashboard.Campaign.UniqueClicks.Count.Value);
        Assert.Equal(Percent(dashboard.Campaign.UniqueOpens.Count.Value, dashboard.Campaign.Delivered.Count), dashboard.Campaign.UniqueOpens.Rate!.Value);
        Assert.Equal(overall.Stats.UniqueOpens.Rate!.Value, dashboard.Campaign.UniqueOpens.Rate.Value);
        Assert.Equal(overall.Stats.Sent.Count.Diff, dashboard.Campaign.Sent.Diff);

        // Contacts: one point per day, the count being the last point, compared with the day before the window.
        var contacts = dashboard.Contact.Histogram.Histogram;
        Assert.Equal(30, contacts.Count);
        Assert.Equal(contacts[^1].Total, dashboard.Contact.Count.Value);
        Assert.Equal(contacts.Max(p => p.Total), dashboard.Contact.Histogram.Peak!.Total);
        Assert.InRange(dashboard.Contact.Count.Value, 4_000, 10_000);
    }

    [Fact]
    public async Task Overall_stats_compare_with_the_preceding_period_of_the_same_length()
    {
        var client = Client();

        var overall = await client.GetEmailOverallAsync(ReportsQuery.PastDays(14));
        var days = (await client.GetEmailHistogramAsync(ReportsQuery.PastDays(28), EmailEventType.EmailBounced)).Histogram;
        var delivered = (await client.GetEmailHistogramAsync(ReportsQuery.PastDays(28), EmailEventType.EmailDelivered)).Histogram;

        var hard = overall.Stats.HardBounces;
        Assert.Equal(days.Skip(14).Sum(p => p.Detail!.Hard!.Value), hard.Count.Value);
        Assert.Equal(days.Take(14).Sum(p => p.Detail!.Hard!.Value), hard.Count.Prev);
        Assert.Equal(Math.Round((hard.Count.Value - hard.Count.Prev!.Value) * 100.0 / hard.Count.Prev.Value, 2), hard.Count.Diff);
        Assert.Equal(Percent(hard.Count.Value, delivered.Skip(14).Sum(p => p.Total)), hard.Rate!.Value);
        Assert.Equal(Percent(hard.Count.Prev.Value, delivered.Take(14).Sum(p => p.Total)), hard.Rate.Prev);
        Assert.Equal(overall.Stats.HardBounces.Count.Value + overall.Stats.SoftBounces.Count.Value, overall.Stats.TotalBounces.Count.Value);
        Assert.Equal(overall.Stats.Sent.Count.Value, overall.Stats.Delivered.Count.Value + overall.Stats.TotalBounces.Count.Value);
        Assert.Null(overall.Stats.Sent.Rate);
        Assert.InRange(overall.DeliveryTimeStats.Morning + overall.DeliveryTimeStats.Afternoon + overall.DeliveryTimeStats.Evening + overall.DeliveryTimeStats.Night, 99.9, 100.1);
        Assert.NotEmpty(overall.CampaignComparison);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Every_event_type_has_one_bucket_per_day_ending_today(EmailEventType eventType)
    {
        var histogram = await Client().GetEmailHistogramAsync(ReportsQuery.PastDays(60), eventType);
        var overall = (await Client().GetEmailOverallAsync(ReportsQuery.PastDays(60))).Stats;

        var points = histogram.Histogram;
        Assert.Equal(60, points.Count);
        Assert.Equal(EndOfToday.AddDays(-1), points[^1].Date);
        Assert.Equal(EndOfToday.AddDays(-60), histogram.Start);
        Assert.Equal(EndOfToday, histogram.End);
        Assert.Equal(points.Max(p => p.Total), histogram.Peak!.Total);
        Assert.Equal(TimeSpan.FromDays(1), histogram.Peak.EndDate - histogram.Peak.StartDate);
        var expected = eventType switch
        {
            EmailEventType.EmailSent => overall.Sent,
            EmailEventType.EmailDelivered => overall.Delivered,
            EmailEventType.EmailBounced => overall.TotalBounces,
            EmailEventType.FirstContactUnsubscribed => overall.Unsubscribes,
            EmailEventType.FirstEmailComplaint => overall.Complaints,
            EmailEventType.FirstEmailOpened => overall.UniqueOpens,
            _ => overall.UniqueClicks,
        };
        Assert.Equal(expected.Count.Value, points.Sum(p => p.Total));
        Assert.True(points.Sum(p => p.Total) > 0);
        if (eventType == EmailEventType.EmailBounced)
        {
            Assert.All(points, p => Assert.Equal(p.Total, p.Detail!.Hard + p.Detail.Soft));
        }
        else
        {
            Assert.All(points, p => Assert.Null(p.Detail));
        }
    }

    [Theory]
    [InlineData("America/New_York", -5)]
    [InlineData("Asia/Kolkata", 5.5)]
    [InlineData("Europe/Paris", 1)]
    public async Task A_time_zone_moves_the_buckets_to_its_local_days_and_keeps_the_totals(string zone, double offsetHours)
    {
        var client = Client();
        var query = ReportsQuery.PastDays(7).InTimeZone(zone);

        var histogram = await client.GetEmailHistogramAsync(query, EmailEventType.FirstEmailOpened);
        var overall = await client.GetEmailOverallAsync(query);
        var utc = await client.GetEmailHistogramAsync(ReportsQuery.PastDays(7), EmailEventType.FirstEmailOpened);

        Assert.Equal(7, histogram.Histogram.Count);
        // The zone's today by the sandbox's clock (the last second of Today, UTC): a zone ahead of UTC is in the next day.
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_sandbox.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        Assert.Equal(offsetHours > 0 ? SandboxServer.Today.AddDays(1) : SandboxServer.Today, localToday);
        Assert.Equal(new DateTimeOffset(localToday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(offsetHours)), histogram.End);
        Assert.All(histogram.Histogram.Zip(histogram.Histogram.Skip(1)), pair => Assert.Equal(TimeSpan.FromDays(1), pair.Second.Date - pair.First.Date));
        Assert.Equal(overall.Stats.UniqueOpens.Count.Value, histogram.Histogram.Sum(p => p.Total));
        Assert.NotEqual(utc.Histogram.Select(p => p.Total), histogram.Histogram.Select(p => p.Total));
    }

    [Fact]
    public async Task The_campaign_list_pages_through_every_campaign_with_status_filters_and_sorting()
    {
        var client = Client();
        var before = _sandbox.RequestCount;

        var all = await client.ListCampaignsAsync(new CampaignListQuery().WithPageSize(10)).ToListAsync();
        var pages = _sandbox.RequestCount - before;
        var sent = await client.ListCampaignsAsync(new CampaignListQuery().WithStatuses("sent").OrderBy("name")).ToListAsync();
        var upcoming = await client.ListCampaignsAsync(new CampaignListQuery().WithStatuses("scheduled", "draft")).ToListAsync();

        Assert.InRange(all.Count, 30, 40);
        Assert.Equal((all.Count + 9) / 10, pages);
        Assert.Equal(_sandbox.Benchmark.CampaignIds, all.Select(c => c.Id));
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
        Assert.All(all, c => Assert.Matches("^[0-9a-f]{24}$", c.Id));
        Assert.Equal(all.OrderByDescending(c => c.CreatedAt).Select(c => c.Id), all.Select(c => c.Id));
        Assert.Equal(sent.Select(c => c.Name).Order(StringComparer.Ordinal), sent.Select(c => c.Name));
        Assert.Equal(_sandbox.Benchmark.SentCampaignIds.Order(), sent.Select(c => c.Id).Order());
        Assert.All(sent, c =>
        {
            var at = ScheduledAt(c);
            Assert.InRange(at, EndOfToday.AddDays(-120), EndOfToday);
            Assert.True(c.SentCount > 1_000);
            Assert.True(c.CreatedAt < at && at < c.UpdatedAt);
        });
        Assert.Equal(2, upcoming.Count(c => c.Status == "scheduled"));
        Assert.Equal(3, upcoming.Count(c => c.Status == "draft"));
        Assert.All(upcoming.Where(c => c.Status == "scheduled"), c => Assert.True(ScheduledAt(c) > EndOfToday));
        Assert.All(upcoming, c => Assert.Equal(0, c.SentCount));
    }

    [Fact]
    public async Task A_campaign_report_is_consistent_and_its_links_add_up_to_its_clicks()
    {
        var client = Client();
        var id = _sandbox.Benchmark.SentCampaignIds[3];

        var report = await client.GetCampaignReportAsync(id);
        var campaign = (await client.ListCampaignsAsync(new CampaignListQuery().WithStatuses("sent").WithPageSize(100)).ToListAsync()).Single(c => c.Id == id);

        var s = report.Stats;
        Assert.Equal(campaign.SentCount, s.Sent);
        Assert.Equal(s.Sent, s.Delivered + s.TotalBounces.Count);
        Assert.Equal(s.HardBounces.Count + s.SoftBounces.Count, s.TotalBounces.Count);
        Assert.Equal(Percent(s.Opens.Unique, s.Delivered), s.Opens.Rate);
        Assert.Equal(Percent(s.Clicks.Unique, s.Delivered), s.Clicks.Rate);
        Assert.Equal(Percent(s.HardBounces.Count, s.Delivered), s.HardBounces.Rate);
        Assert.InRange(s.Opens.Rate, 15, 40);
        Assert.InRange(s.Clicks.Unique, 1, s.Opens.Unique);
        Assert.InRange(s.Opens.Last!.Value, ScheduledAt(campaign), EndOfToday);
        Assert.InRange(report.LinkActivity.Count, 2, 4);
        Assert.Equal(s.Clicks.Unique, report.LinkActivity.Sum(l => l.Clicks.Unique));
        Assert.All(report.LinkActivity, l => Assert.StartsWith("https://", l.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sends_of_a_window_are_the_sends_of_the_campaigns_sent_in_it()
    {
        var client = Client();
        var overall = await client.GetEmailOverallAsync(ReportsQuery.PastDays(45));
        var campaigns = await client.ListCampaignsAsync(new CampaignListQuery().WithStatuses("sent").WithPageSize(100)).ToListAsync();

        var inWindow = campaigns.Where(c => ScheduledAt(c) >= EndOfToday.AddDays(-45)).ToList();
        var reports = await Task.WhenAll(inWindow.Select(c => client.GetCampaignReportAsync(c.Id)));

        Assert.InRange(inWindow.Count, 8, 14);
        Assert.Equal(overall.Stats.Sent.Count.Value, reports.Sum(r => r.Stats.Sent));
        Assert.Equal(overall.Stats.Delivered.Count.Value, reports.Sum(r => r.Stats.Delivered));
        Assert.Equal(overall.Stats.HardBounces.Count.Value, reports.Sum(r => r.Stats.HardBounces.Count));
        Assert.Equal(overall.Stats.SoftBounces.Count.Value, reports.Sum(r => r.Stats.SoftBounces.Count));
        Assert.Equal(Math.Min(10, inWindow.Count), overall.CampaignComparison.Count);
        var newest = overall.CampaignComparison[0];
        Assert.Equal(inWindow.MaxBy(ScheduledAt)!.Id, newest.Id);
        Assert.Equal((await client.GetCampaignReportAsync(newest.Id)).Stats.Opens.Rate, newest.Rates.Opens);
    }

    [Fact]
    public async Task When_the_window_covers_the_whole_history_every_counter_is_the_sum_of_the_campaign_reports()
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 60 });
        var options = new ReportsOptions();
        sandbox.Configure(options);
        var client = new ReportsClient(new HttpClient(sandbox.CreateHandler()), options);

        var overall = (await client.GetEmailOverallAsync(ReportsQuery.PastDays(90).InTimeZone("America/Los_Angeles"))).Stats;
        var reports = await Task.WhenAll(sandbox.Benchmark.SentCampaignIds.Select(id => client.GetCampaignReportAsync(id)));
        var days = (await client.GetEmailHistogramAsync(ReportsQuery.PastDays(90), EmailEventType.EmailSent)).Histogram;

        Assert.Equal(overall.Sent.Count.Value, reports.Sum(r => r.Stats.Sent));
        Assert.Equal(overall.UniqueOpens.Count.Value, reports.Sum(r => r.Stats.Opens.Unique));
        Assert.Equal(overall.UniqueClicks.Count.Value, reports.Sum(r => r.Stats.Clicks.Unique));
        Assert.Equal(overall.Complaints.Count.Value, reports.Sum(r => r.Stats.Complaints));
        Assert.Equal(overall.Unsubscribes.Count.Value, reports.Sum(r => r.Stats.Unsubscribes));
        Assert.Equal(0, overall.Sent.Count.Prev);
        Assert.Equal(100, overall.Sent.Count.Diff);
        Assert.All(days.Take(30), p => Assert.Equal(0, p.Total));
        Assert.True(days.Skip(30).Sum(p => p.Total) > 0);
    }

    [Fact]
    public async Task Engagement_has_hourly_then_daily_buckets_and_a_month_holds_every_open_and_click()
    {
        var client = Client();
        var id = _sandbox.Benchmark.SentCampaignIds[^1];
        var report = await client.GetCampaignReportAsync(id);

        var day = await client.GetCampaignEngagementAsync(id, EngagementPeriod.TwentyFourHours);
        var week = await client.GetCampaignEngagementAsync(id, EngagementPeriod.Week, "Europe/Paris");
        var month = await client.GetCampaignEngagementAsync(id, EngagementPeriod.Month);

        Assert.Equal(24, day.Histogram.Count);
        Assert.Equal(TimeSpan.FromHours(1), day.Histogram[1].Date - day.Histogram[0].Date);
        Assert.Equal(TimeSpan.FromHours(1), day.Peak!.EndDate - day.Peak.StartDate);
        Assert.Equal(7, week.Histogram.Count);
        Assert.Equal(TimeSpan.FromDays(7), week.End - week.Start);
        Assert.Contains(week.Start!.Value.UtcDateTime.Hour, new[] { 22, 23 }); // local midnight in Paris
        Assert.Equal(30, month.Histogram.Count);
        Assert.All(month.Histogram.Concat(week.Histogram).Concat(day.Histogram), p => Assert.Equal(p.Total, p.Detail!.UniqueOpens + p.Detail.UniqueClicks));
        Assert.Equal(report.Stats.Opens.Unique, month.Histogram.Sum(p => p.Detail!.UniqueOpens));
        Assert.Equal(report.Stats.Clicks.Unique, month.Histogram.Sum(p => p.Detail!.UniqueClicks));
        Assert.InRange(day.Histogram.Sum(p => p.Total), week.Histogram[0].Total, week.Histogram.Sum(p => p.Total));
        Assert.True(day.Histogram[0].Total > day.Histogram[^1].Total, "engagement decays after sending");
    }

    [Fact]
    public async Task Unsent_campaigns_report_zero_and_have_no_engagement_unknown_ones_are_not_found()
    {
        var client = Client();
        var draft = _sandbox.Benchmark.CampaignIds.Except(_sandbox.Benchmark.SentCampaignIds).First();

        var report = await client.GetCampaignReportAsync(draft);
        var notSent = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetCampaignEngagementAsync(draft, EngagementPeriod.Week));
        var unknown = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetCampaignReportAsync("5f0000000000000000000000"));

        Assert.Equal(0, report.Stats.Sent);
        Assert.Null(report.Stats.Opens.Last);
        Assert.All(report.LinkActivity, l => Assert.Equal(0, l.Clicks.Total));
        Assert.Equal(HttpStatusCode.BadRequest, notSent.StatusCode);
        Assert.Equal("ValidationError", notSent.ErrorCode);
        Assert.Equal(["campaign has not been sent"], notSent.Errors);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("RecordNotFound", unknown.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_an_unauthorized_error()
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client("not-the-sandbox-key").GetDashboardAsync(ReportsQuery.PastDays(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("UnauthorizedError", e.ErrorCode);
        Assert.Equal(["Invalid or inactive API key"], e.Errors);
    }

    [Theory]
    [InlineData("api/reports/dashboard?pastDays=0&timezone=UTC", "pastDays")]
    [InlineData("api/reports/email/overall?pastDays=91", "pastDays")]
    [InlineData("api/reports/email/overall?pastDays=7&timezone=Mars/Olympus_Mons", "timezone")]
    [InlineData("api/reports/email/overall/histogram?pastDays=7&eventType=email-exploded", "eventType")]
    [InlineData("api/email/campaign?page=1&size=500", "size")]
    [InlineData("api/email/campaign?page=1&size=5&sort=colour:asc", "sort")]
    public async Task Bad_parameters_get_a_validation_error_envelope(string pathAndQuery, string named)
    {
        using var http = new HttpClient(_sandbox.CreateHandler()) { BaseAddress = _sandbox.Benchmark.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", _sandbox.Benchmark.ApiKey);

        using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("ValidationError", error.GetProperty("errorType").GetString());
        Assert.StartsWith(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_a_429_with_retry_after_and_rate_limit_headers()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.Reports, SandboxFault.RateLimited(TimeSpan.FromSeconds(30)));
        var client = Client();

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetCampaignReportAsync(_sandbox.Benchmark.SentCampaignIds[0]));
        var after = await client.GetCampaignReportAsync(_sandbox.Benchmark.SentCampaignIds[0]);

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal("TooManyRequestsError", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(3600, e.RateLimit!.Limit);
        Assert.Equal(0, e.RateLimit.Remaining);
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(e.RateLimit.Reset!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(reset - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
        Assert.True(after.Stats.Sent > 0);
    }

    [Fact]
    public async Task One_line_of_wiring_points_the_di_client_at_the_sandbox_and_answers_are_reproducible()
    {
        var services = new ServiceCollection();
        services.AddReportsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox);
        await using var provider = services.BuildServiceProvider();
        using var other = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 120 });
        var options = new ReportsOptions();
        other.Configure(options);

        var first = await provider.GetRequiredService<IReportsClient>().GetEmailOverallAsync(ReportsQuery.PastDays(30).InTimeZone("Europe/Paris"));
        var second = await new ReportsClient(new HttpClient(other.CreateHandler()), options).GetEmailOverallAsync(ReportsQuery.PastDays(30).InTimeZone("Europe/Paris"));

        Assert.Equal(_sandbox.Benchmark.CampaignIds, other.Benchmark.CampaignIds);
        Assert.Equal(first.Stats.UniqueOpens.Count, second.Stats.UniqueOpens.Count);
        Assert.Equal(first.DeliveryTimeStats, second.DeliveryTimeStats);
        Assert.Equal(first.CampaignComparison.Select(c => (c.Id, c.Rates.Opens)), second.CampaignComparison.Select(c => (c.Id, c.Rates.Opens)));
    }

    private static double Percent(long part, long whole) => Math.Round(part * 100.0 / whole, 2, MidpointRounding.AwayFromZero);

    private static DateTimeOffset ScheduledAt(Campaign campaign) =>
        DateTimeOffset.Parse(campaign.AdditionalData["scheduledAt"].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
