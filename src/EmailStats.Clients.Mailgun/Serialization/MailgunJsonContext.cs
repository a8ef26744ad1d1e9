using System.Text.Json.Serialization;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>The Mailgun contract: counters read leniently, times read as RFC 2822 or epoch seconds.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientInt64Converter), typeof(MailgunTimeConverter)])]
[JsonSerializable(typeof(MailgunStatsResult))]
[JsonSerializable(typeof(MailgunAggregatesEnvelope))]
internal sealed partial class MailgunJsonContext : JsonSerializerContext;

/// <summary>The aggregates answer: one of the three maps, by endpoint.</summary>
internal sealed record MailgunAggregatesEnvelope
{
    [JsonPropertyName("providers")]
    public Dictionary<string, MailgunAggregateCounts?>? Providers { get; init; }

    [JsonPropertyName("devices")]
    public Dictionary<string, MailgunAggregateCounts?>? Devices { get; init; }

    [JsonPropertyName("countries")]
    public Dictionary<string, MailgunAggregateCounts?>? Countries { get; init; }

    // Mailgun's tag aggregates name the same maps in the singular ({"provider": {...}, "tag": "..."}): either key is read.
    [JsonPropertyName("provider")]
    public Dictionary<string, MailgunAggregateCounts?>? Provider { get; init; }

    [JsonPropertyName("device")]
    public Dictionary<string, MailgunAggregateCounts?>? Device { get; init; }

    [JsonPropertyName("country")]
    public Dictionary<string, MailgunAggregateCounts?>? Country { get; init; }
}
