using System.Text.Json.Serialization;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>The Mailgun contract: counters read leniently, times read as RFC 2822 or epoch seconds.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientInt64Converter), typeof(MailgunTimeConverter)])]
[JsonSerializable(typeof(MailgunStatsResult))]
[JsonSerializable(typeof(Dictionary<string, MailgunAggregateCounts?>))]
[JsonSerializable(typeof(MetricsPageDto))]
internal sealed partial class MailgunJsonContext : JsonSerializerContext;

// The Metrics API answer as the wire has it, read by the source generator in one streaming pass (no document of the
// whole body); MailgunMetricsReader turns it into the public models.
#pragma warning disable SA1402, CA1812
internal sealed class MetricsPageDto
{
    [JsonPropertyName("start")]
    public string? Start { get; set; }

    [JsonPropertyName("end")]
    public string? End { get; set; }

    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    [JsonPropertyName("dimensions")]
    public List<string?>? Dimensions { get; set; }

    [JsonPropertyName("pagination")]
    public MetricsPaginationDto? Pagination { get; set; }

    [JsonPropertyName("items")]
    public List<MetricsItemDto?>? Items { get; set; }

    [JsonPropertyName("aggregates")]
    public MetricsAggregatesDto? Aggregates { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
}

internal sealed class MetricsPaginationDto
{
    [JsonPropertyName("sort")]
    public string? Sort { get; set; }

    [JsonPropertyName("skip")]
    public long Skip { get; set; }

    [JsonPropertyName("limit")]
    public long Limit { get; set; }

    [JsonPropertyName("total")]
    public System.Text.Json.JsonElement Total { get; set; }
}

internal sealed class MetricsItemDto
{
    [JsonPropertyName("dimensions")]
    public List<MetricsDimensionDto?>? Dimensions { get; set; }

    [JsonPropertyName("metrics")]
    public Dictionary<string, System.Text.Json.JsonElement>? Metrics { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
}

internal sealed class MetricsDimensionDto
{
    [JsonPropertyName("dimension")]
    public string? Dimension { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }

    [JsonPropertyName("display_value")]
    public string? DisplayValue { get; set; }
}

internal sealed class MetricsAggregatesDto
{
    [JsonPropertyName("metrics")]
    public Dictionary<string, System.Text.Json.JsonElement>? Metrics { get; set; }
}
#pragma warning restore SA1402, CA1812
