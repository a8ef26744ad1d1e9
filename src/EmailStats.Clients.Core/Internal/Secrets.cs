using System.Xml;

namespace EmailStats.Clients.Internal;

/// <summary>
/// The secrets of one configured client (API keys, passwords). Masks them wherever text leaves the
/// library: exception messages, body snippets, log lines. Also masks their URL-encoded forms, because a
/// provider may echo a form body back.
/// </summary>
internal sealed class Secrets
{
    public const string Mask = "***";

    private readonly string[] _values;

    public Secrets(params IEnumerable<string?> values)
    {
        _values = values
            .Where(v => !string.IsNullOrEmpty(v))
            .SelectMany(v => new[] { v!, WebUtility.UrlEncode(v!), Uri.EscapeDataString(v!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length) // longest first, so an encoded form is masked whole
            .ToArray();
    }

    public static Secrets None { get; } = new();

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _values)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Returns <paramref name="exception"/> when none of its texts (message, JSON path, inner exceptions) holds a
    /// secret; otherwise a copy of the same kind with the secrets masked and without inner exceptions, so that the
    /// <c>ToString()</c> of an exception that wraps it shows no secret.
    /// </summary>
    public Exception? Sanitize(Exception? exception)
    {
        if (exception is null || !Holds(exception))
        {
            return exception;
        }

        var message = Scrub(exception.Message)!;
        return exception switch
        {
            JsonException json => new JsonException(message, Scrub(json.Path), json.LineNumber, json.BytePositionInLine),
            XmlException => new XmlException(message),
            FormatException => new FormatException(message),
            OverflowException => new OverflowException(message),
            NotSupportedException => new NotSupportedException(message),
            _ => new InvalidOperationException(message),
        };
    }

    private bool Holds(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Holds(e.Message) || (e is JsonException json && Holds(json.Path)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Holds(string? text) =>
        !string.IsNullOrEmpty(text) && _values.Any(secret => text.Contains(secret, StringComparison.Ordinal));

    /// <summary>Describes a secret for <c>ToString()</c>: whether it is set, never its value.</summary>
    public static string Describe(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : Mask;
}
