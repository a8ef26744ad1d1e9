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

    /// <summary>A page of <c>GET v4/domains</c>: <c>{"total_count":2,"items":[...]}</c>, and the total it announces.</summary>
    public static (List<MailgunDomain> Items, long? Total) ReadDomains(ProviderResponse response)
    {
        var items = ListingJson.ReadItems(response, "items", "domain", static item => new MailgunDomain
        {
            Id = ListingJson.String(item, "id"),
            Name = ListingJson.Required(item, "name", "domain"),
            State = ListingJson.String(item, "state"),
            Type = ListingJson.String(item, "type"),
            CreatedAt = ListingJson.String(item, "created_at"),
            SubaccountId = ListingJson.String(item, "subaccount_id"),
            AdditionalData = ListingJson.Rest(item, "id", "name", "state", "type", "created_at", "subaccount_id"),
        });
        using var document = JsonDocument.Parse(response.Json, LenientJsonReader.DocumentOptions);
        return (items, ListingJson.Int64(document.RootElement, "total_count"));
    }
}
