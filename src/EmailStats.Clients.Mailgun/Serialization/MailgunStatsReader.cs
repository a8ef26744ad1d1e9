namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads the v3 stats envelope (<c>{"start","end","resolution","description","tag","stats":[{"time","accepted",...}]}</c>) in
/// one <see cref="Utf8JsonReader"/> pass straight into the immutable models: names are case-sensitive, a repeated
/// key's last value wins, counters are read leniently (a numeric string, an integral decimal; null or an empty string
/// read as 0), an event Mailgun did not send (or sent as null) is null, times are RFC 2822 or epoch seconds,
/// <c>start</c>, <c>end</c> and <c>stats</c> are required, and every unknown field is kept. A null <c>stats</c> list, a
/// null item and a missing description are left for <see cref="MailgunResponseReader"/>'s checks.
/// </summary>
internal static class MailgunStatsReader
{
    public static MailgunStatsResult Read(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.ExpectObject(LenientJsonReader.Next(ref reader), "the stats envelope");
        DateTimeOffset? start = null, end = null;
        MailgunResolution? resolution = null;
        string? description = null, tag = null;
        List<MailgunStatsItem>? stats = null;
        var statsSent = false;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("stats"u8))
            {
                statsSent = true;
                stats = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadItems(ref reader);
            }
            else if (reader.ValueTextEquals("start"u8))
            {
                start = ReadTime(ref reader, "start");
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                end = ReadTime(ref reader, "end");
            }
            else if (reader.ValueTextEquals("resolution"u8))
            {
                resolution = LenientJsonReader.Next(ref reader) == JsonTokenType.String ? WireName.Parse<MailgunResolution>(reader.GetString()) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                description = LenientJsonReader.ReadOptionalString(ref reader, "description");
            }
            else if (reader.ValueTextEquals("tag"u8))
            {
                tag = LenientJsonReader.ReadOptionalString(ref reader, "tag");
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        if (start is null || end is null || !statsSent)
        {
            throw new JsonException("The stats envelope lacks a required property ('start', 'end' and 'stats' are required).");
        }

        return new MailgunStatsResult
        {
            Start = start.Value,
            End = end.Value,
            Resolution = resolution,
            Description = description!,
            Tag = tag,
            Stats = stats!,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static List<MailgunStatsItem> ReadItems(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectArray(reader.TokenType, "'stats'");

        return LenientJsonReader.ReadItems(ref reader, static (ref Utf8JsonReader item) => item.TokenType == JsonTokenType.Null ? null! : ReadItem(ref item));
    }

    private static MailgunStatsItem ReadItem(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a stats item");
        DateTimeOffset? time = null;
        MailgunAcceptedStats? accepted = null;
        MailgunDeliveredStats? delivered = null;
        MailgunFailedStats? failed = null;
        MailgunTotalStats? stored = null, unsubscribed = null, complained = null;
        MailgunEngagementStats? opened = null, clicked = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("time"u8))
            {
                time = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : MailgunValueReaders.ReadTime(ref reader);
            }
            else if (reader.ValueTextEquals("accepted"u8))
            {
                accepted = ReadCounters(ref reader, "accepted", out var c) ? new() { Incoming = c[0], Outgoing = c[1], Total = c[2], AdditionalData = c.Extra ?? AdditionalData.Empty } : null;
            }
            else if (reader.ValueTextEquals("delivered"u8))
            {
                delivered = ReadCounters(ref reader, "delivered", out var c)
                    ? new() { Smtp = c[3], Http = c[4], Optimized = c[5], Total = c[2], AdditionalData = c.Extra ?? AdditionalData.Empty }
                    : null;
            }
            else if (reader.ValueTextEquals("failed"u8))
            {
                failed = ReadFailed(ref reader);
            }
            else if (reader.ValueTextEquals("opened"u8))
            {
                opened = ReadEngagement(ref reader, "opened");
            }
            else if (reader.ValueTextEquals("clicked"u8))
            {
                clicked = ReadEngagement(ref reader, "clicked");
            }
            else if (reader.ValueTextEquals("stored"u8))
            {
                stored = ReadTotal(ref reader, "stored");
            }
            else if (reader.ValueTextEquals("unsubscribed"u8))
            {
                unsubscribed = ReadTotal(ref reader, "unsubscribed");
            }
            else if (reader.ValueTextEquals("complained"u8))
            {
                complained = ReadTotal(ref reader, "complained");
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new MailgunStatsItem
        {
            Time = time,
            Accepted = accepted,
            Delivered = delivered,
            Failed = failed,
            Stored = stored,
            Opened = opened,
            Clicked = clicked,
            Unsubscribed = unsubscribed,
            Complained = complained,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static MailgunEngagementStats? ReadEngagement(ref Utf8JsonReader reader, string what) =>
        ReadCounters(ref reader, what, out var c) ? new() { Total = c[2], Unique = c[6], AdditionalData = c.Extra ?? AdditionalData.Empty } : null;

    private static MailgunTotalStats? ReadTotal(ref Utf8JsonReader reader, string what) =>
        ReadCounters(ref reader, what, out var c) ? new() { Total = c[2], AdditionalData = c.Extra ?? AdditionalData.Empty } : null;

    private static MailgunFailedStats? ReadFailed(ref Utf8JsonReader reader)
    {
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        LenientJsonReader.ExpectObject(reader.TokenType, "'failed'");
        MailgunFailureStats? temporary = null, permanent = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("temporary"u8))
            {
                LenientJsonReader.Next(ref reader);
                temporary = MailgunValueReaders.ReadFailure(ref reader);
            }
            else if (reader.ValueTextEquals("permanent"u8))
            {
                LenientJsonReader.Next(ref reader);
                permanent = MailgunValueReaders.ReadFailure(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new MailgunFailedStats { Temporary = temporary, Permanent = permanent, AdditionalData = extra! };
    }

    /// <summary>
    /// One event object's counters, by the slot of their wire name (incoming, outgoing, total, smtp, http, optimized,
    /// unique); a name the event's model does not have is kept as an unknown field, as the contract keeps it.
    /// False when the event is null.
    /// </summary>
    private static bool ReadCounters(ref Utf8JsonReader reader, string what, out EventCounters counters)
    {
        counters = default;
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Not LenientJsonReader.ExpectObject: its message would be built on every event, not only on a refusal.
            throw new JsonException($"'{what}' must be an object, not {reader.TokenType}.");
        }

        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            var slot = Slot(ref reader, what);
            if (slot < 0)
            {
                LenientJsonReader.Keep(ref reader, ref counters.Extra);
                continue;
            }

            LenientJsonReader.Next(ref reader);
            counters[slot] = LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;
        }

        return true;
    }

    /// <summary>The counter slot of the property the reader stands on, when <paramref name="what"/>'s model has that counter; else -1.</summary>
    private static int Slot(ref Utf8JsonReader reader, string what)
    {
        if (reader.ValueTextEquals("total"u8))
        {
            return 2;
        }

        return what switch
        {
            "accepted" => reader.ValueTextEquals("incoming"u8) ? 0 : reader.ValueTextEquals("outgoing"u8) ? 1 : -1,
            "delivered" => reader.ValueTextEquals("smtp"u8) ? 3 : reader.ValueTextEquals("http"u8) ? 4 : reader.ValueTextEquals("optimized"u8) ? 5 : -1,
            "opened" or "clicked" => reader.ValueTextEquals("unique"u8) ? 6 : -1,
            _ => -1,
        };
    }

    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader, string name) =>
        LenientJsonReader.Next(ref reader) == JsonTokenType.Null
            ? throw new JsonException($"'{name}' must be a time, not null.")
            : MailgunValueReaders.ReadTime(ref reader);

    /// <summary>The counters of one event object on the stack, and its unknown fields.</summary>
    private struct EventCounters
    {
        public Slots Values;
        public AdditionalData? Extra;

        public long this[int slot]
        {
            readonly get => Values[slot];
            set => Values[slot] = value;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(7)]
    private struct Slots
    {
        private long _first;
    }
}
