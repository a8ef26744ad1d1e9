namespace EmailStats.Clients.Sandbox.Data;

/// <summary>One day (or hour) of sending for one stream (a user's category, a domain, a message...).</summary>
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

    /// <summary>
    /// What of this (final) part has been reported when the engagement counters stand at <paramref name="maturity"/>
    /// (<see cref="SandboxTime.Maturity"/>): sends, deliveries and bounces at once, opens, clicks, complaints and
    /// unsubscribes late. Repeats are scaled apart from the uniques, so a unique count never passes its total.
    /// </summary>
    public SandboxDay Observed(double maturity) => maturity >= 1 ? this : this with
    {
        UniqueOpens = SandboxTime.Scale(UniqueOpens, maturity),
        Opens = SandboxTime.Scale(UniqueOpens, maturity) + SandboxTime.Scale(Opens - UniqueOpens, maturity),
        UniqueClicks = SandboxTime.Scale(UniqueClicks, maturity),
        Clicks = SandboxTime.Scale(UniqueClicks, maturity) + SandboxTime.Scale(Clicks - UniqueClicks, maturity),
        SpamReports = SandboxTime.Scale(SpamReports, maturity),
        Unsubscribes = SandboxTime.Scale(Unsubscribes, maturity),
    };

    /// <summary>
    /// Splits the day into parts by <paramref name="weights"/>, every counter exactly (largest remainders), repeats apart
    /// from uniques so that no part has more unique opens or clicks than opens or clicks.
    /// </summary>
    public SandboxDay[] Split(IReadOnlyList<int> weights)
    {
        var requests = SandboxTime.Apportion(Requests, weights);
        var delivered = SandboxTime.Apportion(Delivered, weights);
        var bounces = SandboxTime.Apportion(Bounces - HardBounces, weights);
        var hard = SandboxTime.Apportion(HardBounces, weights);
        var blocks = SandboxTime.Apportion(Blocks, weights);
        var invalid = SandboxTime.Apportion(InvalidEmail, weights);
        var uniqueOpens = SandboxTime.Apportion(UniqueOpens, weights);
        var repeatOpens = SandboxTime.Apportion(Opens - UniqueOpens, weights);
        var uniqueClicks = SandboxTime.Apportion(UniqueClicks, weights);
        var repeatClicks = SandboxTime.Apportion(Clicks - UniqueClicks, weights);
        var spam = SandboxTime.Apportion(SpamReports, weights);
        var unsubscribes = SandboxTime.Apportion(Unsubscribes, weights);
        var parts = new SandboxDay[weights.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new SandboxDay(
                Date, requests[i], delivered[i], bounces[i] + hard[i], hard[i], blocks[i], invalid[i],
                uniqueOpens[i] + repeatOpens[i], uniqueOpens[i], uniqueClicks[i] + repeatClicks[i], uniqueClicks[i], spam[i], unsubscribes[i]);
        }

        return parts;
    }
}

/// <summary>
/// How the sandbox's providers report as time passes, the same for every provider. An hour's sends, deliveries and
/// bounces are reported from the hour's last second on; its opens, clicks, complaints and unsubscribes half then, and
/// the rest over the next <see cref="LateHours"/> hours (providers process engagement late). After that an hour never
/// changes again: a day is final <see cref="LateHours"/> hours after it ends, in any time zone.
/// </summary>
internal static class SandboxTime
{
    /// <summary>How long engagement keeps arriving after an hour ends.</summary>
    public const int LateHours = 48;

    /// <summary>The share of every counter in each UTC hour of a day's sending (a business-hours curve).</summary>
    public static readonly int[] HourWeights = [2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 8, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2];

    private static readonly TimeSpan Late = TimeSpan.FromHours(LateHours);

    /// <summary>When the events of the hour starting at <paramref name="hourStart"/> are first reported: its last second.</summary>
    public static DateTimeOffset ReportedAt(DateTimeOffset hourStart) => hourStart.AddHours(1).AddSeconds(-1);

    /// <summary>
    /// The share of an hour's engagement reported at <paramref name="now"/>: 0 before the hour is reported, then from
    /// one half rising evenly to all of it <see cref="LateHours"/> hours later.
    /// </summary>
    public static double Maturity(DateTimeOffset hourStart, DateTimeOffset now)
    {
        var age = now - ReportedAt(hourStart);
        return age < TimeSpan.Zero ? 0 : age >= Late ? 1 : 0.5 + (0.5 * (age / Late));
    }

    /// <summary>Whether the hour starting at <paramref name="hourStart"/> will still change after <paramref name="now"/>.</summary>
    public static bool IsSettled(DateTimeOffset hourStart, DateTimeOffset now) => now - ReportedAt(hourStart) >= Late;

    /// <summary>The reported part of a final count.</summary>
    public static long Scale(long total, double maturity) => maturity >= 1 ? total : (long)Math.Floor(total * maturity);

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>: floors, then the remainder to the largest fractions (earlier first on ties).</summary>
    public static long[] Apportion(long total, IReadOnlyList<int> weights)
    {
        var parts = new long[weights.Count];
        long sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        if (total <= 0 || sum <= 0)
        {
            return parts;
        }

        var fractions = new long[parts.Length];
        long given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Math.DivRem(total * weights[i], sum, out fractions[i]);
            given += parts[i];
        }

        while (given < total)
        {
            var best = 0;
            for (var i = 1; i < parts.Length; i++)
            {
                if (fractions[i] > fractions[best])
                {
                    best = i;
                }
            }

            parts[best]++;
            fractions[best] = -1;
            given++;
        }

        return parts;
    }

    /// <summary>A uniform number in [0, 1) from a key, a number and a salt: stable across runs and machines.</summary>
    public static double Unit(string key, long number, int salt)
    {
        // FNV-1a over the key, then mixed with the number and the salt (SplitMix64 finaliser).
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var x = hash ^ ((ulong)number << 8) ^ (ulong)salt;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}

/// <summary>
/// The sandbox's data: deterministic daily volumes per stream, so that every answer is reproducible, any date range
/// can be served, and totals are sums of days. A stream's final numbers for a day depend on the stream and the day
/// only, never on the clock: moving the clock on adds days and lets recent days' late engagement arrive
/// (<see cref="SandboxTime"/>), but a settled day keeps its numbers.
/// </summary>
internal sealed class SandboxData(TimeProvider clock, DateOnly firstDay)
{
    private static readonly AsyncLocal<DateTimeOffset?> CurrentMoment = new();

    /// <summary>The sandbox's clock.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>The first day with data (fixed when the sandbox starts); earlier days read as zero.</summary>
    public DateOnly FirstDay { get; } = firstDay;

    /// <summary>
    /// The sandbox's "now": the clock, read once per request (<see cref="Freeze"/>) so that every part of one answer
    /// sees the same instant.
    /// </summary>
    public DateTimeOffset Now => CurrentMoment.Value ?? Clock.GetUtcNow();

    /// <summary>Today (UTC) at <see cref="Now"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Holds <see cref="Now"/> at the clock's current instant until disposed (one request's answer).</summary>
    public IDisposable Freeze()
    {
        CurrentMoment.Value = Clock.GetUtcNow();
        return new Thaw();
    }

    /// <summary>A stream's day as it will finally be reported. <paramref name="volume"/> is the stream's typical daily requests.</summary>
    public SandboxDay Final(string stream, DateOnly date, long volume)
    {
        if (date < FirstDay)
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

    /// <summary>A stream's day as reported at <see cref="Now"/>: a day that has not begun is zero, today is partial, recent days still grow.</summary>
    public SandboxDay Day(string stream, DateOnly date, long volume)
    {
        var now = Now;
        var start = Midnight(date);
        if (date < FirstDay || now < SandboxTime.ReportedAt(start))
        {
            return SandboxDay.Empty(date);
        }

        if (SandboxTime.IsSettled(start.AddHours(23), now))
        {
            return Final(stream, date, volume);
        }

        var total = SandboxDay.Empty(date);
        foreach (var hour in Hours(stream, date, volume))
        {
            total = total.Plus(hour);
        }

        return total;
    }

    /// <summary>A stream's 24 UTC hours of <paramref name="date"/> as reported at <see cref="Now"/>; they add up to <see cref="Day(string, DateOnly, long)"/>.</summary>
    public SandboxDay[] Hours(string stream, DateOnly date, long volume)
    {
        var now = Now;
        var start = Midnight(date);
        var hours = Final(stream, date, volume).Split(SandboxTime.HourWeights);
        for (var h = 0; h < hours.Length; h++)
        {
            var maturity = SandboxTime.Maturity(start.AddHours(h), now);
            hours[h] = maturity <= 0 ? SandboxDay.Empty(date) : hours[h].Observed(maturity);
        }

        return hours;
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

    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static long Portion(long of, double min, double max, string stream, DateOnly date, int salt) =>
        (long)Math.Round(of * (min + (max - min) * Unit(stream, date, salt)));

    private static double Unit(string stream, DateOnly date, int salt) => SandboxTime.Unit(stream, date.DayNumber, salt);

    private sealed class Thaw : IDisposable
    {
        public void Dispose() => CurrentMoment.Value = null;
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
