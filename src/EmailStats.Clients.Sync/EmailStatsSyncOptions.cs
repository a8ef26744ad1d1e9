namespace EmailStats.Clients.Sync;

/// <summary>How the sync runs (the <c>Sync</c> section of the configuration given to <c>AddEmailStatsSync</c>).</summary>
public sealed class EmailStatsSyncOptions
{
    /// <summary>
    /// The recent days read again on every run besides today (default 3): providers keep changing them as opens, clicks
    /// and bounces arrive late, some up to 48 hours behind. A day older than that when it was read is settled and not
    /// read again.
    /// </summary>
    public int ReReadDays { get; set; } = 3;

    /// <summary>How far back the first run of a source reads (default 30), never further than the provider serves.</summary>
    public int BackfillDays { get; set; } = 30;

    /// <summary>How many sources are read at once, over every account (default 8); each account also keeps its provider's budget.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The longest a run waits for an account's rate-limit window to open (default 1 minute); a longer wait fails that account's calls for this run.</summary>
    public TimeSpan MaxRateLimitPause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The SQLite store's connection string or file (default <c>emailstats.db</c>), when no other store is chosen.</summary>
    public string Store { get; set; } = "Data Source=emailstats.db";

    /// <summary>How often the hosted worker (<c>AddWorker</c>) runs (default one hour).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every rule the options break, each naming the option.</summary>
    /// <returns>The failures; empty when valid.</returns>
    public IEnumerable<string> Validate()
    {
        if (ReReadDays is < 0 or > 90)
        {
            yield return $"Sync:ReReadDays must be from 0 to 90, not {ReReadDays}.";
        }

        if (BackfillDays is < 1 or > EmailStatsSource.MaxRangeDays)
        {
            yield return $"Sync:BackfillDays must be from 1 to {EmailStatsSource.MaxRangeDays}, not {BackfillDays}.";
        }

        if (MaxConcurrency is < 1 or > 256)
        {
            yield return $"Sync:MaxConcurrency must be from 1 to 256, not {MaxConcurrency}.";
        }

        if (MaxRateLimitPause < TimeSpan.Zero)
        {
            yield return "Sync:MaxRateLimitPause must not be negative.";
        }

        if (Interval < TimeSpan.FromSeconds(1))
        {
            yield return "Sync:Interval must be at least one second.";
        }

        if (string.IsNullOrWhiteSpace(Store))
        {
            yield return "Sync:Store must name the SQLite file or connection string.";
        }
    }
}
