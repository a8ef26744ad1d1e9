using System.Text.Json.Serialization;
using System.Xml.Serialization;

// What a careful engineer writes by hand (the baseline of every HTTP comparison, "Limit"): plain mutable DTOs of the
// documented shapes, System.Text.Json source-generated metadata, no lenient rules, no unknown fields kept. The SendGrid
// XML DTOs are read by XmlSerializer.
#pragma warning disable SA1402, SA1649, CA1002, CA2227
namespace EmailStats.Clients.Benchmarks.Careful;

public sealed class SendGridRow
{
    [JsonPropertyName("category")][XmlElement("category")] public string? Category { get; set; }
    [JsonPropertyName("date")][XmlElement("date")] public string? Date { get; set; }
    [JsonPropertyName("requests")][XmlElement("requests")] public long Requests { get; set; }
    [JsonPropertyName("delivered")][XmlElement("delivered")] public long Delivered { get; set; }
    [JsonPropertyName("bounces")][XmlElement("bounces")] public long Bounces { get; set; }
    [JsonPropertyName("repeat_bounces")][XmlElement("repeat_bounces")] public long RepeatBounces { get; set; }
    [JsonPropertyName("unsubscribes")][XmlElement("unsubscribes")] public long Unsubscribes { get; set; }
    [JsonPropertyName("repeat_unsubscribes")][XmlElement("repeat_unsubscribes")] public long RepeatUnsubscribes { get; set; }
    [JsonPropertyName("clicks")][XmlElement("clicks")] public long Clicks { get; set; }
    [JsonPropertyName("opens")][XmlElement("opens")] public long Opens { get; set; }
    [JsonPropertyName("spamreports")][XmlElement("spamreports")] public long SpamReports { get; set; }
    [JsonPropertyName("repeat_spamreports")][XmlElement("repeat_spamreports")] public long RepeatSpamReports { get; set; }
    [JsonPropertyName("invalid_email")][XmlElement("invalid_email")] public long InvalidEmail { get; set; }
    [JsonPropertyName("blocked")][XmlElement("blocked")] public long Blocked { get; set; }
    [JsonPropertyName("unique_clicks")][XmlElement("unique_clicks")] public long UniqueClicks { get; set; }
    [JsonPropertyName("unique_opens")][XmlElement("unique_opens")] public long UniqueOpens { get; set; }
    [JsonPropertyName("spam_drop")][XmlElement("spam_drop")] public long SpamDrop { get; set; }
}

[XmlRoot("stats")]
public sealed class SendGridXmlStats
{
    [XmlElement("day")] public List<SendGridRow> Days { get; set; } = [];
}

public sealed class MailgunResult
{
    [JsonPropertyName("start")] public string? Start { get; set; }
    [JsonPropertyName("end")] public string? End { get; set; }
    [JsonPropertyName("resolution")] public string? Resolution { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("stats")] public List<MailgunItem>? Stats { get; set; }
}

public sealed class MailgunItem
{
    [JsonPropertyName("time")] public string? Time { get; set; }
    [JsonPropertyName("accepted")] public MailgunAccepted? Accepted { get; set; }
    [JsonPropertyName("delivered")] public MailgunDelivered? Delivered { get; set; }
    [JsonPropertyName("failed")] public MailgunFailed? Failed { get; set; }
    [JsonPropertyName("stored")] public MailgunTotal? Stored { get; set; }
    [JsonPropertyName("opened")] public MailgunEngagement? Opened { get; set; }
    [JsonPropertyName("clicked")] public MailgunEngagement? Clicked { get; set; }
    [JsonPropertyName("unsubscribed")] public MailgunTotal? Unsubscribed { get; set; }
    [JsonPropertyName("complained")] public MailgunTotal? Complained { get; set; }
}

public sealed class MailgunAccepted
{
    [JsonPropertyName("incoming")] public long Incoming { get; set; }
    [JsonPropertyName("outgoing")] public long Outgoing { get; set; }
    [JsonPropertyName("total")] public long Total { get; set; }
}

public sealed class MailgunDelivered
{
    [JsonPropertyName("smtp")] public long Smtp { get; set; }
    [JsonPropertyName("http")] public long Http { get; set; }
    [JsonPropertyName("optimized")] public long Optimized { get; set; }
    [JsonPropertyName("total")] public long Total { get; set; }
}

public sealed class MailgunFailed
{
    [JsonPropertyName("temporary")] public Dictionary<string, long>? Temporary { get; set; }
    [JsonPropertyName("permanent")] public Dictionary<string, long>? Permanent { get; set; }
}

public sealed class MailgunTotal
{
    [JsonPropertyName("total")] public long Total { get; set; }
}

public sealed class MailgunEngagement
{
    [JsonPropertyName("total")] public long Total { get; set; }
    [JsonPropertyName("unique")] public long Unique { get; set; }
}

public sealed class RpcResponse
{
    [JsonPropertyName("jsonrpc")] public string? JsonRpc { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("result")] public Dictionary<string, RpcPeriod>? Result { get; set; }
    [JsonPropertyName("error")] public System.Text.Json.JsonElement? Error { get; set; }
}

public sealed class RpcPeriod
{
    [JsonPropertyName("sent")] public long Sent { get; set; }
    [JsonPropertyName("opened")] public long Opened { get; set; }
    [JsonPropertyName("unique_opened")] public long UniqueOpened { get; set; }
    [JsonPropertyName("clicked")] public long Clicked { get; set; }
    [JsonPropertyName("unique_clicked")] public long UniqueClicked { get; set; }
    [JsonPropertyName("goals")] public long Goals { get; set; }
    [JsonPropertyName("unique_goals")] public long UniqueGoals { get; set; }
    [JsonPropertyName("forwarded")] public long Forwarded { get; set; }
    [JsonPropertyName("unsubscribes")] public long Unsubscribes { get; set; }
    [JsonPropertyName("bounces_user_unknown")] public long BouncesUserUnknown { get; set; }
    [JsonPropertyName("bounces_user_recycled")] public long BouncesUserRecycled { get; set; }
    [JsonPropertyName("bounces_mailbox_full")] public long BouncesMailboxFull { get; set; }
    [JsonPropertyName("bounces_block_content")] public long BouncesBlockContent { get; set; }
    [JsonPropertyName("bounces_block_timeout")] public long BouncesBlockTimeout { get; set; }
    [JsonPropertyName("bounces_block_other")] public long BouncesBlockOther { get; set; }
    [JsonPropertyName("bounces_other_soft")] public long BouncesOtherSoft { get; set; }
    [JsonPropertyName("bounces_other_hard")] public long BouncesOtherHard { get; set; }
    [JsonPropertyName("complaints_handled")] public long ComplaintsHandled { get; set; }
    [JsonPropertyName("complaints_unhandled")] public long ComplaintsUnhandled { get; set; }
}

public sealed class Histogram
{
    [JsonPropertyName("start")] public DateTimeOffset? Start { get; set; }
    [JsonPropertyName("end")] public DateTimeOffset? End { get; set; }
    [JsonPropertyName("histogram")] public List<HistogramPoint>? Points { get; set; }
    [JsonPropertyName("peak")] public HistogramPeak? Peak { get; set; }
}

public sealed class HistogramPoint
{
    [JsonPropertyName("date")] public DateTimeOffset Date { get; set; }
    [JsonPropertyName("total")] public long Total { get; set; }
    [JsonPropertyName("detail")] public HistogramDetail? Detail { get; set; }
}

public sealed class HistogramDetail
{
    [JsonPropertyName("hard")] public long? Hard { get; set; }
    [JsonPropertyName("soft")] public long? Soft { get; set; }
    [JsonPropertyName("uniqueOpens")] public long? UniqueOpens { get; set; }
    [JsonPropertyName("uniqueClicks")] public long? UniqueClicks { get; set; }
}

public sealed class HistogramPeak
{
    [JsonPropertyName("date")] public DateTimeOffset? Date { get; set; }
    [JsonPropertyName("startDate")] public DateTimeOffset? StartDate { get; set; }
    [JsonPropertyName("endDate")] public DateTimeOffset? EndDate { get; set; }
    [JsonPropertyName("total")] public long Total { get; set; }
}

public sealed class CampaignReport
{
    [JsonPropertyName("stats")] public CampaignStats? Stats { get; set; }
    [JsonPropertyName("linkActivity")] public List<Link>? LinkActivity { get; set; }
}

public sealed class CampaignStats
{
    [JsonPropertyName("sent")] public long Sent { get; set; }
    [JsonPropertyName("delivered")] public long Delivered { get; set; }
    [JsonPropertyName("opens")] public Engagement? Opens { get; set; }
    [JsonPropertyName("clicks")] public Engagement? Clicks { get; set; }
    [JsonPropertyName("hardBounces")] public CountAndRate? HardBounces { get; set; }
    [JsonPropertyName("softBounces")] public CountAndRate? SoftBounces { get; set; }
    [JsonPropertyName("totalBounces")] public CountAndRate? TotalBounces { get; set; }
    [JsonPropertyName("complaints")] public long Complaints { get; set; }
    [JsonPropertyName("unsubscribes")] public long Unsubscribes { get; set; }
}

public sealed class Engagement
{
    [JsonPropertyName("unique")] public long Unique { get; set; }
    [JsonPropertyName("rate")] public double Rate { get; set; }
    [JsonPropertyName("last")] public DateTimeOffset? Last { get; set; }
}

public sealed class CountAndRate
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("rate")] public double Rate { get; set; }
}

public sealed class Link
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("clicks")] public LinkClicks? Clicks { get; set; }
}

public sealed class LinkClicks
{
    [JsonPropertyName("total")] public long Total { get; set; }
    [JsonPropertyName("unique")] public long Unique { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(List<SendGridRow>))]
[JsonSerializable(typeof(MailgunResult))]
[JsonSerializable(typeof(RpcResponse))]
[JsonSerializable(typeof(Histogram))]
[JsonSerializable(typeof(CampaignReport))]
internal sealed partial class CarefulJsonContext : JsonSerializerContext;
#pragma warning restore SA1402, SA1649, CA1002, CA2227
