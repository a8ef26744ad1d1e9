using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// What to ask <see cref="IMailgunStatsClient.GetTotalsByDomainAsync"/> for: one or more events, the timestamp of
/// the one resolution period to read (required), the resolution, and optionally Mailgun's <c>limit</c> paging
/// parameter. Immutable: every method returns a new query. Every rule is checked here or by the client, before any
/// request is sent.
/// </summary>
/// <example><code>
/// var query = MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered)
///     .At(new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero))
///     .WithResolution(MailgunResolution.Month)
///     .WithLimit(50);
/// </code></example>
public sealed class MailgunDomainTotalsQuery
{
    private readonly MailgunEvent[] _events;

    private MailgunDomainTotalsQuery(MailgunEvent[] events, DateTimeOffset? timestamp, MailgunResolution? resolution, int? limit)
    {
        _events = events;
        Timestamp = timestamp;
        Resolution = resolution;
        Limit = limit;
    }

    /// <summary>The events asked for, each sent as its own <c>event</c> parameter; never empty.</summary>
    public IReadOnlyList<MailgunEvent> Events => _events;

    /// <summary>The date-time of the resolution period to read (<c>timestamp</c>); required before the query is sent.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The resolution (<c>resolution</c>); null when not set (Mailgun uses days).</summary>
    public MailgunResolution? Resolution { get; }

    /// <summary>
    /// The <c>limit</c> parameter, used to page through accounts with many domains; null when not set. Mailgun's
    /// reference describes it as "Skip x number of domains"; the value is sent as given.
    /// </summary>
    public int? Limit { get; }

    /// <summary>Starts a query for one or more events; name the period with <see cref="At"/>.</summary>
    /// <param name="events">At least one event; duplicates are sent once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">No event.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined <see cref="MailgunEvent"/>.</exception>
    /// <example>
    /// <code>
    /// var query = MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered)
    ///     .At(new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero))
    ///     .WithResolution(MailgunResolution.Month);
    /// </code>
    /// </example>
    public static MailgunDomainTotalsQuery ForEvents(params IEnumerable<MailgunEvent> events) =>
        new(MailgunStatsQuery.CheckEvents(events?.ToArray(), nameof(events)), null, null, null);

    /// <summary>Sets the date-time of the resolution period to read (sent as RFC 2822 in UTC).</summary>
    /// <param name="timestamp">A time inside the period, for example the first day of a month with <see cref="MailgunResolution.Month"/>.</param>
    public MailgunDomainTotalsQuery At(DateTimeOffset timestamp) => new(_events, timestamp, Resolution, Limit);

    /// <summary>Sets the resolution: the period is an hour, a day or a month.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not defined.</exception>
    public MailgunDomainTotalsQuery WithResolution(MailgunResolution resolution)
    {
        if (!Enum.IsDefined(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be Hour, Day or Month.");
        }

        return new(_events, Timestamp, resolution, Limit);
    }

    /// <summary>Sets Mailgun's <c>limit</c> paging parameter.</summary>
    /// <param name="limit">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is 0 or less.</exception>
    public MailgunDomainTotalsQuery WithLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return new(_events, Timestamp, Resolution, limit);
    }

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString()
    {
        var events = string.Join(", ", _events.Select(e => WireName.Of(e)));
        var at = Timestamp is { } t ? $"at {Rfc2822.Format(t)}" : "no timestamp";
        var resolution = Resolution is { } r ? $", {WireName.Of(r)}" : "";
        var limit = Limit is { } l ? $", limit {l}" : "";
        return $"Mailgun totals by domain of [{events}], {at}{resolution}{limit}";
    }

    internal string[] EventNames() => Array.ConvertAll(_events, e => WireName.Of(e));

    internal string? ResolutionText => Resolution is { } r ? WireName.Of(r) : null;

    internal string? LimitText => Limit?.ToString(CultureInfo.InvariantCulture);
}
