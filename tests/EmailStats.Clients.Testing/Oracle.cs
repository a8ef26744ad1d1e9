using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailStats.Clients.Testing;

/// <summary>
/// The reader differential tests' oracle, kept out of the shipped packages: System.Text.Json reads a body into plain
/// test DTOs that mirror a model's public properties (names and types), with the documented lenient rules written again
/// here, independently of the readers (<see cref="Int64Converter"/>). <see cref="Canonical"/> turns a DTO and a model
/// into the same text when they hold the same values, so a DTO never needs mapping to the model.
/// </summary>
public static class Oracle
{
    /// <summary>The oracle's reading: the package's syntax policy (comments and trailing commas allowed) and lenient counters.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new Int64Converter() },
    };

    /// <summary>Reads <paramref name="json"/> into <typeparamref name="T"/> with <see cref="Options"/>.</summary>
    public static T Read<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>
    /// Every public property value of <paramref name="value"/>, by name, recursively: lists in order, dictionaries by key,
    /// JSON values as their raw text, a null dictionary as an empty one. A DTO and a model with the same values give the
    /// same text.
    /// </summary>
    public static string Canonical(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case JsonElement element:
                text.Append(element.GetRawText());
                return;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset instant:
                text.Append(instant.ToString("O", CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is DateOnly or DateTime or decimal or Enum or TimeSpan:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
        }

        if (Dictionary(value) is { } entries)
        {
            text.Append('{');
            foreach (var (key, item) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append(':');
                Write(text, item);
                text.Append(',');
            }

            text.Append('}');
            return;
        }

        if (value is IEnumerable list)
        {
            text.Append('[');
            foreach (var item in list)
            {
                Write(text, item);
                text.Append(',');
            }

            text.Append(']');
            return;
        }

        text.Append('(');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.Name != "EqualityContract")
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            var item = property.GetValue(value);
            if (item is null && property.Name == "AdditionalData")
            {
                text.Append("{}");
            }
            else
            {
                Write(text, item);
            }

            text.Append(';');
        }

        text.Append(')');
    }

    private static List<KeyValuePair<string, object?>>? Dictionary(object value)
    {
        var type = value.GetType();
        var readOnly = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string));
        if (readOnly is null)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, object?>>();
        foreach (var entry in (IEnumerable)value)
        {
            var entryType = entry.GetType();
            entries.Add(new((string)entryType.GetProperty("Key")!.GetValue(entry)!, entryType.GetProperty("Value")!.GetValue(entry)));
        }

        return entries;
    }

    /// <summary>
    /// A counter as the packages document it: a JSON number that is whole (or an integral decimal), a string holding one
    /// (padded or not), or null and an empty string read as 0; anything else is a <see cref="JsonException"/>.
    /// </summary>
    public sealed class Int64Converter : JsonConverter<long>
    {
        public override bool HandleNull => true;

        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return 0;
                case JsonTokenType.Number when reader.TryGetInt64(out var whole):
                    return whole;
                case JsonTokenType.Number when reader.TryGetDecimal(out var dec) && dec == decimal.Truncate(dec) && dec is >= long.MinValue and <= long.MaxValue:
                    return (long)dec;
                case JsonTokenType.String:
                    var text = reader.GetString()!.Trim();
                    if (text.Length == 0)
                    {
                        return 0;
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

                    throw new JsonException("not a whole number");
                default:
                    throw new JsonException("not a counter");
            }
        }

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}
