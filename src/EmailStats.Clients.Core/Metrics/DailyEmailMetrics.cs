namespace EmailStats.Clients;

/// <summary>
/// One day of one source's email, in provider-neutral terms, with the same meaning for every provider (DESIGN.md
/// section 7). A metric the source does not report is null on every row, never 0; a metric it reports for a past day
/// without activity is 0; a day that has not begun yet in the source's time zone, or that the provider no longer
/// serves, has every metric null and says why in <see cref="Note"/>. Each provider package's README says which wire
/// fields make each metric.
/// </summary>
public sealed record DailyEmailMetrics
{
    /// <summary>The provider name (<c>SendGridV2</c>, <c>JsonRpcMessages</c>, <c>Mailgun</c>, <c>Reports</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>What the numbers describe: a user and categories, a message, an account or a domain.</summary>
    public required string Source { get; init; }

    /// <summary>The day, counted in the source's <see cref="IEmailStatsSource.TimeZone"/>.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Messages the provider accepted to send to recipients (inbound mail is never counted).</summary>
    public long? Sent { get; init; }

    /// <summary>Messages accepted by the receiving server.</summary>
    public long? Delivered { get; init; }

    /// <summary>Opens, every one counted.</summary>
    public long? Opens { get; init; }

    /// <summary>
    /// Opens counted once per recipient within the day, as the provider counts them. A sum of daily unique opens is not
    /// a unique count over several days.
    /// </summary>
    public long? UniqueOpens { get; init; }

    /// <summary>Clicks, every one counted.</summary>
    public long? Clicks { get; init; }

    /// <summary>
    /// Clicks counted once per recipient within the day, as the provider counts them. A sum of daily unique clicks is not
    /// a unique count over several days.
    /// </summary>
    public long? UniqueClicks { get; init; }

    /// <summary>
    /// Messages the receiving side rejected, hard and soft. Messages the provider dropped itself because of a
    /// suppression list are not bounces.
    /// </summary>
    public long? Bounces { get; init; }

    /// <summary>Spam reports (complaints), handled and unhandled.</summary>
    public long? Complaints { get; init; }

    /// <summary>Unsubscriptions.</summary>
    public long? Unsubscribes { get; init; }

    /// <summary>
    /// Why every metric of this row is null (the day has not begun yet in the source's time zone, or the provider no
    /// longer serves it); null on rows the provider answered for.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>The metric-wise sum of two rows of the same day (null stays null only when both are null).</summary>
    internal DailyEmailMetrics Plus(DailyEmailMetrics other) => this with
    {
        Sent = Add(Sent, other.Sent),
        Delivered = Add(Delivered, other.Delivered),
        Opens = Add(Opens, other.Opens),
        UniqueOpens = Add(UniqueOpens, other.UniqueOpens),
        Clicks = Add(Clicks, other.Clicks),
        UniqueClicks = Add(UniqueClicks, other.UniqueClicks),
        Bounces = Add(Bounces, other.Bounces),
        Complaints = Add(Complaints, other.Complaints),
        Unsubscribes = Add(Unsubscribes, other.Unsubscribes),
    };

    private static long? Add(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
