namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// The counters SendGrid v2 reports for a day, a category day or a lifetime aggregate. A counter the
/// provider did not send reads as 0; numbers sent as strings are read as numbers.
/// </summary>
public abstract record SendGridStatsCounters
{
    /// <summary>Messages requested to be sent (<c>requests</c>).</summary>
    public long Requests { get; init; }

    /// <summary>Messages delivered (<c>delivered</c>).</summary>
    public long Delivered { get; init; }

    /// <summary>Bounces (<c>bounces</c>).</summary>
    public long Bounces { get; init; }

    /// <summary>Sends to addresses that had already bounced (<c>repeat_bounces</c>).</summary>
    public long RepeatBounces { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    public long Unsubscribes { get; init; }

    /// <summary>Sends to addresses that had already unsubscribed (<c>repeat_unsubscribes</c>).</summary>
    public long RepeatUnsubscribes { get; init; }

    /// <summary>Clicks (<c>clicks</c>).</summary>
    public long Clicks { get; init; }

    /// <summary>Opens (<c>opens</c>).</summary>
    public long Opens { get; init; }

    /// <summary>Spam reports (<c>spamreports</c>).</summary>
    public long SpamReports { get; init; }

    /// <summary>Sends to addresses that had already reported spam (<c>repeat_spamreports</c>).</summary>
    public long RepeatSpamReports { get; init; }

    /// <summary>Messages to invalid addresses (<c>invalid_email</c>).</summary>
    public long InvalidEmail { get; init; }

    /// <summary>Blocked messages: the wire calls it <c>blocks</c> in user stats and <c>blocked</c> in category stats.</summary>
    public long Blocks { get; init; }

    /// <summary>Unique clicks (<c>unique_clicks</c>).</summary>
    public long UniqueClicks { get; init; }

    /// <summary>Unique opens (<c>unique_opens</c>).</summary>
    public long UniqueOpens { get; init; }

    /// <summary>Messages dropped because the address reported spam before (<c>spam_drop</c>, category stats).</summary>
    public long SpamDrop { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>One day of a user's statistics (<see cref="ISendGridV2StatsClient.GetStatsAsync"/>).</summary>
public record SendGridDailyStats : SendGridStatsCounters
{
    /// <summary>Creates an empty day.</summary>
    public SendGridDailyStats()
    {
    }

    internal SendGridDailyStats(SendGridStatsCounters counters, DateOnly date)
        : base(counters)
    {
        Date = date;
    }

    /// <summary>The day (<c>date</c>, <c>yyyy-MM-dd</c>).</summary>
    public DateOnly Date { get; init; }
}

/// <summary>One day of one category's statistics (<see cref="ISendGridV2StatsClient.GetCategoryStatsAsync"/>).</summary>
public sealed record SendGridCategoryStats : SendGridDailyStats
{
    /// <summary>Creates an empty category day.</summary>
    public SendGridCategoryStats()
    {
    }

    internal SendGridCategoryStats(SendGridDailyStats day, string category)
        : base(day)
    {
        Category = category;
    }

    /// <summary>The category (<c>category</c>).</summary>
    public string Category { get; init; } = "";
}

/// <summary>A user's all-time totals (<see cref="ISendGridV2StatsClient.GetAggregateAsync"/>).</summary>
public sealed record SendGridAggregateStats : SendGridStatsCounters;
