namespace EmailStats.Clients.Serialization;

/// <summary>
/// The one reader of the providers' listing answers (subusers, categories, domains, newsletters): small, flat objects
/// read once per run, so through a <see cref="JsonDocument"/> with the one leniency policy. Known properties are read
/// leniently (numbers sent as strings, booleans as <c>"true"</c>), unknown ones kept in <see cref="AdditionalData"/>, and
/// anything else is a <see cref="JsonException"/> the call path turns into <see cref="EmailStatsResponseException"/>.
/// </summary>
internal static class ListingJson
{
    /// <summary>The items of a listing: the body's array, or the array under <paramref name="property"/> of the body's object.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="property">The object's property that holds the items; null when the body is the array.</param>
    /// <param name="what">What an item is, for messages (<c>a subuser</c>).</param>
    /// <param name="read">Reads one item (an object).</param>
    public static List<T> ReadItems<T>(ProviderResponse response, string? property, string what, Func<JsonElement, T> read)
    {
        var json = response.RequireJson(property is null ? JsonValueKind.Array : JsonValueKind.Object, property is null ? $"a list of {what}s" : $"an object with '{property}'");
        using var document = JsonDocument.Parse(json, LenientJsonReader.DocumentOptions);
        var items = document.RootElement;
        if (property is not null)
        {
            items = items.TryGetProperty(property, out var inner) ? inner : default;
            if (items.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return [];
            }
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"The list of {what}s must be an array, not {items.ValueKind}.");
        }

        var list = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"Each {what} must be an object, not {item.ValueKind}.");
            }

            list.Add(read(item));
        }

        return list;
    }

    /// <summary>A text property: a string (a number is kept as written); null when missing or null.</summary>
    public static string? String(JsonElement item, string name) => Get(item, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        var value => throw new JsonException($"'{name}' must be a string, not {value.ValueKind}."),
    };

    /// <summary>A text property that must be there and not be empty.</summary>
    public static string Required(JsonElement item, string name, string what) =>
        String(item, name) is { Length: > 0 } value ? value : throw new JsonException($"A {what} without its '{name}'.");

    /// <summary>A whole number: a number or a numeric string; null when missing or null.</summary>
    public static long? Int64(JsonElement item, string name) => Get(item, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
        { ValueKind: JsonValueKind.String } value => LenientJsonReader.ParseOptionalInt64(value.GetString(), name),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        var value => throw new JsonException($"'{name}' must be a whole number, not {value.ValueKind}."),
    };

    /// <summary>A flag: <c>true</c>/<c>false</c> or their strings; null when missing or null.</summary>
    public static bool? Boolean(JsonElement item, string name) => Get(item, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag) => flag,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        var value => throw new JsonException($"'{name}' must be true or false, not {value.ValueKind}."),
    };

    /// <summary>The properties of <paramref name="item"/> not named in <paramref name="known"/>, kept as sent.</summary>
    public static AdditionalData Rest(JsonElement item, params ReadOnlySpan<string> known)
    {
        AdditionalData? rest = null;
        foreach (var property in item.EnumerateObject())
        {
            if (known.IndexOf(property.Name) < 0)
            {
                rest ??= new AdditionalData();
                ((IDictionary<string, JsonElement>)rest)[property.Name] = property.Value.Clone();
            }
        }

        return rest ?? AdditionalData.Empty;
    }

    private static JsonElement Get(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value : default;
}
