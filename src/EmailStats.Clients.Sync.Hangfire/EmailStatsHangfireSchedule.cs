using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Sync.Hangfire;

/// <summary>
/// Keeps one recurring Hangfire job per configured account (<see cref="EmailStatsAccountJob.RecurringJobId"/>), on the
/// schedule: adds the new accounts (and runs each once at once, <see cref="EmailStatsHangfireOptions.RunAtStart"/>),
/// removes the jobs of accounts no longer configured. Applied when a worker starts and on every cycle (the recurring job
/// <c>emailstats:schedule</c>), under a lock so that workers starting together schedule once.
/// </summary>
public sealed class EmailStatsHangfireSchedule : IHostedService
{
    /// <summary>The recurring job that applies the schedule on every cycle.</summary>
    public const string ScheduleJobId = "emailstats:schedule";

    private readonly EmailStatsSync _sync;
    private readonly IRecurringJobManager _jobs;
    private readonly JobStorage _storage;
    private readonly EmailStatsHangfireOptions _options;
    private readonly ILogger<EmailStatsHangfireSchedule> _logger;

    /// <summary>Creates the schedule.</summary>
    /// <param name="sync">The sync, whose accounts are scheduled.</param>
    /// <param name="jobs">Hangfire's recurring jobs.</param>
    /// <param name="storage">Hangfire's storage.</param>
    /// <param name="options">The Hangfire options.</param>
    /// <param name="logger">The log.</param>
    public EmailStatsHangfireSchedule(EmailStatsSync sync, IRecurringJobManager jobs, JobStorage storage, IOptions<EmailStatsHangfireOptions> options, ILogger<EmailStatsHangfireSchedule> logger)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Schedules the configured accounts now (as <see cref="Apply"/>).</summary>
    /// <param name="cancellationToken">Not used: the scheduling is short.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Apply();
        return Task.CompletedTask;
    }

    /// <summary>Nothing to stop.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds, updates and removes the accounts' recurring jobs to match the configured accounts.</summary>
    [AutomaticRetry(Attempts = 3)]
    public void Apply()
    {
        using var connection = _storage.GetConnection();
        using var exclusive = connection.AcquireDistributedLock("emailstats:lock:schedule", _options.LockWait);
        var existing = connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith("emailstats:account:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in _sync.Accounts)
        {
            if (!account.IsValid)
            {
                _logger.LogWarning("Account {Account} is not scheduled: {Error}", account.Name, string.Join(" ", account.Errors));
                continue;
            }

            var id = EmailStatsAccountJob.RecurringJobId(account.Name);
            var name = account.Name;
            _jobs.AddOrUpdate<EmailStatsAccountJob>(id, _options.Queue, job => job.RunAsync(name, CancellationToken.None), _options.Schedule, options);
            scheduled.Add(id);
            if (_options.RunAtStart && !existing.Contains(id))
            {
                _jobs.Trigger(id);
            }
        }

        foreach (var stale in existing.Where(id => !scheduled.Contains(id)))
        {
            _jobs.RemoveIfExists(stale);
            _logger.LogInformation("Recurring job {Job} removed: its account is no longer configured", stale);
        }

        _jobs.AddOrUpdate<EmailStatsHangfireSchedule>(ScheduleJobId, _options.Queue, schedule => schedule.Apply(), _options.Schedule, options);
        _logger.LogInformation("Scheduled {Accounts} account(s) on '{Schedule}' (UTC)", scheduled.Count, _options.Schedule);
    }
}
