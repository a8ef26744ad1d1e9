namespace EmailStats.Clients.Core.Tests;

/// <summary>Range splitting and stitching, shared by every provider adapter.</summary>
public sealed class EmailStatsSourceTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    [Fact]
    public void A_range_splits_into_consecutive_parts_of_at_most_the_limit()
    {
        var parts = EmailStatsSource.Split(Jan1, new DateOnly(2024, 3, 31), 30).ToList();

        Assert.Equal(
            [(Jan1, new DateOnly(2024, 1, 30)), (new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29)), (new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 30)), (new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31))],
            parts);
        Assert.Equal([(Jan1, Jan1)], EmailStatsSource.Split(Jan1, Jan1, 90));
        Assert.Equal([(Jan1, new DateOnly(2024, 1, 10))], EmailStatsSource.Split(Jan1, new DateOnly(2024, 1, 10), 10));
    }

    [Fact]
    public void Split_refuses_a_reversed_range_or_a_zero_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmailStatsSource.Split(Jan1, Jan1.AddDays(-1), 5).ToList());
        Assert.Throws<ArgumentOutOfRangeException>(() => EmailStatsSource.Split(Jan1, Jan1, 0).ToList());
    }

    [Fact]
    public async Task Long_ranges_are_fetched_in_parts_and_stitched_into_one_row_per_day()
    {
        var source = new FakeSource(maxDaysPerCall: 7);

        var days = await source.GetDailyMetricsAsync(Jan1, new DateOnly(2024, 1, 20));

        Assert.Equal([(Jan1, new DateOnly(2024, 1, 7)), (new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 14)), (new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 20))], source.Calls);
        Assert.Equal(20, days.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => Jan1.AddDays(i)), days.Select(d => d.Date));
    }

    [Fact]
    public async Task Missing_days_read_as_zero_for_reported_metrics_and_null_for_the_others()
    {
        var source = new FakeSource(maxDaysPerCall: 31) { SkipEvenDays = true };

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(3));

        Assert.Equal(10, days[0].Sent);
        Assert.Equal(0, days[1].Sent);
        Assert.Null(days[1].Opens);
        Assert.Null(days[0].Opens);
        Assert.Equal(0, days[1].Delivered);
    }

    [Fact]
    public async Task Rows_of_the_same_day_are_summed_and_rows_outside_the_range_dropped()
    {
        var source = new FakeSource(maxDaysPerCall: 31) { Duplicate = true, Spill = true };

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(1));

        Assert.Equal(2, days.Count);
        Assert.Equal(20, days[0].Sent);
        Assert.Equal(18, days[0].Delivered);
        Assert.Null(days[0].Opens);
    }

    [Fact]
    public async Task Reversed_and_overlong_ranges_are_refused_before_any_call()
    {
        var source = new FakeSource(maxDaysPerCall: 31);

        var reversed = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(-1)));
        var overlong = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(EmailStatsSource.MaxRangeDays)));

        Assert.Equal("to", reversed.ParamName);
        Assert.Contains("3660", overlong.Message, StringComparison.Ordinal);
        Assert.Empty(source.Calls);
    }

    [Fact]
    public void Plus_keeps_null_only_when_both_are_null()
    {
        var a = new DailyEmailMetrics { Provider = "p", Source = "s", Date = Jan1, Sent = 1, Opens = null, Clicks = 3 };
        var b = a with { Sent = 2, Clicks = null };

        var sum = a.Plus(b);

        Assert.Equal(3, sum.Sent);
        Assert.Null(sum.Opens);
        Assert.Equal(3, sum.Clicks);
    }

    private sealed class FakeSource(int maxDaysPerCall) : EmailStatsSource
    {
        public List<(DateOnly, DateOnly)> Calls { get; } = [];

        public bool SkipEvenDays { get; init; }

        public bool Duplicate { get; init; }

        public bool Spill { get; init; }

        public override string Provider => "Fake";

        public override string Name => "fake source";

        protected override int MaxDaysPerCall => maxDaysPerCall;

        protected override Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            Calls.Add((from, to));
            var rows = new List<DailyEmailMetrics>();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (SkipEvenDays && day.Day % 2 == 0)
                {
                    continue;
                }

                rows.Add(Empty(day) with { Sent = 10, Delivered = 9 });
                if (Duplicate)
                {
                    rows.Add(Empty(day) with { Sent = 10, Delivered = 9 });
                }
            }

            if (Spill)
            {
                rows.Add(Empty(to.AddDays(1)) with { Sent = 1000 });
            }

            return Task.FromResult<IEnumerable<DailyEmailMetrics>>(rows);
        }

        protected override DailyEmailMetrics Empty(DateOnly date) => new() { Provider = Provider, Source = Name, Date = date, Sent = 0, Delivered = 0 };
    }
}
