namespace EmailStats.Clients.Mailgun;

/// <summary>
/// The answer of the totals endpoints (<see cref="IMailgunStatsClient.GetAccountTotalsAsync"/>,
/// <see cref="IMailgunStatsClient.GetDomainTotalsAsync"/>, <see cref="IMailgunStatsClient.GetFilteredTotalsAsync"/>,
/// <see cref="IMailgunStatsClient.GetTotalsByDomainAsync"/>): the period Mailgun answered for and one item per
/// resolution step (or per group).
/// </summary>
public sealed record MailgunStatsResult
{
    /// <summary>The start of the period Mailgun answered for (<c>start</c>).</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>The end of the period Mailgun answered for (<c>end</c>).</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>The resolution of the items (<c>resolution</c>); null when not sent or not <c>hour</c>, <c>day</c> or <c>month</c>.</summary>
    public MailgunResolution? Resolution { get; init; }

    /// <summary>Mailgun's description of the result (<c>description</c>); empty when not sent.</summary>
    public string Description { get; init; } = "";

    /// <summary>The tag the statistics are for (<c>tag</c>); null when not sent.</summary>
    public string? Tag { get; init; }

    /// <summary>The items (<c>stats</c>), in the order Mailgun sent them; never null.</summary>
    public IReadOnlyList<MailgunStatsItem> Stats { get; init; } = [];

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// One item of a <see cref="MailgunStatsResult"/>: its time and one sub-object per event. Only the events the
/// query asked for are sent: an event that was not sent is null here, never a zero.
/// </summary>
public sealed record MailgunStatsItem
{
    /// <summary>The start of the resolution step (<c>time</c>); null when the item has none (some groupings).</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Accepted messages (<c>accepted</c>); null when not asked for.</summary>
    public MailgunAcceptedStats? Accepted { get; init; }

    /// <summary>Delivered messages (<c>delivered</c>); null when not asked for.</summary>
    public MailgunDeliveredStats? Delivered { get; init; }

    /// <summary>Failed messages, temporary and permanent, with their reasons (<c>failed</c>); null when not asked for.</summary>
    public MailgunFailedStats? Failed { get; init; }

    /// <summary>Stored incoming messages (<c>stored</c>); null when not asked for.</summary>
    public MailgunTotalStats? Stored { get; init; }

    /// <summary>Opens (<c>opened</c>); null when not asked for.</summary>
    public MailgunEngagementStats? Opened { get; init; }

    /// <summary>Clicks (<c>clicked</c>); null when not asked for.</summary>
    public MailgunEngagementStats? Clicked { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribed</c>); null when not asked for.</summary>
    public MailgunTotalStats? Unsubscribed { get; init; }

    /// <summary>Spam complaints (<c>complained</c>); null when not asked for.</summary>
    public MailgunTotalStats? Complained { get; init; }

    /// <summary>Fields the provider sent that this model has no property for (for example a grouping key), kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>Accepted messages of an item. A counter Mailgun did not send reads as 0.</summary>
public sealed record MailgunAcceptedStats
{
    /// <summary>Incoming (unauthenticated) messages (<c>incoming</c>).</summary>
    public long Incoming { get; init; }

    /// <summary>Outgoing (authenticated) messages (<c>outgoing</c>).</summary>
    public long Outgoing { get; init; }

    /// <summary>All accepted messages (<c>total</c>).</summary>
    public long Total { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>Delivered messages of an item. A counter Mailgun did not send reads as 0.</summary>
public sealed record MailgunDeliveredStats
{
    /// <summary>Delivered over SMTP (<c>smtp</c>).</summary>
    public long Smtp { get; init; }

    /// <summary>Delivered over HTTP (<c>http</c>).</summary>
    public long Http { get; init; }

    /// <summary>Delivered with send-time optimization (<c>optimized</c>).</summary>
    public long Optimized { get; init; }

    /// <summary>All delivered messages (<c>total</c>).</summary>
    public long Total { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>Failed messages of an item: temporary failures (retried) and permanent ones (dropped).</summary>
public sealed record MailgunFailedStats
{
    /// <summary>Temporary failures, retried by Mailgun (<c>temporary</c>); null when not sent.</summary>
    public MailgunFailureStats? Temporary { get; init; }

    /// <summary>Permanent failures, dropped (<c>permanent</c>); null when not sent.</summary>
    public MailgunFailureStats? Permanent { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// One kind of failure (temporary or permanent): the total and a count per reason. Reasons vary by account and
/// over time (<c>bounce</c>, <c>delayed-bounce</c>, <c>suppress-bounce</c>, <c>suppress-unsubscribe</c>,
/// <c>suppress-complaint</c>, <c>espblock</c>, ...), so they are a dictionary keyed by the wire name.
/// </summary>
public sealed record MailgunFailureStats
{
    /// <summary>All failures of this kind (<c>total</c>); 0 when not sent.</summary>
    public long Total { get; init; }

    /// <summary>The count per reason, keyed by the wire name (every numeric field except <c>total</c>); never null.</summary>
    public IReadOnlyDictionary<string, long> Reasons { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal).AsReadOnly();

    /// <summary>Fields that are not counts (objects, arrays, booleans), kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;

    /// <summary>The count of <paramref name="reason"/>, or 0 when Mailgun did not send it.</summary>
    /// <param name="reason">The reason's wire name, for example <c>suppress-bounce</c>.</param>
    public long this[string reason] => Reasons.TryGetValue(reason, out var count) ? count : 0;
}

/// <summary>Opens or clicks of an item. A counter Mailgun did not send reads as 0.</summary>
public sealed record MailgunEngagementStats
{
    /// <summary>All opens or clicks (<c>total</c>).</summary>
    public long Total { get; init; }

    /// <summary>Unique opens or clicks (<c>unique</c>).</summary>
    public long Unique { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>An event counted by its total only (stored, unsubscribed, complained). A total Mailgun did not send reads as 0.</summary>
public sealed record MailgunTotalStats
{
    /// <summary>The count (<c>total</c>).</summary>
    public long Total { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
