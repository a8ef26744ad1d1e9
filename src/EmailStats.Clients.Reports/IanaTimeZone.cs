namespace EmailStats.Clients.Reports;

/// <summary>
/// Checks that a time zone is an id of the IANA time zone database before it is sent as the <c>timezone</c> parameter.
/// </summary>
/// <remarks>
/// The rule: the id must name a zone that .NET finds on this machine (<see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>:
/// the IANA database under <c>/usr/share/zoneinfo</c> on Linux and macOS, ICU's copy on Windows) and the zone found must
/// carry an IANA id (<see cref="TimeZoneInfo.HasIanaId"/>). Windows ids such as <c>Pacific Standard Time</c> are
/// refused even where .NET could convert them (ICU present): the provider only knows IANA ids, and converting
/// silently would hide a configuration mistake; the refusal names the IANA equivalent when .NET knows it.
/// Files of the database directory that are not zones a server knows (<c>localtime</c>, <c>posixrules</c>,
/// <c>Factory</c>, the <c>posix/</c> and <c>right/</c> copies) are refused too. The id must be spelled as the database
/// spells it (<c>Europe/Paris</c>, not <c>europe/paris</c>): .NET may look ids up case-insensitively on Windows, and on
/// Linux does so only once a zone is cached, so a case-insensitive rule would depend on the machine and on call order.
/// Under invariant globalization (no ICU) .NET cannot map Windows ids, so they are refused as unknown ids instead;
/// IANA lookups are unaffected. A machine without the time zone database (a container image without
/// <c>tzdata</c>) knows only <c>UTC</c>.
/// </remarks>
internal static class IanaTimeZone
{
    public const string Utc = "UTC";

    private static readonly string[] NotZones = ["localtime", "posixrules", "Factory"];

    /// <summary>Returns the id to send, or throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> and the rule.</summary>
    public static string Validate(string? timeZone, string paramName)
    {
        ArgumentNullException.ThrowIfNull(timeZone, paramName);
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            throw new ArgumentException("The time zone must be an IANA time zone id such as Europe/Paris or UTC, not empty or white space.", paramName);
        }

        if (timeZone.Length > 64 || timeZone.Any(c => (char.IsWhiteSpace(c) && c != ' ') || char.IsControl(c)) || timeZone.Trim() != timeZone)
        {
            throw new ArgumentException($"'{Printable(timeZone)}' is not an IANA time zone id (such as Europe/Paris or UTC): it has leading or trailing white space, control characters or is too long.", paramName);
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            if (!zone.HasIanaId)
            {
                var hint = TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZone, out var iana) ? $" (its IANA id is {iana})" : "";
                throw new ArgumentException($"'{timeZone}' is a Windows time zone id{hint}; the Reports API takes IANA time zone ids such as Europe/Paris or UTC.", paramName);
            }

            if (NotZones.Contains(zone.Id, StringComparer.OrdinalIgnoreCase)
                || zone.Id.StartsWith("posix/", StringComparison.OrdinalIgnoreCase)
                || zone.Id.StartsWith("right/", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{timeZone}' is a file of the time zone database, not a time zone id the provider knows; use an id such as Europe/Paris or UTC.", paramName);
            }

            if (!string.Equals(zone.Id, timeZone, StringComparison.Ordinal))
            {
                // Lookups are case-insensitive only on some platforms (and on Linux only once cached); refuse everywhere.
                throw new ArgumentException($"'{timeZone}' must be spelled exactly as in the IANA time zone database: '{zone.Id}'.", paramName);
            }

            return zone.Id;
        }

        throw new ArgumentException($"'{timeZone}' is not a time zone of the IANA time zone database (looked up on this machine); use an id such as Europe/Paris, America/New_York or UTC.", paramName);
    }

    private static string Printable(string text)
    {
        var shown = new string(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 64 ? shown + "..." : shown;
    }
}
