namespace EmailStats.Clients.Reports;

/// <summary>One campaign's report (<see cref="IReportsClient.GetCampaignReportAsync"/>, <c>GET api/reports/email/{id}</c>).</summary>
public sealed record CampaignReport
{
    private readonly CampaignStats _stats = CampaignStats.None;
    private readonly IReadOnlyList<LinkActivity> _linkActivity = [];

    /// <summary>The campaign's counters (<c>stats</c>); never null.</summary>
    public CampaignStats Stats { get => _stats; init => _stats = value ?? CampaignStats.None; }

    /// <summary>Clicks per link (<c>linkActivity</c>); empty when none, never null.</summary>
    public IReadOnlyList<LinkActivity> LinkActivity { get => _linkActivity; init => _linkActivity = ModelLists.Clean(value); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>A campaign's counters. Rates are percentages of delivered emails.</summary>
public sealed record CampaignStats
{
    // One shared empty instance (records are immutable): the default of a model built without this part, never one per model.
    internal static readonly CampaignStats None = new();

    private readonly UniqueEngagement _opens = UniqueEngagement.None;
    private readonly UniqueEngagement _clicks = UniqueEngagement.None;
    private readonly CampaignCountAndRate _hardBounces = CampaignCountAndRate.None;
    private readonly CampaignCountAndRate _softBounces = CampaignCountAndRate.None;
    private readonly CampaignCountAndRate _totalBounces = CampaignCountAndRate.None;

    /// <summary>Emails dispatched (<c>sent</c>).</summary>
    public long Sent { get; init; }

    /// <summary>Emails that reached the recipients' mail servers (<c>delivered</c>).</summary>
    public long Delivered { get; init; }

    /// <summary>Unique opens, the open rate and the last open (<c>opens</c>); never null.</summary>
    public UniqueEngagement Opens { get => _opens; init => _opens = value ?? UniqueEngagement.None; }

    /// <summary>Unique clicks, the click rate and the last click (<c>clicks</c>); never null.</summary>
    public UniqueEngagement Clicks { get => _clicks; init => _clicks = value ?? UniqueEngagement.None; }

    /// <summary>Permanent delivery failures (<c>hardBounces</c>); never null.</summary>
    public CampaignCountAndRate HardBounces { get => _hardBounces; init => _hardBounces = value ?? CampaignCountAndRate.None; }

    /// <summary>Temporary delivery failures (<c>softBounces</c>); never null.</summary>
    public CampaignCountAndRate SoftBounces { get => _softBounces; init => _softBounces = value ?? CampaignCountAndRate.None; }

    /// <summary>Hard and soft bounces together (<c>totalBounces</c>); never null.</summary>
    public CampaignCountAndRate TotalBounces { get => _totalBounces; init => _totalBounces = value ?? CampaignCountAndRate.None; }

    /// <summary>Complaints (<c>complaints</c>).</summary>
    public long Complaints { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    public long Unsubscribes { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>Unique opens or clicks of a campaign: <c>{"unique":210,"rate":32.06,"last":"2024-09-27T17:33:45.464Z"}</c>.</summary>
public sealed record UniqueEngagement
{
    // One shared empty instance (records are immutable): the default of a model built without this part, never one per model.
    internal static readonly UniqueEngagement None = new();

    /// <summary>Recipients who opened or clicked at least once (<c>unique</c>).</summary>
    public long Unique { get; init; }

    /// <summary>The rate in percent of delivered emails (<c>rate</c>).</summary>
    public double Rate { get; init; }

    /// <summary>The most recent open or click (<c>last</c>); null when there was none.</summary>
    public DateTimeOffset? Last { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>A counter with its rate in percent: <c>{"count":25,"rate":3.81}</c>.</summary>
public sealed record CampaignCountAndRate
{
    // One shared empty instance (records are immutable): the default of a model built without this part, never one per model.
    internal static readonly CampaignCountAndRate None = new();

    /// <summary>The counter (<c>count</c>).</summary>
    public long Count { get; init; }

    /// <summary>The rate in percent (<c>rate</c>).</summary>
    public double Rate { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>Clicks on one link of a campaign.</summary>
public sealed record LinkActivity
{
    private readonly string _path = "";
    private readonly string _id = "";
    private readonly LinkClicks _clicks = LinkClicks.None;

    /// <summary>The link id (<c>id</c>).</summary>
    public string Id { get => _id; init => _id = value ?? ""; }

    /// <summary>The link target (<c>path</c>), for example <c>https://instagram.com/</c>.</summary>
    public string Path { get => _path; init => _path = value ?? ""; }

    /// <summary>The link's clicks (<c>clicks</c>); never null.</summary>
    public LinkClicks Clicks { get => _clicks; init => _clicks = value ?? LinkClicks.None; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>A link's clicks: <c>{"total":0,"unique":0}</c>.</summary>
public sealed record LinkClicks
{
    // One shared empty instance (records are immutable): the default of a model built without this part, never one per model.
    internal static readonly LinkClicks None = new();

    /// <summary>Every click (<c>total</c>).</summary>
    public long Total { get; init; }

    /// <summary>Recipients who clicked (<c>unique</c>).</summary>
    public long Unique { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
