using System.Buffers.Text;

namespace EmailStats.Clients.Serialization;

/// <summary>Reads one value, the reader on its first token, leaving the reader on its last token.</summary>
/// <typeparam name="T">What the value reads as.</typeparam>
/// <param name="reader">The reader.</param>
/// <returns>The value.</returns>
internal delegate T ValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// The steps every hand-written <see cref="Utf8JsonReader"/> reader shares: one leniency policy (<see cref="Options"/>),
/// the next token or a <see cref="JsonException"/> at the end, an optional counter read leniently, an unknown property
/// kept as sent.
/// </summary>
internal static class LenientJsonReader
{
    /// <summary>
    /// The syntax every reader accepts, the same for every provider: JSON, plus comments (skipped) and trailing commas,
    /// which change no value. Leniency about values (numbers as strings, nulls, unknown fields) is each model's, and is
    /// documented on it.
    /// </summary>
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The same policy for the few bodies read as a document (error envelopes, small maps).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A reader over a whole body with <see cref="Options"/>.</summary>
    public static Utf8JsonReader Create(ReadOnlySpan<byte> json) => new(json, Options);

    /// <summary>
    /// The items of the array the reader stands on (its <c>StartArray</c>), each read by <paramref name="read"/>, up to the
    /// array's end. A null item is refused, naming the list, when <paramref name="refuseNullItemsOf"/> is given, and
    /// otherwise handed to <paramref name="read"/> like any item.
    /// </summary>
    public static List<T> ReadItems<T>(ref Utf8JsonReader reader, ValueReader<T> read, string? refuseNullItemsOf = null)
    {
        var items = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (refuseNullItemsOf is not null && reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException($"{refuseNullItemsOf} holds a null item.");
            }

            items.Add(read(ref reader));
        }

        return items;
    }

    /// <summary>
    /// The list that comes next: null for a JSON null, else the items of an array (<see cref="ReadItems"/>); anything
    /// else is refused, naming <paramref name="what"/>.
    /// </summary>
    public static List<T>? ReadOptionalItems<T>(ref Utf8JsonReader reader, string what, ValueReader<T> read, string? refuseNullItemsOf = null)
    {
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        ExpectArray(reader.TokenType, what);
        return ReadItems(ref reader, read, refuseNullItemsOf);
    }

    /// <summary>Moves to the next token; the JSON ending early is a <see cref="JsonException"/>.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ends too early.");
        }

        return reader.TokenType;
    }

    /// <summary>
    /// A counter that may be missing: a whole number, a numeric string (<c>"42"</c>, <c>" 7 "</c>, <c>"12.0"</c>) or an
    /// integral decimal (<c>3.0</c>); null, or an empty string, is "not sent". A fraction, text or another token is a <see cref="JsonException"/>
    /// naming <paramref name="what"/>: never a guessed number.
    /// </summary>
    public static long? ReadOptionalInt64(ref Utf8JsonReader reader, string what)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                if (reader.TryGetDecimal(out var dec) && dec == decimal.Truncate(dec) && dec is >= long.MinValue and <= long.MaxValue)
                {
                    return (long)dec;
                }

                throw new JsonException($"A {what} must be a whole number.");
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long fast, out var consumed) && consumed == reader.ValueSpan.Length)
                {
                    return fast;
                }

                return ParseOptionalInt64(reader.GetString(), what);
            default:
                throw new JsonException($"A {what} must be a number, not {reader.TokenType}.");
        }
    }

    /// <summary>
    /// A counter sent as text (a JSON string's value, an XML element's text): trimmed, empty is "not sent", a whole
    /// number or an integral decimal is read, anything else is a <see cref="JsonException"/> naming <paramref name="what"/>.
    /// </summary>
    public static long? ParseOptionalInt64(ReadOnlySpan<char> value, string what)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var written)
            && written == decimal.Truncate(written) && written is >= long.MinValue and <= long.MaxValue)
        {
            return (long)written;
        }

        throw new JsonException($"A {what} sent as a string must hold a whole number.");
    }

    /// <summary>The next value as text: a string, or null for JSON null; any other token is a <see cref="JsonException"/> naming <paramref name="name"/>.</summary>
    public static string? ReadOptionalString(ref Utf8JsonReader reader, string name) => Next(ref reader) switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        var token => throw new JsonException($"'{name}' must be a string, not {token}."),
    };

    /// <summary>A <see cref="JsonException"/> saying what <paramref name="what"/> must be, unless <paramref name="token"/> starts an object.</summary>
    public static void ExpectObject(JsonTokenType token, string what) => Expect(token, JsonTokenType.StartObject, what, "an object");

    /// <summary>A <see cref="JsonException"/> saying what <paramref name="what"/> must be, unless <paramref name="token"/> starts an array.</summary>
    public static void ExpectArray(JsonTokenType token, string what) => Expect(token, JsonTokenType.StartArray, what, "a list");

    /// <summary>Keeps the property the reader stands on (its name, then its value) in <paramref name="extra"/>, created when first needed.</summary>
    public static void Keep(ref Utf8JsonReader reader, ref AdditionalData? extra)
    {
        var name = reader.GetString()!;
        Next(ref reader);
        extra ??= new AdditionalData();
        ((IDictionary<string, JsonElement>)extra)[name] = JsonElement.ParseValue(ref reader);
    }

    private static void Expect(JsonTokenType token, JsonTokenType expected, string what, string kind)
    {
        if (token != expected)
        {
            throw new JsonException($"{char.ToUpperInvariant(what[0])}{what[1..]} must be {kind}, not {token}.");
        }
    }
}
