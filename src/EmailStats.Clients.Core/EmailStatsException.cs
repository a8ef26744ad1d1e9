namespace EmailStats.Clients;

/// <summary>
/// Base type of every exception the EmailStats.Clients packages throw once a request has been sent.
/// Catch this type to handle any provider, transport or response failure in one place.
/// </summary>
/// <remarks>
/// Invalid input is reported before any request is sent, with <see cref="ArgumentException"/> and its
/// subclasses, and is not an <see cref="EmailStatsException"/>. Caller cancellation surfaces as
/// <see cref="OperationCanceledException"/>. Messages never contain credentials.
/// </remarks>
public class EmailStatsException : Exception
{
    /// <summary>Creates an exception for <paramref name="provider"/> with a message.</summary>
    /// <param name="provider">The provider that was called, for example <c>"SendGridV2"</c>.</param>
    /// <param name="message">What went wrong; never contains a secret.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public EmailStatsException(string provider, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
    }

    /// <summary>The provider that was called, for example <c>"SendGridV2"</c> or <c>"Mailgun"</c>.</summary>
    public string Provider { get; }
}
