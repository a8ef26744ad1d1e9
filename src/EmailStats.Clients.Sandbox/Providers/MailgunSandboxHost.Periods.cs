namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>Mailgun's request parameters (events, resolution, start, end, duration) and the period arithmetic of its answers.</summary>
internal sealed partial class MailgunSandboxHost
{
    // ---- parameters -----------------------------------------------------------------------------------------------

    private static string? ReadEvents(SandboxRequest request, out string[] events)
    {
        events = [.. request.QueryValues("event").Distinct(StringComparer.Ordinal)];
        if (events.Length == 0)
        {
            return "Missing mandatory parameter: event";
        }

        return events.FirstOrDefault(e => !EventNames.Contains(e)) is { } unknown
            ? $"Invalid event: '{unknown}'. Valid events are {string.Join(", ", EventNames)}"
            : null;
    }

    /// <summary>
    /// Reads resolution, start, end and duration like Mailgun: end defaults to now, start to seven days before the
    /// end, and a duration (<c>h</c> hours, <c>d</c> days, <c>m</c> months) counts back from the end, overriding start.
    /// <paramref name="value"/> gives a parameter by name: from the query (v3) or the JSON body (Metrics API).
    /// </summary>
    private string? ReadPeriod(Func<string, string?> value, out MailgunResolution resolution, out DateTimeOffset start, out DateTimeOffset end)
    {
        resolution = MailgunResolution.Day;
        start = end = Now;
        if (value("resolution") is { } text && !TryResolution(text, out resolution))
        {
            return InvalidResolution(text);
        }

        if (value("end") is { } endText && !TryParseTime(endText, out end))
        {
            return $"Invalid end date: '{endText}'. Expected an RFC 2822 date or unix epoch seconds";
        }

        if (value("duration") is { } duration)
        {
            if (!MailgunDuration.TryParse(duration, out var span))
            {
                return $"Invalid duration: '{duration}'. Expected [0-9]+[hdm], for example 24h, 7d or 2m (months)";
            }

            start = span.Unit switch
            {
                MailgunResolution.Hour => end.AddHours(-span.Count),
                MailgunResolution.Day => end.AddDays(-span.Count),
                _ => end.AddMonths(-span.Count),
            };
        }
        else if (value("start") is { } startText)
        {
            if (!TryParseTime(startText, out start))
            {
                return $"Invalid start date: '{startText}'. Expected an RFC 2822 date or unix epoch seconds";
            }
        }
        else
        {
            start = end.AddDays(-7);
        }

        return start > end ? "The start date must not be after the end date" : null;
    }

    private static bool TryResolution(string text, out MailgunResolution resolution)
    {
        resolution = MailgunResolution.Day;
        switch (text)
        {
            case "hour":
                resolution = MailgunResolution.Hour;
                return true;
            case "day":
                return true;
            case "month":
                resolution = MailgunResolution.Month;
                return true;
            default:
                return false;
        }
    }

    private static string InvalidResolution(string text) => $"Invalid resolution: '{text}'. Valid values are hour, day, month";

    /// <summary>Reads an RFC 2822 date (zone <c>+hhmm</c>, <c>UTC</c>, <c>GMT</c>, <c>UT</c>, <c>Z</c> or none) or unix epoch seconds.</summary>
    private static bool TryParseTime(string text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (text.Length is > 0 and <= 12 && text.All(char.IsAsciiDigit))
        {
            value = DateTimeOffset.FromUnixTimeSeconds(long.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var parts = text[(comma + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 4 or > 5
            || !DateTime.TryParseExact(string.Join(' ', parts[..4]), ["d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (parts.Length == 5 && parts[4] is not ("UTC" or "GMT" or "UT" or "Z"))
        {
            var zone = parts[4];
            if (zone.Length != 5 || zone[0] is not ('+' or '-')
                || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(zone[0] == '-' ? -hours : hours, zone[0] == '-' ? -minutes : minutes, 0);
        }

        value = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    // ---- periods --------------------------------------------------------------------------------------------------

    /// <summary>
    /// The resolution steps from the step holding the start through the step holding the end, as Mailgun answers
    /// (its documented example: an end of 1 April at month resolution has an April item). With
    /// <see cref="MailgunSandboxAccount.EndIsExclusive"/> an end on a step boundary closes the previous step instead.
    /// Null when there would be more than <see cref="MaxItems"/>.
    /// </summary>
    private static List<DateTimeOffset>? Periods(MailgunSandboxAccount account, DateTimeOffset start, DateTimeOffset end, MailgunResolution resolution)
    {
        var approximate = resolution switch
        {
            MailgunResolution.Hour => (end - start).TotalHours,
            MailgunResolution.Day => (end - start).TotalDays,
            _ => (end - start).TotalDays / 28,
        };
        if (approximate > MaxItems)
        {
            return null;
        }

        var first = Truncate(start, resolution);
        var last = Truncate(end, resolution);
        if (account.EndIsExclusive && last == end && end > start)
        {
            last = Previous(last, resolution);
        }

        var periods = new List<DateTimeOffset>();
        for (var period = first; period <= last; period = Next(period, resolution))
        {
            periods.Add(period);
        }

        return periods;
    }

    private static DateTimeOffset Truncate(DateTimeOffset time, MailgunResolution resolution)
    {
        var t = time.UtcDateTime;
        return resolution switch
        {
            MailgunResolution.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            MailgunResolution.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Next(DateTimeOffset period, MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => period.AddHours(1),
        MailgunResolution.Day => period.AddDays(1),
        _ => period.AddMonths(1),
    };

    private static DateTimeOffset Previous(DateTimeOffset period, MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => period.AddHours(-1),
        MailgunResolution.Day => period.AddDays(-1),
        _ => period.AddMonths(-1),
    };

    private static string Name(MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => "hour",
        MailgunResolution.Day => "day",
        _ => "month",
    };
}
