namespace EmailStats.Clients;

/// <summary>The metrics of <see cref="DailyEmailMetrics"/>, as flags: what a source reports (<see cref="IEmailStatsSource.Metrics"/>).</summary>
[Flags]
public enum EmailMetric
{
    /// <summary>No metric.</summary>
    None = 0,

    /// <summary><see cref="EmailCounts.Sent"/>.</summary>
    Sent = 1,

    /// <summary><see cref="EmailCounts.Delivered"/>.</summary>
    Delivered = 1 << 1,

    /// <summary><see cref="EmailCounts.Opens"/>.</summary>
    Opens = 1 << 2,

    /// <summary><see cref="EmailCounts.UniqueOpens"/>.</summary>
    UniqueOpens = 1 << 3,

    /// <summary><see cref="EmailCounts.Clicks"/>.</summary>
    Clicks = 1 << 4,

    /// <summary><see cref="EmailCounts.UniqueClicks"/>.</summary>
    UniqueClicks = 1 << 5,

    /// <summary><see cref="EmailCounts.Bounces"/>.</summary>
    Bounces = 1 << 6,

    /// <summary><see cref="EmailCounts.HardBounces"/>.</summary>
    HardBounces = 1 << 7,

    /// <summary><see cref="EmailCounts.SoftBounces"/>.</summary>
    SoftBounces = 1 << 8,

    /// <summary><see cref="EmailCounts.Complaints"/>.</summary>
    Complaints = 1 << 9,

    /// <summary><see cref="EmailCounts.Unsubscribes"/>.</summary>
    Unsubscribes = 1 << 10,

    /// <summary>Every metric.</summary>
    All = (1 << 11) - 1,
}

/// <summary>
/// One day of one source's email, in provider-neutral form, with the same meaning for every provider (DESIGN.md
/// section 7). A metric the source does not report is null on every row, never 0; a metric it reports for a past day
/// without activity is 0; a day that has not begun yet in the source's time zone, or that the provider no longer
/// serves, has every metric null and says why in <see cref="Note"/> (<see cref="IsReported"/> is false). Each provider
/// package's README says which wire fields make each metric.
/// </summary>
public sealed record DailyEmailMetrics : EmailCounts
{
    /// <summary>The metrics that count events (they add up across disjoint parts of a day), in the order <see cref="AddUp"/> fills them.</summary>
    private static readonly EmailMetric[] Counts =
    [
        EmailMetric.Sent, EmailMetric.Delivered, EmailMetric.Opens, EmailMetric.Clicks, EmailMetric.Bounces, EmailMetric.HardBounces,
        EmailMetric.SoftBounces, EmailMetric.Complaints, EmailMetric.Unsubscribes,
    ];

    /// <summary>
    /// The provider API's name, an <see cref="EmailStatsProvider"/> name: <c>SendGridV2</c>, <c>SendGridV3</c>,
    /// <c>JsonRpcMessages</c>, <c>GetResponse</c>, <c>Mailgun</c> or <c>Reports</c>.
    /// </summary>
    public required string Provider { get; init; }

    /// <summary>What the numbers describe, for people: a user, a category, a message, an account or a domain.</summary>
    public required string Source { get; init; }

    /// <summary>The day, counted in the source's <see cref="IEmailStatsSource.TimeZone"/>.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// Why every metric of this row is null (the day has not begun yet in the source's time zone, or the provider no
    /// longer serves it); null on rows the provider answered for.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>Whether the provider answered for the day (false for a day that has not begun or that it no longer serves: every metric null).</summary>
    public bool IsReported => Note is null;

    /// <summary>
    /// Whether the day had ended in the source's time zone when the row was read. Today's row is partial and will
    /// change; recent complete days can still grow a little as late opens, clicks and bounces arrive.
    /// </summary>
    public bool IsComplete { get; init; }

    /// <summary>
    /// The one rule for a day made of several rows (several subusers, several hours summed into a day of another zone;
    /// DESIGN.md section 7, "Adding rows up"), used by every source: a count is the sum of the rows' counts when every
    /// row has it, else null (a partial sum would be a wrong number); a unique count stays only when the day is one row
    /// (a sum of unique counts is not a unique count). <see cref="EmailCounts.Bounces"/> is the sum of <see cref="EmailCounts.HardBounces"/> and
    /// <see cref="EmailCounts.SoftBounces"/> where both are known.
    /// </summary>
    /// <param name="rows">The parts of one day of one source (at least one); the first gives the day, provider and source.</param>
    /// <returns>The day.</returns>
    /// <exception cref="ArgumentException">No rows, or rows of different days.</exception>
    public static DailyEmailMetrics AddUp(IReadOnlyList<DailyEmailMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Give at least one row.", nameof(rows));
        }

        var first = rows[0];
        if (rows.Count == 1)
        {
            return first.WithBounceTotal();
        }

        Span<long?> sums = stackalloc long?[Counts.Length];
        for (var i = 0; i < Counts.Length; i++)
        {
            sums[i] = 0;
        }

        foreach (var row in rows)
        {
            if (row.Date != first.Date)
            {
                throw new ArgumentException($"The rows hold different days ({first.Date:yyyy-MM-dd}, {row.Date:yyyy-MM-dd}).", nameof(rows));
            }

            for (var i = 0; i < Counts.Length; i++)
            {
                sums[i] = sums[i] is { } sum && row[Counts[i]] is { } value ? sum + value : null;
            }
        }

        return (first with
        {
            Sent = sums[0],
            Delivered = sums[1],
            Opens = sums[2],
            Clicks = sums[3],
            Bounces = sums[4],
            HardBounces = sums[5],
            SoftBounces = sums[6],
            Complaints = sums[7],
            Unsubscribes = sums[8],
            UniqueOpens = null,
            UniqueClicks = null,
        }).WithBounceTotal();
    }

    /// <summary>A row with 0 for every metric in <paramref name="reported"/> and null for the others.</summary>
    /// <param name="provider">The provider API's name.</param>
    /// <param name="source">What the numbers describe.</param>
    /// <param name="date">The day.</param>
    /// <param name="reported">The metrics the source reports.</param>
    /// <returns>The empty row of a day without activity.</returns>
    public static DailyEmailMetrics Zero(string provider, string source, DateOnly date, EmailMetric reported) => new()
    {
        Provider = provider,
        Source = source,
        Date = date,
        Sent = ZeroIf(reported, EmailMetric.Sent),
        Delivered = ZeroIf(reported, EmailMetric.Delivered),
        Opens = ZeroIf(reported, EmailMetric.Opens),
        UniqueOpens = ZeroIf(reported, EmailMetric.UniqueOpens),
        Clicks = ZeroIf(reported, EmailMetric.Clicks),
        UniqueClicks = ZeroIf(reported, EmailMetric.UniqueClicks),
        Bounces = ZeroIf(reported, EmailMetric.Bounces),
        HardBounces = ZeroIf(reported, EmailMetric.HardBounces),
        SoftBounces = ZeroIf(reported, EmailMetric.SoftBounces),
        Complaints = ZeroIf(reported, EmailMetric.Complaints),
        Unsubscribes = ZeroIf(reported, EmailMetric.Unsubscribes),
    };

    /// <summary>The row with null for every metric outside <paramref name="reported"/> (what a source does not report is null on every row).</summary>
    internal DailyEmailMetrics Only(EmailMetric reported) => (reported & EmailMetric.All) == EmailMetric.All ? this : this with
    {
        Sent = Of(reported, EmailMetric.Sent, Sent),
        Delivered = Of(reported, EmailMetric.Delivered, Delivered),
        Opens = Of(reported, EmailMetric.Opens, Opens),
        UniqueOpens = Of(reported, EmailMetric.UniqueOpens, UniqueOpens),
        Clicks = Of(reported, EmailMetric.Clicks, Clicks),
        UniqueClicks = Of(reported, EmailMetric.UniqueClicks, UniqueClicks),
        Bounces = Of(reported, EmailMetric.Bounces, Bounces),
        HardBounces = Of(reported, EmailMetric.HardBounces, HardBounces),
        SoftBounces = Of(reported, EmailMetric.SoftBounces, SoftBounces),
        Complaints = Of(reported, EmailMetric.Complaints, Complaints),
        Unsubscribes = Of(reported, EmailMetric.Unsubscribes, Unsubscribes),
    };

    /// <summary>Bounces as the sum of the split when both parts are known (so that the three never disagree).</summary>
    private DailyEmailMetrics WithBounceTotal() =>
        HardBounces is { } hard && SoftBounces is { } soft && Bounces != hard + soft ? this with { Bounces = hard + soft } : this;

    private static long? ZeroIf(EmailMetric reported, EmailMetric metric) => Of(reported, metric, 0);

    private static long? Of(EmailMetric reported, EmailMetric metric, long? value) => (reported & metric) != 0 ? value : null;
}
