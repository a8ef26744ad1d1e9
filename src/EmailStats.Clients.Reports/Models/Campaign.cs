using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports;

/// <summary>
/// A campaign as the campaign list sends it (<see cref="IReportsClient.ListCampaignsAsync"/>, <c>GET api/email/campaign</c>).
/// Only the fields a report needs are typed; everything else the provider sends is in <see cref="AdditionalData"/>.
/// </summary>
public sealed record Campaign
{
    private readonly string _status = "";
    private readonly string _name = "";
    private readonly string _id = "";
    /// <summary>The campaign id (<c>_id</c>), for <see cref="IReportsClient.GetCampaignReportAsync"/>.</summary>
    [JsonPropertyName("_id")]
    [JsonRequired]
    public string Id { get => _id; init => _id = value ?? ""; }

    /// <summary>The campaign name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get => _name; init => _name = value ?? ""; }

    /// <summary>The sender address (<c>from</c>).</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>The subject line (<c>subject</c>).</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The preview text (<c>previewText</c>).</summary>
    [JsonPropertyName("previewText")]
    public string? PreviewText { get; init; }

    /// <summary>The preview image address (<c>previewImageUrl</c>); null when the campaign has none.</summary>
    [JsonPropertyName("previewImageUrl")]
    public string? PreviewImageUrl { get; init; }

    /// <summary>The status as the provider spells it (<c>status</c>), for example <c>draft</c> or <c>sent</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get => _status; init => _status = value ?? ""; }

    /// <summary>Emails sent (<c>sentCount</c>); 0 when not sent (drafts).</summary>
    [JsonPropertyName("sentCount")]
    public long SentCount { get; init; }

    /// <summary>Emails that failed to send (<c>failedCount</c>); 0 when not sent.</summary>
    [JsonPropertyName("failedCount")]
    public long FailedCount { get; init; }

    /// <summary>When the campaign was created (<c>createdAt</c>).</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the campaign was last changed (<c>updatedAt</c>).</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}
