using EmailStats.Clients.Internal;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailStats.Clients.Mailgun.Serialization;
using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>
/// The Metrics API differential test's oracle (<see cref="Oracle"/>): System.Text.Json reads the page into wire-shaped
/// DTOs, then they become the models: counts as whole numbers (or numeric strings), rates from strings, nulls kept as
/// null, unknown fields kept; a missing <c>items</c> list, a null item or dimension, a fraction for a count is a
/// <see cref="JsonException"/>.
/// </summary>
internal static class MetricsOracle
{
    public static MailgunMetricsPage Read(ReadOnlySpan<byte> json)
    {
        var dto = Oracle.Read<MetricsPageDto>(json);
        if (dto.Items is null)
        {
            throw new JsonException("The metrics object has no 'items' list.");
        }

        var items = new List<MailgunMetricsItem>(dto.Items.Count);
        foreach (var item in dto.Items)
        {
            var dimensions = new List<MailgunDimensionValue>();
            foreach (var dimension in item?.Dimensions ?? (item is null ? throw new JsonException("The 'items' list holds a null item.") : []))
            {
                dimensions.Add(dimension is null
                    ? throw new JsonException("An item's 'dimensions' list holds a null item.")
                    : MailgunMetricsReader.DimensionValue(dimension.Dimension, dimension.Value, dimension.DisplayValue));
            }

            items.Add(new MailgunMetricsItem { Dimensions = dimensions.AsReadOnly(), Metrics = Values(item!.Metrics), AdditionalData = Extra(item.Extra) });
        }

        return new MailgunMetricsPage
        {
            Start = Time(dto.Start),
            End = Time(dto.End),
            Resolution = WireName.Parse<MailgunResolution>(dto.Resolution),
            Duration = dto.Duration,
            Dimensions = [.. (dto.Dimensions ?? []).Select(d => d ?? throw new JsonException("A dimension name is null."))],
            Pagination = dto.Pagination is { } p ? new MailgunMetricsPagination(p.Sort, p.Skip, p.Limit, Total(p.Total)) : null,
            Items = items.AsReadOnly(),
            Aggregates = dto.Aggregates?.Metrics is { } aggregates ? Values(aggregates) : null,
            AdditionalData = Extra(dto.Extra),
        };
    }

    private static MailgunMetricValues Values(Dictionary<string, JsonElement>? metrics)
    {
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        var rates = new Dictionary<string, double?>(StringComparer.Ordinal);
        var extra = new AdditionalData();
        foreach (var (name, value) in metrics ?? [])
        {
            var isRate = name.EndsWith("_rate", StringComparison.Ordinal);
            switch (value.ValueKind)
            {
                case JsonValueKind.Null when isRate:
                    rates[name] = null;
                    break;
                case JsonValueKind.Null:
                    counts[name] = null;
                    break;
                case JsonValueKind.String when isRate:
                    rates[name] = double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate)
                        ? rate
                        : throw new JsonException($"The rate '{name}' is not a number.");
                    break;
                case JsonValueKind.Number when isRate:
                    rates[name] = value.GetDouble();
                    break;
                case JsonValueKind.Number:
                    counts[name] = value.TryGetInt64(out var count) ? count : throw new JsonException($"The count '{name}' is not a whole number.");
                    break;
                case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text):
                    counts[name] = text;
                    break;
                default:
                    ((IDictionary<string, JsonElement>)extra)[name] = value;
                    break;
            }
        }

        return new MailgunMetricValues { Counts = counts.AsReadOnly(), Rates = rates.AsReadOnly(), AdditionalData = extra };
    }

    private static long? Total(JsonElement total) => total.ValueKind switch
    {
        JsonValueKind.Number => total.TryGetInt64(out var value) ? value : throw new JsonException("The pagination total is not a whole number."),
        JsonValueKind.String when long.TryParse(total.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) => text,
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => throw new JsonException("The pagination total is not a number."),
    };

    private static AdditionalData Extra(Dictionary<string, JsonElement>? fields)
    {
        var extra = new AdditionalData();
        foreach (var (name, value) in fields ?? [])
        {
            ((IDictionary<string, JsonElement>)extra)[name] = value;
        }

        return extra;
    }

    private static DateTimeOffset? Time(string? text) => Rfc2822.TryParse(text, out var time) ? time : null;
}

#pragma warning disable SA1402
internal sealed class MetricsPageDto
{
    [JsonPropertyName("start")]
    public string? Start { get; set; }

    [JsonPropertyName("end")]
    public string? End { get; set; }

    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    [JsonPropertyName("dimensions")]
    public List<string?>? Dimensions { get; set; }

    [JsonPropertyName("pagination")]
    public MetricsPaginationDto? Pagination { get; set; }

    [JsonPropertyName("items")]
    public List<MetricsItemDto?>? Items { get; set; }

    [JsonPropertyName("aggregates")]
    public MetricsAggregatesDto? Aggregates { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
}

internal sealed class MetricsPaginationDto
{
    [JsonPropertyName("sort")]
    public string? Sort { get; set; }

    [JsonPropertyName("skip")]
    public long Skip { get; set; }

    [JsonPropertyName("limit")]
    public long Limit { get; set; }

    [JsonPropertyName("total")]
    public System.Text.Json.JsonElement Total { get; set; }
}

internal sealed class MetricsItemDto
{
    [JsonPropertyName("dimensions")]
    public List<MetricsDimensionDto?>? Dimensions { get; set; }

    [JsonPropertyName("metrics")]
    public Dictionary<string, System.Text.Json.JsonElement>? Metrics { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
}

internal sealed class MetricsDimensionDto
{
    [JsonPropertyName("dimension")]
    public string? Dimension { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }

    [JsonPropertyName("display_value")]
    public string? DisplayValue { get; set; }
}

internal sealed class MetricsAggregatesDto
{
    [JsonPropertyName("metrics")]
    public Dictionary<string, System.Text.Json.JsonElement>? Metrics { get; set; }
}
