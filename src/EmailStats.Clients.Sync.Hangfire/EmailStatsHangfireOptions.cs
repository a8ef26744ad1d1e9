namespace EmailStats.Clients.Sync.Hangfire;

/// <summary>
/// How the sync runs on Hangfire (<c>UseHangfire</c>): when each account's recurring job runs, the queue and schema,
/// and the timeouts that decide how soon a dead worker's accounts go to another worker.
/// </summary>
public sealed class EmailStatsHangfireOptions
{
    /// <summary>When every account's recurring job runs: a cron expression in UTC. Default <c>0 * * * *</c> (hourly).</summary>
    public string Schedule { get; set; } = "0 * * * *";

    /// <summary>The Hangfire queue of the sync's jobs (lowercase letters, digits and underscores). Default <c>emailstats</c>.</summary>
    public string Queue { get; set; } = "emailstats";

    /// <summary>The PostgreSQL schema of Hangfire's tables, apart from the metrics' tables. Default <c>hangfire</c>.</summary>
    public string SchemaName { get; set; } = "hangfire";

    /// <summary>Accounts this process syncs at once (Hangfire workers). Default: Hangfire's own (5 per core, at most 20).</summary>
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>
    /// How long after its worker was last heard of a fetched job goes back to the queue for another worker (a running
    /// job keeps renewing it, however long it runs). Default 5 minutes.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an account's lock holds: a dead worker's lock is free this long after it was taken. It must be longer than
    /// the longest run of one account, or a second worker could start an account still running. Default 15 minutes.
    /// </summary>
    public TimeSpan AccountLockTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a job waits for its account's lock before it fails (and is retried later). Default 1 minute.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often an idle worker looks for work (one query each time; work enqueued by the same process wakes its workers
    /// at once). Default 5 seconds.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether an account's job runs at once when it is first scheduled, rather than at the schedule's next time. Default true.</summary>
    public bool RunAtStart { get; set; } = true;

    /// <summary>The broken rules, each naming the setting; empty when valid.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // Five or six fields; Hangfire checks the rest when it schedules the job.
        if (string.IsNullOrWhiteSpace(Schedule) || Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            errors.Add($"EmailStats:Hangfire:Schedule '{Schedule}' is not a cron expression (for example '0 * * * *', hourly).");
        }

        if (string.IsNullOrEmpty(Queue) || Queue.Any(c => c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '_')))
        {
            errors.Add($"EmailStats:Hangfire:Queue '{Queue}' must be lowercase letters, digits and underscores.");
        }

        if (string.IsNullOrEmpty(SchemaName) || SchemaName.Any(c => c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '_')))
        {
            errors.Add($"EmailStats:Hangfire:SchemaName '{SchemaName}' must be lowercase letters, digits and underscores.");
        }

        if (WorkerCount < 1)
        {
            errors.Add("EmailStats:Hangfire:WorkerCount must be at least 1.");
        }

        foreach (var (name, value) in new[] { (nameof(InvisibilityTimeout), InvisibilityTimeout), (nameof(AccountLockTimeout), AccountLockTimeout), (nameof(LockWait), LockWait), (nameof(QueuePollInterval), QueuePollInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"EmailStats:Hangfire:{name} must be positive.");
            }
        }

        return errors;
    }
}
