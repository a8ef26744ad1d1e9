using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// What to ask the Mailgun totals endpoints for: one or more events, a period (a start and end, or a duration
/// counted back from an optional end), a resolution, and for <see cref="IMailgunStatsClient.GetFilteredTotalsAsync"/>
/// a filter and a group. Immutable: every method returns a new query. Every rule is checked here, before any
/// request is sent.
/// </summary>
/// <remarks>
/// Times are sent as RFC 2822 in UTC, to the second (<c>Tue, 14 Feb 2012 00:00:00 +0000</c>). Without a period
/// Mailgun reads the last 7 days; without a resolution it uses days.
/// </remarks>
/// <example><code>
/// var lastWeek = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened)
///     .Last(MailgunDuration.Days(7))
///     .WithResolution(MailgunResolution.Day);
/// var february = MailgunStatsQuery.ForEvents(MailgunEvent.Failed)
///     .Between(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
/// </code></example>
public sealed class MailgunStatsQuery
{
    private readonly MailgunEvent[] _events;

    private MailgunStatsQuery(
        MailgunEvent[] events,
        DateTimeOffset? start,
        DateTimeOffset? end,
        MailgunDuration? duration,
        MailgunResolution? resolution,
        string? filter,
        MailgunGroup? group)
    {
        _events = events;
        Start = start;
        End = end;
        Duration = duration;
        Resolution = resolution;
        Filter = filter;
        Group = group;
    }

    /// <summary>The events asked for, each sent as its own <c>event</c> parameter; never empty.</summary>
    public IReadOnlyList<MailgunEvent> Events => _events;

    /// <summary>The start of the period (<c>start</c>); null when not set.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>The end of the period (<c>end</c>); null when not set (Mailgun uses the current time).</summary>
    public DateTimeOffset? End { get; }

    /// <summary>The period counted back from <see cref="End"/> (<c>duration</c>); null when not set.</summary>
    public MailgunDuration? Duration { get; }

    /// <summary>The resolution (<c>resolution</c>); null when not set (Mailgun uses days).</summary>
    public MailgunResolution? Resolution { get; }

    /// <summary>The account-level filter (<c>filter</c>, for example <c>domain:mg.example.com</c>); filtered totals only.</summary>
    public string? Filter { get; }

    /// <summary>The key to group by (<c>group</c>); filtered totals only.</summary>
    public MailgunGroup? Group { get; }

    /// <summary>Starts a query for one or more events.</summary>
    /// <param name="events">At least one event; duplicates are sent once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">No event.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined <see cref="MailgunEvent"/>.</exception>
    /// <example>
    /// <code>
    /// var lastWeek = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Failed).Last(MailgunDuration.Days(7));
    /// var hourly = MailgunStatsQuery.ForEvents(MailgunEvent.Opened).Last(MailgunDuration.Hours(48)).WithResolution(MailgunResolution.Hour);
    /// </code>
    /// </example>
    public static MailgunStatsQuery ForEvents(params IEnumerable<MailgunEvent> events) =>
        new(CheckEvents(events?.ToArray(), nameof(events)), null, null, null, null, null, null);

    /// <summary>Asks for the period from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The start; sent in UTC.</param>
    /// <param name="end">The end; not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is after <paramref name="end"/>.</exception>
    /// <exception cref="ArgumentException">The query has a duration: Mailgun's duration overwrites the start, so the two exclude each other.</exception>
    public MailgunStatsQuery Between(DateTimeOffset start, DateTimeOffset end)
    {
        if (start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"The start must not be after the end ({Rfc2822.Format(end)}).");
        }

        if (Duration is not null)
        {
            throw new ArgumentException("A Mailgun query takes either a start or a duration, not both (the duration overwrites the start); this query already has a duration.", nameof(start));
        }

        return new MailgunStatsQuery(_events, start, end, null, Resolution, Filter, Group);
    }

    /// <summary>Asks for the <paramref name="duration"/> before the end (<see cref="Ending"/>, or now when no end is set).</summary>
    /// <param name="duration">At least one unit, for example <see cref="MailgunDuration.Days"/>(7).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is zero (the <see langword="default"/> value).</exception>
    /// <exception cref="ArgumentException">The query has a start: a start and a duration exclude each other.</exception>
    public MailgunStatsQuery Last(MailgunDuration duration)
    {
        if (duration.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration must be at least one hour, day or month; use MailgunDuration.Hours/Days/Months.");
        }

        if (Start is not null)
        {
            throw new ArgumentException("A Mailgun query takes either a start or a duration, not both (the duration overwrites the start); this query already has a start.", nameof(duration));
        }

        return new MailgunStatsQuery(_events, null, End, duration, Resolution, Filter, Group);
    }

    /// <summary>Sets the end of the period, for example the end a <see cref="Last"/> duration counts back from.</summary>
    /// <param name="end">The end; sent in UTC; not before the start when the query has one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before the query's start.</exception>
    public MailgunStatsQuery Ending(DateTimeOffset end)
    {
        if (Start is { } start && start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The end must not be before the start ({Rfc2822.Format(start)}).");
        }

        return new MailgunStatsQuery(_events, Start, end, Duration, Resolution, Filter, Group);
    }

    /// <summary>Sets the resolution: one entry per hour, day or month.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not defined.</exception>
    public MailgunStatsQuery WithResolution(MailgunResolution resolution)
    {
        if (!Enum.IsDefined(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be Hour, Day or Month.");
        }

        return new MailgunStatsQuery(_events, Start, End, Duration, resolution, Filter, Group);
    }

    /// <summary>Sets the account-level filter of <see cref="IMailgunStatsClient.GetFilteredTotalsAsync"/>, for example <c>domain:mg.example.com</c>.</summary>
    /// <param name="filter">The filter; not empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="filter"/> is null, empty or white space.</exception>
    public MailgunStatsQuery WithFilter(string filter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filter);
        return new MailgunStatsQuery(_events, Start, End, Duration, Resolution, filter, Group);
    }

    /// <summary>Sets the key <see cref="IMailgunStatsClient.GetFilteredTotalsAsync"/> groups by.</summary>
    /// <param name="group">The grouping key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> is not defined.</exception>
    public MailgunStatsQuery GroupBy(MailgunGroup group)
    {
        if (!Enum.IsDefined(group))
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, "Not a Mailgun group.");
        }

        return new MailgunStatsQuery(_events, Start, End, Duration, Resolution, Filter, group);
    }

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString()
    {
        var events = string.Join(", ", _events.Select(e => WireName.Of(e)));
        var period = Duration is { } d
            ? $"last {d}" + (End is { } e ? $" ending {Rfc2822.Format(e)}" : "")
            : Start is { } s ? $"{Rfc2822.Format(s)} .. {(End is { } end ? Rfc2822.Format(end) : "now")}"
            : End is { } only ? $"until {Rfc2822.Format(only)}" : "default period";
        var resolution = Resolution is { } r ? $", {WireName.Of(r)}" : "";
        var filter = Filter is null ? "" : $", filter {Filter}";
        var group = Group is { } g ? $", group {WireName.Of(g)}" : "";
        return $"Mailgun stats of [{events}], {period}{resolution}{filter}{group}";
    }

    internal string[] EventNames() => Array.ConvertAll(_events, e => WireName.Of(e));

    internal string? StartText => Start is { } s ? Rfc2822.Format(s) : null;

    internal string? EndText => End is { } e ? Rfc2822.Format(e) : null;

    internal string? DurationText => Duration?.ToString();

    internal string? ResolutionText => Resolution is { } r ? WireName.Of(r) : null;

    internal string? GroupText => Group is { } g ? WireName.Of(g) : null;

    internal static MailgunEvent[] CheckEvents(MailgunEvent[]? events, string paramName)
    {
        ArgumentNullException.ThrowIfNull(events, paramName);
        if (events.Length == 0)
        {
            throw new ArgumentException("Name at least one event (accepted, delivered, failed, opened, clicked, unsubscribed, complained or stored).", paramName);
        }

        foreach (var e in events)
        {
            if (!Enum.IsDefined(e))
            {
                throw new ArgumentOutOfRangeException(paramName, e, "Not a Mailgun event.");
            }
        }

        return events.Distinct().ToArray();
    }
}
