using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Sync.Hangfire;

/// <summary>
/// The sync's unit of work on Hangfire: one account, run by whichever worker takes the job. The account's lock (Hangfire's
/// distributed lock in its storage) keeps a second worker off the account while it runs; Hangfire's at-least-once
/// execution is safe because the store keeps each source whole and a day written twice is written once.
/// </summary>
public sealed class EmailStatsAccountJob
{
    private readonly EmailStatsSync _sync;
    private readonly JobStorage _storage;
    private readonly EmailStatsHangfireOptions _options;
    private readonly ILogger<EmailStatsAccountJob> _logger;

    /// <summary>Creates the job (Hangfire activates it through the services).</summary>
    /// <param name="sync">The sync.</param>
    /// <param name="storage">Hangfire's storage, whose distributed lock guards the account.</param>
    /// <param name="options">The Hangfire options.</param>
    /// <param name="logger">The log.</param>
    public EmailStatsAccountJob(EmailStatsSync sync, JobStorage storage, IOptions<EmailStatsHangfireOptions> options, ILogger<EmailStatsAccountJob> logger)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The recurring job id of an account: <c>emailstats:account:NAME</c>.</summary>
    /// <param name="account">The account's name.</param>
    /// <returns>The id.</returns>
    public static string RecurringJobId(string account) => "emailstats:account:" + account;

    /// <summary>
    /// Syncs one account under its lock. Fails (so that Hangfire retries it with back-off, visibly in its dashboard) when
    /// the lock stays taken longer than <see cref="EmailStatsHangfireOptions.LockWait"/> or when the run reports an error;
    /// what the run stored before the error stays.
    /// </summary>
    /// <param name="account">The account's name, as configured.</param>
    /// <param name="cancellationToken">Hangfire's: cancelled when the worker shuts down.</param>
    /// <returns>A task.</returns>
    /// <exception cref="EmailStatsException">The run reported errors.</exception>
    [AutomaticRetry(Attempts = 5)]
    [DisplayName("Sync account {0}")]
    public async Task RunAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        using var connection = _storage.GetConnection();
        using var exclusive = connection.AcquireDistributedLock("emailstats:lock:" + account, _options.LockWait);
        var report = await _sync.RunAccountAsync(account, cancellationToken).ConfigureAwait(false);
        if (report.Errors > 0)
        {
            var first = report.Accounts.FirstOrDefault(a => a.Error is not null)?.Error ?? report.Sources.First(s => s.Error is not null).Error;
            _logger.LogWarning("Account {Account}: {Errors} error(s), first: {Error}", account, report.Errors, first);
            throw new EmailStatsException(report.Accounts.FirstOrDefault()?.Provider ?? "Sync", $"Account '{account}': {report.Errors} error(s); the first: {first}");
        }
    }
}
