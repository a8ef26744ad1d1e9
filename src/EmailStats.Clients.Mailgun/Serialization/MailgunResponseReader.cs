using System.Globalization;
using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads Mailgun answers: the v3 stats envelope, the aggregate maps, the Metrics API pages and the error body <c>{"message": "..."}</c>.
/// Plain-text refusals (<c>Forbidden</c>) are kept by the shared call path. The body decides, not the Content-Type.
/// </summary>
internal static class MailgunResponseReader
{
    public static MailgunStatsResult ReadStats(ProviderResponse response)
    {
        var json = response.RequireJson(JsonValueKind.Object, "a stats object");
        var result = MailgunStatsReader.Read(json.Span);
        if (result.Stats is null)
        {
            throw response.Unreadable("the stats object has no 'stats' list");
        }

        foreach (var item in result.Stats)
        {
            if (item is null)
            {
                throw response.Unreadable("the 'stats' list holds a null item");
            }
        }

        // The reader (like the source-generated contract before it) leaves a missing description null.
        return result.Description is null ? result with { Description = "" } : result;
    }

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadProviders(ProviderResponse response) =>
        ReadAggregates(response, "providers", "provider");

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadDevices(ProviderResponse response) =>
        ReadAggregates(response, "devices", "device");

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadCountries(ProviderResponse response) =>
        ReadAggregates(response, "countries", "country");

    /// <summary>The error envelope <c>{"message": "..."}</c> (or <c>{"error": "..."}</c>), or null when the body is not one.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        return response.ReadJsonError(static (root, error) =>
        {
            foreach (var name in (ReadOnlySpan<string>)["message", "error"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    error.AddMessage(value);
                }
            }

            return error.HasMessages;
        });
    }

    private static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadAggregates(ProviderResponse response, string key, string singular)
    {
        var json = response.RequireJson(JsonValueKind.Object, $"an object with '{key}'");
        using var document = JsonDocument.Parse(json, LenientJsonReader.DocumentOptions);

        // Mailgun's tag aggregates name the same map in the singular ({"provider": {...}, "tag": "..."}): either key is read.
        var root = document.RootElement;
        if ((!root.TryGetProperty(key, out var element) && !root.TryGetProperty(singular, out element)) || element.ValueKind != JsonValueKind.Object)
        {
            throw response.Unreadable($"expected an object with a '{key}' map");
        }

        var map = element.Deserialize(MailgunJsonContext.Default.DictionaryStringMailgunAggregateCounts)!;
        var result = new Dictionary<string, MailgunAggregateCounts>(map.Count, StringComparer.Ordinal);
        foreach (var (name, counts) in map)
        {
            result[name] = counts ?? throw response.Unreadable($"the '{key}' entry '{name}' is null, not an object of counts");
        }

        return result.AsReadOnly();
    }

    /// <summary>A Metrics API answer, read by <see cref="MailgunMetricsReader"/> in one pass into the models.</summary>
    public static MailgunMetricsPage ReadMetricsPage(ProviderResponse response) =>
        MailgunMetricsReader.Read(response.RequireJson(JsonValueKind.Object, "a metrics object").Span);

    /// <summary>
    /// The DTO path the reader replaced (the source-generated <see cref="MetricsPageDto"/> then the models), kept as the
    /// differential tests' oracle: counts as whole numbers (or numeric strings), rates from strings, nulls kept as null,
    /// unknown fields kept; a missing <c>items</c> list, a null item or dimension, a fraction for a count is a <see cref="JsonException"/>.
    /// </summary>
    internal static MailgunMetricsPage ReadMetricsPageContract(ReadOnlySpan<byte> json)
    {
        var dto = JsonSerializer.Deserialize(json, MailgunJsonContext.Default.MetricsPageDto)!;
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
            Resolution = MailgunWireNames.ResolutionFrom(dto.Resolution),
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
