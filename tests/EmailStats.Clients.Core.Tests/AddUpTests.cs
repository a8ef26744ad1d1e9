namespace EmailStats.Clients.Core.Tests;

/// <summary>
/// The one rule for a day made of several rows (DESIGN.md section 7, "Adding rows up"), proved as properties over many
/// generated sets of rows (seeded, so a failure repeats), not on one example.
/// </summary>
public sealed class AddUpTests
{
    private static readonly DateOnly Day = new(2024, 3, 31);

    private static readonly EmailMetric[] Counts =
    [
        EmailMetric.Sent, EmailMetric.Delivered, EmailMetric.Opens, EmailMetric.Clicks, EmailMetric.Bounces, EmailMetric.HardBounces,
        EmailMetric.SoftBounces, EmailMetric.Complaints, EmailMetric.Unsubscribes,
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_count_is_the_sum_when_every_row_has_it_and_null_otherwise(int seed)
    {
        var rows = Rows(new Random(seed));

        var day = DailyEmailMetrics.AddUp(rows);

        foreach (var metric in Counts.Where(m => m is not EmailMetric.Bounces))
        {
            long? expected = rows.All(r => r[metric] is not null) ? rows.Sum(r => r[metric]!.Value) : null;
            Assert.Equal(expected, day[metric]);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bounces_are_hard_plus_soft_where_both_are_known_else_the_sum_of_the_totals(int seed)
    {
        var rows = Rows(new Random(seed));

        var day = DailyEmailMetrics.AddUp(rows);

        if (day.HardBounces is { } hard && day.SoftBounces is { } soft)
        {
            Assert.Equal(hard + soft, day.Bounces);
        }
        else
        {
            long? totals = rows.All(r => r.Bounces is not null) ? rows.Sum(r => r.Bounces!.Value) : null;
            Assert.Equal(totals, day.Bounces);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Uniques_survive_only_a_day_of_one_row(int seed)
    {
        var random = new Random(seed);
        var rows = Rows(random);
        var one = Row(random) with { UniqueOpens = 7, UniqueClicks = 3 };

        var many = DailyEmailMetrics.AddUp(rows);
        var single = DailyEmailMetrics.AddUp([one]);

        if (rows.Count > 1)
        {
            Assert.Null(many.UniqueOpens);
            Assert.Null(many.UniqueClicks);
        }

        Assert.Equal(7, single.UniqueOpens);
        Assert.Equal(3, single.UniqueClicks);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_order_of_the_rows_and_how_they_are_grouped_first_do_not_change_a_count(int seed)
    {
        var random = new Random(seed);
        var rows = Rows(random, min: 2);
        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var cut = random.Next(1, rows.Count);

        var whole = DailyEmailMetrics.AddUp(rows);
        var reordered = DailyEmailMetrics.AddUp(shuffled);
        var grouped = DailyEmailMetrics.AddUp([DailyEmailMetrics.AddUp(rows[..cut]), DailyEmailMetrics.AddUp(rows[cut..])]);

        Assert.Equal(whole, reordered);
        foreach (var metric in Counts)
        {
            Assert.Equal(whole[metric], grouped[metric]);
        }
    }

    [Fact]
    public void Rows_of_different_days_or_no_rows_are_refused()
    {
        var row = DailyEmailMetrics.Zero("p", "s", Day, EmailMetric.All);

        var different = Assert.Throws<ArgumentException>(() => DailyEmailMetrics.AddUp([row, row with { Date = Day.AddDays(1) }]));
        var none = Assert.Throws<ArgumentException>(() => DailyEmailMetrics.AddUp([]));

        Assert.Equal("rows", different.ParamName);
        Assert.Contains("2024-03-31", different.Message, StringComparison.Ordinal);
        Assert.Equal("rows", none.ParamName);
    }

    [Fact]
    public void Zero_fills_exactly_the_metrics_a_source_reports()
    {
        var reported = EmailMetric.Sent | EmailMetric.Bounces | EmailMetric.Complaints;

        var row = DailyEmailMetrics.Zero("p", "s", Day, reported);

        foreach (var metric in Enum.GetValues<EmailMetric>().Where(m => m is not EmailMetric.None and not EmailMetric.All))
        {
            Assert.Equal((reported & metric) != 0 ? 0 : null, row[metric]);
        }

        Assert.True(row.IsReported);
        Assert.Throws<ArgumentOutOfRangeException>(() => row[EmailMetric.Sent | EmailMetric.Opens]);
    }

    private static List<DailyEmailMetrics> Rows(Random random, int min = 1)
    {
        var count = random.Next(min, 8);
        return [.. Enumerable.Range(0, count).Select(_ => Row(random))];
    }

    /// <summary>A row with each count missing one time in six, and bounces given as a split, a total or both.</summary>
    private static DailyEmailMetrics Row(Random random)
    {
        long? Count() => random.Next(6) == 0 ? null : random.Next(0, 1_000_000);
        var hard = Count();
        var soft = Count();
        return new DailyEmailMetrics
        {
            Provider = "p",
            Source = "s",
            Date = Day,
            Sent = Count(),
            Delivered = Count(),
            Opens = Count(),
            UniqueOpens = Count(),
            Clicks = Count(),
            UniqueClicks = Count(),
            HardBounces = hard,
            SoftBounces = soft,
            Bounces = hard + soft ?? Count(),
            Complaints = Count(),
            Unsubscribes = Count(),
        };
    }
}
