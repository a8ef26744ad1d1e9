using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads Mailgun times: RFC 2822 strings (<c>Tue, 14 Feb 2012 00:00:00 UTC</c>, <c>GMT</c> or a numeric offset,
/// kept as sent) and unix epoch seconds (a number or a string of digits). Anything else is a <see cref="JsonException"/>.
/// </summary>
internal sealed class MailgunTimeConverter : JsonConverter<DateTimeOffset>
{
    private const int MaxStackChars = 128;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var seconds):
                return FromEpoch(seconds);
            case JsonTokenType.String:
                // Copied out of the reader into a stack buffer: one item's time no longer costs a string (or two).
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                Span<char> buffer = length <= MaxStackChars ? stackalloc char[MaxStackChars] : default;
                ReadOnlySpan<char> text = length <= MaxStackChars ? buffer[..reader.CopyString(buffer)] : reader.GetString();
                text = text.Trim();
                if (Rfc2822.TryParse(text, out var value))
                {
                    return value;
                }

                if (text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9') && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
                {
                    return FromEpoch(epoch);
                }

                throw new JsonException("A Mailgun time must be an RFC 2822 date-time or unix epoch seconds.");
            default:
                throw new JsonException($"A Mailgun time must be a string or a number, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc2822.Format(value));

    private static DateTimeOffset FromEpoch(long seconds)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException("A Mailgun epoch time is out of range.", e);
        }
    }
}

/// <summary>Reads a resolution (<c>hour</c>, <c>day</c>, <c>month</c>, any case); null or any other value reads as null.</summary>
internal sealed class MailgunResolutionConverter : JsonConverter<MailgunResolution?>
{
    public override bool HandleNull => true;

    public override MailgunResolution? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return MailgunWireNames.ResolutionFrom(reader.GetString());
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, MailgunResolution? value, JsonSerializerOptions options)
    {
        if (value is { } resolution)
        {
            writer.WriteStringValue(MailgunWireNames.Of(resolution));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// Reads one kind of failure: <c>total</c> into <see cref="MailgunFailureStats.Total"/>, every other number (or
/// numeric string) into <see cref="MailgunFailureStats.Reasons"/>, objects, arrays and booleans into
/// <see cref="MailgunFailureStats.AdditionalData"/>. A string that is not a whole number is a <see cref="JsonException"/>.
/// </summary>
internal sealed class MailgunFailureStatsConverter : JsonConverter<MailgunFailureStats>
{
    private static readonly LenientInt64Converter Counter = new();

    public override MailgunFailureStats? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A Mailgun failure breakdown must be an object, not {reader.TokenType}.");
        }

        long total = 0;

        // The reasons are gathered on the stack first, so that the dictionary is made once at its exact size (a
        // breakdown usually holds one to six reasons; a repeated name keeps its first place and its last count).
        var gathered = default(Reasons8);
        var count = 0;
        List<KeyValuePair<string, long>>? more = null;
        AdditionalData? extra = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = Name(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Number or JsonTokenType.String or JsonTokenType.Null:
                    var value = Counter.Read(ref reader, typeof(long), options);
                    if (name == "total")
                    {
                        total = value;
                    }
                    else if (count < Reasons8.Length)
                    {
                        gathered[count++] = new(name, value);
                    }
                    else
                    {
                        (more ??= []).Add(new(name, value));
                    }

                    break;
                default:
                    extra ??= new AdditionalData();
                    ((IDictionary<string, JsonElement>)extra)[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        var reasons = new Dictionary<string, long>(count + (more?.Count ?? 0), StringComparer.Ordinal);
        foreach (var (reason, value) in ((ReadOnlySpan<KeyValuePair<string, long>>)gathered)[..count])
        {
            reasons[reason] = value;
        }

        foreach (var (reason, value) in more ?? [])
        {
            reasons[reason] = value;
        }

        return new MailgunFailureStats { Total = total, Reasons = reasons.AsReadOnly(), AdditionalData = extra ?? AdditionalData.Empty };
    }

    /// <summary>The property name, as the one shared instance when it is a reason Mailgun is known to send (no string per item).</summary>
    private static string Name(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            foreach (var (utf8, name) in KnownNames)
            {
                if (span.SequenceEqual(utf8))
                {
                    return name;
                }
            }
        }

        return reader.GetString()!;
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct Reasons8
    {
        public const int Length = 8;

        private KeyValuePair<string, long> _first;
    }

    private static readonly (byte[] Utf8, string Name)[] KnownNames =
    [
        .. new[]
        {
            "total", "bounce", "delayed-bounce", "suppress-bounce", "suppress-unsubscribe", "suppress-complaint", "espblock", "webhook", "old",
        }.Select(n => (System.Text.Encoding.UTF8.GetBytes(n), n)),
    ];

    public override void Write(Utf8JsonWriter writer, MailgunFailureStats value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (reason, count) in value.Reasons)
        {
            writer.WriteNumber(reason, count);
        }

        foreach (var (name, element) in value.AdditionalData)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteNumber("total", value.Total);
        writer.WriteEndObject();
    }
}
