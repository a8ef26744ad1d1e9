using System.Diagnostics.CodeAnalysis;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A period counted back from the end of a query (query parameter <c>duration</c>, syntax <c>[0-9]+[hdm]</c>):
/// <c>24h</c> hours, <c>7d</c> days, <c>2m</c> MONTHS (not minutes). Always at least one unit; the
/// <see langword="default"/> value is zero and is refused by <see cref="MailgunStatsQuery.Last"/>.
/// </summary>
/// <example><code>
/// MailgunDuration.Days(7)      // "7d"
/// MailgunDuration.Months(2)    // "2m"
/// MailgunDuration.Parse("24h") // 24 hours
/// </code></example>
public readonly struct MailgunDuration : IEquatable<MailgunDuration>
{
    private MailgunDuration(int count, MailgunResolution unit)
    {
        Count = count;
        Unit = unit;
    }

    /// <summary>How many units; at least 1 (0 only for the <see langword="default"/> value).</summary>
    public int Count { get; }

    /// <summary>The unit: <see cref="MailgunResolution.Hour"/> (<c>h</c>), <see cref="MailgunResolution.Day"/> (<c>d</c>) or <see cref="MailgunResolution.Month"/> (<c>m</c>).</summary>
    public MailgunResolution Unit { get; }

    /// <summary>Whether this is the zero <see langword="default"/> value, which no query accepts.</summary>
    public bool IsZero => Count == 0;

    /// <summary>A period of <paramref name="count"/> hours (<c>{count}h</c>).</summary>
    /// <param name="count">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or less.</exception>
    public static MailgunDuration Hours(int count) => Of(count, MailgunResolution.Hour);

    /// <summary>A period of <paramref name="count"/> days (<c>{count}d</c>).</summary>
    /// <param name="count">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or less.</exception>
    public static MailgunDuration Days(int count) => Of(count, MailgunResolution.Day);

    /// <summary>A period of <paramref name="count"/> months (<c>{count}m</c>: in Mailgun's syntax <c>m</c> is months).</summary>
    /// <param name="count">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or less.</exception>
    public static MailgunDuration Months(int count) => Of(count, MailgunResolution.Month);

    /// <summary>A period of <paramref name="count"/> units of <paramref name="unit"/>.</summary>
    /// <param name="count">At least 1.</param>
    /// <param name="unit">Hours, days or months.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or less, or <paramref name="unit"/> is not defined.</exception>
    public static MailgunDuration Of(int count, MailgunResolution unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "The unit must be Hour, Day or Month.");
        }

        return new MailgunDuration(count, unit);
    }

    /// <summary>Reads Mailgun's syntax <c>[0-9]+[hdm]</c>, for example <c>"24h"</c>, <c>"7d"</c>, <c>"2m"</c> (months).</summary>
    /// <param name="text">The duration text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> does not follow the syntax.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is 0.</exception>
    public static MailgunDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseCore(text, out var count, out var unit))
        {
            throw new ArgumentException($"'{text}' is not a Mailgun duration: the syntax is [0-9]+[hdm], for example 24h, 7d or 2m (m = months).", nameof(text));
        }

        if (count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(text), text, "A Mailgun duration must be at least one unit long.");
        }

        return new MailgunDuration(count, unit);
    }

    /// <summary>Reads Mailgun's syntax <c>[0-9]+[hdm]</c>; false for anything else, including a zero count.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="duration">The duration, when the text is valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out MailgunDuration duration)
    {
        if (text is not null && TryParseCore(text, out var count, out var unit) && count > 0)
        {
            duration = new MailgunDuration(count, unit);
            return true;
        }

        duration = default;
        return false;
    }

    /// <summary>The wire form, for example <c>7d</c>; <c>0d</c> for the zero <see langword="default"/> value.</summary>
    public override string ToString()
    {
        var suffix = Unit switch
        {
            MailgunResolution.Hour => 'h',
            MailgunResolution.Month => 'm',
            _ => 'd',
        };
        return Count.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <inheritdoc />
    public bool Equals(MailgunDuration other) => Count == other.Count && Unit == other.Unit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MailgunDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Unit);

    /// <summary>Whether two durations have the same count and unit.</summary>
    /// <param name="left">A duration.</param>
    /// <param name="right">Another duration.</param>
    public static bool operator ==(MailgunDuration left, MailgunDuration right) => left.Equals(right);

    /// <summary>Whether two durations differ in count or unit.</summary>
    /// <param name="left">A duration.</param>
    /// <param name="right">Another duration.</param>
    public static bool operator !=(MailgunDuration left, MailgunDuration right) => !left.Equals(right);

    private static bool TryParseCore(string text, out int count, out MailgunResolution unit)
    {
        count = 0;
        unit = default;
        if (text.Length < 2)
        {
            return false;
        }

        switch (text[^1])
        {
            case 'h':
                unit = MailgunResolution.Hour;
                break;
            case 'd':
                unit = MailgunResolution.Day;
                break;
            case 'm':
                unit = MailgunResolution.Month;
                break;
            default:
                return false;
        }

        var digits = text.AsSpan(0, text.Length - 1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
