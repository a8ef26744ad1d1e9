using EmailStats.Clients.Sync;
using EmailStats.Clients.Sync.Hangfire;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Spreads the sync over several workers with Hangfire and its PostgreSQL storage.</summary>
public static class HangfireSyncBuilderExtensions
{
    /// <summary>
    /// Runs the sync as Hangfire work in one PostgreSQL database: the metrics' tables (the PostgreSQL store) and Hangfire's
    /// (in <see cref="EmailStatsHangfireOptions.SchemaName"/>) side by side; one recurring job per account; this process a
    /// Hangfire server taking the accounts' jobs. Start the same program on several machines: each takes accounts as it
    /// has room, a dead one's accounts go to the others.
    /// </summary>
    /// <param name="builder">The sync's builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string (its credentials stay in Npgsql).</param>
    /// <param name="configure">Changes the options (bind <c>EmailStats:Hangfire</c> here); null for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddEmailStatsSync(configuration.GetSection("EmailStats"))
    ///     .UseHangfire(configuration.GetConnectionString("emailstats")!, o =&gt; configuration.GetSection("EmailStats:Hangfire").Bind(o));
    /// </code>
    /// </example>
    public static EmailStatsSyncBuilder UseHangfire(this EmailStatsSyncBuilder builder, string connectionString, Action<EmailStatsHangfireOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.UsePostgreSql(connectionString);

        // Each worker names itself in its requests (EmailStatsWorker/MACHINE-PID), so a provider's logs, or the sandbox's
        // meter, tell which worker called.
        var worker = new ProductInfoHeaderValue("EmailStatsWorker", $"{Sanitize(Environment.MachineName)}-{Environment.ProcessId}");
        builder.ConfigureClients((_, client) => client.ConfigureHttpClient(http => http.DefaultRequestHeaders.UserAgent.Add(worker)));
        var services = builder.Services;
        services.AddOptions<EmailStatsHangfireOptions>()
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailStatsHangfireOptions>, HangfireOptionsValidator>();
        services.AddHangfire((sp, hangfire) =>
        {
            var options = sp.GetRequiredService<IOptions<EmailStatsHangfireOptions>>().Value;
            hangfire
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(
                    postgres => postgres.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = options.SchemaName,
                        PrepareSchemaIfNecessary = true,
                        InvisibilityTimeout = options.InvisibilityTimeout,
                        UseSlidingInvisibilityTimeout = true,
                        DistributedLockTimeout = options.AccountLockTimeout,
                        QueuePollInterval = options.QueuePollInterval,
                        // Not LISTEN/NOTIFY: cancelling Npgsql's WaitAsync can deadlock (npgsql/npgsql#5975), and
                        // Hangfire.PostgreSql cancels it after every fetch. A worker stuck there holds a job it fetched
                        // and its sliding invisibility keeps the job from every other worker: seen here as an account
                        // that never ran. Polling costs one query per idle worker per interval.
                        EnableLongPolling = false,
                    });
        });
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<EmailStatsHangfireOptions>>().Value;
            server.Queues = [options.Queue];
            server.WorkerCount = options.WorkerCount;
        });
        services.AddTransient<EmailStatsAccountJob>();
        services.AddTransient<EmailStatsHangfireSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailStatsHangfireSchedule>());
        return builder;
    }

    /// <summary>A machine name as a user-agent token allows it: letters, digits, '.', '-' and '_'.</summary>
    private static string Sanitize(string name)
    {
        var token = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]);
        return token.Length == 0 ? "worker" : token;
    }

    private sealed class HangfireOptionsValidator : IValidateOptions<EmailStatsHangfireOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailStatsHangfireOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
