using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports.Serialization;

/// <summary>
/// Reads the two answers whose items repeat, the histograms (<c>{"start","end","histogram":[{"date","total","detail"}],"peak"}</c>)
/// and the campaign report (<c>{"stats":{...},"linkActivity":[{"id","path","clicks":{"total","unique"}}]}</c>), in one
/// <see cref="Utf8JsonReader"/> pass straight into the immutable models (the dashboard's contact histogram too, through
/// <see cref="ReportHistogramConverter"/>): trailing commas and comments allowed, names
/// case-sensitive, a repeated key's last value wins, counters read leniently (a numeric string, an integral decimal;
/// null or an empty string read as 0; a point's optional detail counters read JSON null as not sent), timestamps ISO 8601 (UTC when no offset is sent), a point's <c>date</c>
/// required, a null item refused, every unknown field kept; rates read leniently too (a number, or a string such as
/// <c>"12.5%"</c>; null or empty read as 0); a missing or null part of a campaign's statistics is the shared empty part.
/// </summary>
internal static class ReportsReaders
{
    private static readonly UtcDateTimeOffsetConverter Timestamp = new();

    public static ReportHistogram ReadHistogram(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.Next(ref reader);
        return ReadHistogram(ref reader);
    }

    /// <summary>The histogram object the reader stands on (its <c>StartObject</c>), up to its end.</summary>
    public static ReportHistogram ReadHistogram(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a histogram");
        DateTimeOffset? start = null, end = null;
        IReadOnlyList<HistogramPoint>? points = null;
        HistogramPeak? peak = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("histogram"u8))
            {
                points = ReadList(ref reader, "histogram", ReadPoint);
            }
            else if (reader.ValueTextEquals("start"u8))
            {
                start = ReadOptionalTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                end = ReadOptionalTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("peak"u8))
            {
                peak = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadPeak(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new ReportHistogram { Start = start, End = end, Histogram = points!, Peak = peak, AdditionalData = extra ?? AdditionalData.Empty };
    }

    public static CampaignReport ReadCampaignReport(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.ExpectObject(LenientJsonReader.Next(ref reader), "the campaign report");
        CampaignStats? stats = null;
        IReadOnlyList<LinkActivity>? links = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("linkActivity"u8))
            {
                links = ReadList(ref reader, "linkActivity", ReadLink);
            }
            else if (reader.ValueTextEquals("stats"u8))
            {
                stats = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadStats(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new CampaignReport { Stats = stats!, LinkActivity = links!, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static readonly LenientDoubleConverter RateConverter = new();

    /// <summary>A list (null reads as empty, as the models' setters make it); a null item or a list that is not an array is refused.</summary>
    private static List<T>? ReadList<T>(ref Utf8JsonReader reader, string name, ValueReader<T> read) =>
        LenientJsonReader.ReadOptionalItems(ref reader, $"'{name}'", read, $"'{name}'");

    private static HistogramPoint ReadPoint(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a histogram point");
        DateTimeOffset? date = null;
        long total = 0;
        HistogramDetail? detail = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("date"u8))
            {
                LenientJsonReader.Next(ref reader);
                date = reader.TokenType == JsonTokenType.Null
                    ? throw new JsonException("A histogram point's 'date' must be a timestamp, not null.")
                    : Timestamp.Read(ref reader, typeof(DateTimeOffset), null!);
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                total = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                detail = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadDetail(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new HistogramPoint
        {
            Date = date ?? throw new JsonException("A histogram point has no 'date'."),
            Total = total,
            Detail = detail,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static HistogramDetail ReadDetail(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a histogram point's 'detail'");
        long? hard = null, soft = null, uniqueOpens = null, uniqueClicks = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("hard"u8))
            {
                hard = ReadOptionalCounter(ref reader);
            }
            else if (reader.ValueTextEquals("soft"u8))
            {
                soft = ReadOptionalCounter(ref reader);
            }
            else if (reader.ValueTextEquals("uniqueOpens"u8))
            {
                uniqueOpens = ReadOptionalCounter(ref reader);
            }
            else if (reader.ValueTextEquals("uniqueClicks"u8))
            {
                uniqueClicks = ReadOptionalCounter(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new HistogramDetail { Hard = hard, Soft = soft, UniqueOpens = uniqueOpens, UniqueClicks = uniqueClicks, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static LinkActivity ReadLink(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a link");
        string? id = null, path = null;
        LinkClicks? clicks = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = LenientJsonReader.ReadOptionalString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                path = LenientJsonReader.ReadOptionalString(ref reader, "path");
            }
            else if (reader.ValueTextEquals("clicks"u8))
            {
                clicks = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadClicks(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new LinkActivity { Id = id!, Path = path!, Clicks = clicks!, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static LinkClicks ReadClicks(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a link's 'clicks'");
        long total = 0, unique = 0;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("total"u8))
            {
                total = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("unique"u8))
            {
                unique = ReadCounter(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new LinkClicks { Total = total, Unique = unique, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static HistogramPeak ReadPeak(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "the histogram's 'peak'");
        DateTimeOffset? date = null, startDate = null, endDate = null;
        long total = 0;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("total"u8))
            {
                total = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("startDate"u8))
            {
                startDate = ReadOptionalTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("endDate"u8))
            {
                endDate = ReadOptionalTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("date"u8))
            {
                date = ReadOptionalTimestamp(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new HistogramPeak { Date = date, StartDate = startDate, EndDate = endDate, Total = total, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static CampaignStats ReadStats(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "the campaign's 'stats'");
        long sent = 0, delivered = 0, complaints = 0, unsubscribes = 0;
        UniqueEngagement? opens = null, clicks = null;
        CampaignCountAndRate? hard = null, soft = null, total = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sent"u8))
            {
                sent = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("delivered"u8))
            {
                delivered = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("opens"u8))
            {
                opens = ReadEngagement(ref reader);
            }
            else if (reader.ValueTextEquals("clicks"u8))
            {
                clicks = ReadEngagement(ref reader);
            }
            else if (reader.ValueTextEquals("hardBounces"u8))
            {
                hard = ReadCountAndRate(ref reader);
            }
            else if (reader.ValueTextEquals("softBounces"u8))
            {
                soft = ReadCountAndRate(ref reader);
            }
            else if (reader.ValueTextEquals("totalBounces"u8))
            {
                total = ReadCountAndRate(ref reader);
            }
            else if (reader.ValueTextEquals("complaints"u8))
            {
                complaints = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("unsubscribes"u8))
            {
                unsubscribes = ReadCounter(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new CampaignStats
        {
            Sent = sent,
            Delivered = delivered,
            Opens = opens!,
            Clicks = clicks!,
            HardBounces = hard!,
            SoftBounces = soft!,
            TotalBounces = total!,
            Complaints = complaints,
            Unsubscribes = unsubscribes,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    /// <summary>Opens or clicks; null when sent as null (the model's setter makes that the shared empty part).</summary>
    private static UniqueEngagement? ReadEngagement(ref Utf8JsonReader reader)
    {
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        LenientJsonReader.ExpectObject(reader.TokenType, "an engagement");
        long unique = 0;
        double rate = 0;
        DateTimeOffset? last = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("unique"u8))
            {
                unique = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("rate"u8))
            {
                rate = ReadRate(ref reader);
            }
            else if (reader.ValueTextEquals("last"u8))
            {
                last = ReadOptionalTimestamp(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new UniqueEngagement { Unique = unique, Rate = rate, Last = last, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static CampaignCountAndRate? ReadCountAndRate(ref Utf8JsonReader reader)
    {
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        LenientJsonReader.ExpectObject(reader.TokenType, "a count and rate");
        long count = 0;
        double rate = 0;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("count"u8))
            {
                count = ReadCounter(ref reader);
            }
            else if (reader.ValueTextEquals("rate"u8))
            {
                rate = ReadRate(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new CampaignCountAndRate { Count = count, Rate = rate, AdditionalData = extra ?? AdditionalData.Empty };
    }

    private static double ReadRate(ref Utf8JsonReader reader)
    {
        LenientJsonReader.Next(ref reader);
        return RateConverter.Read(ref reader, typeof(double), null!);
    }

    private static long ReadCounter(ref Utf8JsonReader reader)
    {
        LenientJsonReader.Next(ref reader);
        return LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;
    }

    /// <summary>A counter that may be missing: JSON null is "not sent" (as the contract's nullable counters read it); an empty string is 0.</summary>
    private static long? ReadOptionalCounter(ref Utf8JsonReader reader) =>
        LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : LenientJsonReader.ReadOptionalInt64(ref reader, "counter") ?? 0;

    private static DateTimeOffset? ReadOptionalTimestamp(ref Utf8JsonReader reader) =>
        LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : Timestamp.Read(ref reader, typeof(DateTimeOffset), null!);

}

/// <summary>Reads a histogram inside an answer the contract reads (the dashboard's contact section) with <see cref="ReportsReaders"/>: one parser for the model.</summary>
internal sealed class ReportHistogramConverter : JsonConverter<ReportHistogram>
{
    public override ReportHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReportsReaders.ReadHistogram(ref reader);

    public override void Write(Utf8JsonWriter writer, ReportHistogram value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The packages read histograms; they do not write them.");
}
