using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// What people write today: plain mutable DTOs with Newtonsoft attributes, read from a string.
namespace EmailStats.Clients.Benchmarks.Today;

public class SendGridCategoryDay
{
    [JsonProperty("category")] public string? Category { get; set; }
    [JsonProperty("date")] public DateTime Date { get; set; }
    [JsonProperty("requests")] public long Requests { get; set; }
    [JsonProperty("delivered")] public long Delivered { get; set; }
    [JsonProperty("bounces")] public long Bounces { get; set; }
    [JsonProperty("repeat_bounces")] public long RepeatBounces { get; set; }
    [JsonProperty("unsubscribes")] public long Unsubscribes { get; set; }
    [JsonProperty("repeat_unsubscribes")] public long RepeatUnsubscribes { get; set; }
    [JsonProperty("clicks")] public long Clicks { get; set; }
    [JsonProperty("opens")] public long Opens { get; set; }
    [JsonProperty("spamreports")] public long SpamReports { get; set; }
    [JsonProperty("repeat_spamreports")] public long RepeatSpamReports { get; set; }
    [JsonProperty("invalid_email")] public long InvalidEmail { get; set; }
    [JsonProperty("blocked")] public long Blocked { get; set; }
    [JsonProperty("unique_clicks")] public long UniqueClicks { get; set; }
    [JsonProperty("unique_opens")] public long UniqueOpens { get; set; }
    [JsonProperty("spam_drop")] public long SpamDrop { get; set; }
    [JsonExtensionData] public IDictionary<string, JToken>? Extra { get; set; }
}

public class MailgunResult
{
    [JsonProperty("start")] public string? Start { get; set; }
    [JsonProperty("end")] public string? End { get; set; }
    [JsonProperty("resolution")] public string? Resolution { get; set; }
    [JsonProperty("description")] public string? Description { get; set; }
    [JsonProperty("stats")] public List<MailgunItem>? Stats { get; set; }
}

public class MailgunItem
{
    [JsonProperty("time")] public string? Time { get; set; }
    [JsonProperty("accepted")] public Dictionary<string, long>? Accepted { get; set; }
    [JsonProperty("delivered")] public Dictionary<string, long>? Delivered { get; set; }
    [JsonProperty("failed")] public MailgunFailed? Failed { get; set; }
    [JsonProperty("stored")] public Dictionary<string, long>? Stored { get; set; }
    [JsonProperty("opened")] public Dictionary<string, long>? Opened { get; set; }
    [JsonProperty("clicked")] public Dictionary<string, long>? Clicked { get; set; }
    [JsonProperty("unsubscribed")] public Dictionary<string, long>? Unsubscribed { get; set; }
    [JsonProperty("complained")] public Dictionary<string, long>? Complained { get; set; }
}

public class MailgunFailed
{
    [JsonProperty("temporary")] public Dictionary<string, long>? Temporary { get; set; }
    [JsonProperty("permanent")] public Dictionary<string, long>? Permanent { get; set; }
}

public class RpcResponse
{
    [JsonProperty("jsonrpc")] public string? JsonRpc { get; set; }
    [JsonProperty("id")] public long Id { get; set; }
    [JsonProperty("result")] public Dictionary<string, MessagePeriod>? Result { get; set; }
    [JsonProperty("error")] public JToken? Error { get; set; }
}

public class MessagePeriod
{
    [JsonProperty("sent")] public long Sent { get; set; }
    [JsonProperty("opened")] public long Opened { get; set; }
    [JsonProperty("unique_opened")] public long UniqueOpened { get; set; }
    [JsonProperty("clicked")] public long Clicked { get; set; }
    [JsonProperty("unique_clicked")] public long UniqueClicked { get; set; }
    [JsonProperty("goals")] public long Goals { get; set; }
    [JsonProperty("unique_goals")] public long UniqueGoals { get; set; }
    [JsonProperty("forwarded")] public long Forwarded { get; set; }
    [JsonProperty("unsubscribes")] public long Unsubscribes { get; set; }
    [JsonProperty("bounces_user_unknown")] public long BouncesUserUnknown { get; set; }
    [JsonProperty("bounces_user_recycled")] public long BouncesUserRecycled { get; set; }
    [JsonProperty("bounces_mailbox_full")] public long BouncesMailboxFull { get; set; }
    [JsonProperty("bounces_block_content")] public long BouncesBlockContent { get; set; }
    [JsonProperty("bounces_block_timeout")] public long BouncesBlockTimeout { get; set; }
    [JsonProperty("bounces_block_other")] public long BouncesBlockOther { get; set; }
    [JsonProperty("bounces_other_soft")] public long BouncesOtherSoft { get; set; }
    [JsonProperty("bounces_other_hard")] public long BouncesOtherHard { get; set; }
    [JsonProperty("complaints_handled")] public long ComplaintsHandled { get; set; }
    [JsonProperty("complaints_unhandled")] public long ComplaintsUnhandled { get; set; }
}

public class Histogram
{
    [JsonProperty("start")] public DateTimeOffset? Start { get; set; }
    [JsonProperty("end")] public DateTimeOffset? End { get; set; }
    [JsonProperty("histogram")] public List<HistogramPoint>? Points { get; set; }
    [JsonProperty("peak")] public HistogramPeak? Peak { get; set; }
}

public class HistogramPoint
{
    [JsonProperty("date")] public DateTimeOffset Date { get; set; }
    [JsonProperty("total")] public long Total { get; set; }
    [JsonProperty("detail")] public Dictionary<string, long>? Detail { get; set; }
}

public class HistogramPeak
{
    [JsonProperty("date")] public DateTimeOffset? Date { get; set; }
    [JsonProperty("startDate")] public DateTimeOffset? StartDate { get; set; }
    [JsonProperty("endDate")] public DateTimeOffset? EndDate { get; set; }
    [JsonProperty("total")] public long Total { get; set; }
}

public class CampaignReport
{
    [JsonProperty("stats")] public CampaignStats? Stats { get; set; }
    [JsonProperty("linkActivity")] public List<LinkActivity>? LinkActivity { get; set; }
}

public class CampaignStats
{
    [JsonProperty("sent")] public long Sent { get; set; }
    [JsonProperty("delivered")] public long Delivered { get; set; }
    [JsonProperty("opens")] public Engagement? Opens { get; set; }
    [JsonProperty("clicks")] public Engagement? Clicks { get; set; }
    [JsonProperty("hardBounces")] public CampaignCountAndRate? HardBounces { get; set; }
    [JsonProperty("softBounces")] public CampaignCountAndRate? SoftBounces { get; set; }
    [JsonProperty("totalBounces")] public CampaignCountAndRate? TotalBounces { get; set; }
    [JsonProperty("complaints")] public long Complaints { get; set; }
    [JsonProperty("unsubscribes")] public long Unsubscribes { get; set; }
}

public class Engagement
{
    [JsonProperty("unique")] public long Unique { get; set; }
    [JsonProperty("rate")] public double Rate { get; set; }
    [JsonProperty("last")] public DateTimeOffset? Last { get; set; }
}

public class CampaignCountAndRate
{
    [JsonProperty("count")] public long Count { get; set; }
    [JsonProperty("rate")] public double Rate { get; set; }
}

public class LinkActivity
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("path")] public string? Path { get; set; }
    [JsonProperty("clicks")] public LinkClicks? Clicks { get; set; }
}

public class LinkClicks
{
    [JsonProperty("total")] public long Total { get; set; }
    [JsonProperty("unique")] public long Unique { get; set; }
}
