namespace EmailStats.Clients.Mailgun.Serialization;

/// <summary>
/// RFC 2822 date-times as Mailgun uses them: written in UTC with a numeric zone
/// (<c>Tue, 14 Feb 2012 00:00:00 +0000</c>), read with a zone name (<c>UTC</c>, <c>GMT</c>, <c>UT</c>,
/// <c>Z</c>, the US zones of RFC 2822), a numeric offset (<c>+0100</c>, <c>-05:00</c>) or no zone (UTC).
/// </summary>
internal static class Rfc2822
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The wire form of <paramref name="value"/>: converted to UTC, whole seconds, <c>ddd, dd MMM yyyy HH:mm:ss +0000</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";

    /// <summary>Reads an RFC 2822 date-time; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) => TryParse(text.AsSpan(), out value);

    /// <summary>Reads an RFC 2822 date-time from characters (no string needed); false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var rest = text.Trim();
        if (rest.IsEmpty)
        {
            return false;
        }

        var comma = rest.IndexOf(',');
        if (comma >= 0)
        {
            // The optional day name ("Tue,"): letters only; its value is not checked against the date.
            foreach (var c in rest[..comma].Trim())
            {
                if (!char.IsAsciiLetter(c))
                {
                    return false;
                }
            }

            rest = rest[(comma + 1)..];
        }

        Span<Range> parts = stackalloc Range[6];
        var count = rest.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (count is < 4 or > 5)
        {
            return false;
        }

        if (!TryDay(rest[parts[0]], out var day)
            || !TryMonth(rest[parts[1]], out var month)
            || !TryYear(rest[parts[2]], out var year)
            || !TryTime(rest[parts[3]], out var hour, out var minute, out var second))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (count == 5 && !TryZone(rest[parts[4]], out offset))
        {
            return false;
        }

        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // RFC 2822 allows a leap second (60); it is read as the last second of the minute.
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        try
        {
            value = new DateTimeOffset(local, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryDay(ReadOnlySpan<char> text, out int day) =>
        text.Length is 1 or 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day >= 1
            ? true
            : Fail(out day);

    private static bool TryMonth(ReadOnlySpan<char> text, out int month)
    {
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (text.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        month = 0;
        return false;
    }

    private static bool TryYear(ReadOnlySpan<char> text, out int year)
    {
        if (text.Length is < 2 or > 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return Fail(out year);
        }

        if (text.Length == 2)
        {
            // RFC 2822 obsolete two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999.
            year += year < 50 ? 2000 : 1900;
        }

        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> text, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        Span<Range> parts = stackalloc Range[4];
        var count = text.Split(parts, ':');
        if (count is < 2 or > 3)
        {
            return false;
        }

        return TwoDigits(text[parts[0]], out hour)
            && TwoDigits(text[parts[1]], out minute)
            && (count == 2 || TwoDigits(text[parts[2]], out second));

        static bool TwoDigits(ReadOnlySpan<char> part, out int number) =>
            part.Length is 1 or 2 && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out number)
                ? true
                : Fail(out number);
    }

    private static bool TryZone(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            var digits = text[1..];
            if (digits.Length == 5 && digits[2] == ':')
            {
                digits = string.Concat(digits[..2], digits[3..]);
            }

            if (digits.Length != 4
                || !int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(digits[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            if (text[0] == '-')
            {
                offset = -offset;
            }

            return offset.Duration() <= TimeSpan.FromHours(14);
        }

        // Compared without case and without allocating (OrdinalIgnoreCase folds as ToUpperInvariant does).
        int? hoursFromUtc =
            Is(text, "UTC") || Is(text, "GMT") || Is(text, "UT") || Is(text, "Z") ? 0
            : Is(text, "EDT") ? -4
            : Is(text, "EST") || Is(text, "CDT") ? -5
            : Is(text, "CST") || Is(text, "MDT") ? -6
            : Is(text, "MST") || Is(text, "PDT") ? -7
            : Is(text, "PST") ? -8
            : null;
        if (hoursFromUtc is not { } h)
        {
            return false;
        }

        offset = TimeSpan.FromHours(h);
        return true;
    }

    private static bool Is(ReadOnlySpan<char> text, string zone) => text.Equals(zone, StringComparison.OrdinalIgnoreCase);

    private static bool Fail(out int value)
    {
        value = 0;
        return false;
    }
}
