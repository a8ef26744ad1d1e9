namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// One period of a message's statistics: its key as sent, its parsed start and the nineteen counters of
/// <c>get_message_stats</c>. A counter the API did not send reads as 0; counters sent as strings are read as
/// numbers; unknown counters are kept in <see cref="AdditionalData"/>.
/// </summary>
/// <remarks>
/// Opens, clicks, bounces and complaints keep arriving for days after a message was sent, so a period may
/// have <see cref="Sent"/> = 0 and other counters positive. Unique actions count in the period of the first one.
/// </remarks>
public sealed record MessageStatsPeriod
{
    private string _key = "";
    private DateTime _start;

    /// <summary>The period key exactly as the API sent it (<c>YYYY-MM-DD HH</c>, <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>).</summary>
    /// <remarks>Set from the result's property name.</remarks>
    public string Key { get => _key; init => _key = value; }

    /// <summary>
    /// The first moment of the period, parsed from <see cref="Key"/>: the hour, day, first day of the month or
    /// first day of the year, at the time of day the key names (midnight unless hourly). The API's clock
    /// (the account's time zone), so <see cref="DateTime.Kind"/> is <see cref="DateTimeKind.Unspecified"/>.
    /// </summary>
    /// <remarks>Parsed from the result's property name.</remarks>
    public DateTime Start { get => _start; init => _start = value; }

    /// <summary>Messages sent in the period (<c>sent</c>).</summary>
    public long Sent { get; init; }

    /// <summary>Opens (<c>opened</c>).</summary>
    public long Opened { get; init; }

    /// <summary>Unique opens, counted in the period of each contact's first open (<c>unique_opened</c>).</summary>
    public long UniqueOpened { get; init; }

    /// <summary>Clicks (<c>clicked</c>).</summary>
    public long Clicked { get; init; }

    /// <summary>Unique clicks, counted in the period of each contact's first click (<c>unique_clicked</c>).</summary>
    public long UniqueClicked { get; init; }

    /// <summary>Goals reached (<c>goals</c>).</summary>
    public long Goals { get; init; }

    /// <summary>Unique goals reached, counted in the period of each contact's first goal (<c>unique_goals</c>).</summary>
    public long UniqueGoals { get; init; }

    /// <summary>Forwards (<c>forwarded</c>).</summary>
    public long Forwarded { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    public long Unsubscribes { get; init; }

    /// <summary>Bounces: user unknown (<c>bounces_user_unknown</c>).</summary>
    public long BouncesUserUnknown { get; init; }

    /// <summary>Bounces: user (address) recycled (<c>bounces_user_recycled</c>).</summary>
    public long BouncesUserRecycled { get; init; }

    /// <summary>Bounces: mailbox full (<c>bounces_mailbox_full</c>).</summary>
    public long BouncesMailboxFull { get; init; }

    /// <summary>Bounces: blocked for content (<c>bounces_block_content</c>).</summary>
    public long BouncesBlockContent { get; init; }

    /// <summary>Bounces: blocked by timeout (<c>bounces_block_timeout</c>).</summary>
    public long BouncesBlockTimeout { get; init; }

    /// <summary>Bounces: blocked for another reason (<c>bounces_block_other</c>).</summary>
    public long BouncesBlockOther { get; init; }

    /// <summary>Bounces: other soft bounces (<c>bounces_other_soft</c>).</summary>
    public long BouncesOtherSoft { get; init; }

    /// <summary>Bounces: other hard bounces (<c>bounces_other_hard</c>).</summary>
    public long BouncesOtherHard { get; init; }

    /// <summary>Complaints handled (<c>complaints_handled</c>).</summary>
    public long ComplaintsHandled { get; init; }

    /// <summary>Complaints not handled (<c>complaints_unhandled</c>).</summary>
    public long ComplaintsUnhandled { get; init; }

    /// <summary>Counters and fields the API sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;

    /// <summary>
    /// Sets the key and start of a period the reader has just deserialized and nobody else holds (a copy through
    /// <c>with</c> would allocate every period twice).
    /// </summary>
    internal MessageStatsPeriod SetPeriod(string key, DateTime start)
    {
        _key = key;
        _start = start;
        return this;
    }
}
