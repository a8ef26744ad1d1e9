using System.Net.Http.Headers;

namespace EmailStats.Clients.Internal;

/// <summary>
/// One answer of a provider as the parsers see it: status, headers and the buffered body, plus the factories
/// for the typed exceptions, so every provider reports problems the same way.
/// </summary>
internal sealed class ProviderResponse
{
    private readonly ProviderCallPath _context;

    public ProviderResponse(ProviderCallPath context, HttpResponseMessage message, ResponseBody body)
    {
        _context = context;
        Message = message;
        Body = body;
    }

    public HttpResponseMessage Message { get; }

    public ResponseBody Body { get; }

    public HttpStatusCode StatusCode => Message.StatusCode;

    public bool IsSuccessStatusCode => Message.IsSuccessStatusCode;

    public string? MediaType => Message.Content.Headers.ContentType?.MediaType;

    public HttpResponseHeaders Headers => Message.Headers;

    /// <summary>The start of the body as text, secrets masked; for exceptions only.</summary>
    public string BodySnippet()
    {
        var span = Body.Span;
        if (span.Length > EmailStatsResponseException.MaxBodySnippetLength * 4)
        {
            span = span[..(EmailStatsResponseException.MaxBodySnippetLength * 4)];
        }

        var text = Encoding.UTF8.GetString(span);
        if (text.Length > EmailStatsResponseException.MaxBodySnippetLength)
        {
            text = text[..EmailStatsResponseException.MaxBodySnippetLength];
        }

        return _context.Secrets.Scrub(text)!;
    }

    /// <summary>
    /// Whether the body is an HTML page (a proxy or gateway error page). Decided by the body, not the
    /// Content-Type header, which providers often get wrong.
    /// </summary>
    public bool LooksLikeHtml()
    {
        var start = Body.Span[..Math.Min(Body.Length, 256)];
        var text = Encoding.UTF8.GetString(start).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The body as JSON text: without a UTF-8 byte-order mark, which a valid answer may start with and System.Text.Json's
    /// span readers refuse. Every JSON reader reads this, never <see cref="Body"/>.
    /// </summary>
    public ReadOnlyMemory<byte> Json => Body.Span.StartsWith("\uFEFF"u8) ? Body.Memory[3..] : Body.Memory;

    /// <summary>What the body holds, by its first significant byte (not by the Content-Type, which providers get wrong).</summary>
    public BodyKind Kind() => JsonProbe.FirstSignificantByte(Body.Span) switch
    {
        0 => BodyKind.Empty,
        (byte)'{' => BodyKind.JsonObject,
        (byte)'[' => BodyKind.JsonArray,
        (byte)'<' => LooksLikeHtml() ? BodyKind.Html : BodyKind.Xml,
        _ => BodyKind.Other,
    };

    /// <summary>
    /// The one body check of every provider: the JSON body when it is an object (or an array) as expected; otherwise the
    /// typed exception that says what came instead (nothing, an HTML page, other JSON, not JSON).
    /// </summary>
    /// <param name="expected"><see cref="JsonValueKind.Object"/> or <see cref="JsonValueKind.Array"/>.</param>
    /// <param name="what">What was expected, for the message (for example <c>a stats object</c>).</param>
    public ReadOnlyMemory<byte> RequireJson(JsonValueKind expected, string what)
    {
        var kind = Kind();
        if ((expected == JsonValueKind.Object && kind == BodyKind.JsonObject) || (expected == JsonValueKind.Array && kind == BodyKind.JsonArray))
        {
            return Json;
        }

        throw Unreadable(kind switch
        {
            BodyKind.Empty => $"the body is empty; expected {what}",
            BodyKind.Html => $"the body is an HTML page, not a {_context.Provider} answer",
            BodyKind.JsonObject => $"the body is a JSON object; expected {what} (a JSON array)",
            BodyKind.JsonArray => $"the body is a JSON array; expected {what} (a JSON object)",
            _ => $"the body is not JSON; expected {what}",
        });
    }

    /// <summary>
    /// The opening of every error-envelope reader: the body as a JSON object (comments and trailing commas allowed), or
    /// null when it is not one. Malformed JSON throws <see cref="JsonException"/>, which the call path treats as "no envelope".
    /// </summary>
    public JsonDocument? ParseJsonObject()
    {
        if (Kind() != BodyKind.JsonObject)
        {
            return null;
        }

        var document = JsonDocument.Parse(Json, LenientJsonReader.DocumentOptions);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document.Dispose();
        return null;
    }

    /// <summary>
    /// The opening of every JSON error-envelope reader: the body as an object (or no envelope), a collector, and the
    /// provider's rule of what marks an error (<paramref name="collect"/> fills the collector and says whether the body
    /// was an error envelope).
    /// </summary>
    public ProviderError? ReadJsonError(Func<JsonElement, JsonErrorCollector, bool> collect)
    {
        using var document = ParseJsonObject();
        if (document is null)
        {
            return null;
        }

        var error = new JsonErrorCollector();
        return collect(document.RootElement, error) ? error.ToError() : null;
    }

    /// <summary>
    /// The one policy for null items in a list: a typed exception, never a silent drop (a dropped day would read as 0
    /// in the one view).
    /// </summary>
    /// <param name="list">The list as read; null when the body held none.</param>
    /// <param name="what">The list, for the message (for example <c>the 'stats' list</c>).</param>
    public List<T> WithoutNulls<T>(List<T>? list, string what)
    {
        if (list is null)
        {
            throw Unreadable($"expected {what}, found null");
        }

        foreach (var item in list)
        {
            if (item is null)
            {
                throw Unreadable($"{what} holds a null item");
            }
        }

        return list;
    }

    /// <summary>The typed exception for an error envelope (or a refusal status).</summary>
    public EmailStatsApiException ApiError(ProviderError? error)
    {
        var messages = error?.Messages.Select(m => _context.Secrets.Scrub(m)!).ToArray() ?? [];
        return new EmailStatsApiException(
            _context.Provider,
            StatusCode,
            _context.Secrets.Scrub(error?.Code),
            messages,
            RetryAfter(),
            RateLimit());
    }

    /// <summary>The typed exception for a body that could not be understood.</summary>
    /// <remarks>The parser's exception is kept as the inner exception unless its texts hold a secret (a JSON or XML
    /// error message quotes the body), in which case a masked copy of the same kind stands in for it.</remarks>
    public EmailStatsResponseException Unreadable(string reason, Exception? inner = null) =>
        new(_context.Provider, StatusCode, MediaType, _context.Secrets.Scrub(reason)!, BodySnippet(), _context.Secrets.Sanitize(inner));

    private TimeSpan? RetryAfter()
    {
        var header = Message.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _context.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // A 429 without Retry-After whose X-RateLimit-Reset says when the window opens (SendGrid v3 sends only that):
        // the wait is the time left until then.
        if (StatusCode == HttpStatusCode.TooManyRequests && ResetsAt(Header("X-RateLimit-Reset")) is { } resets)
        {
            var wait = resets - _context.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private RateLimitInfo? RateLimit()
    {
        var limit = Header("X-RateLimit-Limit");
        var remaining = Header("X-RateLimit-Remaining");
        var reset = Header("X-RateLimit-Reset");
        if (limit is null && remaining is null && reset is null)
        {
            return null;
        }

        return new RateLimitInfo(ParseLong(limit), ParseLong(remaining), reset) { ResetsAt = ResetsAt(reset) };

        static long? ParseLong(string? value) =>
            long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The reset as an instant, read the way the provider sends it (<see cref="ProviderCallPath.RateLimitReset"/>).</summary>
    private DateTimeOffset? ResetsAt(string? reset)
    {
        if (reset is null)
        {
            return null;
        }

        // "58", or "58 seconds": a whole number of seconds, with an optional unit word.
        var number = reset.EndsWith(" seconds", StringComparison.OrdinalIgnoreCase) ? reset[..^" seconds".Length].Trim() : reset;
        if (!long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return _context.RateLimitReset switch
        {
            RateLimitReset.SecondsLeft when value <= (long)TimeSpan.MaxValue.TotalSeconds / 2 => _context.TimeProvider.GetUtcNow().AddSeconds(value),
            RateLimitReset.UnixSeconds when value <= 253402300799 => DateTimeOffset.FromUnixTimeSeconds(value),
            _ => null,
        };
    }

    private string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}

/// <summary>What a body holds at its top level.</summary>
internal enum BodyKind
{
    /// <summary>Nothing, or only white space.</summary>
    Empty,

    /// <summary>A JSON object.</summary>
    JsonObject,

    /// <summary>A JSON array.</summary>
    JsonArray,

    /// <summary>An XML document.</summary>
    Xml,

    /// <summary>An HTML page (a proxy's or gateway's error page).</summary>
    Html,

    /// <summary>Anything else: plain text, a bare JSON value.</summary>
    Other,
}
