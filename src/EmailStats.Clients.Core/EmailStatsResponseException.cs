namespace EmailStats.Clients;

/// <summary>
/// The provider answered, but the body could not be understood: malformed JSON or XML, an HTML page,
/// an empty body, or a shape other than the one the operation returns.
/// </summary>
public class EmailStatsResponseException : EmailStatsException
{
    /// <summary>The most characters of the body kept on the exception.</summary>
    public const int MaxBodySnippetLength = 512;

    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider that answered.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="contentType">The media type the answer declared, if any.</param>
    /// <param name="reason">What could not be understood; never contains a secret.</param>
    /// <param name="bodySnippet">The start of the body; cut to <see cref="MaxBodySnippetLength"/> characters.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public EmailStatsResponseException(
        string provider,
        HttpStatusCode? statusCode,
        string? contentType,
        string reason,
        string? bodySnippet,
        Exception? innerException = null)
        : base(provider, $"{provider} sent a response that could not be read ({(statusCode is { } s ? (int)s : 0)}, {contentType ?? "no content type"}): {reason}", innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        BodySnippet = bodySnippet is { Length: > MaxBodySnippetLength } ? bodySnippet[..MaxBodySnippetLength] : bodySnippet;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The media type the answer declared, if any (it is often wrong; the body decides).</summary>
    public string? ContentType { get; }

    /// <summary>At most the first <see cref="MaxBodySnippetLength"/> characters of the body, with known secrets masked.</summary>
    public string? BodySnippet { get; }
}
