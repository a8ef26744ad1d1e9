using System.Text.Json.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>The aggregates' contract (a small map read once per call): counters read leniently.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    Converters = [typeof(LenientInt64Converter)])]
[JsonSerializable(typeof(Dictionary<string, MailgunAggregateCounts?>))]
internal sealed partial class MailgunJsonContext : JsonSerializerContext;
