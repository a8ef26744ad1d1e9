namespace EmailStats.Clients.JsonRpcMessages.Serialization;

/// <summary>
/// Reads the <c>result</c> of <c>get_message_stats</c>: an object keyed by period (<c>{"2010-01-01":{...}}</c>).
/// Each key must follow the query's grouping; a key that does not is reported, never read as a wrong date.
/// </summary>
internal static class MessageStatsReader
{
    private const int MaxEchoedKeyLength = 40;

    /// <summary>Reads the result the envelope's reader stands on (its first token), leaving the reader on its last token.</summary>
    public static MessageStats Read(ref Utf8JsonReader reader, ProviderResponse response, MessageStatsQuery query)
    {
        var grouping = query.EffectiveGrouping;
        var first = reader.TokenType;
        switch (first)
        {
            case JsonTokenType.StartObject:
                break;
            case JsonTokenType.StartArray when reader.Read() && reader.TokenType == JsonTokenType.EndArray:
                // An empty hash serialised by a language without one ([]): no periods.
                return new MessageStats(query.MessageId, grouping, []);
            default:
                throw response.Unreadable($"the get_message_stats result is {Describe(KindOf(first))}; expected an object of periods");
        }

        // The periods are read straight from the result's JSON into their models, one pass, no intermediate document.
        var periods = new List<MessageStatsPeriod>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key))
            {
                throw response.Unreadable($"the period key '{Cut(key)}' is sent twice");
            }

            if (!PeriodKey.TryParse(key, grouping, out var start))
            {
                throw response.Unreadable(
                    $"the period key '{Cut(key)}' does not match the {WireName.Of(grouping)} grouping (expected {PeriodKey.Pattern(grouping)})");
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw response.Unreadable($"the period '{key}' is {Describe(KindOf(reader.TokenType))}; expected an object of counters");
            }

            MessageStatsPeriod counters;
            try
            {
                counters = MessageStatsPeriodReader.Read(ref reader);
            }
            catch (JsonException e)
            {
                throw response.Unreadable($"the period '{key}' has an unreadable counter: {e.Message}", e);
            }

            periods.Add(counters.SetPeriod(key, start));
        }

        return new MessageStats(query.MessageId, grouping, periods);
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Cut(string key) => key.Length > MaxEchoedKeyLength ? key[..MaxEchoedKeyLength] + "..." : key;
}

/// <summary>The period keys of each grouping, parsed strictly (exact length, ASCII digits, real calendar values).</summary>
internal static class PeriodKey
{
    public static string Pattern(MessageStatsGrouping grouping) => grouping switch
    {
        MessageStatsGrouping.Hourly => "YYYY-MM-DD HH",
        MessageStatsGrouping.Daily => "YYYY-MM-DD",
        MessageStatsGrouping.Monthly => "YYYY-MM",
        _ => "YYYY",
    };

    public static bool TryParse(string key, MessageStatsGrouping grouping, out DateTime start)
    {
        start = default;
        var length = Pattern(grouping).Length;
        if (key.Length != length || !TryDigits(key, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        int month = 1, day = 1, hour = 0;
        if (length > 4 && (key[4] != '-' || !TryDigits(key, 5, 2, out month) || month is < 1 or > 12))
        {
            return false;
        }

        if (length > 7 && (key[7] != '-' || !TryDigits(key, 8, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return false;
        }

        if (length > 10 && (key[10] != ' ' || !TryDigits(key, 11, 2, out hour) || hour > 23))
        {
            return false;
        }

        start = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryDigits(string text, int index, int count, out int value)
    {
        value = 0;
        for (var i = index; i < index + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
