using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>
/// The differential tests' oracle for a <c>get_message_stats</c> period (<see cref="Testing.Oracle"/>): the nineteen
/// counters by their wire names, every other field kept; the key and start are the ones the test gives every period.
/// </summary>
internal sealed class OraclePeriod
{
    public string Key => "2024-01-01";

    public DateTime Start => new(2024, 1, 1);

    [JsonPropertyName("sent")]
    public long Sent { get; set; }

    [JsonPropertyName("opened")]
    public long Opened { get; set; }

    [JsonPropertyName("unique_opened")]
    public long UniqueOpened { get; set; }

    [JsonPropertyName("clicked")]
    public long Clicked { get; set; }

    [JsonPropertyName("unique_clicked")]
    public long UniqueClicked { get; set; }

    [JsonPropertyName("goals")]
    public long Goals { get; set; }

    [JsonPropertyName("unique_goals")]
    public long UniqueGoals { get; set; }

    [JsonPropertyName("forwarded")]
    public long Forwarded { get; set; }

    [JsonPropertyName("unsubscribes")]
    public long Unsubscribes { get; set; }

    [JsonPropertyName("bounces_user_unknown")]
    public long BouncesUserUnknown { get; set; }

    [JsonPropertyName("bounces_user_recycled")]
    public long BouncesUserRecycled { get; set; }

    [JsonPropertyName("bounces_mailbox_full")]
    public long BouncesMailboxFull { get; set; }

    [JsonPropertyName("bounces_block_content")]
    public long BouncesBlockContent { get; set; }

    [JsonPropertyName("bounces_block_timeout")]
    public long BouncesBlockTimeout { get; set; }

    [JsonPropertyName("bounces_block_other")]
    public long BouncesBlockOther { get; set; }

    [JsonPropertyName("bounces_other_soft")]
    public long BouncesOtherSoft { get; set; }

    [JsonPropertyName("bounces_other_hard")]
    public long BouncesOtherHard { get; set; }

    [JsonPropertyName("complaints_handled")]
    public long ComplaintsHandled { get; set; }

    [JsonPropertyName("complaints_unhandled")]
    public long ComplaintsUnhandled { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
