using System.Text.Json.Serialization;

namespace EmailStats.Clients.Serialization;

/// <summary>
/// Reads a rate or percentage sent as a JSON number, a numeric string (<c>"33.27"</c>, <c>"33.27%"</c>),
/// an empty string or null (both read as 0). Anything else is a <see cref="JsonException"/>.
/// </summary>
internal sealed class LenientDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim().TrimEnd('%').Trim();
                if (text.Length == 0)
                {
                    return 0;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    return value;
                }

                throw new JsonException("A rate sent as a string must hold a number.");
            default:
                throw new JsonException($"A rate must be a number, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
