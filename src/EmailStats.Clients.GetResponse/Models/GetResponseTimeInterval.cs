namespace EmailStats.Clients.GetResponse;

/// <summary>
/// A statistics element's <c>timeInterval</c>: an ISO 8601 interval of a start and a duration, as GetResponse sends it
/// (<c>2014-09-20T00:00:00+0000/P2M18DT10H0M0S</c>). The duration keeps its calendar parts (a month is not a fixed
/// number of days), so <see cref="End"/> is the start moved by them.
/// </summary>
/// <param name="Start">The start, with the offset sent (GetResponse sends UTC).</param>
/// <param name="Years">The years of the duration.</param>
/// <param name="Months">The months of the duration.</param>
/// <param name="Days">The days of the duration (weeks counted as 7 days).</param>
/// <param name="Time">The hours, minutes and seconds of the duration.</param>
public readonly record struct GetResponseTimeInterval(DateTimeOffset Start, int Years, int Months, int Days, TimeSpan Time)
{
    /// <summary>The end of the interval: <see cref="Start"/> plus the duration, calendar parts first.</summary>
    public DateTimeOffset End => Start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    /// <summary>Reads an interval such as <c>2014-09-20T00:00:00+0000/P2M18DT10H0M0S</c>.</summary>
    /// <param name="text">The interval: a start (with <c>Z</c>, <c>+0000</c> or <c>+00:00</c>), a <c>/</c> and a duration.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The text is not such an interval.</exception>
    public static GetResponseTimeInterval Parse(string text) =>
        TryParse(text, out var interval) ? interval : throw new FormatException($"'{text}' is not an ISO 8601 interval of a start and a duration (such as 2014-09-20T00:00:00+0000/P1D).");

    /// <summary>Reads an interval; false when <paramref name="text"/> is not one.</summary>
    /// <param name="text">The interval.</param>
    /// <param name="interval">The interval read.</param>
    /// <returns>Whether it was read.</returns>
    public static bool TryParse(string? text, out GetResponseTimeInterval interval)
    {
        interval = default;
        return text is not null && TryParse(text.AsSpan(), out interval);
    }

    /// <summary>Reads an interval from characters, allocating nothing (the reader passes the JSON string's characters).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out GetResponseTimeInterval interval)
    {
        interval = default;
        var slash = text.IndexOf('/');
        if (slash < 0 || !TryParseStart(text[..slash], out var start) || !TryParseDuration(text[(slash + 1)..], out var years, out var months, out var days, out var time))
        {
            return false;
        }

        interval = new GetResponseTimeInterval(start, years, months, days, time);
        return true;
    }

    /// <summary>The interval as ISO 8601: start in UTC, then the duration.</summary>
    /// <returns>For example <c>2014-09-20T00:00:00Z/P2M18DT10H</c>.</returns>
    public override string ToString()
    {
        var duration = "P" + (Years != 0 ? $"{Years}Y" : "") + (Months != 0 ? $"{Months}M" : "") + (Days != 0 ? $"{Days}D" : "");
        if (Time != TimeSpan.Zero)
        {
            duration += "T" + ((int)Time.TotalHours != 0 ? $"{(int)Time.TotalHours}H" : "") + (Time.Minutes != 0 ? $"{Time.Minutes}M" : "") + (Time.Seconds != 0 ? $"{Time.Seconds}S" : "");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}/{(duration == "P" ? "PT0S" : duration)}");
    }

    private static readonly string[] StartFormats =
        ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd"];

    private static bool TryParseStart(ReadOnlySpan<char> text, out DateTimeOffset start)
    {
        start = default;
        if (text.Length > 64)
        {
            return false;
        }

        // "+0000" (GetResponse's form) becomes "+00:00", which the round-trip formats read.
        Span<char> normalized = stackalloc char[text.Length + 1];
        int length;
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text[..^2].CopyTo(normalized);
            normalized[text.Length - 2] = ':';
            text[^2..].CopyTo(normalized[(text.Length - 1)..]);
            length = text.Length + 1;
        }
        else
        {
            text.CopyTo(normalized);
            length = text.Length;
        }

        return DateTimeOffset.TryParseExact(normalized[..length], StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);
    }

    private static bool TryParseDuration(ReadOnlySpan<char> text, out int years, out int months, out int days, out TimeSpan time)
    {
        years = months = days = 0;
        time = TimeSpan.Zero;
        if (text.Length < 2 || text[0] != 'P')
        {
            return false;
        }

        var inTime = false;
        var any = false;
        var anyTime = false;
        var number = 0L;
        var digits = 0;
        double seconds = 0;
        long hours = 0, minutes = 0;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                digits++;
                if (digits > 9)
                {
                    return false;
                }

                continue;
            }

            if (c == 'T' && !inTime && digits == 0)
            {
                inTime = true;
                continue;
            }

            if (c is '.' or ',' && inTime)
            {
                // A fraction of seconds: read it, then expect 'S'.
                var end = i + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                if (end >= text.Length || text[end] != 'S' || end == i + 1)
                {
                    return false;
                }

                seconds = number + double.Parse(string.Concat("0.", text[(i + 1)..end]), CultureInfo.InvariantCulture);
                number = 0;
                digits = 0;
                any = true;
                anyTime = true;
                i = end;
                continue;
            }

            if (digits == 0)
            {
                return false;
            }

            switch ((inTime, c))
            {
                case (false, 'Y'): years = (int)number; break;
                case (false, 'M'): months = (int)number; break;
                case (false, 'W'): days += (int)number * 7; break;
                case (false, 'D'): days += (int)number; break;
                case (true, 'H'): hours = number; break;
                case (true, 'M'): minutes = number; break;
                case (true, 'S'): seconds = number; break;
                default: return false;
            }

            any = true;
            anyTime |= inTime;
            number = 0;
            digits = 0;
        }

        if (!any || digits != 0 || (inTime && !anyTime))
        {
            return false;
        }

        time = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return true;
    }
}
