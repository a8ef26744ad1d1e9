using System.Net;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// The SendGrid v3 client against the sandbox: the same account as v2 (a subuser's v3 numbers are that user's v2
/// numbers), breakdowns that add up to the whole, groupings, sums, monthly statistics, SendGrid's refusals.
/// </summary>
public sealed class SendGridV3SandboxTests(SandboxServer server) : IClassFixture<SandboxServer>
{
    private static readonly DateOnly Today = SandboxServer.Today;
    private readonly EmailStatsSandbox _sandbox = server.Sandbox;

    private SendGridV3StatsClient Client(string? onBehalfOf = null, string? key = null)
    {
        var options = new SendGridV3Options { OnBehalfOf = onBehalfOf };
        _sandbox.Configure(options);
        options.ApiKey = key ?? options.ApiKey;
        return new SendGridV3StatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private SendGridV2StatsClient V2(SendGridV2Api api)
    {
        var options = new SendGridV2Options { Api = api };
        _sandbox.Configure(options);
        return new SendGridV2StatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private static SendGridV3StatsQuery Fortnight => SendGridV3StatsQuery.Between(Today.AddDays(-13), Today);

    [Theory]
    [InlineData("acme-newsletters")]
    [InlineData("acme-receipts")]
    public async Task A_subusers_v3_days_are_its_v2_days_whichever_way_they_are_read(string user)
    {
        var v2 = await V2(SendGridV2Api.Subuser).GetStatsAsync(SendGridStatsQuery.ForUser(user).Between(Today.AddDays(-13), Today));
        var subuser = await Client().GetSubuserStatsAsync(Fortnight.ForSubusers(user));
        var onBehalf = await Client(onBehalfOf: user).GetGlobalStatsAsync(Fortnight);

        Assert.Equal(v2.Select(d => d.Date), subuser.Select(d => d.Date));
        Assert.Equal(v2.Select(d => d.Date), onBehalf.Select(d => d.Date));
        for (var i = 0; i < v2.Count; i++)
        {
            var a = Assert.Single(subuser[i].Stats);
            Assert.Equal(("subuser", user), (a.Type, a.Name));
            var b = Assert.Single(onBehalf[i].Stats).Metrics;
            Assert.Equal(a.Metrics, b);
            Assert.Equal(
                (v2[i].Requests, v2[i].Delivered, v2[i].Bounces, v2[i].Blocks, v2[i].InvalidEmail, v2[i].Opens, v2[i].UniqueOpens, v2[i].Clicks, v2[i].UniqueClicks, v2[i].SpamReports, v2[i].Unsubscribes),
                (b.Requests, b.Delivered, b.Bounces, b.Blocks, b.InvalidEmails, b.Opens, b.UniqueOpens, b.Clicks, b.UniqueClicks, b.SpamReports, b.Unsubscribes));
            Assert.Equal(v2[i].RepeatBounces, b.BounceDrops);
        }
    }

    [Fact]
    public async Task A_category_in_v3_is_the_same_category_in_v2()
    {
        var v2 = await V2(SendGridV2Api.Reseller).GetCategoryStatsAsync(SendGridStatsQuery.ForUser("acme-receipts").Between(Today.AddDays(-13), Today).WithCategories("shipping"));
        var v3 = await Client().GetCategoryStatsAsync(Fortnight.ForCategories("shipping"));

        Assert.Equal(v2.Select(d => (d.Date, d.Requests, d.Delivered, d.Opens, d.Clicks)), v3.Select(d => (d.Date, d.Stats[0].Metrics.Requests!.Value, d.Stats[0].Metrics.Delivered!.Value, d.Stats[0].Metrics.Opens!.Value, d.Stats[0].Metrics.Clicks!.Value)));
    }

    [Fact]
    public async Task The_parents_global_days_are_the_sum_of_its_subusers()
    {
        var global = await Client().GetGlobalStatsAsync(Fortnight);
        var subusers = await Client().GetSubuserStatsAsync(Fortnight.ForSubusers(_sandbox.SendGrid.Subusers));

        Assert.Equal(14, global.Count);
        for (var i = 0; i < global.Count; i++)
        {
            var sum = subusers[i].Stats.Sum(e => e.Metrics.Requests!.Value);
            Assert.Equal(global[i].Stats[0].Metrics.Requests, sum);
            Assert.Equal(global[i].Stats[0].Metrics.UniqueOpens, subusers[i].Stats.Sum(e => e.Metrics.UniqueOpens!.Value));
            Assert.True(sum > 0);
        }
    }

    [Fact]
    public async Task Weeks_and_months_are_the_sums_of_their_days_dated_by_their_first_day_in_the_range()
    {
        var range = SendGridV3StatsQuery.Between(new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 20));
        var days = await Client().GetGlobalStatsAsync(range);
        var weeks = await Client().GetGlobalStatsAsync(range.AggregatedBy(SendGridAggregation.Week));
        var months = await Client().GetGlobalStatsAsync(range.AggregatedBy(SendGridAggregation.Month));

        Assert.Equal(41, days.Count);
        Assert.Equal(new DateOnly(2026, 9, 10), weeks[0].Date);
        Assert.Equal(new DateOnly(2026, 9, 14), weeks[1].Date);
        Assert.All(weeks.Skip(1), w => Assert.Equal(DayOfWeek.Monday, w.Date.DayOfWeek));
        Assert.Equal([new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 1)], months.Select(m => m.Date));
        var total = days.Sum(d => d.Stats[0].Metrics.Delivered!.Value);
        Assert.Equal(total, weeks.Sum(w => w.Stats[0].Metrics.Delivered!.Value));
        Assert.Equal(total, months.Sum(m => m.Stats[0].Metrics.Delivered!.Value));
        Assert.Equal(days.Where(d => d.Date.Month == 10).Sum(d => d.Stats[0].Metrics.Clicks!.Value), months[1].Stats[0].Metrics.Clicks);
    }

    [Fact]
    public async Task Paging_takes_dates_from_the_offset()
    {
        var all = await Client().GetGlobalStatsAsync(Fortnight);
        var page = await Client().GetGlobalStatsAsync(Fortnight.WithPageSize(3).AtOffset(4));

        Assert.Equal(all.Skip(4).Take(3).Select(d => (d.Date, d.Stats[0].Metrics.Requests)), page.Select(d => (d.Date, d.Stats[0].Metrics.Requests)));
    }

    [Fact]
    public async Task Category_sums_are_the_sums_of_the_days_sorted_and_five_by_default()
    {
        var sums = await Client().GetCategorySumsAsync(Fortnight.SortBy(SendGridV3Metric.Requests, SendGridSortDirection.Ascending));
        var everything = await Client().GetCategorySumsAsync(Fortnight.WithPageSize(10).AtOffset(0));
        var shipping = await Client().GetCategoryStatsAsync(Fortnight.ForCategories("shipping"));

        Assert.Equal(5, sums.Stats.Count);
        Assert.Equal(6, everything.Stats.Count);
        Assert.Equal(Today.AddDays(-13), sums.Date);
        Assert.Equal(sums.Stats.Select(e => e.Metrics.Requests).Order(), sums.Stats.Select(e => e.Metrics.Requests));
        Assert.Equal(everything.Stats.Select(e => e.Metrics.Delivered).OrderDescending(), everything.Stats.Select(e => e.Metrics.Delivered));
        Assert.Equal(shipping.Sum(d => d.Stats[0].Metrics.Delivered!.Value), everything.Stats.Single(e => e.Name == "shipping").Metrics.Delivered);
    }

    [Fact]
    public async Task Monthly_statistics_are_the_months_sums_with_the_subusers_names()
    {
        var month = await Client().GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 10, 17)).SortBy(SendGridV3Metric.Requests));
        var one = await Client().GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 10, 1)).ForSubuser("acme-receipts"));
        var matching = await Client().GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 10, 1)).Matching("news"));
        var october = await Client(onBehalfOf: "acme-receipts").GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));

        Assert.Equal(new DateOnly(2026, 10, 1), month.Date);
        Assert.Equal(2, month.Stats.Count);
        Assert.True(month.Stats[0].Metrics.Requests >= month.Stats[1].Metrics.Requests);
        var receipts = Assert.Single(one.Stats);
        Assert.Equal(("Ravi", "Menon", "acme-receipts"), (receipts.FirstName, receipts.LastName, receipts.Name));
        Assert.Equal(october.Sum(d => d.Stats[0].Metrics.Requests!.Value), receipts.Metrics.Requests);
        Assert.Equal("acme-newsletters", Assert.Single(matching.Stats).Name);
    }

    [Fact]
    public async Task Every_breakdown_adds_up_to_the_global_statistics()
    {
        var day = SendGridV3StatsQuery.Between(Today.AddDays(-2), Today.AddDays(-2));
        var global = (await Client().GetGlobalStatsAsync(day))[0].Stats[0].Metrics;
        var providers = (await Client().GetMailboxProviderStatsAsync(day))[0].Stats;
        var browsers = (await Client().GetBrowserStatsAsync(day))[0].Stats;
        var devices = (await Client().GetDeviceStatsAsync(day))[0].Stats;
        var clients = (await Client().GetClientStatsAsync(day))[0].Stats;
        var phones = (await Client().GetClientStatsAsync(day.ForClientType(SendGridClientType.Phone)))[0].Stats;
        var countries = (await Client().GetGeoStatsAsync(day))[0].Stats;
        var states = (await Client().GetGeoStatsAsync(day.InCountry(SendGridCountry.US)))[0].Stats;

        Assert.Equal(_sandbox.SendGrid.MailboxProviders, providers.Select(p => p.Name));
        Assert.Equal(global.Requests, providers.Sum(p => p.Metrics.Requests));
        Assert.Equal(global.Delivered, providers.Sum(p => p.Metrics.Delivered));
        Assert.Equal(global.BounceDrops + global.SpamReportDrops + global.UnsubscribeDrops, providers.Sum(p => p.Metrics.Drops));
        Assert.All(providers, p => Assert.Null(p.Metrics.Unsubscribes));
        Assert.Equal(global.Clicks, browsers.Sum(b => b.Metrics.Clicks));
        Assert.All(browsers, b => Assert.Null(b.Metrics.Opens));
        Assert.Equal(global.Opens, devices.Sum(d => d.Metrics.Opens));
        Assert.Equal(global.Opens - devices.Single(d => d.Name == "Other").Metrics.Opens, clients.Sum(c => c.Metrics.Opens));
        Assert.Equal(devices.Single(d => d.Name == "Phone").Metrics.UniqueOpens, phones.Sum(c => c.Metrics.UniqueOpens));
        Assert.Equal(["iPhone", "Android"], phones.Select(c => c.Name));
        Assert.Equal(global.UniqueClicks, countries.Sum(c => c.Metrics.UniqueClicks));
        Assert.All(states, s => Assert.Equal("province", s.Type));
        Assert.Equal(countries.Single(c => c.Name == "US").Metrics.Opens, states.Sum(s => s.Metrics.Opens));
    }

    [Fact]
    public async Task Segments_can_be_narrowed_to_named_providers_and_browsers()
    {
        var day = SendGridV3StatsQuery.Between(Today.AddDays(-3), Today.AddDays(-3));

        var providers = (await Client().GetMailboxProviderStatsAsync(day.ForMailboxProviders("Yahoo", "Gmail")))[0].Stats;
        var browsers = (await Client().GetBrowserStatsAsync(day.ForBrowsers("Firefox")))[0].Stats;

        Assert.Equal(["Gmail", "Yahoo"], providers.Select(p => p.Name));
        Assert.Equal("Firefox", Assert.Single(browsers).Name);
    }

    [Fact]
    public async Task SendGrids_refusals_are_typed_errors()
    {
        var wrongKey = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client(key: "wrong-key").GetGlobalStatsAsync(Fortnight));
        var stranger = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client(onBehalfOf: "stranger").GetGlobalStatsAsync(Fortnight));
        var old = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetCategoryStatsAsync(SendGridV3StatsQuery.Between(Today.AddMonths(-14), Today.AddMonths(-14)).ForCategories("shipping")));
        var unsortable = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetSubuserSumsAsync(Fortnight.SortBy(SendGridV3Metric.Of("machine_opens"))));
        var ghost = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(Today).ForSubuser("nobody")));
        var parentOnly = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client(onBehalfOf: "acme-receipts").GetSubuserStatsAsync(Fortnight.ForSubusers("acme-receipts")));

        Assert.Equal((HttpStatusCode.Unauthorized, "authorization required"), (wrongKey.StatusCode, Assert.Single(wrongKey.Errors)));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal("start_date: category statistics are available for the previous 13 months only", Assert.Single(old.Errors));
        Assert.Equal("sort_by_metric: cannot sort by machine_opens", Assert.Single(unsortable.Errors));
        Assert.Equal((HttpStatusCode.NotFound, "subuser_name: subuser not found"), (ghost.StatusCode, Assert.Single(ghost.Errors)));
        Assert.Equal(HttpStatusCode.Forbidden, parentOnly.StatusCode);
    }

    [Fact]
    public async Task Faults_queued_for_v3_do_not_touch_v2()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV3, SandboxFault.RateLimited(TimeSpan.FromSeconds(9)));

        var v2 = await V2(SendGridV2Api.Subuser).GetStatsAsync(SendGridStatsQuery.ForUser("acme-receipts").Between(Today, Today));
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetGlobalStatsAsync(Fortnight));

        Assert.Single(v2);
        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(9)), (e.StatusCode, e.RetryAfter));
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.SendGridV3));
    }
}
