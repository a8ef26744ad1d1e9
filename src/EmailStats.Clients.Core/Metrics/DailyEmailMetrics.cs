namespace EmailStats.Clients;

/// <summary>
/// One day of one source's email, in provider-neutral terms. A metric the provider does not report is null,
/// never 0; a metric it reports for a day without activity is 0. Each provider package's README maps its fields
/// to these properties.
/// </summary>
public sealed record DailyEmailMetrics
{
    /// <summary>The provider name (<c>SendGridV2</c>, <c>JsonRpcMessages</c>, <c>Mailgun</c>, <c>Reports</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>What the numbers describe: a user and categories, a message, an account or a domain.</summary>
    public required string Source { get; init; }

    /// <summary>The day, counted in the source's <see cref="IEmailStatsSource.TimeZone"/>.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Messages sent or requested.</summary>
    public long? Sent { get; init; }

    /// <summary>Messages delivered.</summary>
    public long? Delivered { get; init; }

    /// <summary>Opens, every one counted.</summary>
    public long? Opens { get; init; }

    /// <summary>Opens counted once per recipient.</summary>
    public long? UniqueOpens { get; init; }

    /// <summary>Clicks, every one counted.</summary>
    public long? Clicks { get; init; }

    /// <summary>Clicks counted once per recipient.</summary>
    public long? UniqueClicks { get; init; }

    /// <summary>Bounced messages.</summary>
    public long? Bounces { get; init; }

    /// <summary>Complaints and spam reports.</summary>
    public long? Complaints { get; init; }

    /// <summary>Unsubscribes.</summary>
    public long? Unsubscribes { get; init; }

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
