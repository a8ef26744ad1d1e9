using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports;

/// <summary>The dashboard snapshot (<see cref="IReportsClient.GetDashboardAsync"/>, <c>GET api/reports/dashboard</c>).</summary>
public sealed record ReportsDashboard
{
    private readonly DashboardCampaign _campaign = new();
    private readonly DashboardContact _contact = new();

    /// <summary>Email campaign figures of the period (<c>campaign</c>); all zero when not sent, never null.</summary>
    [JsonPropertyName("campaign")]
    public DashboardCampaign Campaign { get => _campaign; init => _campaign = value ?? new(); }

    /// <summary>Contact figures of the period (<c>contact</c>); all zero when not sent, never null.</summary>
    [JsonPropertyName("contact")]
    public DashboardContact Contact { get => _contact; init => _contact = value ?? new(); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>
/// The dashboard's campaign section. Note the provider's two shapes: <see cref="Sent"/> and <see cref="Delivered"/>
/// are <c>{count, diff}</c>, the unique opens and clicks are <c>{count:{value, diff}, rate:{value, diff}}</c>.
/// </summary>
public sealed record DashboardCampaign
{
    private readonly CountDiff _sent = new();
    private readonly CountDiff _delivered = new();
    private readonly CountAndRate _uniqueOpens = new();
    private readonly CountAndRate _uniqueClicks = new();

    /// <summary>Emails sent (<c>sent</c>); never null.</summary>
    [JsonPropertyName("sent")]
    public CountDiff Sent { get => _sent; init => _sent = value ?? new(); }

    /// <summary>Emails delivered (<c>delivered</c>); never null.</summary>
    [JsonPropertyName("delivered")]
    public CountDiff Delivered { get => _delivered; init => _delivered = value ?? new(); }

    /// <summary>Unique opens and the open rate (<c>uniqueOpens</c>); never null.</summary>
    [JsonPropertyName("uniqueOpens")]
    public CountAndRate UniqueOpens { get => _uniqueOpens; init => _uniqueOpens = value ?? new(); }

    /// <summary>Unique clicks and the click rate (<c>uniqueClicks</c>); never null.</summary>
    [JsonPropertyName("uniqueClicks")]
    public CountAndRate UniqueClicks { get => _uniqueClicks; init => _uniqueClicks = value ?? new(); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>The dashboard's contact section: the contact count and its growth over the period.</summary>
public sealed record DashboardContact
{
    private readonly CountValue _count = new();
    private readonly ReportHistogram _histogram = new();

    /// <summary>Contacts (<c>count</c>, <c>{value, diff}</c>); never null.</summary>
    [JsonPropertyName("count")]
    public CountValue Count { get => _count; init => _count = value ?? new(); }

    /// <summary>Contacts over the period (<c>histogram</c>; its peak has the point form, <see cref="HistogramPeak.Date"/>); never null.</summary>
    [JsonPropertyName("histogram")]
    [JsonConverter(typeof(Serialization.ReportHistogramConverter))]
    public ReportHistogram Histogram { get => _histogram; init => _histogram = value ?? new(); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}
