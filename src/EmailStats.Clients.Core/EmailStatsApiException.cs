namespace EmailStats.Clients;

/// <summary>
/// The provider refused the request: a non-success HTTP status, or a success status whose body is an
/// error envelope (SendGrid v2 and JSON-RPC answer many errors with HTTP 200).
/// </summary>
public class EmailStatsApiException : EmailStatsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider that answered.</param>
    /// <param name="statusCode">The HTTP status of the answer, when there was one.</param>
    /// <param name="errorCode">The provider's own error code or type, when it sent one.</param>
    /// <param name="errors">Every error message the body held.</param>
    /// <param name="retryAfter">How long the provider asked the caller to wait, when it said so.</param>
    /// <param name="rateLimit">The rate-limit headers of the answer, when it sent them.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public EmailStatsApiException(
        string provider,
        HttpStatusCode? statusCode,
        string? errorCode,
        IReadOnlyList<string>? errors,
        TimeSpan? retryAfter = null,
        RateLimitInfo? rateLimit = null,
        Exception? innerException = null)
        : base(provider, BuildMessage(provider, statusCode, errorCode, errors), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Errors = errors is null ? [] : [.. errors];
        RetryAfter = retryAfter;
        RateLimit = rateLimit;
    }

    /// <summary>The HTTP status of the answer (which may be 200 for an error envelope).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// The provider's error code or type, for example <c>"-1"</c>, <c>"UnauthorizedError"</c>, <c>"401"</c> (SendGrid
    /// v2's <c>{"error":{"code":401}}</c>) or SendGrid v3's <c>error_id</c>, else the <c>field</c> its error names;
    /// null when the answer carries none (a bare status, SendGrid v2's <c>{"message":"error","errors":[...]}</c>):
    /// print <see cref="StatusCode"/> with it.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>Every error message the response held, in the order the provider sent them; never null.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>How long the provider asked to wait before retrying (<c>Retry-After</c>), when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The rate-limit headers of the answer (<c>X-RateLimit-*</c>), when the provider sent them.</summary>
    public RateLimitInfo? RateLimit { get; }

    private static string BuildMessage(string provider, HttpStatusCode? status, string? code, IReadOnlyList<string>? errors)
    {
        var statusText = status is { } s ? $"{(int)s} ({s})" : "no status";
        var codeText = string.IsNullOrEmpty(code) ? "" : $" [code {code}]";
        var detail = errors is { Count: > 0 } ? ": " + string.Join("; ", errors) : ".";
        return $"{provider} refused the request with {statusText}{codeText}{detail}";
    }
}
