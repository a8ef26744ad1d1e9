namespace EmailStats.Clients.Core.Tests;

/// <summary>
/// Rates from a period's sums and the verdict against the thresholds (DESIGN.md section 10): every null, zero and
/// partial-day edge, and properties over many generated periods.
/// </summary>
public sealed class HealthTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static DailyEmailMetrics Day(int offset, long? sent = 1000, long? delivered = 980, long? bounces = 20, long? complaints = 0, bool complete = true) => new()
    {
        Provider = "Fake",
        Source = "s",
        Date = Monday.AddDays(offset),
        Sent = sent,
        Delivered = delivered,
        Bounces = bounces,
        Complaints = complaints,
        Unsubscribes = 0,
        Opens = 10,
        UniqueOpens = 5,
        IsComplete = complete,
    };

    private static DailyEmailMetrics NotBegun(int offset) => new() { Provider = "Fake", Source = "s", Date = Monday.AddDays(offset), Note = "The day has not begun yet in UTC." };

    [Fact]
    public void Rates_come_from_the_periods_sums_not_from_an_average_of_daily_rates()
    {
        // Day 1: 10 of 100 bounced (10%); day 2: 10 of 900 (1.1%). The period: 20 of 1000 = 2%, not the 5.6% average.
        var totals = EmailTotals.Of([Day(0, sent: 100, delivered: 90, bounces: 10), Day(1, sent: 900, delivered: 890, bounces: 10)]);

        Assert.Equal(1000, totals.Sent);
        Assert.Equal(0.02, totals.Rates.Bounce);
        Assert.Equal(0.98, totals.Rates.Delivery);
        Assert.Equal(2, totals.CountedDays);
    }

    [Fact]
    public void A_rate_over_nothing_is_null_never_zero_or_infinite()
    {
        // GetResponse dates complaints by the day they happen: a day with a complaint and nothing sent.
        var rates = EmailRates.Of(Day(0, sent: 0, delivered: 0, bounces: 0, complaints: 1));

        Assert.Null(rates.Bounce);
        Assert.Null(rates.Complaint);
        Assert.Null(rates.Delivery);
        Assert.Null(EmailRates.Ratio(5, 0));
        Assert.Equal(0.0, EmailRates.Ratio(0, 5));
    }

    [Fact]
    public void A_rate_with_an_unknown_part_is_null()
    {
        // GetResponse reports no deliveries: no delivery or complaint rate, but a bounce rate.
        var rates = EmailTotals.Of([Day(0, delivered: null), Day(1, delivered: null)]).Rates;

        Assert.Null(rates.Delivery);
        Assert.Null(rates.Complaint);
        Assert.Equal(0.02, rates.Bounce);
    }

    [Fact]
    public void A_count_one_day_lacks_makes_the_periods_sum_unknown_not_smaller()
    {
        var totals = EmailTotals.Of([Day(0), Day(1, bounces: null)]);

        Assert.Null(totals.Bounces);
        Assert.Null(totals.Rates.Bounce);
        Assert.Equal(2000, totals.Sent);
    }

    [Fact]
    public void Todays_partial_row_and_unreported_days_are_left_out_unless_partial_days_are_asked_for()
    {
        List<DailyEmailMetrics> week = [Day(0), Day(1), Day(2, sent: 10, delivered: 10, bounces: 0, complete: false), NotBegun(3)];

        var complete = EmailTotals.Of(week);
        var withToday = EmailTotals.Of(week, includePartialDays: true);

        Assert.Equal((4, 3, 2, 2000L), (complete.Days, complete.ReportedDays, complete.CountedDays, complete.Sent!.Value));
        Assert.Equal((3, 2010L), (withToday.CountedDays, withToday.Sent!.Value));
        Assert.Equal(Monday.AddDays(3), complete.To);
    }

    [Fact]
    public void A_period_with_no_counted_day_has_no_sums_and_no_rates()
    {
        var totals = EmailTotals.Of([NotBegun(0), Day(1, complete: false)]);

        Assert.Equal(0, totals.CountedDays);
        Assert.Null(totals.Sent);
        Assert.Equal(new EmailRates(null, null, null, null, null, null, null), totals.Rates);
    }

    [Fact]
    public void Unique_rates_exist_for_one_day_only()
    {
        Assert.Equal(5.0 / 980, EmailRates.Of(Day(0)).UniqueOpen);
        Assert.Null(EmailTotals.Of([Day(0), Day(1)]).Rates.UniqueOpen);
    }

    [Fact]
    public void Rows_of_several_sources_or_no_rows_are_refused()
    {
        Assert.Equal("days", Assert.Throws<ArgumentException>(() => EmailTotals.Of([Day(0), Day(1) with { Source = "other" }])).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentException>(() => EmailTotals.Of([])).ParamName);
    }

    [Theory]
    [InlineData(0, 0, HealthStatus.Healthy)]
    [InlineData(19, 0, HealthStatus.Healthy)]     // 1.9% bounces
    [InlineData(20, 0, HealthStatus.Warning)]     // 2% is the warning threshold itself
    [InlineData(50, 0, HealthStatus.Critical)]    // 5%
    [InlineData(0, 1, HealthStatus.Warning)]      // 1 complaint per 1,000 delivered: 0.1%
    [InlineData(0, 3, HealthStatus.Critical)]     // 0.3%
    public void The_period_is_judged_at_the_published_thresholds(long bouncesPerDay, long complaintsPerDay, HealthStatus expected)
    {
        var days = Enumerable.Range(0, 7).Select(i => Day(i, sent: 1000, delivered: 1000, bounces: bouncesPerDay, complaints: complaintsPerDay)).ToList();

        var verdict = EmailHealth.Judge(days);

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(expected == HealthStatus.Healthy ? 0 : 1, verdict.Breaches.Count(b => b.Day is null));
    }

    [Fact]
    public void The_days_that_broke_a_threshold_are_named_and_a_day_alone_is_a_warning()
    {
        // One bad Tuesday (8% bounces) in a clean week: the period stays under 2%, the day is named.
        var days = Enumerable.Range(0, 7).Select(i => Day(i, bounces: i == 1 ? 80 : 0)).ToList();

        var verdict = EmailHealth.Judge(days);

        Assert.Equal(HealthStatus.Warning, verdict.Status);
        Assert.Equal([Monday.AddDays(1)], verdict.BreachedDays);
        var breach = Assert.Single(verdict.Breaches);
        Assert.Equal((HealthRule.BounceRate, HealthStatus.Critical, 0.08, 0.05), (breach.Rule, breach.Level, breach.Rate, breach.Threshold));
    }

    [Fact]
    public void A_small_day_or_an_activity_dated_source_names_no_day()
    {
        // 1 complaint among 20 delivered is 5%: too little mail to say anything about that day alone.
        List<DailyEmailMetrics> days = [Day(0, sent: 20, delivered: 20, bounces: 0, complaints: 1), .. Enumerable.Range(1, 6).Select(i => Day(i, sent: 2000, delivered: 2000, bounces: 0))];
        var bad = Enumerable.Range(0, 7).Select(i => Day(i, bounces: i == 1 ? 80 : 0)).ToList();

        var small = EmailHealth.Judge(days);
        var periodOnly = EmailHealth.Judge(bad, judging: HealthJudging.PeriodOnly);

        Assert.Equal(HealthStatus.Healthy, small.Status);
        Assert.Empty(small.BreachedDays);
        Assert.Equal(HealthStatus.Healthy, periodOnly.Status);
        Assert.Empty(periodOnly.Breaches);
        Assert.Contains(periodOnly.Notes, n => n.Contains("period only", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_sent_or_nothing_reported_is_not_judged_and_says_why()
    {
        var quiet = EmailHealth.Judge([Day(0, sent: 0, delivered: 0, bounces: 0), Day(1, sent: 0, delivered: 0, bounces: 0)]);
        var noDeliveries = EmailHealth.Judge([Day(0, delivered: null, bounces: 5)]);

        Assert.Equal(HealthStatus.NotJudged, quiet.Status);
        Assert.Contains(quiet.Notes, n => n.Contains("no mail was sent", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Healthy, noDeliveries.Status); // the bounce rate was judged
        Assert.Contains(noDeliveries.Notes, n => n.Contains("reports no deliveries", StringComparison.Ordinal));
    }

    [Fact]
    public void Thresholds_that_cannot_be_right_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => EmailHealth.Judge([Day(0)], new HealthThresholds { BounceWarning = 0.06, ComplaintCritical = 3 }));

        Assert.Contains("BounceWarning (0.06) must not be above BounceCritical (0.05)", e.Message, StringComparison.Ordinal);
        Assert.Contains("ComplaintCritical must be a fraction above 0 and at most 1", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_periods_rates_are_its_sums_ratios_and_its_status_the_worst_period_breach_or_a_day_warning(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1, 40);
        var days = Enumerable.Range(0, count).Select(i =>
        {
            var sent = random.Next(0, 5) == 0 ? 0 : random.Next(1, 5000);
            var bounces = sent == 0 ? 0 : random.Next(0, sent / 10 + 1);
            var delivered = sent - bounces;
            var complaints = delivered == 0 ? random.Next(0, 2) : random.Next(0, delivered / 200 + 1);
            return Day(i, sent, delivered, bounces, complaints, complete: i < count - 1 || random.Next(2) == 0);
        }).ToList();
        var thresholds = new HealthThresholds();

        var verdict = EmailHealth.Judge(days, thresholds);

        var counted = days.Where(d => d.IsComplete).ToList();
        var sent = counted.Sum(d => d.Sent!.Value);
        var bouncesSum = counted.Sum(d => d.Bounces!.Value);
        Assert.Equal(counted.Count == 0 || sent == 0 ? null : (double)bouncesSum / sent, verdict.Totals.Rates.Bounce);
        var worstPeriod = verdict.Breaches.Where(b => b.Day is null).Select(b => b.Level).DefaultIfEmpty(HealthStatus.Healthy).Max();
        Assert.True(verdict.Status == HealthStatus.NotJudged || verdict.Status == worstPeriod || (worstPeriod == HealthStatus.Healthy && verdict.Status == HealthStatus.Warning && verdict.BreachedDays.Count > 0));
        Assert.All(verdict.Breaches, b => Assert.True(b.Rate >= b.Threshold));
        Assert.All(verdict.BreachedDays, d => Assert.Contains(counted, c => c.Date == d));
        Assert.All(verdict.Breaches.Where(b => b.Day is { } d), b =>
        {
            var day = counted.Single(c => c.Date == b.Day);
            Assert.True((b.Rule == HealthRule.BounceRate ? day.Sent : day.Delivered) >= thresholds.MinimumDailyVolume);
        });
    }
}
