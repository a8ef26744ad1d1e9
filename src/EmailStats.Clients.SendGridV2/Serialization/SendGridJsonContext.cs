using System.Text.Json.Serialization;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.SendGridV2.Serialization;

/// <summary>The one contract for both formats: JSON is read directly, XML is transcoded to JSON and read here too.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientInt64Converter)])]
[JsonSerializable(typeof(List<SendGridDailyStats>))]
[JsonSerializable(typeof(List<SendGridCategoryStats>))]
[JsonSerializable(typeof(SendGridAggregateStats))]
[JsonSerializable(typeof(List<SendGridCategoryName>))]
internal sealed partial class SendGridJsonContext : JsonSerializerContext;

/// <summary>One entry of the category list (<c>{"category":"name"}</c>).</summary>
internal sealed record SendGridCategoryName([property: JsonPropertyName("category")] string? Category);
