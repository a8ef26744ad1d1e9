using System.Text.Json.Serialization;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// The counts of one email service provider, device type or country of a domain
/// (<see cref="IMailgunStatsClient.GetProviderAggregatesAsync"/>, <see cref="IMailgunStatsClient.GetDeviceAggregatesAsync"/>,
/// <see cref="IMailgunStatsClient.GetCountryAggregatesAsync"/>). A counter Mailgun did not send reads as 0.
/// </summary>
public sealed record MailgunAggregateCounts
{
    /// <summary>Accepted messages (<c>accepted</c>).</summary>
    [JsonPropertyName("accepted")]
    public long Accepted { get; init; }

    /// <summary>Delivered messages (<c>delivered</c>).</summary>
    [JsonPropertyName("delivered")]
    public long Delivered { get; init; }

    /// <summary>Opens (<c>opened</c>).</summary>
    [JsonPropertyName("opened")]
    public long Opened { get; init; }

    /// <summary>Unique opens (<c>unique_opened</c>).</summary>
    [JsonPropertyName("unique_opened")]
    public long UniqueOpened { get; init; }

    /// <summary>Clicks (<c>clicked</c>).</summary>
    [JsonPropertyName("clicked")]
    public long Clicked { get; init; }

    /// <summary>Unique clicks (<c>unique_clicked</c>).</summary>
    [JsonPropertyName("unique_clicked")]
    public long UniqueClicked { get; init; }

    /// <summary>Unsubscribes (<c>unsubscribed</c>).</summary>
    [JsonPropertyName("unsubscribed")]
    public long Unsubscribed { get; init; }

    /// <summary>Spam complaints (<c>complained</c>).</summary>
    [JsonPropertyName("complained")]
    public long Complained { get; init; }

    /// <summary>Fields the provider sent that this model has no property for (for example <c>bounced</c>), kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}
