using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// Two sandboxes with the same data: one answers Mailgun's <c>end</c> as Mailgun documents it (the period holding it
/// is answered), the other as an exclusive bound. 400 days of history, so that ranges cross every split.
/// </summary>
public sealed class OneViewSandboxes : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    public OneViewSandboxes()
    {
        Inclusive = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 400 });
        Exclusive = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 400 });
        Exclusive.Mailgun.EndIsExclusive = true;
    }

    public EmailStatsSandbox Inclusive { get; }

    public EmailStatsSandbox Exclusive { get; }

    public void Dispose()
    {
        Inclusive.Dispose();
        Exclusive.Dispose();
    }
}

/// <summary>
/// DESIGN.md section 7 as properties, for every adapter over the sandbox: for many seeded random ranges (and the ranges a
/// dashboard asks: the last 14 days, 120 days, ranges that end today, in the future, cross a split or the 90-day window,
/// cross a DST change in a non-UTC zone) the rows are exactly those of asking one day at a time; where the provider has
/// an aggregate, the days add up to it; Mailgun's rows do not depend on how its <c>end</c> is read.
/// </summary>
public sealed class OneViewContractTests(OneViewSandboxes sandboxes) : IClassFixture<OneViewSandboxes>
{
    private static readonly DateOnly Today = OneViewSandboxes.Today;

    public static TheoryData<string> Sources() => [.. SandboxSources.Names];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_range_gives_the_rows_of_its_days_asked_one_at_a_time(string name)
    {
        var source = SandboxSources.Create(name, sandboxes.Inclusive);
        var oneDay = new Dictionary<DateOnly, DailyEmailMetrics>();

        foreach (var (from, to) in Ranges(seed: name.Length * 7919, count: 12))
        {
            var rows = await source.GetDailyMetricsAsync(from, to);

            Assert.Equal(Days(from, to), rows.Select(r => r.Date));
            foreach (var row in rows)
            {
                if (!oneDay.TryGetValue(row.Date, out var alone))
                {
                    alone = oneDay[row.Date] = Assert.Single(await source.GetDailyMetricsAsync(row.Date, row.Date));
                }

                Assert.Equal(alone, row);
            }
        }

        // The rule for days that have not begun: null, with a note; a past day is never null-with-note unless unserved.
        var ahead = await source.GetDailyMetricsAsync(source.GetToday().AddDays(1), source.GetToday().AddDays(3));
        Assert.All(ahead, d => Assert.Equal($"The day has not begun yet in {source.TimeZone.Id}.", d.Note));
        Assert.All(ahead, d => Assert.True(Metrics(d).All(m => m is null)));
        var today = Assert.Single(await source.GetDailyMetricsAsync(source.GetToday(), source.GetToday()));
        Assert.Null(today.Note);
        Assert.Contains(Metrics(today), m => m is not null);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_range_asked_in_three_pieces_gives_the_same_rows_as_asked_at_once(string name)
    {
        var source = SandboxSources.Create(name, sandboxes.Inclusive);
        var (from, to) = name.StartsWith("sendgrid", StringComparison.Ordinal) ? (Today.AddDays(-399), Today) : (Today.AddDays(-119), Today);
        var third = (to.DayNumber - from.DayNumber + 1) / 3;

        var once = await source.GetDailyMetricsAsync(from, to);
        var pieces = new List<DailyEmailMetrics>();
        pieces.AddRange(await source.GetDailyMetricsAsync(from, from.AddDays(third - 1)));
        pieces.AddRange(await source.GetDailyMetricsAsync(from.AddDays(third), from.AddDays((2 * third) - 1)));
        pieces.AddRange(await source.GetDailyMetricsAsync(from.AddDays(2 * third), to));

        Assert.Equal(once, pieces);

        // No day zeroed at a boundary: SendGrid and Mailgun accounts of the sandbox send every day (GetResponse messages
        // and Benchmark campaigns go out on some days only, and their activity tails off).
        var served = once.Where(d => d.Note is null && d.Date < source.GetToday()).ToList();
        Assert.True(served.Sum(d => d.Sent) > 0);
        if (name.StartsWith("sendgrid", StringComparison.Ordinal) || name.StartsWith("mailgun", StringComparison.Ordinal))
        {
            Assert.All(served, d => Assert.True(d.Sent > 0, $"{name} {d.Date:yyyy-MM-dd} reads {d.Sent}"));
        }
    }

    [Fact]
    public async Task Mailgun_rows_are_the_same_whether_end_is_inclusive_or_exclusive()
    {
        foreach (var domain in new string?[] { null, "news.acme.example" })
        {
            var inclusive = SandboxSources.Mailgun(sandboxes.Inclusive, domain);
            var exclusive = SandboxSources.Mailgun(sandboxes.Exclusive, domain);

            foreach (var (from, to) in Ranges(seed: 20261120, count: 10))
            {
                var a = await inclusive.GetDailyMetricsAsync(from, to);
                var b = await exclusive.GetDailyMetricsAsync(from, to);
                Assert.Equal(a, b);
            }
        }
    }

    [Fact]
    public async Task Mailgun_metrics_api_and_v3_stats_give_the_same_rows_and_only_the_metrics_api_splits_bounces()
    {
        foreach (var domain in new string?[] { null, "news.acme.example" })
        {
            var metrics = new MailgunEmailStatsSource(SandboxSources.MailgunClient(sandboxes.Inclusive), domain, sandboxes.Inclusive.Clock, MailgunStatsRoute.Metrics);
            var v3 = new MailgunEmailStatsSource(SandboxSources.MailgunClient(sandboxes.Inclusive), domain, sandboxes.Inclusive.Clock, MailgunStatsRoute.V3Stats);

            foreach (var (from, to) in Ranges(seed: 18, count: 6))
            {
                var split = await metrics.GetDailyMetricsAsync(from, to);
                Assert.Equal(await v3.GetDailyMetricsAsync(from, to), split.Select(r => r with { HardBounces = null, SoftBounces = null }));
                Assert.All(split.Where(r => r.IsReported), r => Assert.Equal(r.Bounces, r.HardBounces + r.SoftBounces));
                Assert.Contains(split, r => r.HardBounces > 0 && r.SoftBounces > 0);
            }
        }
    }

    [Fact]
    public async Task The_mailgun_fakes_really_disagree_on_end()
    {
        // The property above proves something only if the two readings give different answers to the same question.
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted)
            .Between(Midnight(Today.AddDays(-3)), Midnight(Today.AddDays(-1)));

        var inclusive = await SandboxSources.MailgunClient(sandboxes.Inclusive).GetAccountTotalsAsync(query);
        var exclusive = await SandboxSources.MailgunClient(sandboxes.Exclusive).GetAccountTotalsAsync(query);

        Assert.Equal(3, inclusive.Stats.Count);
        Assert.Equal(2, exclusive.Stats.Count);
    }

    [Fact]
    public async Task SendGrid_v2_and_v3_give_the_same_rows_for_a_user_read_either_way()
    {
        foreach (var user in sandboxes.Inclusive.SendGrid.Subusers)
        {
            var v2 = new SendGridV2EmailStatsSource(SandboxSources.SendGridClient(sandboxes.Inclusive, SendGridV2Api.Subuser), user, null, SandboxSources.Berlin, sandboxes.Inclusive.Clock);
            var onBehalf = new SendGridV3EmailStatsSource(SandboxSources.SendGridV3Client(sandboxes.Inclusive, user), timeZone: SandboxSources.Berlin, timeProvider: sandboxes.Inclusive.Clock);
            var subuser = new SendGridV3EmailStatsSource(SandboxSources.SendGridV3Client(sandboxes.Inclusive), subusers: [user], timeZone: SandboxSources.Berlin, timeProvider: sandboxes.Inclusive.Clock);

            foreach (var (from, to) in Ranges(seed: user.Length * 104729, count: 6).Append((Today.AddDays(-399), Today)))
            {
                var expected = (await v2.GetDailyMetricsAsync(from, to)).Select(Numbers).ToList();
                Assert.Equal(expected, (await onBehalf.GetDailyMetricsAsync(from, to)).Select(Numbers));
                Assert.Equal(expected, (await subuser.GetDailyMetricsAsync(from, to)).Select(Numbers));
            }
        }

        static (DateOnly, long?, long?, long?, long?, long?, long?, long?, long?, long?, string?) Numbers(DailyEmailMetrics d) =>
            (d.Date, d.Sent, d.Delivered, d.Opens, d.UniqueOpens, d.Clicks, d.UniqueClicks, d.Bounces, d.Complaints, d.Unsubscribes, d.Note);
    }

    [Fact]
    public async Task SendGrid_v3_category_days_older_than_thirteen_months_are_noted_and_never_asked_for()
    {
        var source = new SendGridV3EmailStatsSource(SandboxSources.SendGridV3Client(sandboxes.Inclusive), category: "receipts", timeProvider: sandboxes.Inclusive.Clock);
        var before = sandboxes.Inclusive.RequestCount;

        var rows = await source.GetDailyMetricsAsync(Today.AddDays(-399), Today);

        var first = Today.AddMonths(-13);
        Assert.All(rows.Where(r => r.Date < first), r => Assert.Contains("previous 13 months only", r.Note, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Date >= first), r => Assert.True(r.Sent > 0));
        Assert.Equal(before + 2, sandboxes.Inclusive.RequestCount);
    }

    [Fact]
    public async Task A_getresponse_message_has_the_same_utc_rows_in_the_json_rpc_and_the_v3_api()
    {
        foreach (var id in sandboxes.Inclusive.GetResponse.NewsletterIds)
        {
            var v15 = new MessageEmailStatsSource(SandboxSources.MessageClient(sandboxes.Inclusive), id, null, sandboxes.Inclusive.Clock);
            var v3 = new GetResponseEmailStatsSource(SandboxSources.GetResponseClient(sandboxes.Inclusive), id, null, sandboxes.Inclusive.Clock);

            foreach (var (from, to) in Ranges(seed: id.Length * 31337, count: 4).Append((Today.AddDays(-399), Today)))
            {
                // API 1.5 splits bounces by reason (hard and soft); v3 gives their total only.
                Assert.Equal(
                    (await v15.GetDailyMetricsAsync(from, to)).Select(r => r with { HardBounces = null, SoftBounces = null }),
                    (await v3.GetDailyMetricsAsync(from, to)).Select(r => r with { Provider = v15.Provider, Source = v15.Name }));
            }
        }
    }

    [Fact]
    public async Task A_getresponse_zones_days_add_up_to_the_utc_days_over_a_whole_message()
    {
        var id = sandboxes.Inclusive.GetResponse.NewsletterIds[1];
        var utc = new GetResponseEmailStatsSource(SandboxSources.GetResponseClient(sandboxes.Inclusive), id, null, sandboxes.Inclusive.Clock);
        var berlin = new GetResponseEmailStatsSource(SandboxSources.GetResponseClient(sandboxes.Inclusive), id, SandboxSources.Berlin, sandboxes.Inclusive.Clock);

        var utcDays = await utc.GetDailyMetricsAsync(Today.AddDays(-399), Today.AddDays(-1));
        var berlinDays = await berlin.GetDailyMetricsAsync(Today.AddDays(-399), Today.AddDays(-1));

        Assert.Equal(utcDays.Sum(d => d.Sent), berlinDays.Sum(d => d.Sent));
        Assert.Equal(utcDays.Sum(d => d.Opens), berlinDays.Sum(d => d.Opens));
        Assert.NotEqual(utcDays.Select(d => d.Opens), berlinDays.Select(d => d.Opens));
        Assert.All(berlinDays, d => Assert.Null(d.UniqueOpens));
    }

    [Fact]
    public async Task SendGrid_days_add_up_to_the_lifetime_aggregate()
    {
        var client = SandboxSources.SendGridClient(sandboxes.Inclusive, SendGridV2Api.Subuser);
        var source = new SendGridV2EmailStatsSource(client, "acme-newsletters", timeProvider: sandboxes.Inclusive.Clock);

        var days = await source.GetDailyMetricsAsync(Today.AddDays(-450), Today);
        var total = await client.GetAggregateAsync("acme-newsletters");

        Assert.Equal(total.Requests, days.Sum(d => d.Sent));
        Assert.Equal(total.Delivered, days.Sum(d => d.Delivered));
        Assert.Equal(total.Bounces, days.Sum(d => d.HardBounces));
        Assert.Equal(total.Blocks, days.Sum(d => d.SoftBounces));
        Assert.Equal(total.Bounces + total.Blocks, days.Sum(d => d.Bounces));
        Assert.Equal(total.Opens, days.Sum(d => d.Opens));
        Assert.Equal(total.Clicks, days.Sum(d => d.Clicks));
        Assert.Equal(total.SpamReports, days.Sum(d => d.Complaints));
        Assert.Equal(total.Unsubscribes, days.Sum(d => d.Unsubscribes));
    }

    [Fact]
    public async Task Mailgun_days_add_up_to_the_monthly_totals()
    {
        var client = SandboxSources.MailgunClient(sandboxes.Inclusive);
        var source = new MailgunEmailStatsSource(client, "mg.acme.example", sandboxes.Inclusive.Clock);
        var september = new DateOnly(2026, 9, 1);

        var days = await source.GetDailyMetricsAsync(september, new DateOnly(2026, 10, 31));
        var months = await client.GetDomainTotalsAsync("mg.acme.example", MailgunStatsQuery.ForEvents(Enum.GetValues<MailgunEvent>())
            .Between(Midnight(september), Midnight(new DateOnly(2026, 10, 31))).WithResolution(MailgunResolution.Month));

        Assert.Equal(2, months.Stats.Count);
        Assert.Equal(months.Stats.Sum(m => m.Accepted!.Outgoing), days.Sum(d => d.Sent));
        Assert.Equal(months.Stats.Sum(m => m.Delivered!.Total), days.Sum(d => d.Delivered));
        Assert.Equal(
            months.Stats.Sum(m => m.Failed!.Permanent!.Total - m.Failed.Permanent["suppress-bounce"] - m.Failed.Permanent["suppress-unsubscribe"] - m.Failed.Permanent["suppress-complaint"]),
            days.Sum(d => d.Bounces));
        Assert.Equal(months.Stats.Sum(m => m.Opened!.Total), days.Sum(d => d.Opens));
        Assert.Equal(months.Stats.Sum(m => m.Clicked!.Total), days.Sum(d => d.Clicks));
        Assert.Equal(months.Stats.Sum(m => m.Complained!.Total), days.Sum(d => d.Complaints));
        Assert.Equal(months.Stats.Sum(m => m.Unsubscribed!.Total), days.Sum(d => d.Unsubscribes));
    }

    [Theory]
    [InlineData("UTC", 90)]
    [InlineData("Europe/Berlin", 45)]
    [InlineData("Pacific/Auckland", 7)]
    public async Task Benchmark_days_add_up_to_the_overall_report_of_the_same_days(string zone, int pastDays)
    {
        var client = SandboxSources.ReportsClient(sandboxes.Inclusive);
        var source = new ReportsEmailStatsSource(client, zone, sandboxes.Inclusive.Clock);
        var today = source.GetToday();

        var days = await source.GetDailyMetricsAsync(today.AddDays(1 - pastDays), today);
        var overall = (await client.GetEmailOverallAsync(ReportsQuery.PastDays(pastDays).InTimeZone(zone))).Stats;

        Assert.Equal(overall.Sent.Count.Value, days.Sum(d => d.Sent));
        Assert.Equal(overall.Delivered.Count.Value, days.Sum(d => d.Delivered));
        Assert.Equal(overall.TotalBounces.Count.Value, days.Sum(d => d.Bounces));
        Assert.Equal(overall.Complaints.Count.Value, days.Sum(d => d.Complaints));
        Assert.Equal(overall.Unsubscribes.Count.Value, days.Sum(d => d.Unsubscribes));
        Assert.Equal(overall.HardBounces.Count.Value, days.Sum(d => d.HardBounces));
        Assert.Equal(overall.SoftBounces.Count.Value, days.Sum(d => d.SoftBounces));
    }

    [Fact]
    public async Task GetResponse_days_add_up_to_the_messages_yearly_periods()
    {
        var client = SandboxSources.MessageClient(sandboxes.Inclusive);
        var id = sandboxes.Inclusive.GetResponse.NewsletterIds[0];
        var source = new MessageEmailStatsSource(client, id, timeProvider: sandboxes.Inclusive.Clock);

        var days = await source.GetDailyMetricsAsync(Today.AddDays(-420), Today);
        var years = await client.GetMessageStatsAsync(MessageStatsQuery.ForMessage(id).GroupedBy(MessageStatsGrouping.Yearly));

        Assert.Equal(years.Sum(p => p.Sent), days.Sum(d => d.Sent));
        Assert.Equal(years.Sum(p => p.Opened), days.Sum(d => d.Opens));
        Assert.Equal(years.Sum(p => p.Clicked), days.Sum(d => d.Clicks));
        Assert.Equal(years.Sum(p => p.Unsubscribes), days.Sum(d => d.Unsubscribes));
        Assert.Equal(years.Sum(p => p.ComplaintsHandled + p.ComplaintsUnhandled), days.Sum(d => d.Complaints));
        Assert.True(days.Sum(d => d.Sent) > 0);
    }

    [Fact]
    public async Task Benchmark_days_beyond_the_90_day_window_are_null_rows_with_a_note_in_a_120_day_range()
    {
        var source = SandboxSources.Create("reports-utc", sandboxes.Inclusive);

        var days = await source.GetDailyMetricsAsync(Today.AddDays(-119), Today);

        Assert.Equal(120, days.Count);
        Assert.All(days.Take(30), d =>
        {
            Assert.True(Metrics(d).All(m => m is null));
            Assert.StartsWith("Benchmark Email reports cover only the past 90 days", d.Note, StringComparison.Ordinal);
        });
        Assert.All(days.Skip(30), d => Assert.Null(d.Note));
        Assert.True(days.Skip(30).Sum(d => d.Sent) > 0);
    }

    /// <summary>The ranges a dashboard asks, then <paramref name="count"/> random ones from a seeded generator.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Ranges(int seed, int count)
    {
        yield return (Today.AddDays(-13), Today);
        yield return (Today.AddDays(-119), Today);
        yield return (Today.AddDays(-5), Today.AddDays(3));
        yield return (Today.AddDays(-100), Today.AddDays(-80));
        yield return (new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 30));
        yield return (new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 2));
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var from = Today.AddDays(-random.Next(0, 150));
            var to = from.AddDays(random.Next(0, 130));
            yield return (from, to > Today.AddDays(4) ? Today.AddDays(4) : to);
        }
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) => Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);

    private static long?[] Metrics(DailyEmailMetrics d) =>
        [d.Sent, d.Delivered, d.Opens, d.UniqueOpens, d.Clicks, d.UniqueClicks, d.Bounces, d.Complaints, d.Unsubscribes];

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
