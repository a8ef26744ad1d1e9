using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>
/// The differential tests' oracle for SendGrid v2 rows (<see cref="Testing.Oracle"/>): the wire names, <c>date</c>
/// required, <c>blocked</c> winning over <c>blocks</c> when sent and not null, unknown fields kept.
/// </summary>
internal class OracleDailyRow
{
    [JsonPropertyName("date")]
    [JsonRequired]
    public DateOnly Date { get; set; }

    [JsonPropertyName("requests")]
    public long Requests { get; set; }

    [JsonPropertyName("delivered")]
    public long Delivered { get; set; }

    [JsonPropertyName("bounces")]
    public long Bounces { get; set; }

    [JsonPropertyName("repeat_bounces")]
    public long RepeatBounces { get; set; }

    [JsonPropertyName("unsubscribes")]
    public long Unsubscribes { get; set; }

    [JsonPropertyName("repeat_unsubscribes")]
    public long RepeatUnsubscribes { get; set; }

    [JsonPropertyName("clicks")]
    public long Clicks { get; set; }

    [JsonPropertyName("opens")]
    public long Opens { get; set; }

    [JsonPropertyName("spamreports")]
    public long SpamReports { get; set; }

    [JsonPropertyName("repeat_spamreports")]
    public long RepeatSpamReports { get; set; }

    [JsonPropertyName("invalid_email")]
    public long InvalidEmail { get; set; }

    [JsonIgnore]
    public long Blocks => BlockedSpelling ?? BlocksSpelling;

    [JsonPropertyName("unique_clicks")]
    public long UniqueClicks { get; set; }

    [JsonPropertyName("unique_opens")]
    public long UniqueOpens { get; set; }

    [JsonPropertyName("spam_drop")]
    public long SpamDrop { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }

    [JsonPropertyName("blocks")]
    public long BlocksSpelling { private get; set; }

    [JsonPropertyName("blocked")]
    public long? BlockedSpelling { private get; set; }
}

/// <summary>A category row: a daily row with its required <c>category</c>.</summary>
internal sealed class OracleCategoryRow : OracleDailyRow
{
    [JsonPropertyName("category")]
    [JsonRequired]
    public string Category { get; set; } = "";
}
