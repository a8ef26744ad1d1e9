using System.Net;
using System.Text.Json;
using EmailStats.Clients.Mailgun;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The Mailgun client against the sandbox: every operation, consistent data, recorded fixtures, refusals, a fault.</summary>
public sealed class MailgunSandboxTests(SandboxServer server) : IClassFixture<SandboxServer>
{
    private static readonly MailgunEvent[] AllEvents = Enum.GetValues<MailgunEvent>();

    private static readonly DateTimeOffset Midnight = new(SandboxServer.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private readonly EmailStatsSandbox _sandbox = server.Sandbox;

    private MailgunStatsClient Client()
    {
        var options = new MailgunOptions();
        _sandbox.Configure(options);
        return new MailgunStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    /// <summary>The last days through today: Mailgun answers the period that holds <c>end</c>, so the end is today's midnight.</summary>
    private static MailgunStatsQuery Days(int days, params MailgunEvent[] events) =>
        MailgunStatsQuery.ForEvents(events.Length == 0 ? AllEvents : events).Between(Midnight.AddDays(1 - days), Midnight);

    [Fact]
    public async Task Domain_totals_of_the_last_days_end_today_with_only_the_events_asked_for()
    {
        var result = await Client().GetDomainTotalsAsync(
            "mg.acme.example",
            MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked).Last(MailgunDuration.Days(7)));

        Assert.Equal(MailgunResolution.Day, result.Resolution);
        // Seven days back from now (the last second of today) start late on the eighth day back.
        Assert.Equal(Midnight.AddDays(-7), result.Start);
        Assert.Equal(Midnight.AddDays(1), result.End);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (DateTimeOffset?)Midnight.AddDays(i - 7)), result.Stats.Select(s => s.Time));
        Assert.All(result.Stats, item =>
        {
            Assert.Null(item.Accepted);
            Assert.Null(item.Failed);
            Assert.Null(item.Stored);
            Assert.Null(item.Complained);
            Assert.True(item.Delivered!.Total > 1000);
            Assert.Equal(item.Delivered.Total, item.Delivered.Smtp + item.Delivered.Http + item.Delivered.Optimized);
            Assert.InRange(item.Opened!.Unique, 1, item.Opened.Total);
            Assert.InRange(item.Clicked!.Unique, 0, item.Clicked.Total);
            Assert.Empty(item.AdditionalData);
        });
    }

    [Fact]
    public async Task The_wire_answer_has_rfc_2822_utc_times_and_only_the_asked_events()
    {
        using var http = new HttpClient(server.Sandbox.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_sandbox.Mailgun.BaseAddress, "v3/eu.acme.example/stats/total?event=complained&event=stored&duration=2d"));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("api:" + server.Sandbox.Mailgun.ApiKey)));

        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Two days back from now (the last second of the 20th) starts late on the 18th: three day periods.
        Assert.Equal("Wed, 18 Nov 2026 00:00:00 UTC", json.RootElement.GetProperty("start").GetString());
        var items = json.RootElement.GetProperty("stats").EnumerateArray().ToList();
        Assert.Equal(["Wed, 18 Nov 2026 00:00:00 UTC", "Thu, 19 Nov 2026 00:00:00 UTC", "Fri, 20 Nov 2026 00:00:00 UTC"], items.Select(i => i.GetProperty("time").GetString()));
        Assert.All(items, i => Assert.Equal(["time", "stored", "complained"], i.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Outgoing_mail_is_delivered_or_failed_and_failures_are_the_sum_of_their_reasons()
    {
        var result = await Client().GetDomainTotalsAsync("news.acme.example", Days(30));

        Assert.Equal(30, result.Stats.Count);
        Assert.All(result.Stats, item =>
        {
            Assert.Equal(item.Accepted!.Total, item.Accepted.Incoming + item.Accepted.Outgoing);
            Assert.Equal(item.Accepted.Outgoing, item.Delivered!.Total + item.Failed!.Temporary!.Total + item.Failed.Permanent!.Total);
            Assert.Equal(item.Failed.Permanent.Total, item.Failed.Permanent.Reasons.Values.Sum());
            Assert.Equal(item.Failed.Temporary.Total, item.Failed.Temporary["espblock"]);
            Assert.True(item.Failed.Permanent["bounce"] > 0);
            Assert.InRange(item.Stored!.Total, 1, item.Accepted.Incoming);
        });

        // Unsubscribes arrive late (the sandbox's last two days are still filling): settled days have them.
        Assert.All(result.Stats.SkipLast(2), item => Assert.True(item.Unsubscribed!.Total > 0));
    }

    [Fact]
    public async Task The_account_is_the_sum_of_its_domains()
    {
        var client = Client();
        var query = Days(10);

        var account = await client.GetAccountTotalsAsync(query);
        var domains = await Task.WhenAll(_sandbox.Mailgun.Domains.Select(d => client.GetDomainTotalsAsync(d, query)));

        Assert.Equal(["mg.acme.example", "news.acme.example", "eu.acme.example"], _sandbox.Mailgun.Domains);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(account.Stats[i].Delivered!.Total, domains.Sum(d => d.Stats[i].Delivered!.Total));
            Assert.Equal(account.Stats[i].Accepted!.Incoming, domains.Sum(d => d.Stats[i].Accepted!.Incoming));
            Assert.Equal(account.Stats[i].Failed!.Permanent!["delayed-bounce"], domains.Sum(d => d.Stats[i].Failed!.Permanent!["delayed-bounce"]));
            Assert.Equal(account.Stats[i].Opened!.Unique, domains.Sum(d => d.Stats[i].Opened!.Unique));
        }
    }

    [Fact]
    public async Task Hourly_items_split_each_day_and_monthly_items_sum_the_days()
    {
        var client = Client();
        var hours = await client.GetDomainTotalsAsync("mg.acme.example", MailgunStatsQuery.ForEvents(AllEvents)
            .Last(MailgunDuration.Hours(48)).WithResolution(MailgunResolution.Hour));
        var october = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var days = await client.GetDomainTotalsAsync("mg.acme.example", MailgunStatsQuery.ForEvents(AllEvents).Between(october, Midnight));
        var months = await client.GetDomainTotalsAsync("mg.acme.example", MailgunStatsQuery.ForEvents(AllEvents)
            .Between(october, Midnight.AddDays(1)).WithResolution(MailgunResolution.Month));

        // 48 hours back from now (the last second of today) start in the last hour of the day before yesterday.
        Assert.Equal(49, hours.Stats.Count);
        Assert.Equal(Midnight.AddDays(-1).AddHours(-1), hours.Start);
        Assert.Equal(Midnight.AddHours(23), hours.Stats[^1].Time);
        Assert.True(hours.Stats[11].Delivered!.Total > 5 * hours.Stats[4].Delivered!.Total, "business hours are busier than the night");
        Assert.Equal(days.Stats[^1].Delivered!.Total, hours.Stats.Skip(25).Sum(h => h.Delivered!.Total));
        Assert.Equal(days.Stats[^2].Clicked!.Unique, hours.Stats.Skip(1).Take(24).Sum(h => h.Clicked!.Unique));
        Assert.Equal(days.Stats[^1].Failed!.Permanent!["bounce"], hours.Stats.Skip(25).Sum(h => h.Failed!.Permanent!["bounce"]));

        Assert.Equal(MailgunResolution.Month, months.Resolution);
        Assert.Equal([october, october.AddMonths(1)], months.Stats.Select(m => m.Time!.Value));
        Assert.Equal(october.AddMonths(2), months.End);
        Assert.Equal(days.Stats.Take(31).Sum(d => d.Delivered!.Total), months.Stats[0].Delivered!.Total);

        // November's item is the whole month: the days after Today read as zero.
        Assert.Equal(days.Stats.Skip(31).Sum(d => d.Opened!.Total), months.Stats[1].Opened!.Total);
    }

    [Fact]
    public async Task A_duration_in_months_counts_back_from_the_end_and_no_period_means_the_last_seven_days()
    {
        var client = Client();
        var end = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var months = await client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered)
            .Last(MailgunDuration.Months(2)).Ending(end).WithResolution(MailgunResolution.Month));
        var byDefault = await client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered));
        // Seven days back from now (the last second of today) reach into the eighth day.
        var lastWeek = await client.GetAccountTotalsAsync(Days(8, MailgunEvent.Delivered));

        // The end (1 November) holds November: Mailgun answers the period that holds the end.
        Assert.Equal(
            [new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), end],
            months.Stats.Select(m => m.Time!.Value));
        Assert.Equal(end.AddMonths(1), months.End);
        Assert.Equal(lastWeek.Stats.Select(s => (s.Time, s.Delivered!.Total)), byDefault.Stats.Select(s => (s.Time, s.Delivered!.Total)));
    }

    [Fact]
    public async Task Days_before_the_history_read_as_zero_and_answers_are_reproducible()
    {
        var old = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Opened)
            .Between(Midnight.AddDays(-125), Midnight.AddDays(-117));

        var first = await Client().GetAccountTotalsAsync(old);
        using var other = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 120 });
        var options = new MailgunOptions();
        other.Configure(options);
        var second = await new MailgunStatsClient(new HttpClient(other.CreateHandler()), options).GetAccountTotalsAsync(old);

        Assert.Equal(9, first.Stats.Count);
        Assert.Equal(first.Stats.Select(s => (s.Accepted!.Total, s.Opened!.Unique)), second.Stats.Select(s => (s.Accepted!.Total, s.Opened!.Unique)));
        Assert.All(first.Stats.Take(6), s => Assert.Equal(0, s.Accepted!.Total));
        Assert.True(first.Stats[6].Accepted!.Total > 0, "the first day of history has data");
    }

    [Fact]
    public async Task Filtered_totals_grouped_by_domain_provider_or_country_sum_to_the_totals()
    {
        var client = Client();
        var week = Days(7, MailgunEvent.Delivered, MailgunEvent.Clicked);

        var account = await client.GetAccountTotalsAsync(week);
        var byDomain = await client.GetFilteredTotalsAsync(week.GroupBy(MailgunGroup.Domain));
        var byProvider = await client.GetFilteredTotalsAsync(week.GroupBy(MailgunGroup.Provider));
        var mg = await client.GetDomainTotalsAsync("mg.acme.example", week);
        var mgByCountry = await client.GetFilteredTotalsAsync(week.WithFilter("domain:mg.acme.example").GroupBy(MailgunGroup.Country));

        Assert.Equal(21, byDomain.Stats.Count);
        Assert.Equal(_sandbox.Mailgun.Domains, byDomain.Stats.Take(3).Select(s => Key(s, "domain")));
        Assert.Equal(_sandbox.Mailgun.Countries["mg.acme.example"], mgByCountry.Stats.Take(8).Select(s => Key(s, "country")));
        Assert.Contains("gmx.de", byProvider.Stats.Select(s => Key(s, "provider")));
        foreach (var day in account.Stats)
        {
            Assert.Equal(day.Delivered!.Total, byDomain.Stats.Where(s => s.Time == day.Time).Sum(s => s.Delivered!.Total));
            Assert.Equal(day.Clicked!.Unique, byProvider.Stats.Where(s => s.Time == day.Time).Sum(s => s.Clicked!.Unique));
            var gmail = byProvider.Stats.Single(s => s.Time == day.Time && Key(s, "provider") == "gmail.com").Delivered!.Total;
            Assert.InRange(gmail, day.Delivered.Total / 4, day.Delivered.Total / 2);
        }

        foreach (var day in mg.Stats)
        {
            Assert.Equal(day.Clicked!.Total, mgByCountry.Stats.Where(s => s.Time == day.Time).Sum(s => s.Clicked!.Total));
        }
    }

    [Fact]
    public async Task A_tag_filter_narrows_the_totals_and_group_total_is_one_item_for_the_whole_period()
    {
        var client = Client();
        var week = Days(7, MailgunEvent.Delivered);

        var byTag = await client.GetFilteredTotalsAsync(week.WithFilter("domain:news.acme.example").GroupBy(MailgunGroup.Tag));
        var newsletter = await client.GetFilteredTotalsAsync(week.WithFilter("tag:newsletter"));
        var total = await client.GetFilteredTotalsAsync(week.WithFilter("tag:newsletter").GroupBy(MailgunGroup.Total));
        var news = await client.GetDomainTotalsAsync("news.acme.example", week);

        Assert.Equal(["newsletter", "product-updates", "onboarding"], _sandbox.Mailgun.Tags["news.acme.example"]);
        Assert.Equal(21, byTag.Stats.Count);
        Assert.Equal(news.Stats.Sum(s => s.Delivered!.Total), byTag.Stats.Sum(s => s.Delivered!.Total));
        Assert.Equal("newsletter", newsletter.Tag);
        Assert.Equal(7, newsletter.Stats.Count);

        // Both news.acme.example and eu.acme.example send newsletters.
        Assert.True(newsletter.Stats[0].Delivered!.Total > byTag.Stats.Single(s => s.Time == newsletter.Stats[0].Time && Key(s, "tag") == "newsletter").Delivered!.Total);
        var only = Assert.Single(total.Stats);
        Assert.Null(only.Time);
        Assert.Equal(newsletter.Stats.Sum(s => s.Delivered!.Total), only.Delivered!.Total);
    }

    [Fact]
    public async Task Totals_by_domain_at_one_timestamp_match_each_domains_period_and_honour_the_limit()
    {
        var client = Client();
        var yesterday = Midnight.AddDays(-1);
        var events = new[] { MailgunEvent.Delivered, MailgunEvent.Failed };

        var all = await client.GetTotalsByDomainAsync(MailgunDomainTotalsQuery.ForEvents(events).At(yesterday.AddHours(15)));
        var two = await client.GetTotalsByDomainAsync(MailgunDomainTotalsQuery.ForEvents(events)
            .At(new DateTimeOffset(2026, 10, 17, 8, 0, 0, TimeSpan.Zero)).WithResolution(MailgunResolution.Month).WithLimit(2));
        var eu = await client.GetDomainTotalsAsync("eu.acme.example", MailgunStatsQuery.ForEvents(events).Between(yesterday, yesterday.AddHours(23)));
        var october = await client.GetDomainTotalsAsync("news.acme.example", MailgunStatsQuery.ForEvents(events)
            .Between(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero)).WithResolution(MailgunResolution.Month));

        Assert.Equal(yesterday, all.Start);
        Assert.Equal(Midnight, all.End);
        Assert.Equal(_sandbox.Mailgun.Domains, all.Stats.Select(s => Key(s, "domain")));
        Assert.All(all.Stats, s => Assert.Equal(yesterday, s.Time));
        Assert.Equal(eu.Stats.Single().Delivered!.Total, all.Stats[2].Delivered!.Total);
        Assert.Equal(eu.Stats.Single().Failed!.Permanent!.Total, all.Stats[2].Failed!.Permanent!.Total);

        Assert.Equal(MailgunResolution.Month, two.Resolution);
        Assert.Equal(["mg.acme.example", "news.acme.example"], two.Stats.Select(s => Key(s, "domain")));
        Assert.Equal(october.Stats.Single().Delivered!.Total, two.Stats[1].Delivered!.Total);
    }

    [Fact]
    public async Task Aggregates_split_the_domains_history_by_provider_device_and_country()
    {
        var client = Client();
        var history = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked, MailgunEvent.Complained)
            .Between(Midnight.AddDays(-119), Midnight.AddDays(1)).WithResolution(MailgunResolution.Month);

        var totals = await client.GetDomainTotalsAsync("eu.acme.example", history);
        var providers = await client.GetProviderAggregatesAsync("eu.acme.example");
        var devices = await client.GetDeviceAggregatesAsync("eu.acme.example");
        var countries = await client.GetCountryAggregatesAsync("eu.acme.example");

        Assert.Equal(_sandbox.Mailgun.Providers["eu.acme.example"], providers.Keys);
        Assert.Equal(["desktop", "mobile", "tablet", "unknown"], devices.Keys);
        Assert.Equal(_sandbox.Mailgun.Countries["eu.acme.example"], countries.Keys);
        Assert.Equal(totals.Stats.Sum(s => s.Accepted!.Total), providers.Values.Sum(p => p.Accepted));
        Assert.Equal(totals.Stats.Sum(s => s.Delivered!.Total), providers.Values.Sum(p => p.Delivered));
        Assert.True(providers["gmail.com"].AdditionalData.ContainsKey("bounced"));
        Assert.Equal(totals.Stats.Sum(s => s.Opened!.Unique), devices.Values.Sum(d => d.UniqueOpened));
        Assert.Equal(totals.Stats.Sum(s => s.Clicked!.Total), countries.Values.Sum(c => c.Clicked));
        Assert.Equal(totals.Stats.Sum(s => s.Complained!.Total), countries.Values.Sum(c => c.Complained));
        Assert.True(devices["mobile"].Opened > devices["desktop"].Opened);
        Assert.True(countries["de"].Opened > countries["fr"].Opened);
        Assert.Equal(0, devices["mobile"].Delivered);
    }

    [Fact]
    public async Task A_wrong_key_and_an_unknown_domain_are_refused_like_mailgun_does()
    {
        var options = new MailgunOptions();
        _sandbox.Configure(options);
        options.ApiKey = "key-wrong";
        var wrongKey = new MailgunStatsClient(new HttpClient(_sandbox.CreateHandler()), options);

        var denied = await Assert.ThrowsAsync<EmailStatsApiException>(() => wrongKey.GetAccountTotalsAsync(Days(1)));
        var deniedAggregates = await Assert.ThrowsAsync<EmailStatsApiException>(() => wrongKey.GetDeviceAggregatesAsync("mg.acme.example"));
        var unknown = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetDomainTotalsAsync("nosuch.acme.example", Days(1)));
        var unknownAggregates = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetCountryAggregatesAsync("nosuch.acme.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(["Forbidden"], denied.Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, deniedAggregates.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["Domain not found: nosuch.acme.example"], unknown.Errors);
        Assert.Equal(["Domain not found: nosuch.acme.example"], unknownAggregates.Errors);
    }

    [Fact]
    public async Task Bad_parameters_are_a_400_with_mailguns_message_envelope()
    {
        var client = Client();

        var filter = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetFilteredTotalsAsync(Days(7).WithFilter("color:blue")));
        var tooMany = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered)
            .Between(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Midnight).WithResolution(MailgunResolution.Hour)));
        using var http = new HttpClient(server.Sandbox.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_sandbox.Mailgun.BaseAddress, "v3/stats/total?event=delivered,accepted&resolution=week"));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("api:" + server.Sandbox.Mailgun.ApiKey)));
        using var raw = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.StartsWith("Invalid filter: 'color:blue'", filter.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Too many data points", tooMany.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.StartsWith("{", (await raw.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Invalid event: 'delivered,accepted'", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_line_of_wiring_points_the_di_client_at_the_sandbox()
    {
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox);
        await using var provider = services.BuildServiceProvider();

        var devices = await provider.GetRequiredService<IMailgunStatsClient>().GetDeviceAggregatesAsync(_sandbox.Mailgun.Domains[0]);

        Assert.Equal(4, devices.Count);
        Assert.True(devices.Values.Sum(d => d.Opened) > 0);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_a_429_with_retry_after_and_mailguns_envelope()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.Mailgun, SandboxFault.RateLimited(TimeSpan.FromSeconds(4)));
        var client = Client();

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetProviderAggregatesAsync("mg.acme.example"));
        var after = await client.GetProviderAggregatesAsync("mg.acme.example");

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), e.RetryAfter);
        Assert.Contains("rate-limit", e.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(_sandbox.Mailgun.Providers["mg.acme.example"], after.Keys);
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.Mailgun));
    }

    private static string? Key(MailgunStatsItem item, string name) =>
        item.AdditionalData.TryGetValue(name, out var value) ? value.GetString() : null;
}

/// <summary>The sandbox's Metrics API: the same domains as v3, paged, with Mailgun's refusals.</summary>
public sealed class MailgunMetricsSandboxTests(SandboxServer server) : IClassFixture<SandboxServer>
{
    private static readonly DateTimeOffset Midnight = new(SandboxServer.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private MailgunStatsClient Client()
    {
        var options = new MailgunOptions();
        server.Sandbox.Configure(options);
        return new MailgunStatsClient(new HttpClient(server.Sandbox.CreateHandler()), options);
    }

    [Fact]
    public async Task Domains_page_one_per_page_and_agree_with_the_v3_domain_totals()
    {
        var client = Client();
        var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.BouncedCount)
            .Between(Midnight.AddDays(-9), Midnight).By(MailgunDimension.Domain).WithPageSize(1);
        var before = server.Sandbox.RequestCount;

        var items = new List<MailgunMetricsItem>();
        await foreach (var item in client.QueryAllMetricsAsync(query))
        {
            items.Add(item);
        }

        Assert.Equal(3, server.Sandbox.RequestCount - before);
        Assert.Equal(["eu.acme.example", "mg.acme.example", "news.acme.example"], items.Select(i => i[MailgunDimension.Domain]!.Value));
        foreach (var item in items)
        {
            var v3 = await client.GetDomainTotalsAsync(item[MailgunDimension.Domain]!.Value,
                MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Failed).Between(Midnight.AddDays(-9), Midnight));
            Assert.Equal(v3.Stats.Sum(s => s.Delivered!.Total), item.Metrics.Count(MailgunMetric.DeliveredCount));
            Assert.Equal(
                v3.Stats.Sum(s => s.Failed!.Permanent!["bounce"] + s.Failed.Permanent["delayed-bounce"]),
                item.Metrics.Count(MailgunMetric.BouncedCount));
        }
    }

    [Fact]
    public async Task Days_by_time_with_a_domain_filter_and_aggregates()
    {
        var page = await Client().QueryMetricsAsync(MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.DeliveredRate)
            .Last(MailgunDuration.Days(6)).By(MailgunDimension.Time)
            .Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, "news.acme.example")).IncludeAggregates());

        Assert.Equal(7, page.Items.Count);
        Assert.Equal(Midnight, page.Items[^1][MailgunDimension.Time]!.Time);
        Assert.All(page.Items, i => Assert.InRange(i.Metrics.Rate(MailgunMetric.DeliveredRate)!.Value, 0.9, 1.0));
        Assert.Equal(page.Items.Sum(i => i.Metrics.Count(MailgunMetric.DeliveredCount)), page.Aggregates!.Count(MailgunMetric.DeliveredCount));
        Assert.Equal(7, page.Pagination!.Total);
    }

    [Theory]
    [InlineData("""{"metrics":["delivered_count","a_count","b_count","c_count","d_count","e_count","f_count","g_count","h_count","i_count","j_count"]}""", "At most 10 metrics")]
    [InlineData("""{"metrics":["bogus_count"]}""", "Invalid metric: bogus_count")]
    [InlineData("""{"metrics":["delivered_count"],"dimensions":["time"],"pagination":{"skip":0,"limit":1501}}""", "1 to 1500 with the time dimension")]
    [InlineData("""{"metrics":["delivered_count"],"start":"Tue, 02 Jan 2024 00:00:00 +0000","end":"Mon, 01 Jan 2024 00:00:00 +0000"}""", "must not be after the end")]
    [InlineData("""{"metrics":["delivered_count"],"dimensions":["time","domain","tag","ip"]}""", "At most 3 dimensions")]
    public async Task What_mailgun_refuses_the_sandbox_refuses(string body, string message)
    {
        using var http = new HttpClient(server.Sandbox.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Sandbox.Mailgun.BaseAddress, "v1/analytics/metrics"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("api:" + server.Sandbox.Mailgun.ApiKey)));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
