using System.Buffers;
using System.Text.Json.Serialization;

namespace EmailStats.Clients.Serialization;

/// <summary>
/// Reads an ISO 8601 timestamp; one sent without an offset (<c>2024-09-23T17:00:00</c>) is UTC, never the machine's
/// local zone (System.Text.Json's default), so that a day is the same on every server. Anything that is not such a
/// timestamp is a <see cref="JsonException"/>, which the call path reports as <see cref="EmailStatsResponseException"/>.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A timestamp must be a string, not {reader.TokenType}.");
        }

        // The common case, an ISO 8601 timestamp with its offset, stays on System.Text.Json's allocation-free path.
        if (reader.TryGetDateTimeOffset(out var value) && HasOffset(ref reader))
        {
            return value;
        }

        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
            ? value
            : throw new JsonException("A timestamp must be an ISO 8601 date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Whether the timestamp ends with <c>Z</c> or a <c>±hh:mm</c> offset.</summary>
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (span.Length == 0)
        {
            return false;
        }

        if (span[^1] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        // ...T17:00:00+07:00 or ...+0700: a sign after the time part (the date part's '-' come before the 'T').
        var t = span.IndexOfAny((byte)'T', (byte)'t', (byte)' ');
        return t >= 0 && span[t..].IndexOfAny((byte)'+', (byte)'-') >= 0;
    }
}
