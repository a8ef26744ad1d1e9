using System.Globalization;
using System.Text.Json;
using EmailStats.Clients.Internal;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads Metrics API answers (<c>{"start","end","resolution","duration","dimensions","pagination","items","aggregates"}</c>)
/// from one parse: counts as whole numbers (or numeric strings), rates from strings, nulls kept as null, unknown
/// fields kept; anything else (a missing <c>items</c> list, a null item, a fraction for a count) is a typed refusal.
/// </summary>
internal static class MailgunMetricsReader
{
    public static MailgunMetricsPage ReadPage(ProviderResponse response)
    {
        using var document = JsonDocument.Parse(response.RequireJson(JsonValueKind.Object, "a metrics object"));
        var root = document.RootElement;
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw response.Unreadable("the metrics object has no 'items' list");
        }

        var page = new MailgunMetricsPage();
        var extra = new AdditionalData();
        var list = new List<MailgunMetricsItem>(items.GetArrayLength());
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "start":
                    page = page with { Start = Time(property.Value) };
                    break;
                case "end":
                    page = page with { End = Time(property.Value) };
                    break;
                case "resolution":
                    page = page with { Resolution = property.Value.ValueKind == JsonValueKind.String ? MailgunWireNames.ResolutionFrom(property.Value.GetString()) : null };
                    break;
                case "duration":
                    page = page with { Duration = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null };
                    break;
                case "dimensions" when property.Value.ValueKind == JsonValueKind.Array:
                    page = page with { Dimensions = [.. property.Value.EnumerateArray().Select(d => d.GetString() ?? throw new JsonException("A dimension name is null."))] };
                    break;
                case "pagination" when property.Value.ValueKind == JsonValueKind.Object:
                    page = page with { Pagination = Pagination(property.Value) };
                    break;
                case "items":
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        list.Add(item.ValueKind == JsonValueKind.Object ? Item(item) : throw response.Unreadable("the 'items' list holds an item that is not an object"));
                    }

                    break;
                case "aggregates" when property.Value.ValueKind == JsonValueKind.Object:
                    page = page with { Aggregates = property.Value.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object ? Values(metrics) : null };
                    break;
                default:
                    ((IDictionary<string, JsonElement>)extra)[property.Name] = property.Value.Clone();
                    break;
            }
        }

        return page with { Items = list.AsReadOnly(), AdditionalData = extra };
    }

    private static MailgunMetricsItem Item(JsonElement item)
    {
        var dimensions = new List<MailgunDimensionValue>();
        var values = new MailgunMetricValues();
        var extra = new AdditionalData();
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "dimensions" when property.Value.ValueKind == JsonValueKind.Array:
                    foreach (var dimension in property.Value.EnumerateArray())
                    {
                        dimensions.Add(Dimension(dimension));
                    }

                    break;
                case "metrics" when property.Value.ValueKind == JsonValueKind.Object:
                    values = Values(property.Value);
                    break;
                default:
                    ((IDictionary<string, JsonElement>)extra)[property.Name] = property.Value.Clone();
                    break;
            }
        }

        return new MailgunMetricsItem { Dimensions = dimensions.AsReadOnly(), Metrics = values, AdditionalData = extra };
    }

    private static MailgunDimensionValue Dimension(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("dimension", out var name) || name.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A dimension value must be an object with a 'dimension' and a 'value' string.");
        }

        var text = value.GetString()!;
        var display = element.TryGetProperty("display_value", out var shown) && shown.ValueKind == JsonValueKind.String ? shown.GetString()! : text;
        DateTimeOffset? time = name.ValueEquals("time")
            ? (Rfc2822.TryParse(text, out var instant) ? instant : throw new JsonException("A time dimension value is not an RFC 2822 date."))
            : null;
        return new MailgunDimensionValue(name.GetString()!, text, display, time);
    }

    private static MailgunMetricValues Values(JsonElement metrics)
    {
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        var rates = new Dictionary<string, double?>(StringComparer.Ordinal);
        var extra = new AdditionalData();
        foreach (var metric in metrics.EnumerateObject())
        {
            var isRate = metric.Name.EndsWith("_rate", StringComparison.Ordinal);
            switch (metric.Value.ValueKind)
            {
                case JsonValueKind.Null when isRate:
                    rates[metric.Name] = null;
                    break;
                case JsonValueKind.Null:
                    counts[metric.Name] = null;
                    break;
                case JsonValueKind.String when isRate:
                    rates[metric.Name] = double.TryParse(metric.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate)
                        ? rate
                        : throw new JsonException($"The rate '{metric.Name}' is not a number.");
                    break;
                case JsonValueKind.Number when isRate:
                    rates[metric.Name] = metric.Value.GetDouble();
                    break;
                case JsonValueKind.Number:
                    counts[metric.Name] = metric.Value.TryGetInt64(out var count) ? count : throw new JsonException($"The count '{metric.Name}' is not a whole number.");
                    break;
                case JsonValueKind.String when long.TryParse(metric.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text):
                    counts[metric.Name] = text;
                    break;
                default:
                    ((IDictionary<string, JsonElement>)extra)[metric.Name] = metric.Value.Clone();
                    break;
            }
        }

        return new MailgunMetricValues { Counts = counts.AsReadOnly(), Rates = rates.AsReadOnly(), AdditionalData = extra };
    }

    private static MailgunMetricsPagination Pagination(JsonElement element) => new(
        element.TryGetProperty("sort", out var sort) && sort.ValueKind == JsonValueKind.String ? sort.GetString() : null,
        Long(element, "skip") ?? 0,
        Long(element, "limit") ?? 0,
        Long(element, "total"));

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? (value.TryGetInt64(out var number) ? number : throw new JsonException($"The pagination '{name}' is not a whole number."))
            : null;

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Rfc2822.TryParse(value.GetString(), out var time) ? time : null;
}
