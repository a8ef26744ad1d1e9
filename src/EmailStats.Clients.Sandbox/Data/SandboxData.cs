namespace EmailStats.Clients.Sandbox.Data;

/// <summary>One day of sending for one stream (an account, a category, a domain, a message...).</summary>
internal readonly record struct SandboxDay(
    DateOnly Date,
    long Requests,
    long Delivered,
    long Bounces,
    long HardBounces,
    long Blocks,
    long InvalidEmail,
    long Opens,
    long UniqueOpens,
    long Clicks,
    long UniqueClicks,
    long SpamReports,
    long Unsubscribes)
{
    public static SandboxDay Empty(DateOnly date) => new(date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public SandboxDay Plus(SandboxDay other) => new(
        Date,
        Requests + other.Requests,
        Delivered + other.Delivered,
        Bounces + other.Bounces,
        HardBounces + other.HardBounces,
        Blocks + other.Blocks,
        InvalidEmail + other.InvalidEmail,
        Opens + other.Opens,
        UniqueOpens + other.UniqueOpens,
        Clicks + other.Clicks,
        UniqueClicks + other.UniqueClicks,
        SpamReports + other.SpamReports,
        Unsubscribes + other.Unsubscribes);
}

/// <summary>
/// The sandbox's data: deterministic daily volumes per stream, so that every answer is reproducible, any date range
/// can be served, and totals are sums of days (an aggregate equals the sum of its days; an account's day is the sum
/// of its categories' days).
/// </summary>
internal sealed class SandboxData(DateOnly today, int historyDays)
{
    public DateOnly Today { get; } = today;

    /// <summary>The sandbox's "now": the last second of <see cref="Today"/> (UTC).</summary>
    public DateTimeOffset Now { get; } = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(-1);

    /// <summary>A clock standing at <see cref="Now"/>.</summary>
    public TimeProvider Clock => new FixedClock(Now);

    /// <summary>The first day with data; earlier days read as zero.</summary>
    public DateOnly FirstDay { get; } = today.AddDays(-(historyDays - 1));

    /// <summary>One stream's day. <paramref name="volume"/> is the stream's typical daily requests.</summary>
    public SandboxDay Day(string stream, DateOnly date, long volume)
    {
        if (date < FirstDay || date > Today)
        {
            return SandboxDay.Empty(date);
        }

        var weekday = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0;
        var requests = (long)Math.Round(volume * weekday * (0.75 + 0.5 * Unit(stream, date, 1)));
        var bounces = Portion(requests, 0.008, 0.02, stream, date, 2);
        var hardBounces = Portion(bounces, 0.4, 0.7, stream, date, 3);
        var blocks = Portion(requests, 0.001, 0.006, stream, date, 4);
        var invalid = Portion(requests, 0.0, 0.002, stream, date, 5);
        var delivered = requests - bounces - blocks - invalid;
        var uniqueOpens = Portion(delivered, 0.18, 0.34, stream, date, 6);
        var opens = uniqueOpens + Portion(uniqueOpens, 0.2, 0.6, stream, date, 7);
        var uniqueClicks = Portion(uniqueOpens, 0.08, 0.22, stream, date, 8);
        var clicks = uniqueClicks + Portion(uniqueClicks, 0.1, 0.5, stream, date, 9);
        var spam = Portion(delivered, 0.0, 0.0008, stream, date, 10);
        var unsubscribes = Portion(delivered, 0.0005, 0.003, stream, date, 11);
        return new SandboxDay(date, requests, delivered, bounces, hardBounces, blocks, invalid, opens, uniqueOpens, clicks, uniqueClicks, spam, unsubscribes);
    }

    /// <summary>The sum of several streams' days (an account made of categories, domains, messages).</summary>
    public SandboxDay Day(IEnumerable<(string Stream, long Volume)> streams, DateOnly date)
    {
        var total = SandboxDay.Empty(date);
        foreach (var (stream, volume) in streams)
        {
            total = total.Plus(Day(stream, date, volume));
        }

        return total;
    }

    /// <summary>Every day from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly start, DateOnly end)
    {
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static long Portion(long of, double min, double max, string stream, DateOnly date, int salt) =>
        (long)Math.Round(of * (min + (max - min) * Unit(stream, date, salt)));

    /// <summary>A uniform number in [0, 1) from the stream, day and salt: stable across runs and machines.</summary>
    private static double Unit(string stream, DateOnly date, int salt)
    {
        // FNV-1a over the stream name, then mixed with the day number and the salt (SplitMix64 finaliser).
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var x = hash ^ ((ulong)date.DayNumber << 8) ^ (ulong)salt;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
