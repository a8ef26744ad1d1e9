namespace EmailStats.Clients.Core.Tests;

/// <summary>Range splitting and stitching, shared by every provider adapter.</summary>
public sealed class EmailStatsSourceTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

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
    public async Task Metrics_a_source_does_not_report_are_null_even_when_the_adapter_filled_them()
    {
        var source = new FakeSource(maxDaysPerCall: 31) { Reported = EmailMetric.Sent };

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(2));

        Assert.All(days, d => Assert.Equal(10, d.Sent));
        Assert.All(days, d => Assert.Null(d.Delivered));
    }

    [Fact]
    public async Task Past_days_are_complete_and_today_is_reported_but_partial()
    {
        var source = new FakeSource(maxDaysPerCall: 31, new FixedClock(new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.Zero)));

        var days = await source.GetDailyMetricsAsync(Jan1, Jan1.AddDays(3));

        Assert.Equal([true, true, false, false], days.Select(d => d.IsComplete));
        Assert.Equal([true, true, true, false], days.Select(d => d.IsReported));
        Assert.Equal(new DateOnly(2024, 1, 3), source.GetToday());
    }

    [Fact]
    public async Task A_day_one_call_answers_past_its_end_is_counted_once_however_the_range_is_split()
    {
        // Spill: every call also answers the day after its last day (an inclusive end). Split at 7 days, the spilled
        // day is the next call's first day: it must not be summed twice.
        var split = new FakeSource(maxDaysPerCall: 7) { Spill = true };
        var whole = new FakeSource(maxDaysPerCall: 31) { Spill = true };

        var parts = await split.GetDailyMetricsAsync(Jan1, Jan1.AddDays(20));
        var once = await whole.GetDailyMetricsAsync(Jan1, Jan1.AddDays(20));

        Assert.Equal(3, split.Calls.Count);
        Assert.Equal(once, parts);
        Assert.All(parts, d => Assert.Equal(10, d.Sent));
    }

    [Fact]
    public async Task Days_after_today_are_null_rows_with_a_note_and_are_never_asked_for()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        // 2024-01-10 12:00 UTC is already 2024-01-11 in Auckland (UTC+13 in January).
        var source = new FakeSource(maxDaysPerCall: 31, new FixedClock(new DateTimeOffset(2024, 1, 10, 12, 0, 0, TimeSpan.Zero)), zone);

        var days = await source.GetDailyMetricsAsync(Jan1.AddDays(8), Jan1.AddDays(13));

        Assert.Equal([(Jan1.AddDays(8), Jan1.AddDays(10))], source.Calls);
        Assert.Equal([10L, 10L, 10L, null, null, null], days.Select(d => d.Sent));
        Assert.All(days.Take(3), d => Assert.Null(d.Note));
        Assert.All(days.Skip(3), d =>
        {
            Assert.Equal("The day has not begun yet in Pacific/Auckland.", d.Note);
            Assert.Null(d.Delivered);
            Assert.Equal("Fake", d.Provider);
        });
    }

    [Fact]
    public async Task A_range_entirely_in_the_future_makes_no_call()
    {
        var source = new FakeSource(maxDaysPerCall: 31, new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var days = await source.GetDailyMetricsAsync(Jan1.AddDays(1), Jan1.AddDays(3));

        Assert.Empty(source.Calls);
        Assert.All(days, d => Assert.NotNull(d.Note));
    }

    [Fact]
    public async Task Days_older_than_the_provider_serves_are_null_rows_with_its_note_not_an_error()
    {
        var source = new FakeSource(maxDaysPerCall: 5, new FixedClock(new DateTimeOffset(2024, 1, 20, 8, 0, 0, TimeSpan.Zero))) { ServedDays = 10 };

        var days = await source.GetDailyMetricsAsync(Jan1, new DateOnly(2024, 1, 20));

        // Served: 11th to 20th, in calls of at most 5 days.
        Assert.Equal([(new DateOnly(2024, 1, 11), new DateOnly(2024, 1, 15)), (new DateOnly(2024, 1, 16), new DateOnly(2024, 1, 20))], source.Calls);
        Assert.Equal(20, days.Count);
        Assert.All(days.Take(10), d => Assert.Equal("Fake serves days from 2024-01-11 on (UTC).", d.Note));
        Assert.All(days.Take(10), d => Assert.Null(d.Sent));
        Assert.All(days.Skip(10), d => Assert.Equal(10, d.Sent));
    }

    [Fact]
    public async Task Today_is_read_once_per_range_so_every_call_of_it_gets_the_same_day()
    {
        var clock = new TickingClock(new DateTimeOffset(2024, 1, 20, 23, 59, 59, TimeSpan.Zero), TimeSpan.FromSeconds(1));
        var source = new FakeSource(maxDaysPerCall: 3, clock);

        var days = await source.GetDailyMetricsAsync(new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 21));

        Assert.All(source.Todays, t => Assert.Equal(new DateOnly(2024, 1, 20), t));
        Assert.Equal(4, source.Todays.Count);
        Assert.Null(days[^1].Sent);
        Assert.Equal(10, days[^2].Sent);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A clock that moves on by a step every time it is read (so a second read may cross midnight).</summary>
    private sealed class TickingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow()
        {
            var now = _now;
            _now += step;
            return now;
        }
    }

    private sealed class FakeSource(int maxDaysPerCall, TimeProvider? clock = null, TimeZoneInfo? zone = null) : EmailStatsSource(clock)
    {
        private readonly EmailMetric _metrics = EmailMetric.Sent | EmailMetric.Delivered;

        public override EmailMetric Metrics => _metrics;

        public EmailMetric Reported { init => _metrics = value; }

        public List<DateOnly> Todays { get; } = [];

        public int? ServedDays { get; init; }

        public override TimeZoneInfo TimeZone => zone ?? TimeZoneInfo.Utc;

        protected override DateOnly? FirstServedDay(DateOnly today) => ServedDays is { } days ? today.AddDays(1 - days) : null;

        public List<(DateOnly, DateOnly)> Calls { get; } = [];

        public bool SkipEvenDays { get; init; }

        public bool Duplicate { get; init; }

        public bool Spill { get; init; }

        public override string Provider => "Fake";

        public override string Name => "fake source";

        protected override int MaxDaysPerCall => maxDaysPerCall;

        protected override Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
        {
            Calls.Add((from, to));
            Todays.Add(today);
            var rows = new List<DailyEmailMetrics>();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (SkipEvenDays && day.Day % 2 == 0)
                {
                    continue;
                }

                rows.Add(Row(day) with { Sent = 10, Delivered = 9 });
                if (Duplicate)
                {
                    rows.Add(Row(day) with { Sent = 10, Delivered = 9 });
                }
            }

            if (Spill)
            {
                rows.Add(Row(to.AddDays(1)) with { Sent = 10, Delivered = 9 });
            }

            return Task.FromResult<IEnumerable<DailyEmailMetrics>>(rows);
        }
    }
}
