namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// One date of a SendGrid v3 statistics answer: <c>{"date":"2026-11-03","stats":[...]}</c>. With
/// <see cref="SendGridAggregation.Week"/> or <see cref="SendGridAggregation.Month"/> the date is the first day of the
/// period SendGrid reports; the sums and monthly statistics answer one such object for the whole range.
/// </summary>
public sealed record SendGridV3StatsDay
{
    /// <summary>The day (<c>date</c>, <c>YYYY-MM-DD</c>), in the account's time zone (see the package README).</summary>
    public DateOnly Date { get; init; }

    /// <summary>The entries of the day, in the order SendGrid sent them: one for global statistics, one per segment otherwise; never null.</summary>
    public IReadOnlyList<SendGridV3StatsEntry> Stats { get; init; } = [];

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// One entry of a date: the segment (<c>type</c> and <c>name</c>, absent on global statistics) and its metrics.
/// </summary>
public sealed record SendGridV3StatsEntry
{
    /// <summary>
    /// The kind of segment (<c>type</c>): <c>category</c>, <c>subuser</c>, <c>mailbox_provider</c>, <c>browser</c>,
    /// <c>device</c>, <c>client</c>, <c>country</c> or <c>province</c>; null on global statistics.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The segment (<c>name</c>): the category, subuser, provider, browser, device, client or region; null on global statistics.</summary>
    public string? Name { get; init; }

    /// <summary>The subuser's first name (<c>first_name</c>, monthly statistics); null when not sent.</summary>
    public string? FirstName { get; init; }

    /// <summary>The subuser's last name (<c>last_name</c>, monthly statistics); null when not sent.</summary>
    public string? LastName { get; init; }

    /// <summary>The entry's metrics; never null.</summary>
    public SendGridV3Metrics Metrics { get; init; } = SendGridV3Metrics.None;

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// The metrics of an entry. Global, category and subuser statistics send all sixteen; the advanced statistics send a
/// subset (browsers: clicks; devices and clients: opens; geography: both; mailbox providers: delivery and engagement),
/// and a metric not sent is null, never 0. Numbers sent as strings are read as numbers; metrics this model has no
/// property for are kept in <see cref="AdditionalData"/>.
/// </summary>
public sealed record SendGridV3Metrics
{
    /// <summary>Messages the receiving servers refused (<c>blocks</c>).</summary>
    public long? Blocks { get; init; }

    /// <summary>Messages dropped because the address bounced before (<c>bounce_drops</c>).</summary>
    public long? BounceDrops { get; init; }

    /// <summary>Messages that bounced (<c>bounces</c>).</summary>
    public long? Bounces { get; init; }

    /// <summary>Clicks on links (<c>clicks</c>).</summary>
    public long? Clicks { get; init; }

    /// <summary>Messages that could not be delivered yet (<c>deferred</c>).</summary>
    public long? Deferred { get; init; }

    /// <summary>Messages delivered (<c>delivered</c>).</summary>
    public long? Delivered { get; init; }

    /// <summary>Messages to malformed or invalid addresses (<c>invalid_emails</c>).</summary>
    public long? InvalidEmails { get; init; }

    /// <summary>Opens (<c>opens</c>).</summary>
    public long? Opens { get; init; }

    /// <summary>Messages SendGrid processed (<c>processed</c>).</summary>
    public long? Processed { get; init; }

    /// <summary>Messages requested to be sent (<c>requests</c>).</summary>
    public long? Requests { get; init; }

    /// <summary>Messages dropped because the address reported spam before (<c>spam_report_drops</c>).</summary>
    public long? SpamReportDrops { get; init; }

    /// <summary>Spam reports (<c>spam_reports</c>).</summary>
    public long? SpamReports { get; init; }

    /// <summary>Recipients who clicked (<c>unique_clicks</c>).</summary>
    public long? UniqueClicks { get; init; }

    /// <summary>Recipients who opened (<c>unique_opens</c>).</summary>
    public long? UniqueOpens { get; init; }

    /// <summary>Messages dropped because the address unsubscribed before (<c>unsubscribe_drops</c>).</summary>
    public long? UnsubscribeDrops { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    public long? Unsubscribes { get; init; }

    /// <summary>Messages dropped for any suppression (<c>drops</c>, mailbox provider statistics).</summary>
    public long? Drops { get; init; }

    /// <summary>Metrics this model has no property for (a name SendGrid adds later), kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;

    /// <summary>No metric at all: the shared default of an entry (immutable, so one instance serves every entry).</summary>
    internal static SendGridV3Metrics None { get; } = new();
}
