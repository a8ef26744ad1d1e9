using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports.Serialization;

/// <summary>
/// The contract of the Reports answers read once per call (dashboard, overall report, campaign pages): counters and rates
/// read leniently (numbers sent as strings, nulls as 0). Histograms and campaign reports are read by <see cref="ReportsReaders"/>.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    Converters = [typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(ReportsDashboard))]
[JsonSerializable(typeof(EmailOverallReport))]
[JsonSerializable(typeof(CampaignPage))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;

/// <summary>One page of <c>GET api/email/campaign</c>: <c>{"total":42,"records":[...]}</c>.</summary>
internal sealed record CampaignPage
{
    [JsonPropertyName("total")]
    public long? Total { get; init; }

    [JsonPropertyName("records")]
    public List<Campaign?>? Records { get; init; }
}
