using System.Text.Json.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Serialization;

/// <summary>The <c>get_message_stats</c> conditions as written (the answer is read by <see cref="MessageStatsPeriodReader"/>).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageStatsConditions))]
internal sealed partial class MessageStatsJsonContext : JsonSerializerContext;

/// <summary>The second positional param of <c>get_message_stats</c>. Members left null are not sent.</summary>
internal sealed record MessageStatsConditions(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("grouping")] string? Grouping,
    [property: JsonPropertyName("created_on")] CreatedOnConditions? CreatedOn);

/// <summary>The <c>created_on</c> time operators (uppercase, <c>YYYY-MM-DD</c>), combined by the API with AND.</summary>
internal sealed record CreatedOnConditions(
    [property: JsonPropertyName("FROM")] string? From,
    [property: JsonPropertyName("TO")] string? To,
    [property: JsonPropertyName("AT")] string? At);
