using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
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

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                if (reader.TryGetDecimal(out var dec) && dec == decimal.Truncate(dec) && dec is >= long.MinValue and <= long.MaxValue)
                {
                    return (long)dec;
                }

                throw new JsonException("A counter must be a whole number.");
            case JsonTokenType.String:
                return ParseString(ref reader);
            default:
                throw new JsonException($"A counter must be a number, not {reader.TokenType}.");
        }
    }

    private static long ParseString(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan.Trim(" \t\r\n"u8);
            if (span.IsEmpty)
            {
                return 0;
            }

            if (Utf8Parser.TryParse(span, out long fast, out var consumed) && consumed == span.Length)
            {
                return fast;
            }
        }

        var text = reader.GetString()!.Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec)
            && dec == decimal.Truncate(dec) && dec is >= long.MinValue and <= long.MaxValue)
        {
            return (long)dec;
        }

        throw new JsonException("A counter sent as a string must hold a whole number.");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
