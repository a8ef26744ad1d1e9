namespace EmailStats.Clients.GetResponse;

/// <summary>
/// One element of a statistics answer: a time interval and its counters. Counters GetResponse did not send (a
/// <c>fields</c> query leaves them out; the human-only ones come only when GetResponse tracks them) are null, never 0.
/// Numbers sent as strings (<c>"42"</c>, as GetResponse's own examples send them) are read as numbers; the documented
/// misspelling <c>unsubsribed</c> is read as <see cref="Unsubscribed"/>; unknown fields are kept.
/// </summary>
public sealed record GetResponseStatsPeriod
{
    /// <summary>The period (<c>timeInterval</c>), read as a start and a length.</summary>
    public GetResponseTimeInterval TimeInterval { get; init; }

    /// <summary>Messages sent (<c>sent</c>).</summary>
    public long? Sent { get; init; }

    /// <summary>Opens (<c>totalOpened</c>).</summary>
    public long? TotalOpened { get; init; }

    /// <summary>Opens by people, without those of machines such as privacy proxies (<c>totalHumanOpened</c>).</summary>
    public long? TotalHumanOpened { get; init; }

    /// <summary>Recipients who opened (<c>uniqueOpened</c>).</summary>
    public long? UniqueOpened { get; init; }

    /// <summary>People who opened (<c>uniqueHumanOpened</c>).</summary>
    public long? UniqueHumanOpened { get; init; }

    /// <summary>Clicks (<c>totalClicked</c>).</summary>
    public long? TotalClicked { get; init; }

    /// <summary>Clicks by people (<c>totalHumanClicked</c>).</summary>
    public long? TotalHumanClicked { get; init; }

    /// <summary>Recipients who clicked (<c>uniqueClicked</c>).</summary>
    public long? UniqueClicked { get; init; }

    /// <summary>People who clicked (<c>uniqueHumanClicked</c>).</summary>
    public long? UniqueHumanClicked { get; init; }

    /// <summary>Goals reached (<c>goals</c>).</summary>
    public long? Goals { get; init; }

    /// <summary>Recipients who reached a goal (<c>uniqueGoals</c>).</summary>
    public long? UniqueGoals { get; init; }

    /// <summary>Forwards (<c>forwarded</c>).</summary>
    public long? Forwarded { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribed</c>, or <c>unsubsribed</c> as GetResponse's documentation spells it).</summary>
    public long? Unsubscribed { get; init; }

    /// <summary>Bounces (<c>bounced</c>).</summary>
    public long? Bounced { get; init; }

    /// <summary>Spam complaints (<c>complaints</c>).</summary>
    public long? Complaints { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>One page of a statistics answer, with the paging headers GetResponse sent.</summary>
public sealed record GetResponseStatsPage
{
    /// <summary>The elements of this page, in order; never null.</summary>
    public IReadOnlyList<GetResponseStatsPeriod> Items { get; init; } = [];

    /// <summary>This page's number (<c>CurrentPage</c> header); null when not sent.</summary>
    public int? CurrentPage { get; init; }

    /// <summary>How many pages the answer has (<c>TotalPages</c> header); null when not sent.</summary>
    public int? TotalPages { get; init; }

    /// <summary>How many elements the answer has in all (<c>TotalCount</c> header); null when not sent.</summary>
    public long? TotalCount { get; init; }
}
