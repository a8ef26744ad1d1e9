using System.Text.Json.Serialization;

namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// The counters SendGrid v2 reports for a day, a category day or a lifetime aggregate. A counter the
/// provider did not send reads as 0; numbers sent as strings are read as numbers.
/// </summary>
public abstract record SendGridStatsCounters
{
    /// <summary>Messages requested to be sent (<c>requests</c>).</summary>
    [JsonPropertyName("requests")]
    public long Requests { get; init; }

    /// <summary>Messages delivered (<c>delivered</c>).</summary>
    [JsonPropertyName("delivered")]
    public long Delivered { get; init; }

    /// <summary>Bounces (<c>bounces</c>).</summary>
    [JsonPropertyName("bounces")]
    public long Bounces { get; init; }

    /// <summary>Sends to addresses that had already bounced (<c>repeat_bounces</c>).</summary>
    [JsonPropertyName("repeat_bounces")]
    public long RepeatBounces { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    [JsonPropertyName("unsubscribes")]
    public long Unsubscribes { get; init; }

    /// <summary>Sends to addresses that had already unsubscribed (<c>repeat_unsubscribes</c>).</summary>
    [JsonPropertyName("repeat_unsubscribes")]
    public long RepeatUnsubscribes { get; init; }

    /// <summary>Clicks (<c>clicks</c>).</summary>
    [JsonPropertyName("clicks")]
    public long Clicks { get; init; }

    /// <summary>Opens (<c>opens</c>).</summary>
    [JsonPropertyName("opens")]
    public long Opens { get; init; }

    /// <summary>Spam reports (<c>spamreports</c>).</summary>
    [JsonPropertyName("spamreports")]
    public long SpamReports { get; init; }

    /// <summary>Sends to addresses that had already reported spam (<c>repeat_spamreports</c>).</summary>
    [JsonPropertyName("repeat_spamreports")]
    public long RepeatSpamReports { get; init; }

    /// <summary>Messages to invalid addresses (<c>invalid_email</c>).</summary>
    [JsonPropertyName("invalid_email")]
    public long InvalidEmail { get; init; }

    /// <summary>Blocked messages: the wire calls it <c>blocks</c> in user stats and <c>blocked</c> in category stats.</summary>
    [JsonPropertyName("blocks")]
    public long Blocks { get; init; }

    /// <summary>Unique clicks (<c>unique_clicks</c>).</summary>
    [JsonPropertyName("unique_clicks")]
    public long UniqueClicks { get; init; }

    /// <summary>Unique opens (<c>unique_opens</c>).</summary>
    [JsonPropertyName("unique_opens")]
    public long UniqueOpens { get; init; }

    /// <summary>Messages dropped because the address reported spam before (<c>spam_drop</c>, category stats).</summary>
    [JsonPropertyName("spam_drop")]
    public long SpamDrop { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonIgnore]
    public AdditionalData AdditionalData { get => Extra ?? AdditionalData.Empty; internal set => Extra = value is { Count: > 0 } ? value : null; }

    // Null until a field is kept: no empty instance per row. Filled by the hand-written readers, and by the
    // source-generated contract that the differential tests hold them to. (A settable member, not init-only: System.Text.Json
    // treats init-only members as constructor arguments, and extension data cannot be one.)
    [JsonExtensionData]
    [JsonInclude]
    internal AdditionalData? Extra { get; set; }

    /// <summary>The <c>blocked</c> spelling of <see cref="Blocks"/>; read into it, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("blocked")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal long? BlockedAlias
    {
        get => null;
        init
        {
            // The serializer initialises every init-only member, absent ones with their default: only a value
            // that was sent may overwrite Blocks.
            if (value is { } blocked)
            {
                Blocks = blocked;
            }
        }
    }
}

/// <summary>One day of a user's statistics (<see cref="ISendGridV2StatsClient.GetStatsAsync"/>).</summary>
public record SendGridDailyStats : SendGridStatsCounters
{
    /// <summary>The day (<c>date</c>, <c>yyyy-MM-dd</c>).</summary>
    [JsonPropertyName("date")]
    [JsonRequired]
    public DateOnly Date { get; init; }
}

/// <summary>One day of one category's statistics (<see cref="ISendGridV2StatsClient.GetCategoryStatsAsync"/>).</summary>
public sealed record SendGridCategoryStats : SendGridDailyStats
{
    /// <summary>The category (<c>category</c>).</summary>
    [JsonPropertyName("category")]
    [JsonRequired]
    public string Category { get; init; } = "";
}

/// <summary>A user's all-time totals (<see cref="ISendGridV2StatsClient.GetAggregateAsync"/>).</summary>
public sealed record SendGridAggregateStats : SendGridStatsCounters;
