namespace EmailStats.Clients.Reports;

/// <summary>
/// The period of an account-wide report: the last <see cref="Days"/> days (1 to 90) in a time zone (UTC unless
/// <see cref="InTimeZone"/> says otherwise). Immutable: <see cref="InTimeZone"/> returns a new query. Every rule is
/// checked here, before any request is sent.
/// </summary>
/// <example><code>
/// var query = ReportsQuery.PastDays(30).InTimeZone("Europe/Paris");
/// </code></example>
public sealed class ReportsQuery
{
    /// <summary>The most days a report may look back.</summary>
    public const int MaxDays = 90;

    private ReportsQuery(int days, string timeZone)
    {
        Days = days;
        TimeZone = timeZone;
    }

    /// <summary>How many days back the report covers (query parameter <c>pastDays</c>), 1 to <see cref="MaxDays"/>.</summary>
    public int Days { get; }

    /// <summary>The IANA time zone the days are counted in (query parameter <c>timezone</c>); <c>UTC</c> unless set.</summary>
    public string TimeZone { get; }

    /// <summary>Starts a query for the last <paramref name="days"/> days, in UTC.</summary>
    /// <param name="days">1 to 90 (<see cref="MaxDays"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1 or above 90.</exception>
    /// <example>
    /// <code>
    /// var lastMonth = ReportsQuery.PastDays(30);                            // UTC days
    /// var paris = ReportsQuery.PastDays(7).InTimeZone("Europe/Paris");     // an IANA id
    /// </code>
    /// </example>
    public static ReportsQuery PastDays(int days)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"pastDays must be between 1 and {MaxDays} days.");
        }

        return new ReportsQuery(days, IanaTimeZone.Utc);
    }

    /// <summary>Counts the days in <paramref name="timeZone"/> instead of UTC.</summary>
    /// <param name="timeZone">
    /// An IANA time zone id such as <c>Europe/Paris</c>, <c>America/New_York</c> or <c>UTC</c>, known to this machine's
    /// time zone database and spelled as the database spells it. Windows ids (<c>Pacific Standard Time</c>) are refused.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZone"/> is empty, a Windows id, not in the IANA database, or spelled in another case.</exception>
    public ReportsQuery InTimeZone(string timeZone) => new(Days, IanaTimeZone.Validate(timeZone, nameof(timeZone)));

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString() => $"last {Days.ToString(CultureInfo.InvariantCulture)} days, {TimeZone}";
}
