namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// A metric of SendGrid v3 statistics, to sort the sums and monthly statistics by (<c>sort_by_metric</c>): a constant
/// per documented name (<see cref="Delivered"/> is <c>delivered</c>), and <see cref="Of"/> for a name SendGrid adds later.
/// </summary>
/// <example><code>
/// var query = SendGridV3StatsQuery.Between(new DateOnly(2026, 11, 1)).SortBy(SendGridV3Metric.UniqueOpens, SendGridSortDirection.Descending);
/// </code></example>
public readonly record struct SendGridV3Metric
{
    private SendGridV3Metric(string name) => Name = name;

    /// <summary>The wire name, for example <c>delivered</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the monthly subuser statistics can be sorted by this metric: SendGrid refuses <c>bounce_drops</c>,
    /// <c>deferred</c>, <c>invalid_emails</c>, <c>processed</c>, <c>spam_report_drops</c>, <c>spam_reports</c> and
    /// <c>unsubscribe_drops</c> there.
    /// </summary>
    public bool SortsMonthly => Name is not (null or "bounce_drops" or "deferred" or "invalid_emails" or "processed" or "spam_report_drops" or "spam_reports" or "unsubscribe_drops");

    /// <summary>The metric named <paramref name="name"/>: lower-case letters and underscores.</summary>
    /// <param name="name">A metric name as SendGrid documents it.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException">The name is empty or has another character.</exception>
    public static SendGridV3Metric Of(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or '_'))
            {
                throw new ArgumentException($"A SendGrid metric name has lower-case letters and underscores only (like 'unique_opens'); '{name}' does not.", nameof(name));
            }
        }

        return new(name);
    }

    /// <summary>The wire name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name ?? "";

    /// <summary><c>blocks</c>: messages the receiving servers refused.</summary>
    public static SendGridV3Metric Blocks { get; } = new("blocks");

    /// <summary><c>bounce_drops</c>: messages dropped because the address bounced before.</summary>
    public static SendGridV3Metric BounceDrops { get; } = new("bounce_drops");

    /// <summary><c>bounces</c>: messages that bounced.</summary>
    public static SendGridV3Metric Bounces { get; } = new("bounces");

    /// <summary><c>clicks</c>: clicks on links.</summary>
    public static SendGridV3Metric Clicks { get; } = new("clicks");

    /// <summary><c>deferred</c>: messages that could not be delivered yet.</summary>
    public static SendGridV3Metric Deferred { get; } = new("deferred");

    /// <summary><c>delivered</c>: messages delivered (SendGrid's default sort).</summary>
    public static SendGridV3Metric Delivered { get; } = new("delivered");

    /// <summary><c>invalid_emails</c>: messages to malformed or invalid addresses.</summary>
    public static SendGridV3Metric InvalidEmails { get; } = new("invalid_emails");

    /// <summary><c>opens</c>: opens.</summary>
    public static SendGridV3Metric Opens { get; } = new("opens");

    /// <summary><c>processed</c>: messages SendGrid processed.</summary>
    public static SendGridV3Metric Processed { get; } = new("processed");

    /// <summary><c>requests</c>: messages requested to be sent.</summary>
    public static SendGridV3Metric Requests { get; } = new("requests");

    /// <summary><c>spam_report_drops</c>: messages dropped because the address reported spam before.</summary>
    public static SendGridV3Metric SpamReportDrops { get; } = new("spam_report_drops");

    /// <summary><c>spam_reports</c>: spam reports.</summary>
    public static SendGridV3Metric SpamReports { get; } = new("spam_reports");

    /// <summary><c>unique_clicks</c>: recipients who clicked.</summary>
    public static SendGridV3Metric UniqueClicks { get; } = new("unique_clicks");

    /// <summary><c>unique_opens</c>: recipients who opened.</summary>
    public static SendGridV3Metric UniqueOpens { get; } = new("unique_opens");

    /// <summary><c>unsubscribe_drops</c>: messages dropped because the address unsubscribed before.</summary>
    public static SendGridV3Metric UnsubscribeDrops { get; } = new("unsubscribe_drops");

    /// <summary><c>unsubscribes</c>: unsubscribes.</summary>
    public static SendGridV3Metric Unsubscribes { get; } = new("unsubscribes");
}
