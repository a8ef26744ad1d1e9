using System.Buffers.Text;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads a Metrics API answer (<c>{"start","end","resolution","duration","dimensions","pagination","items","aggregates"}</c>)
/// in one <see cref="Utf8JsonReader"/> pass straight into the immutable models, with the rules of the DTO path it
/// replaces (a differential test holds the two equal): names case-sensitive, a repeated key's last value wins; a
/// metric whose name ends in <c>_rate</c> is a rate (a number, or a string holding one), any other a count (a whole
/// number, or a string of digits); null is kept as null; a count string that is not digits, and any object, array or
/// boolean, is kept as an unknown field; a rate that is not a number or a fractional count is refused. Times that are
/// not RFC 2822 read as null (a time dimension value must be one). A missing <c>items</c> list, a null item, a null
/// dimension or a dimension value without its <c>dimension</c> and <c>value</c> strings is refused.
/// </summary>
internal static class MailgunMetricsReader
{
    public static MailgunMetricsPage Read(ReadOnlySpan<byte> json)
    {
        var reader = LenientJsonReader.Create(json);
        LenientJsonReader.ExpectObject(LenientJsonReader.Next(ref reader), "a metrics answer");
        DateTimeOffset? start = null, end = null;
        MailgunResolution? resolution = null;
        string? duration = null;
        List<string>? dimensions = null;
        MailgunMetricsPagination? pagination = null;
        List<MailgunMetricsItem>? items = null;
        MailgunMetricValues? aggregates = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                items = ReadItems(ref reader);
            }
            else if (reader.ValueTextEquals("start"u8))
            {
                start = Time(LenientJsonReader.ReadOptionalString(ref reader, "start"));
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                end = Time(LenientJsonReader.ReadOptionalString(ref reader, "end"));
            }
            else if (reader.ValueTextEquals("resolution"u8))
            {
                resolution = WireName.Parse<MailgunResolution>(LenientJsonReader.ReadOptionalString(ref reader, "resolution"));
            }
            else if (reader.ValueTextEquals("duration"u8))
            {
                duration = LenientJsonReader.ReadOptionalString(ref reader, "duration");
            }
            else if (reader.ValueTextEquals("dimensions"u8))
            {
                dimensions = ReadNames(ref reader);
            }
            else if (reader.ValueTextEquals("pagination"u8))
            {
                pagination = ReadPagination(ref reader);
            }
            else if (reader.ValueTextEquals("aggregates"u8))
            {
                aggregates = ReadAggregates(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new MailgunMetricsPage
        {
            Start = start,
            End = end,
            Resolution = resolution,
            Duration = duration,
            Dimensions = dimensions is null ? [] : dimensions.AsReadOnly(),
            Pagination = pagination,
            Items = items?.AsReadOnly() ?? throw new JsonException("The metrics object has no 'items' list."),
            Aggregates = aggregates,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static List<MailgunMetricsItem>? ReadItems(ref Utf8JsonReader reader) =>
        LenientJsonReader.ReadOptionalItems(ref reader, "'items'", ReadItem, "The 'items' list");

    private static MailgunMetricsItem ReadItem(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a metrics item");
        List<MailgunDimensionValue>? dimensions = null;
        MailgunMetricValues? metrics = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metrics"u8))
            {
                metrics = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadValues(ref reader);
            }
            else if (reader.ValueTextEquals("dimensions"u8))
            {
                dimensions = ReadDimensionValues(ref reader);
            }
            else
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new MailgunMetricsItem
        {
            Dimensions = dimensions is null ? [] : dimensions.AsReadOnly(),
            Metrics = metrics ?? MailgunMetricValues.None,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static List<MailgunDimensionValue>? ReadDimensionValues(ref Utf8JsonReader reader) =>
        LenientJsonReader.ReadOptionalItems(ref reader, "an item's 'dimensions'", ReadDimensionValue, "An item's 'dimensions' list");

    private static MailgunDimensionValue ReadDimensionValue(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "a dimension value");
        string? dimension = null, value = null, display = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("dimension"u8))
            {
                dimension = LenientJsonReader.ReadOptionalString(ref reader, "dimension");
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                value = LenientJsonReader.ReadOptionalString(ref reader, "value");
            }
            else if (reader.ValueTextEquals("display_value"u8))
            {
                display = LenientJsonReader.ReadOptionalString(ref reader, "display_value");
            }
            else
            {
                LenientJsonReader.Next(ref reader);
                reader.Skip();
            }
        }

        return DimensionValue(dimension, value, display);
    }

    /// <summary>A dimension value; the time dimension's value must be an RFC 2822 date.</summary>
    internal static MailgunDimensionValue DimensionValue(string? dimension, string? value, string? display)
    {
        if (dimension is null || value is null)
        {
            throw new JsonException("A dimension value must have a 'dimension' and a 'value' string.");
        }

        DateTimeOffset? time = dimension == "time"
            ? (Rfc2822.TryParse(value, out var instant) ? instant : throw new JsonException("A time dimension value is not an RFC 2822 date."))
            : null;
        return new MailgunDimensionValue(dimension, value, display ?? value, time);
    }

    private static MailgunMetricValues ReadValues(ref Utf8JsonReader reader)
    {
        LenientJsonReader.ExpectObject(reader.TokenType, "'metrics'");
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        Dictionary<string, double?>? rates = null;
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var isRate = name.EndsWith("_rate", StringComparison.Ordinal);
            switch (LenientJsonReader.Next(ref reader))
            {
                case JsonTokenType.Null when isRate:
                    (rates ??= new(StringComparer.Ordinal))[name] = null;
                    break;
                case JsonTokenType.Null:
                    counts[name] = null;
                    break;
                case JsonTokenType.String when isRate:
                    (rates ??= new(StringComparer.Ordinal))[name] =
                        double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate)
                            ? rate
                            : throw new JsonException($"The rate '{name}' is not a number.");
                    break;
                case JsonTokenType.Number when isRate:
                    (rates ??= new(StringComparer.Ordinal))[name] = reader.GetDouble();
                    break;
                case JsonTokenType.Number:
                    counts[name] = reader.TryGetInt64(out var count) ? count : throw new JsonException($"The count '{name}' is not a whole number.");
                    break;
                case JsonTokenType.String when Digits(ref reader, out var text):
                    counts[name] = text;
                    break;
                default:
                    extra ??= new AdditionalData();
                    ((IDictionary<string, JsonElement>)extra)[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return new MailgunMetricValues
        {
            Counts = counts.AsReadOnly(),
            Rates = rates?.AsReadOnly() ?? MailgunMetricValues.NoRates,
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    /// <summary>A count sent as a string of ASCII digits only (no sign, no spaces), as <c>long.TryParse(.., NumberStyles.None)</c> reads it.</summary>
    private static bool Digits(ref Utf8JsonReader reader, out long value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            if (span.Length > 0 && span.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)
            {
                return Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length;
            }

            value = 0;
            return false;
        }

        return long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static List<string>? ReadNames(ref Utf8JsonReader reader) =>
        LenientJsonReader.ReadOptionalItems(ref reader, "'dimensions'", static (ref Utf8JsonReader name) => name.TokenType switch
        {
            JsonTokenType.String => name.GetString()!,
            JsonTokenType.Null => throw new JsonException("A dimension name is null."),
            var token => throw new JsonException($"A dimension name must be a string, not {token}."),
        });

    private static MailgunMetricsPagination? ReadPagination(ref Utf8JsonReader reader)
    {
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        LenientJsonReader.ExpectObject(reader.TokenType, "'pagination'");
        string? sort = null;
        long skip = 0, limit = 0;
        long? total = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sort"u8))
            {
                sort = LenientJsonReader.ReadOptionalString(ref reader, "sort");
            }
            else if (reader.ValueTextEquals("skip"u8))
            {
                LenientJsonReader.Next(ref reader);
                skip = LenientJsonReader.ReadOptionalInt64(ref reader, "pagination 'skip'") ?? 0;
            }
            else if (reader.ValueTextEquals("limit"u8))
            {
                LenientJsonReader.Next(ref reader);
                limit = LenientJsonReader.ReadOptionalInt64(ref reader, "pagination 'limit'") ?? 0;
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                total = LenientJsonReader.Next(ref reader) switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number => reader.TryGetInt64(out var value) ? value : throw new JsonException("The pagination total is not a whole number."),
                    JsonTokenType.String when Digits(ref reader, out var text) => text,
                    _ => throw new JsonException("The pagination total is not a number."),
                };
            }
            else
            {
                LenientJsonReader.Next(ref reader);
                reader.Skip();
            }
        }

        return new MailgunMetricsPagination(sort, skip, limit, total);
    }

    private static MailgunMetricValues? ReadAggregates(ref Utf8JsonReader reader)
    {
        if (LenientJsonReader.Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        LenientJsonReader.ExpectObject(reader.TokenType, "'aggregates'");
        MailgunMetricValues? metrics = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metrics"u8))
            {
                metrics = LenientJsonReader.Next(ref reader) == JsonTokenType.Null ? null : ReadValues(ref reader);
            }
            else
            {
                LenientJsonReader.Next(ref reader);
                reader.Skip();
            }
        }

        return metrics;
    }

    private static DateTimeOffset? Time(string? text) => Rfc2822.TryParse(text, out var time) ? time : null;

}
