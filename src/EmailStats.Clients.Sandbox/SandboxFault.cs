namespace EmailStats.Clients.Sandbox;

/// <summary>A failure the sandbox serves instead of (or before) an answer, to exercise a caller's retry handling.</summary>
public sealed record SandboxFault
{
    private SandboxFault(HttpStatusCode? status, TimeSpan? retryAfter, bool retryAfterAsDate, TimeSpan delay)
    {
        Status = status;
        RetryAfter = retryAfter;
        RetryAfterAsDate = retryAfterAsDate;
        Delay = delay;
    }

    /// <summary>The status served instead of the answer, or null when the fault only delays it.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The <c>Retry-After</c> sent with a 429, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether <see cref="RetryAfter"/> is sent as an HTTP date rather than seconds.</summary>
    public bool RetryAfterAsDate { get; }

    /// <summary>How long the sandbox waits before answering.</summary>
    public TimeSpan Delay { get; }

    /// <summary>A 429 Too Many Requests with <c>Retry-After</c> in seconds, in the provider's error envelope.</summary>
    /// <param name="retryAfter">The wait the provider asks for (whole seconds on the wire; at least 0).</param>
    public static SandboxFault RateLimited(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(HttpStatusCode.TooManyRequests, retryAfter, false, TimeSpan.Zero);
    }

    /// <summary>A 429 Too Many Requests with <c>Retry-After</c> as an HTTP date <paramref name="retryAfter"/> from now.</summary>
    /// <param name="retryAfter">The wait the provider asks for (an HTTP date has whole seconds).</param>
    public static SandboxFault RateLimitedUntil(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(HttpStatusCode.TooManyRequests, retryAfter, true, TimeSpan.Zero);
    }

    /// <summary>A server error (500 to 599) with a short plain-text body.</summary>
    /// <param name="status">The status to serve; 503 by default.</param>
    public static SandboxFault ServerError(HttpStatusCode status = HttpStatusCode.ServiceUnavailable)
    {
        if ((int)status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is a status from 500 to 599.");
        }

        return new(status, null, false, TimeSpan.Zero);
    }

    /// <summary>The normal answer, served after <paramref name="delay"/> (to exercise timeouts).</summary>
    /// <param name="delay">The wait before answering (0 to 5 minutes).</param>
    public static SandboxFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, TimeSpan.FromMinutes(5));
        return new(null, null, false, delay);
    }
}
