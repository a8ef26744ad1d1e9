using Microsoft.Extensions.Time.Testing;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// The sandbox's clock moves: every source's settled days keep their numbers exactly, new days appear, today fills up,
/// and the last two days' late engagement arrives (never going down), as DESIGN.md section 6 asks.
/// </summary>
public sealed class HistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Sources() => [.. SandboxSources.Names];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_settled_day_keeps_its_numbers_when_the_clock_moves_on_and_recent_days_only_grow(string name)
    {
        var clock = new FakeTimeProvider(Start);
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { TimeProvider = clock, HistoryDays = 200 });
        var source = SandboxSources.Create(name, sandbox);
        var today = source.GetToday();
        var from = today.AddDays(-30);

        var before = await source.GetDailyMetricsAsync(from, today);
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(7));
        var after = await source.GetDailyMetricsAsync(from, today);

        // Days that ended more than 48 hours before the first read (in any zone: every zone's day ends by 14:00 UTC of
        // the next UTC day) are settled: not one number changes.
        var settled = before.Where(d => d.Date <= today.AddDays(-3)).ToList();
        Assert.Equal(settled, after.Take(settled.Count));

        // The days after them only grow, and late engagement (or the rest of today) arrived in at least one (unless the
        // source had no activity at all lately: an old GetResponse message).
        var recent = before.Skip(settled.Count).Zip(after.Skip(settled.Count)).ToList();
        Assert.All(recent, pair => Assert.All(
            Metrics(pair.First).Zip(Metrics(pair.Second)),
            m => Assert.True((m.Second ?? 0) >= (m.First ?? 0), $"{name} {pair.First.Date:yyyy-MM-dd}: {m.First} became {m.Second}")));
        Assert.True(
            recent.Any(pair => pair.First != pair.Second) || recent.All(pair => Metrics(pair.Second).All(m => m is null or 0)),
            $"{name}: nothing arrived late in the last days");
    }

    [Fact]
    public async Task A_daily_stream_read_from_sandboxes_started_on_different_days_is_the_same_once_settled()
    {
        using var early = EmailStatsSandbox.Create(new SandboxOptions { TimeProvider = new FakeTimeProvider(Start), HistoryDays = 100 });
        using var late = EmailStatsSandbox.Create(new SandboxOptions { TimeProvider = new FakeTimeProvider(Start.AddDays(40)), HistoryDays = 140 });
        var day = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-10);

        // (GetResponse newsletters and Benchmark campaigns are placed over the history a sandbox starts with.)
        foreach (var name in new[] { "sendgrid-v3-subusers", "mailgun-account", "sendgrid-user-berlin", "mailgun-v3-domain" })
        {
            var first = await SandboxSources.Create(name, early).GetDailyMetricsAsync(day.AddDays(-5), day);
            var second = await SandboxSources.Create(name, late).GetDailyMetricsAsync(day.AddDays(-5), day);

            Assert.Equal(first, second);
            Assert.True(first.Sum(d => d.Sent) > 0, name);
        }
    }

    [Fact]
    public async Task Today_fills_up_as_the_hours_pass()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { TimeProvider = clock, HistoryDays = 60 });
        var source = SandboxSources.Create("mailgun-account", sandbox);
        var today = source.GetToday();

        var early = Assert.Single(await source.GetDailyMetricsAsync(today, today));
        clock.Advance(TimeSpan.FromHours(12));
        var noon = Assert.Single(await source.GetDailyMetricsAsync(today, today));
        clock.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        var end = Assert.Single(await source.GetDailyMetricsAsync(today, today));

        Assert.InRange(early.Sent!.Value, 1, noon.Sent!.Value - 1);
        Assert.InRange(noon.Sent.Value, 1, end.Sent!.Value - 1);
    }

    private static long?[] Metrics(DailyEmailMetrics d) =>
        [d.Sent, d.Delivered, d.Opens, d.UniqueOpens, d.Clicks, d.UniqueClicks, d.Bounces, d.Complaints, d.Unsubscribes];
}
