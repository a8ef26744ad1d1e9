namespace EmailStats.Clients;

/// <summary>
/// No usable answer arrived: the connection failed, an attempt or the whole call timed out, or the pipeline refused
/// to send the call (the circuit breaker is open after repeated failures, or too many calls were under way at once).
/// Thrown after the resilience pipeline has given up; <see cref="Kind"/> says which.
/// </summary>
public class EmailStatsTransportException : EmailStatsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider that was called.</param>
    /// <param name="kind">What failed.</param>
    /// <param name="message">A description without secrets.</param>
    /// <param name="innerException">The transport's exception.</param>
    public EmailStatsTransportException(string provider, TransportFailure kind, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What failed.</summary>
    public TransportFailure Kind { get; }
}

/// <summary>The kinds of transport failure reported by <see cref="EmailStatsTransportException"/>.</summary>
public enum TransportFailure
{
    /// <summary>The connection could not be made or was broken (DNS, refused, reset, TLS, truncated body).</summary>
    Network,

    /// <summary>An attempt or the whole call took longer than its timeout.</summary>
    Timeout,

    /// <summary>The circuit breaker is open: recent calls failed, so this one was not sent.</summary>
    CircuitOpen,

    /// <summary>The body was larger than the client accepts.</summary>
    ResponseTooLarge,

    /// <summary>
    /// The resilience pipeline's concurrency limiter refused the call: more calls were under way at once than it
    /// permits, so this one was not sent. Retry later, or raise the limit on the registration's pipeline.
    /// </summary>
    ConcurrencyLimit,
}
