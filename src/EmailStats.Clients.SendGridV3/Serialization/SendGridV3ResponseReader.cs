namespace EmailStats.Clients.SendGridV3.Serialization;

/// <summary>
/// Reads SendGrid v3 statistics answers in one <see cref="Utf8JsonReader"/> pass straight into the immutable models (no
/// document, no intermediate DTOs): <c>[{"date","stats":[{"type","name","metrics":{...}}]}]</c> for the statistics, one
/// such object for the sums and monthly statistics. Lenient where SendGrid drifts (numbers as strings, an integral
/// decimal, a null metric, a missing <c>stats</c> list, a timestamp for a date, unknown fields and metrics kept), strict
/// where a wrong number would follow (a fraction or text for a metric, a null entry, a missing date). The error envelope
/// <c>{"errors":[{"field","message"}]}</c> is an error whatever the HTTP status.
/// </summary>
internal static class SendGridV3ResponseReader
{
    /// <summary>A statistics answer: one object per date.</summary>
    public static IReadOnlyList<SendGridV3StatsDay> ReadDays(ProviderResponse response)
    {
        ThrowIfErrorEnvelope(response);
        var json = response.RequireJson(JsonValueKind.Array, "a JSON array of dates");
        var reader = LenientJsonReader.Create(json.Span);
        reader.Read();
        return LenientJsonReader.ReadItems(ref reader, ReadDay).AsReadOnly();
    }

    /// <summary>
    /// A sums or monthly answer: one object for the whole range. An array of one such object is read too, and an empty
    /// array (no statistics at all) as <paramref name="date"/> with no entries.
    /// </summary>
    public static SendGridV3StatsDay ReadSingleDay(ProviderResponse response, DateOnly date)
    {
        ThrowIfErrorEnvelope(response);
        if (response.Kind() == BodyKind.JsonArray)
        {
            var days = ReadDays(response);
            return days.Count switch
            {
                0 => new SendGridV3StatsDay { Date = date },
                1 => days[0],
                _ => throw response.Unreadable($"expected the statistics of one date; the answer holds {days.Count} dates"),
            };
        }

        var json = response.RequireJson(JsonValueKind.Object, "a JSON object of one date's statistics");
        var reader = LenientJsonReader.Create(json.Span);
        reader.Read();
        return ReadDay(ref reader);
    }

    /// <summary>The error envelope <c>{"errors":[{"field","message"}]}</c> (or <c>{"error": "..."}</c>), or null when the body is not one.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        return response.ReadJsonError(static (root, error) =>
        {
            var marked = false;
            if (root.TryGetProperty("errors", out var errors))
            {
                marked = true;
                foreach (var entry in errors.ValueKind == JsonValueKind.Array ? errors.EnumerateArray() : default)
                {
                    if (entry.ValueKind == JsonValueKind.Object)
                    {
                        var field = entry.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                        if (entry.TryGetProperty("error_id", out var id))
                        {
                            error.AddCode(id);
                        }

                        if (!string.IsNullOrWhiteSpace(field))
                        {
                            error.AddCode(f);
                        }

                        var message = entry.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                        error.AddMessage(string.IsNullOrWhiteSpace(field) ? message : $"{field}: {message}");
                    }
                    else
                    {
                        error.AddEntry(entry, "field");
                    }
                }
            }

            if (root.TryGetProperty("error", out var single))
            {
                marked = true;
                error.AddEntry(single, "code");
            }

            return marked;
        });
    }

    private static void ThrowIfErrorEnvelope(ProviderResponse response)
    {
        if (response.Kind() == BodyKind.JsonObject && JsonProbe.HasTopLevelProperty(response.Json.Span, "errors", "error") && ReadError(response) is { } error)
        {
            throw response.ApiError(error);
        }
    }

    private static SendGridV3StatsDay ReadDay(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a date's statistics must be an object");
        DateOnly? date = null;
        List<SendGridV3StatsEntry>? stats = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("date"u8))
            {
                LenientJsonReader.Next(ref reader);
                date = ReadDate(ref reader);
            }
            else if (reader.ValueTextEquals("stats"u8))
            {
                if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray, "'stats' must be a list");
                stats = [];
                while (LenientJsonReader.Next(ref reader) != JsonTokenType.EndArray)
                {
                    stats.Add(ReadEntry(ref reader));
                }
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new SendGridV3StatsDay
        {
            Date = date ?? throw new JsonException("A date's statistics have no 'date'."),
            Stats = stats is null ? [] : stats.AsReadOnly(),
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static SendGridV3StatsEntry ReadEntry(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException("The 'stats' list holds a null entry.");
        }

        Expect(ref reader, JsonTokenType.StartObject, "a 'stats' entry must be an object");
        string? type = null, name = null, first = null, last = null;
        SendGridV3Metrics? metrics = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metrics"u8))
            {
                metrics = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadMetrics(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                LenientJsonReader.Next(ref reader);
                type = KnownType(ref reader) ?? TextValue(ref reader, "type");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = ReadText(ref reader, "name");
            }
            else if (reader.ValueTextEquals("first_name"u8))
            {
                first = ReadText(ref reader, "first_name");
            }
            else if (reader.ValueTextEquals("last_name"u8))
            {
                last = ReadText(ref reader, "last_name");
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new SendGridV3StatsEntry
        {
            Type = type,
            Name = name,
            FirstName = first,
            LastName = last,
            Metrics = metrics ?? SendGridV3Metrics.None,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static SendGridV3Metrics ReadMetrics(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "'metrics' must be an object");
        var counters = default(JsonCounters);
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (!counters.TryRead(ref reader, Metrics, "metric"))
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new SendGridV3Metrics
        {
            Blocks = counters[0],
            BounceDrops = counters[1],
            Bounces = counters[2],
            Clicks = counters[3],
            Deferred = counters[4],
            Delivered = counters[5],
            InvalidEmails = counters[6],
            Opens = counters[7],
            Processed = counters[8],
            Requests = counters[9],
            SpamReportDrops = counters[10],
            SpamReports = counters[11],
            UniqueClicks = counters[12],
            UniqueOpens = counters[13],
            UnsubscribeDrops = counters[14],
            Unsubscribes = counters[15],
            Drops = counters[16],
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    /// <summary>The known metrics; the position is the metric's slot.</summary>
    private static readonly JsonPropertyNames Metrics = new(
    [
        "blocks", "bounce_drops", "bounces", "clicks", "deferred", "delivered", "invalid_emails", "opens", "processed", "requests",
        "spam_report_drops", "spam_reports", "unique_clicks", "unique_opens", "unsubscribe_drops", "unsubscribes", "drops",
    ]);

    /// <summary><c>YYYY-MM-DD</c>; a timestamp that starts with one (<c>2026-11-03T00:00:00Z</c>) is read as its day.</summary>
    private static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!.Trim();
            var day = text.Length > 10 && text[10] is 'T' or ' ' ? text[..10] : text;
            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        throw new JsonException("A 'date' must be a YYYY-MM-DD string.");
    }

    private static string? ReadText(ref Utf8JsonReader reader, string property)
    {
        LenientJsonReader.Next(ref reader);
        return TextValue(ref reader, property);
    }

    private static string? TextValue(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException($"'{property}' must be a string."),
    };

    /// <summary>A documented segment type, as one shared string (every entry of a large answer repeats it).</summary>
    private static string? KnownType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        foreach (var known in KnownTypes)
        {
            if (reader.ValueTextEquals(known))
            {
                return known;
            }
        }

        return null;
    }

    private static readonly string[] KnownTypes = ["category", "subuser", "mailbox_provider", "browser", "device", "client", "country", "province"];

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string rule)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException(char.ToUpperInvariant(rule[0]) + rule[1..] + $", not {reader.TokenType}.");
        }
    }
}
