namespace EmailStats.Clients;

/// <summary>
/// The counts of email with one meaning for every provider (DESIGN.md section 7): a day's (<see cref="DailyEmailMetrics"/>)
/// or a period's (<see cref="EmailTotals"/>). A count not known is null, never 0.
/// </summary>
public abstract record EmailCounts
{
    /// <summary>Messages the provider accepted to send to recipients (inbound mail is never counted).</summary>
    public long? Sent { get; init; }

    /// <summary>Messages accepted by the receiving server.</summary>
    public long? Delivered { get; init; }

    /// <summary>Opens, every one counted.</summary>
    public long? Opens { get; init; }

    /// <summary>
    /// Recipients who opened within one day, as the provider counts them. Null when the provider counts something else
    /// (Benchmark Email's first-ever opens) or when the numbers are made of several parts (hours, subusers, days): a sum
    /// of unique counts is not a unique count.
    /// </summary>
    public long? UniqueOpens { get; init; }

    /// <summary>Clicks, every one counted.</summary>
    public long? Clicks { get; init; }

    /// <summary>Recipients who clicked within one day, as the provider counts them; null under the rules of <see cref="UniqueOpens"/>.</summary>
    public long? UniqueClicks { get; init; }

    /// <summary>
    /// Messages the receiving side rejected, hard and soft: <see cref="HardBounces"/> + <see cref="SoftBounces"/> where
    /// the provider reports both, else the provider's total with the split null. Messages the provider dropped itself
    /// because of a suppression list, and deferrals it is still retrying, are not bounces.
    /// </summary>
    public long? Bounces { get; init; }

    /// <summary>Permanent rejections: the address does not exist or refuses for good. Null when the provider gives no split.</summary>
    public long? HardBounces { get; init; }

    /// <summary>
    /// Rejections for now or for the message (full mailbox, block, policy, content). Null when the provider gives no split.
    /// </summary>
    public long? SoftBounces { get; init; }

    /// <summary>Spam reports (complaints), handled and unhandled.</summary>
    public long? Complaints { get; init; }

    /// <summary>Unsubscriptions.</summary>
    public long? Unsubscribes { get; init; }

    /// <summary>The value of one metric (a single flag of <see cref="EmailMetric"/>).</summary>
    /// <param name="metric">One metric.</param>
    /// <returns>Its value; null when not reported.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a single metric.</exception>
    public long? this[EmailMetric metric] => metric switch
    {
        EmailMetric.Sent => Sent,
        EmailMetric.Delivered => Delivered,
        EmailMetric.Opens => Opens,
        EmailMetric.UniqueOpens => UniqueOpens,
        EmailMetric.Clicks => Clicks,
        EmailMetric.UniqueClicks => UniqueClicks,
        EmailMetric.Bounces => Bounces,
        EmailMetric.HardBounces => HardBounces,
        EmailMetric.SoftBounces => SoftBounces,
        EmailMetric.Complaints => Complaints,
        EmailMetric.Unsubscribes => Unsubscribes,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Name one metric."),
    };
}
