using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Sync;

/// <summary>
/// One run of the sync (DESIGN.md section 9.2). For every account: its sources (configured, and those its listing calls
/// find); for every source: the days from the one after its checkpoint (the first run: <see cref="EmailStatsSyncOptions.BackfillDays"/>
/// back, never further than the provider serves) through today, then its reported days upserted and its checkpoint
/// moved in one transaction. The checkpoint is the last day older than the re-read window (today and the
/// <see cref="EmailStatsSyncOptions.ReReadDays"/> days before it) when it was read, so the recent days that late events
/// still change are read again by the next run, whenever it comes. Two runs, or a run killed at any point and run again, leave exactly the rows of one clean run. Accounts are
/// isolated: a failing one is recorded and tried again next run while the others go on; a 429 pauses only its account.
/// </summary>
public sealed class EmailStatsSync
{
    private readonly IEmailStatsStore _store;
    private readonly EmailStatsSourceFactory _sources;
    private readonly IReadOnlyList<EmailStatsAccount> _accounts;
    private readonly EmailStatsSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initialize = new(1, 1);
    private bool _initialized;

    /// <summary>Creates the sync (registered by <c>AddEmailStatsSync</c>; build it yourself for a store or accounts of your own).</summary>
    /// <param name="store">Where the rows go.</param>
    /// <param name="sources">Builds and discovers the accounts' sources.</param>
    /// <param name="accounts">The accounts, the invalid ones included (they are reported on every run).</param>
    /// <param name="options">How the sync runs.</param>
    /// <param name="timeProvider">The clock of the run's timestamps; the system clock when null.</param>
    /// <param name="logger">One line per run, one per failed account or source; none when null.</param>
    /// <exception cref="ArgumentException">The options break a rule.</exception>
    public EmailStatsSync(
        IEmailStatsStore store,
        EmailStatsSourceFactory sources,
        IEnumerable<EmailStatsAccount> accounts,
        IOptions<EmailStatsSyncOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<EmailStatsSync>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Value.Validate().ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException("The sync options are not valid: " + string.Join(" ", failures), nameof(options));
        }

        _store = store;
        _sources = sources;
        _accounts = [.. accounts];
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>The accounts, in configuration order.</summary>
    public IReadOnlyList<EmailStatsAccount> Accounts => _accounts;

    /// <summary>Syncs every account.</summary>
    /// <param name="cancellationToken">Stops the run: sources written so far stay (each is whole), the rest is read again next run.</param>
    /// <returns>The run's report (also kept in the store's run log).</returns>
    /// <exception cref="EmailStatsStoreException">The store could not be reached at all.</exception>
    /// <example>
    /// <code>
    /// var report = await sync.RunAsync(ct);
    /// Console.WriteLine($"{report.DaysWritten} days written, {report.Errors} errors");
    /// </code>
    /// </example>
    public Task<SyncRunReport> RunAsync(CancellationToken cancellationToken) => RunAsync(null, null, cancellationToken);

    /// <summary>Syncs every account, telling <paramref name="progress"/> as sources finish.</summary>
    /// <param name="progress">Told after each source; null for none.</param>
    /// <example>
    /// <code>
    /// var report = await sync.RunAsync(new Progress&lt;SyncProgress&gt;(p =&gt; Console.Write($"\r{p.SourcesDone}/{p.SourcesKnown}")), ct);
    /// </code>
    /// </example>
    /// <param name="cancellationToken">Stops the run (sources written so far stay).</param>
    /// <returns>The run's report.</returns>
    public Task<SyncRunReport> RunAsync(IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) => RunAsync(null, progress, cancellationToken);

    /// <summary>Syncs one account: the unit of work when several workers share the accounts (a job engine runs one account per job).</summary>
    /// <param name="account">The account's name.</param>
    /// <param name="cancellationToken">Stops the run (sources written so far stay).</param>
    /// <returns>The run's report, for that account.</returns>
    /// <exception cref="ArgumentException">No account has that name.</exception>
    public Task<SyncRunReport> RunAccountAsync(string account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        if (_accounts.All(a => a.Name != account))
        {
            throw new ArgumentException($"No account named '{account}' is configured.", nameof(account));
        }

        return RunAsync([account], null, cancellationToken);
    }

    private async Task<SyncRunReport> RunAsync(IReadOnlyCollection<string>? only, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var started = _time.GetUtcNow();
        var accounts = new ConcurrentBag<AccountRunReport>();
        var sources = new ConcurrentBag<SourceRunReport>();
        var known = 0;
        var done = 0;
        var states = new ConcurrentDictionary<string, AccountState>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(_options.MaxConcurrency);
        var selected = _accounts.Where(a => only is null || only.Contains(a.Name)).ToList();

        async Task SyncAccountAsync(EmailStatsAccount account)
        {
            var clock = Stopwatch.StartNew();
            if (!account.IsValid)
            {
                accounts.Add(new AccountRunReport(account.Name, account.Provider?.ToString(), 0, string.Join(" ", account.Errors), clock.Elapsed));
                _logger.LogWarning("Account {Account} was not synced: {Error}", account.Name, string.Join(" ", account.Errors));
                return;
            }

            IReadOnlyList<EmailStatsSourceDescriptor> descriptors;
            try
            {
                descriptors = await _sources.GetSourcesAsync(account.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is EmailStatsException or ArgumentException && !cancellationToken.IsCancellationRequested)
            {
                accounts.Add(new AccountRunReport(account.Name, account.Provider.ToString(), 0, "listing its sources failed: " + e.Message, clock.Elapsed));
                _logger.LogWarning("Account {Account}: listing its sources failed: {Error}", account.Name, e.Message);
                return;
            }

            Interlocked.Add(ref known, descriptors.Count);
            var state = states.GetOrAdd(account.Name, _ => new AccountState());
            await Task.WhenAll(descriptors.Select(async descriptor =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var report = await SyncSourceAsync(descriptor, state, cancellationToken).ConfigureAwait(false);
                    sources.Add(report);
                    progress?.Report(new SyncProgress(Interlocked.Increment(ref done), Volatile.Read(ref known), descriptor.Id));
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
            accounts.Add(new AccountRunReport(account.Name, account.Provider.ToString(), descriptors.Count, state.Refusal, clock.Elapsed));
        }

        await Task.WhenAll(selected.Select(SyncAccountAsync)).ConfigureAwait(false);
        var report = new SyncRunReport
        {
            RunId = Guid.NewGuid().ToString("N"),
            StartedAt = started,
            FinishedAt = _time.GetUtcNow(),
            Accounts = [.. accounts.OrderBy(a => a.Account, StringComparer.Ordinal)],
            Sources = [.. sources.OrderBy(s => s.SourceId, StringComparer.Ordinal)],
        };
        try
        {
            await _store.WriteRunAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (EmailStatsStoreException e)
        {
            _logger.LogWarning("The run log could not be written: {Error}", e.Message);
        }

        _logger.LogInformation(
            "Synced {Accounts} account(s), {Sources} source(s): {Written} day(s) written, {Unchanged} unchanged, {Errors} error(s)",
            report.Accounts.Count,
            report.Sources.Count,
            report.DaysWritten,
            report.DaysUnchanged,
            report.Errors);
        return report;
    }

    private async Task<SourceRunReport> SyncSourceAsync(EmailStatsSourceDescriptor descriptor, AccountState state, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (state.Refusal is { } refusal)
        {
            return new SourceRunReport(descriptor.Id, descriptor.Account, null, null, 0, 0, "not read: " + refusal, clock.Elapsed);
        }

        DateOnly? from = null;
        DateOnly? to = null;
        try
        {
            var source = _sources.Create(descriptor);
            var today = source.GetToday();
            var checkpoint = await _store.GetCheckpointAsync(descriptor.Id, cancellationToken).ConfigureAwait(false);
            var start = checkpoint is { } settled ? settled.AddDays(1) : today.AddDays(1 - _options.BackfillDays);
            var earliest = today.AddDays(1 - EmailStatsSource.MaxRangeDays);
            if (SourceKinds.OldestServed(descriptor.Provider, descriptor.Kind, today) is { } served && served > earliest)
            {
                earliest = served;
            }

            from = start < earliest ? earliest : start > today ? today : start;
            to = today;
            var days = await source.GetDailyMetricsAsync(from.Value, today, cancellationToken).ConfigureAwait(false);

            // Settled: complete, and older than the re-read window (today and the ReReadDays before it) when read; the days
            // after it are read again by the next run, whenever it comes. The extra day covers a source whose zone is
            // ahead of the zone the provider closes its days in.
            var lastComplete = days.Where(d => d.IsReported && d.IsComplete).Select(d => (DateOnly?)d.Date).Max();
            var settledUpTo = today.AddDays(-_options.ReReadDays - 1);
            DateOnly? newCheckpoint = lastComplete is { } last ? (last < settledUpTo ? last : settledUpTo) : null;
            var stored = new StoredSource(
                descriptor.Id,
                descriptor.Account,
                descriptor.Provider,
                descriptor.Kind,
                descriptor.Name,
                source.Name,
                source.TimeZone.Id,
                source.Metrics,
                source.Judging);
            var written = await _store.WriteAsync(stored, days, newCheckpoint, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new SourceRunReport(descriptor.Id, descriptor.Account, from, to, written.Written, written.Unchanged, null, clock.Elapsed);
        }
        catch (EmailStatsApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !cancellationToken.IsCancellationRequested)
        {
            // The key is refused: the account's other sources would be refused too; they are tried again next run.
            state.Refusal ??= $"{(int)e.StatusCode!} {e.Errors.FirstOrDefault() ?? e.StatusCode.ToString()}";
            return Failed(descriptor, from, to, e, clock);
        }
        catch (Exception e) when (e is EmailStatsException or EmailStatsStoreException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(descriptor, from, to, e, clock);
        }
    }

    private SourceRunReport Failed(EmailStatsSourceDescriptor descriptor, DateOnly? from, DateOnly? to, Exception e, Stopwatch clock)
    {
        _logger.LogWarning("Source {Source} was not synced: {Error}", descriptor.Id, e.Message);
        return new SourceRunReport(descriptor.Id, descriptor.Account, from, to, 0, 0, e.Message, clock.Elapsed);
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        await _initialize.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _initialized, true);
            }
        }
        finally
        {
            _initialize.Release();
        }
    }

    /// <summary>What a run learned of an account: whether its key was refused (its other sources are not read then).</summary>
    private sealed class AccountState
    {
        public string? Refusal { get; set; }
    }
}
