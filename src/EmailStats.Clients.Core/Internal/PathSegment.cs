using System.Runtime.CompilerServices;

namespace EmailStats.Clients.Internal;

/// <summary>
/// The one rule for a value that goes into a request path as one segment (a SendGrid subuser, a GetResponse message
/// id, a Mailgun domain, a Benchmark Email campaign id): Refit escapes it, but a value that could change which path is
/// asked for, or that the provider would trim, is refused before anything is sent.
/// </summary>
internal static class PathSegment
{
    /// <summary>Refuses a value that is not one clean path segment.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">What it is, for the message (<c>subuser name</c>).</param>
    /// <param name="paramName">The parameter's name, for the exception.</param>
    /// <exception cref="ArgumentException">Empty, white space, padded, '.' or '..', or holding '/', '\' or a control character.</exception>
    public static void Check(string value, string what, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value is "." or ".." || value.Trim().Length != value.Length || value.AsSpan().IndexOfAny('/', '\\') >= 0 || value.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"A {what} goes into the request path as one segment: no '/', '\\', control characters, leading or trailing white space, and not '.' or '..'.",
                paramName);
        }
    }
}
