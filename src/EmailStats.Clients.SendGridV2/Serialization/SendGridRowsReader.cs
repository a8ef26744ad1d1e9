namespace EmailStats.Clients.SendGridV2.Serialization;

/// <summary>
/// Reads every SendGrid v2 answer (daily and category rows <c>[{"date","requests",...}]</c>, the aggregate object, the
/// category list <c>[{"category"}]</c>; XML after transcoding) in one <see cref="Utf8JsonReader"/> pass straight into the
/// immutable models: counters read leniently (a numeric string, an integral decimal; null or an empty string read as 0),
/// <c>blocked</c> (category statistics' spelling) wins over <c>blocks</c> when sent and not JSON null (an empty string is
/// a 0 that wins), a repeated key's last value wins, names are case-sensitive, every unknown field is kept, <c>date</c>
/// (and for category rows <c>category</c>) is required and a date is <c>YYYY-MM-DD</c>.
/// </summary>
internal static class SendGridRowsReader
{
    public static List<SendGridDailyStats> ReadDaily(ReadOnlySpan<byte> json) => ReadRows(json, category: false, static (in Row r) => r.ToDaily());

    public static List<SendGridCategoryStats> ReadCategory(ReadOnlySpan<byte> json) => ReadRows(json, category: true, static (in Row r) => r.ToCategory());

    /// <summary>The lifetime totals: one object of counters (a <c>date</c> in it is an unknown field, kept).</summary>
    public static SendGridAggregateStats ReadAggregate(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.Next(ref reader);
        return ReadRow(ref reader, RowKind.Aggregate).ToAggregate();
    }

    /// <summary>The category list: <c>[{"category":"name"}]</c>, a null entry kept as null for the caller's one null policy.</summary>
    public static List<string?> ReadCategoryNames(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.ExpectArray(LenientJsonReader.Next(ref reader), "the category list");
        var names = new List<string?>();
        while (LenientJsonReader.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                names.Add(null);
                continue;
            }

            LenientJsonReader.ExpectObject(reader.TokenType, "a category list entry");
            string? name = null;
            while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("category"u8))
                {
                    name = LenientJsonReader.ReadOptionalString(ref reader, "category");
                }
                else
                {
                    reader.Skip();
                }
            }

            names.Add(name ?? "");
        }

        return names;
    }

    internal delegate T Build<out T>(in Row row);

    /// <summary>The rows in order; a null row stays null (as the contract reads it) for the caller's one null policy.</summary>
    private static List<T> ReadRows<T>(ReadOnlySpan<byte> json, bool category, Build<T> build)
        where T : class
    {
        var reader = LenientJsonReader.Create(json);
        if (LenientJsonReader.Next(ref reader) != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array of rows.");
        }

        var rows = new List<T>();
        while (LenientJsonReader.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                rows.Add(null!);
                continue;
            }

            var row = ReadRow(ref reader, category ? RowKind.Category : RowKind.Daily);
            rows.Add(build(row));
        }

        return rows;
    }

    private static Row ReadRow(ref Utf8JsonReader reader, RowKind kind)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A row must be an object, not {reader.TokenType}.");
        }

        var category = kind == RowKind.Category;

        var row = default(Row);
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            var index = Counters.SlotOf(ref reader);
            if (index >= 0)
            {
                LenientJsonReader.Next(ref reader);
                row.Counters[index] = LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;
            }
            else if (reader.ValueTextEquals("blocked"u8))
            {
                LenientJsonReader.Next(ref reader);
                // A null "blocked" leaves "blocks" as it is; any other value (an empty string reads as 0) replaces it.
                row.Blocked = reader.TokenType == JsonTokenType.Null ? null : LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;
            }
            else if (kind != RowKind.Aggregate && reader.ValueTextEquals("date"u8))
            {
                LenientJsonReader.Next(ref reader);
                row.Date = ReadDate(ref reader);
                row.HasDate = true;
            }
            else if (category && reader.ValueTextEquals("category"u8))
            {
                LenientJsonReader.Next(ref reader);
                row.Category = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new JsonException("'category' must be a string."),
                };
                row.HasCategory = true;
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        if (kind != RowKind.Aggregate && (!row.HasDate || (category && !row.HasCategory)))
        {
            throw new JsonException($"A row lacks its required '{(row.HasDate ? "category" : "date")}'.");
        }

        row.Extra = extra;
        return row;
    }

    private static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<char> chars = stackalloc char[10];
            if (!reader.ValueIsEscaped && reader.ValueSpan.Length == 10)
            {
                for (var i = 0; i < 10; i++)
                {
                    chars[i] = (char)reader.ValueSpan[i];
                }

                if (DateOnly.TryParseExact(chars, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }
            }
            else if (reader.ValueIsEscaped && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var escaped))
            {
                return escaped;
            }
        }

        throw new JsonException("A row's 'date' must be a YYYY-MM-DD string.");
    }

    /// <summary>The counter slot of an XML element's name, or -1.</summary>
    internal static int CounterIndex(string name) => Counters.SlotOf(name);

    /// <summary><c>YYYY-MM-DD</c>, exactly.</summary>
    internal static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The counters; the position is the counter's slot in <see cref="Row.Counters"/>.</summary>
    private static readonly JsonPropertyNames Counters = new(
    [
        "requests", "delivered", "bounces", "repeat_bounces", "unsubscribes", "repeat_unsubscribes", "clicks", "opens", "spamreports",
        "repeat_spamreports", "invalid_email", "blocks", "unique_clicks", "unique_opens", "spam_drop",
    ]);

    /// <summary>One row's values while it is read.</summary>
    internal struct Row
    {
        public Counters15 Counters;
        public long? Blocked;
        public DateOnly Date;
        public bool HasDate;
        public string? Category;
        public bool HasCategory;
        public AdditionalData? Extra;

        // The three shapes share their counters: a day is the counters and a date, a category's day a day and a name.
        public readonly SendGridDailyStats ToDaily() => new(ToAggregate(), Date);

        public readonly SendGridCategoryStats ToCategory() => new(ToDaily(), Category!);

        public readonly SendGridAggregateStats ToAggregate() => new()
        {
            Requests = Counters[0],
            Delivered = Counters[1],
            Bounces = Counters[2],
            RepeatBounces = Counters[3],
            Unsubscribes = Counters[4],
            RepeatUnsubscribes = Counters[5],
            Clicks = Counters[6],
            Opens = Counters[7],
            SpamReports = Counters[8],
            RepeatSpamReports = Counters[9],
            InvalidEmail = Counters[10],
            Blocks = Blocked ?? Counters[11],
            UniqueClicks = Counters[12],
            UniqueOpens = Counters[13],
            SpamDrop = Counters[14],
            AdditionalData = Extra ?? AdditionalData.Empty,
        };
    }

    private enum RowKind
    {
        Daily,
        Category,
        Aggregate,
    }

    [System.Runtime.CompilerServices.InlineArray(15)]
    internal struct Counters15
    {
        private long _first;
    }
}
