using System.Text.Json.Serialization;

namespace EmailStats.Clients.Serialization;

/// <summary>
/// Reads a counter that providers send as a JSON number, a numeric string (<c>"12342"</c>, <c>" 7 "</c>),
/// an integral decimal (<c>12.0</c>), an empty string or null (both read as 0). Anything else — text,
/// a fraction, an overflow — is a <see cref="JsonException"/>, which the call path reports as
/// <see cref="EmailStatsResponseException"/>: never a silently wrong number.
/// </summary>
internal sealed class LenientInt64Converter : JsonConverter<long>
{
    public override bool HandleNull => true;

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
