using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// Reads Mailgun answers: the stats envelope, the aggregate maps and the error body <c>{"message": "..."}</c>.
/// Plain-text refusals (<c>Forbidden</c>) are kept by the shared call path. The body decides, not the Content-Type.
/// </summary>
internal static class MailgunResponseReader
{
    public static MailgunStatsResult ReadStats(ProviderResponse response)
    {
        RequireJsonObject(response, "a stats object");
        var result = JsonSerializer.Deserialize(response.Body.Span, MailgunJsonContext.Default.MailgunStatsResult)
            ?? throw response.Unreadable("expected a stats object");
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

        // The source generator sets init-only properties missing from the body to null, not to their initializer.
        return result.Description is null ? result with { Description = "" } : result;
    }

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadProviders(ProviderResponse response) =>
        ReadAggregates(response, "providers", static e => e.Providers);

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadDevices(ProviderResponse response) =>
        ReadAggregates(response, "devices", static e => e.Devices);

    public static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadCountries(ProviderResponse response) =>
        ReadAggregates(response, "countries", static e => e.Countries);

    /// <summary>The error envelope <c>{"message": "..."}</c> (or <c>{"error": "..."}</c>), or null when the body is not one.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        if (JsonProbe.FirstSignificantByte(response.Body.Span) != (byte)'{')
        {
            return null;
        }

        using var document = JsonDocument.Parse(response.Body.Memory);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var error = new JsonErrorCollector();
        foreach (var name in (ReadOnlySpan<string>)["message", "error"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                error.AddMessage(value);
            }
        }

        return error.HasMessages ? error.ToError() : null;
    }

    private static IReadOnlyDictionary<string, MailgunAggregateCounts> ReadAggregates(
        ProviderResponse response,
        string key,
        Func<MailgunAggregatesEnvelope, Dictionary<string, MailgunAggregateCounts?>?> select)
    {
        RequireJsonObject(response, $"an object with '{key}'");
        var envelope = JsonSerializer.Deserialize(response.Body.Span, MailgunJsonContext.Default.MailgunAggregatesEnvelope);
        var map = (envelope is null ? null : select(envelope))
            ?? throw response.Unreadable($"expected an object with a '{key}' map");

        var result = new Dictionary<string, MailgunAggregateCounts>(map.Count, StringComparer.Ordinal);
        foreach (var (name, counts) in map)
        {
            result[name] = counts ?? throw response.Unreadable($"the '{key}' entry '{name}' is null, not an object of counts");
        }

        return result.AsReadOnly();
    }

    private static void RequireJsonObject(ProviderResponse response, string expected)
    {
        switch (JsonProbe.FirstSignificantByte(response.Body.Span))
        {
            case 0:
                throw response.Unreadable("the body is empty");
            case (byte)'{':
                return;
            case (byte)'<' when response.LooksLikeHtml():
                throw response.Unreadable("the body is an HTML page, not a Mailgun answer");
            default:
                throw response.Unreadable($"expected {expected} in JSON");
        }
    }
}
