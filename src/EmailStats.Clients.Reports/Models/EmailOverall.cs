using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports;

/// <summary>Aggregate email performance across campaigns (<see cref="IReportsClient.GetEmailOverallAsync"/>, <c>GET api/reports/email/overall</c>).</summary>
public sealed record EmailOverallReport
{
    private readonly IReadOnlyList<CampaignComparison> _campaignComparison = [];
    private readonly DeliveryTimeStats _deliveryTimeStats = new();
    private readonly EmailOverallStats _stats = new();

    /// <summary>The open and click rates of recent campaigns (<c>campaignComparison</c>); empty when none, never null.</summary>
    [JsonPropertyName("campaignComparison")]
    public IReadOnlyList<CampaignComparison> CampaignComparison { get => _campaignComparison; init => _campaignComparison = ModelLists.Clean(value); }

    /// <summary>The share of activity per part of the day, in percent (<c>deliveryTimeStats</c>); never null.</summary>
    [JsonPropertyName("deliveryTimeStats")]
    public DeliveryTimeStats DeliveryTimeStats { get => _deliveryTimeStats; init => _deliveryTimeStats = value ?? new(); }

    /// <summary>The counters of the period against the preceding one (<c>stats</c>); never null.</summary>
    [JsonPropertyName("stats")]
    public EmailOverallStats Stats { get => _stats; init => _stats = value ?? new(); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>One campaign of <see cref="EmailOverallReport.CampaignComparison"/>.</summary>
public sealed record CampaignComparison
{
    private readonly string _name = "";
    private readonly string _id = "";
    private readonly CampaignRates _rates = new();

    /// <summary>The campaign id (<c>_id</c>), usable with <see cref="IReportsClient.GetCampaignReportAsync"/>.</summary>
    [JsonPropertyName("_id")]
    public string Id { get => _id; init => _id = value ?? ""; }

    /// <summary>The campaign name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get => _name; init => _name = value ?? ""; }

    /// <summary>The campaign's open and click rates (<c>rates</c>); never null.</summary>
    [JsonPropertyName("rates")]
    public CampaignRates Rates { get => _rates; init => _rates = value ?? new(); }

    /// <summary>When the campaign was scheduled to send (<c>scheduledAt</c>); null when not sent.</summary>
    [JsonPropertyName("scheduledAt")]
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>A campaign's rates in percent: <c>{"clicks":25.8,"opens":32.06}</c>.</summary>
public sealed record CampaignRates
{
    /// <summary>The click rate in percent (<c>clicks</c>).</summary>
    [JsonPropertyName("clicks")]
    public double Clicks { get; init; }

    /// <summary>The open rate in percent (<c>opens</c>).</summary>
    [JsonPropertyName("opens")]
    public double Opens { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>The share of activity per part of the day, in percent: <c>{"morning":34.28,"afternoon":39.18,"evening":0,"night":0}</c>.</summary>
public sealed record DeliveryTimeStats
{
    /// <summary>Morning, in percent (<c>morning</c>).</summary>
    [JsonPropertyName("morning")]
    public double Morning { get; init; }

    /// <summary>Afternoon, in percent (<c>afternoon</c>).</summary>
    [JsonPropertyName("afternoon")]
    public double Afternoon { get; init; }

    /// <summary>Evening, in percent (<c>evening</c>).</summary>
    [JsonPropertyName("evening")]
    public double Evening { get; init; }

    /// <summary>Night, in percent (<c>night</c>).</summary>
    [JsonPropertyName("night")]
    public double Night { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>
/// The overall counters, each <c>{count:{value, prev, diff}}</c>, the bounces and unique opens/clicks with a
/// <c>rate:{value, prev, diff}</c> as well. Each is never null (all zero when not sent).
/// </summary>
public sealed record EmailOverallStats
{
    private readonly CountAndRate _sent = new();
    private readonly CountAndRate _delivered = new();
    private readonly CountAndRate _complaints = new();
    private readonly CountAndRate _unsubscribes = new();
    private readonly CountAndRate _hardBounces = new();
    private readonly CountAndRate _softBounces = new();
    private readonly CountAndRate _totalBounces = new();
    private readonly CountAndRate _uniqueOpens = new();
    private readonly CountAndRate _uniqueClicks = new();

    /// <summary>Emails sent (<c>sent</c>).</summary>
    [JsonPropertyName("sent")]
    public CountAndRate Sent { get => _sent; init => _sent = value ?? new(); }

    /// <summary>Emails delivered (<c>delivered</c>).</summary>
    [JsonPropertyName("delivered")]
    public CountAndRate Delivered { get => _delivered; init => _delivered = value ?? new(); }

    /// <summary>Complaints (<c>complaints</c>).</summary>
    [JsonPropertyName("complaints")]
    public CountAndRate Complaints { get => _complaints; init => _complaints = value ?? new(); }

    /// <summary>Unsubscribes (<c>unsubscribes</c>).</summary>
    [JsonPropertyName("unsubscribes")]
    public CountAndRate Unsubscribes { get => _unsubscribes; init => _unsubscribes = value ?? new(); }

    /// <summary>Hard bounces and their rate (<c>hardBounces</c>).</summary>
    [JsonPropertyName("hardBounces")]
    public CountAndRate HardBounces { get => _hardBounces; init => _hardBounces = value ?? new(); }

    /// <summary>Soft bounces and their rate (<c>softBounces</c>).</summary>
    [JsonPropertyName("softBounces")]
    public CountAndRate SoftBounces { get => _softBounces; init => _softBounces = value ?? new(); }

    /// <summary>Hard and soft bounces together and their rate (<c>totalBounces</c>).</summary>
    [JsonPropertyName("totalBounces")]
    public CountAndRate TotalBounces { get => _totalBounces; init => _totalBounces = value ?? new(); }

    /// <summary>Unique opens and the open rate (<c>uniqueOpens</c>).</summary>
    [JsonPropertyName("uniqueOpens")]
    public CountAndRate UniqueOpens { get => _uniqueOpens; init => _uniqueOpens = value ?? new(); }

    /// <summary>Unique clicks and the click rate (<c>uniqueClicks</c>).</summary>
    [JsonPropertyName("uniqueClicks")]
    public CountAndRate UniqueClicks { get => _uniqueClicks; init => _uniqueClicks = value ?? new(); }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}
