using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EmailStats.Clients.Internal;

/// <summary>
/// One answer of a provider as the parsers see it: status, headers and the buffered body, plus the factories
/// for the typed exceptions, so every provider reports problems the same way.
/// </summary>
internal sealed class ProviderResponse
{
    private readonly ProviderContext _context;

    public ProviderResponse(ProviderContext context, HttpResponseMessage message, ResponseBody body)
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

    /// <summary>The reset as an instant, read the way the provider sends it (<see cref="ProviderContext.RateLimitReset"/>).</summary>
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
