namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// The Mailgun counters of one item, as a flat array of the leaf counters (every total on the wire is a sum of
/// leaves, so sums of items stay consistent). Helpers to derive them from a sandbox day, add and split them.
/// </summary>
internal static class MailgunSandboxCounts
{
    public const int Incoming = 0;
    public const int Outgoing = 1;
    public const int Smtp = 2;
    public const int Http = 3;
    public const int Optimized = 4;
    public const int EspBlock = 5;
    /// <summary>Hard bounces at delivery time.</summary>
    public const int HardBounce = 6;

    /// <summary>Hard bounces that came after the message was first marked delivered (<c>delayed-bounce</c>).</summary>
    public const int DelayedBounce = 7;
    public const int SuppressBounce = 8;
    public const int SuppressUnsubscribe = 9;
    public const int SuppressComplaint = 10;
    public const int Opened = 11;
    public const int UniqueOpened = 12;
    public const int Clicked = 13;
    public const int UniqueClicked = 14;
    public const int Unsubscribed = 15;
    public const int Complained = 16;
    public const int Stored = 17;

    /// <summary>Soft bounces: rejected for now or for the message; Mailgun gives up on them (a permanent failure).</summary>
    public const int SoftBounce = 18;
    public const int Count = 19;

    /// <summary>
    /// A domain's day in Mailgun's terms: every outgoing message is delivered, failed permanently (hard bounces, a
    /// tenth of them delayed, soft bounces Mailgun gave up on, suppressed invalid addresses) or blocked by the receiving ESP (a temporary failure
    /// that was not retried), so <c>outgoing = delivered + failed</c>. A small share of inbound mail is accepted as
    /// incoming and stored.
    /// </summary>
    public static long[] From(SandboxDay day)
    {
        var counts = new long[Count];
        counts[Outgoing] = day.Requests;
        counts[Incoming] = day.Requests / 150;
        counts[Stored] = counts[Incoming] - (counts[Incoming] / 3);
        counts[Http] = day.Delivered * 3 / 10;
        counts[Optimized] = day.Delivered / 40;
        counts[Smtp] = day.Delivered - counts[Http] - counts[Optimized];
        counts[EspBlock] = day.Blocks;
        counts[DelayedBounce] = day.HardBounces / 10;
        counts[HardBounce] = day.HardBounces - counts[DelayedBounce];
        counts[SoftBounce] = day.Bounces - day.HardBounces;
        counts[SuppressUnsubscribe] = day.InvalidEmail / 4;
        counts[SuppressComplaint] = day.InvalidEmail / 10;
        counts[SuppressBounce] = day.InvalidEmail - counts[SuppressUnsubscribe] - counts[SuppressComplaint];
        counts[Opened] = day.Opens;
        counts[UniqueOpened] = day.UniqueOpens;
        counts[Clicked] = day.Clicks;
        counts[UniqueClicked] = day.UniqueClicks;
        counts[Unsubscribed] = day.Unsubscribes;
        counts[Complained] = day.SpamReports;
        return counts;
    }

    public static long[] Zero() => new long[Count];

    /// <summary>Adds <paramref name="other"/> into <paramref name="total"/>.</summary>
    public static void Add(long[] total, long[] other)
    {
        for (var i = 0; i < Count; i++)
        {
            total[i] += other[i];
        }
    }

    /// <summary>
    /// Splits every counter by the weights, exactly: each part gets its floored share and the remainder goes one by
    /// one to the parts with the largest fractions (earlier parts first on ties), so the parts sum to the whole.
    /// </summary>
    public static long[][] Split(long[] counts, IReadOnlyList<int> weights)
    {
        var parts = new long[weights.Count][];
        for (var p = 0; p < parts.Length; p++)
        {
            parts[p] = new long[Count];
        }

        long sum = weights.Sum();
        var fractions = new long[weights.Count];
        var order = new int[weights.Count];
        for (var i = 0; i < Count; i++)
        {
            var value = counts[i];
            var given = 0L;
            for (var p = 0; p < parts.Length; p++)
            {
                parts[p][i] = Math.DivRem(value * weights[p], sum, out fractions[p]);
                given += parts[p][i];
                order[p] = p;
            }

            Array.Sort(order, (a, b) => fractions[a] != fractions[b] ? fractions[b].CompareTo(fractions[a]) : a.CompareTo(b));
            for (var k = 0; given < value; k++, given++)
            {
                parts[order[k]][i]++;
            }
        }

        return parts;
    }

    public static int[] Weights(IEnumerable<MailgunShare> shares) => [.. shares.Select(s => s.Weight)];
}
