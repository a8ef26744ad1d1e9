namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>The values of Mailgun's stats envelope that need more than a counter: times and failure breakdowns.</summary>
internal static class MailgunValueReaders
{
    private const int MaxStackChars = 128;

    /// <summary>
    /// A Mailgun time: an RFC 2822 string (<c>Tue, 14 Feb 2012 00:00:00 UTC</c>, <c>GMT</c> or a numeric offset, kept as
    /// sent) or unix epoch seconds (a number or a string of digits). Anything else is a <see cref="JsonException"/>.
    /// </summary>
    public static DateTimeOffset ReadTime(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var seconds):
                return FromEpoch(seconds);
            case JsonTokenType.String:
                // Copied out of the reader into a stack buffer: reading one item's time allocates no string.
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

    /// <summary>
    /// One kind of failure: <c>total</c> into <see cref="MailgunFailureStats.Total"/>, every other number (or numeric
    /// string) into <see cref="MailgunFailureStats.Reasons"/>, objects, arrays and booleans into
    /// <see cref="MailgunFailureStats.AdditionalData"/>; null for JSON null. A string that is not a whole number is a <see cref="JsonException"/>.
    /// </summary>
    public static MailgunFailureStats? ReadFailure(ref Utf8JsonReader reader)
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
                    var value = LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;
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
}
