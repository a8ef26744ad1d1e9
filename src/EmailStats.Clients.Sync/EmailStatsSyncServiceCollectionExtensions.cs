using EmailStats.Clients;
using EmailStats.Clients.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync: its accounts' named clients, the source factory, the store and <see cref="EmailStatsSync"/>.</summary>
public static class EmailStatsSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sync from a configuration section holding <c>Sync</c> (<see cref="EmailStatsSyncOptions"/>) and
    /// <c>Accounts</c>, one child per account named by its key: <c>Provider</c>, the provider's options (<c>ApiKey</c>...),
    /// <c>TimeZone</c>, <c>Sources</c> and <c>Discover</c> (<see cref="EmailStatsAccount"/>). Each valid account becomes a
    /// named client of its provider (<c>AddXxxClient(name, section)</c>) that keeps its provider's budget; an invalid one
    /// is reported on every run and does not stop the others. The store is SQLite (<c>Sync:Store</c>) unless
    /// <see cref="EmailStatsSyncBuilder.UseStore"/> chooses another.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section (for example <c>configuration.GetSection("EmailStats")</c>).</param>
    /// <returns>The builder, to choose the store, the sources' clock, a hosted worker, or to configure the accounts' clients.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddEmailStatsSync(builder.Configuration.GetSection("EmailStats")).AddWorker();
    /// // appsettings.json:
    /// // "EmailStats": { "Sync": { "ReReadDays": 3 },
    /// //   "Accounts": { "acme-sendgrid": { "Provider": "SendGridV3", "ApiKey": "...", "Discover": [ "subusers" ] } } }
    /// </code>
    /// </example>
    public static EmailStatsSyncBuilder AddEmailStatsSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var accountsSection = configuration.GetSection("Accounts");
        var accounts = EmailStatsAccount.ReadAll(accountsSection);
        var syncSection = configuration.GetSection("Sync");
        services.AddOptions<EmailStatsSyncOptions>().Configure(o => syncSection.Bind(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailStatsSyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccountBudgets>();
        var clients = new List<(EmailStatsAccount Account, IHttpClientBuilder Builder)>();
        foreach (var account in accounts.Where(a => a.IsValid))
        {
            var section = accountsSection.GetSection(account.Name);
            var builder = account.Provider switch
            {
                EmailStatsProvider.SendGridV2 => services.AddSendGridV2StatsClient(account.Name, section),
                EmailStatsProvider.SendGridV3 => services.AddSendGridV3StatsClient(account.Name, section),
                EmailStatsProvider.JsonRpcMessages => services.AddMessageStatsClient(account.Name, section),
                EmailStatsProvider.GetResponse => services.AddGetResponseStatsClient(account.Name, section),
                EmailStatsProvider.Mailgun => services.AddMailgunStatsClient(account.Name, section),
                _ => services.AddReportsClient(account.Name, section),
            };
            var budgeted = account;
            builder.AddHttpMessageHandler(sp => new AccountBudgetHandler(sp.GetRequiredService<AccountBudgets>().For(budgeted)));
            clients.Add((account, builder));
        }

        var syncBuilder = new EmailStatsSyncBuilder(services, accounts, clients);
        services.TryAddSingleton(syncBuilder.Clock);
        services.TryAddSingleton(sp => new EmailStatsSourceFactory(sp, accounts, sp.GetRequiredService<SourceClock>().Time ?? sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEmailStatsStore>(sp => new SqliteEmailStatsStore(sp.GetRequiredService<IOptions<EmailStatsSyncOptions>>().Value.Store));
        services.TryAddSingleton(sp => new EmailStatsSync(
            sp.GetRequiredService<IEmailStatsStore>(),
            sp.GetRequiredService<EmailStatsSourceFactory>(),
            accounts,
            sp.GetRequiredService<IOptions<EmailStatsSyncOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EmailStatsSync>>()));
        return syncBuilder;
    }
}

/// <summary>What <c>AddEmailStatsSync</c> registered, and the choices that come after it.</summary>
public sealed class EmailStatsSyncBuilder
{
    private readonly List<(EmailStatsAccount Account, IHttpClientBuilder Builder)> _clients;

    internal EmailStatsSyncBuilder(IServiceCollection services, IReadOnlyList<EmailStatsAccount> accounts, List<(EmailStatsAccount, IHttpClientBuilder)> clients)
    {
        Services = services;
        Accounts = accounts;
        _clients = clients;
    }

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The accounts read from configuration, the invalid ones with their errors.</summary>
    public IReadOnlyList<EmailStatsAccount> Accounts { get; }

    internal SourceClock Clock { get; } = new();

    /// <summary>Uses another store (PostgreSQL: <c>UsePostgreSql</c> in EmailStats.Clients.Sync.PostgreSql).</summary>
    /// <param name="create">Creates the store.</param>
    /// <returns>This builder.</returns>
    public EmailStatsSyncBuilder UseStore(Func<IServiceProvider, IEmailStatsStore> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.Replace(ServiceDescriptor.Singleton(create));
        return this;
    }

    /// <summary>
    /// The clock that says which day is today for every source (a sandbox's clock, a <c>FakeTimeProvider</c> in tests);
    /// the services' <see cref="TimeProvider"/> otherwise. The clients' resilience pipelines keep their own.
    /// </summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public EmailStatsSyncBuilder UseSourceClock(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Clock.Time = timeProvider;
        return this;
    }

    /// <summary>Configures every account's client (another handler, the sandbox's <c>UseSandbox</c>, other resilience).</summary>
    /// <param name="configure">Called once per valid account with its client's builder.</param>
    /// <returns>This builder.</returns>
    public EmailStatsSyncBuilder ConfigureClients(Action<EmailStatsAccount, IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var (account, builder) in _clients)
        {
            configure(account, builder);
        }

        return this;
    }

    /// <summary>Adds a hosted worker that runs the sync at start and then every <see cref="EmailStatsSyncOptions.Interval"/>.</summary>
    /// <returns>This builder.</returns>
    public EmailStatsSyncBuilder AddWorker()
    {
        Services.AddHostedService<EmailStatsSyncWorker>();
        return this;
    }
}

/// <summary>Names every broken rule of the <c>Sync</c> section at start-up.</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<EmailStatsSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailStatsSyncOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The sources' clock, when one is chosen.</summary>
internal sealed class SourceClock
{
    public TimeProvider? Time { get; set; }
}

/// <summary>
/// Runs the sync at start and then every <see cref="EmailStatsSyncOptions.Interval"/> (a <see cref="PeriodicTimer"/> on the
/// services' clock); a run that fails is logged and the next one comes on time. For several machines, use a job engine
/// instead (EmailStats.Clients.Sync.Hangfire): one account per job.
/// </summary>
internal sealed class EmailStatsSyncWorker(EmailStatsSync sync, IOptions<EmailStatsSyncOptions> options, TimeProvider time, ILogger<EmailStatsSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await sync.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (EmailStatsStoreException e)
            {
                logger.LogError("The sync run failed: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
