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
internal sealed partial class MailgunJsonContext : JsonSerializerContext;
