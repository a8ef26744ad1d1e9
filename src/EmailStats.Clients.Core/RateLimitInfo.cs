namespace EmailStats.Clients;

/// <summary>The rate-limit headers a provider sent with an answer (<c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>).</summary>
/// <param name="Limit">Requests allowed in the current window, when sent.</param>
/// <param name="Remaining">Requests left in the current window, when sent.</param>
/// <param name="Reset">The raw reset value as sent (seconds or a timestamp, depending on the provider), when sent.</param>
public sealed record RateLimitInfo(long? Limit, long? Remaining, string? Reset)
{
    /// <summary>
    /// When the window resets, read from <see cref="Reset"/> as the provider means it (Benchmark Email: Unix seconds);
    /// null when not sent or not readable.
    /// </summary>
    public DateTimeOffset? ResetsAt { get; init; }
}
