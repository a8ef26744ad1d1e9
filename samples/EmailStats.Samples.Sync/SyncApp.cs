using System.Globalization;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.Sync;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace EmailStats.Samples.Sync;

/// <summary>The sync worker's command line: the host, the sandbox when no account is configured, the run and its summary.</summary>
internal static class SyncApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var once = args.Contains("--once");
        var store = Option(args, "--store") ?? "emailstats.db";
        var postgres = Option(args, "--postgres");
        var hangfire = Option(args, "--hangfire");
        var dashboard = Option(args, "--dashboard");
        DateOnly? today = null;
        if (Option(args, "--sandbox-today") is { } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors.WriteLine($"error: --sandbox-today takes a date as yyyy-MM-dd, not '{day}'.");
                return 2;
            }

            today = parsed;
        }

        if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--once" or "--store" or "--postgres" or "--hangfire" or "--dashboard" or "--sandbox-today")) is { } unknown)
        {
            errors.WriteLine($"error: unknown option {unknown} (use --once, --store FILE, --postgres CONNECTION, --hangfire CONNECTION [--dashboard URL], --sandbox-today yyyy-MM-dd).");
            return 2;
        }

        if (dashboard is not null && (hangfire is null || !Uri.TryCreate(dashboard, UriKind.Absolute, out _)))
        {
            errors.WriteLine("error: --dashboard URL (for example http://127.0.0.1:5080) serves Hangfire's dashboard of a --hangfire worker.");
            return 2;
        }

        if (hangfire is not null && (once || postgres is not null || Option(args, "--store") is not null))
        {
            errors.WriteLine("error: --hangfire runs this process as one of several workers on its PostgreSQL database: leave out --once, --store and --postgres.");
            return 2;
        }

        // With --dashboard the worker is also a small web application serving Hangfire's dashboard (local requests only).
        IHostApplicationBuilder builder = dashboard is null
            ? Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory })
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddUserSecrets(typeof(SyncApp).Assembly, optional: true);
        EmailStatsSandbox? sandbox = null;
        if (!builder.Configuration.GetSection("EmailStats:Accounts").GetChildren().Any())
        {
            sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = today, HistoryDays = 120 });
            builder.Configuration.AddInMemoryCollection(SandboxEstate.Configure(sandbox));
            output.WriteLine($"No accounts configured (EmailStats:Accounts): syncing the built-in sandbox's estate, its last day {sandbox.Today:yyyy-MM-dd}.");
        }

        builder.Configuration.AddInMemoryCollection([new("EmailStats:Sync:Store", store.Contains('=', StringComparison.Ordinal) ? store : $"Data Source={store}")]);
        var sync = builder.Services.AddEmailStatsSync(builder.Configuration.GetSection("EmailStats"));
        if (postgres is not null)
        {
            sync.UsePostgreSql(postgres);
        }

        if (hangfire is not null)
        {
            sync.UseHangfire(hangfire, o => builder.Configuration.GetSection("EmailStats:Hangfire").Bind(o));
        }

        if (sandbox is not null)
        {
            sync.UseSourceClock(sandbox.Clock).ConfigureClients((_, client) => client.UseSandbox(sandbox));
        }

        if (!once && hangfire is null)
        {
            sync.AddWorker();
        }

        try
        {
            using var host = Build(builder, dashboard);
            foreach (var invalid in sync.Accounts.Where(a => !a.IsValid))
            {
                errors.WriteLine($"warning: {string.Join(" ", invalid.Errors)}");
            }

            if (!once)
            {
                output.WriteLine(hangfire is null
                    ? "Syncing now and then every hour (Ctrl+C stops)."
                    : $"A Hangfire worker (process {Environment.ProcessId}): taking accounts' jobs from PostgreSQL (Ctrl+C stops).{(dashboard is null ? "" : $" Hangfire's dashboard: {dashboard.TrimEnd('/')}/hangfire")}");
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var run = host.Services.GetRequiredService<EmailStatsSync>();
            var report = await RunWithProgressAsync(run, output, cancellationToken).ConfigureAwait(false);
            Summary(report, output);
            foreach (var failed in report.Accounts.Where(a => a.Error is not null))
            {
                errors.WriteLine($"{failed.Account}: {failed.Error}");
            }

            foreach (var failed in report.Sources.Where(s => s.Error is not null).Take(20))
            {
                errors.WriteLine($"{failed.SourceId}: {failed.Error}");
            }

            return report.Errors == 0 ? 0 : 1;
        }
        catch (EmailStatsStoreException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            errors.WriteLine($"error: {string.Join(" ", e.Failures)}");
            return 2;
        }
        finally
        {
            sandbox?.Dispose();
        }
    }

    private static IHost Build(IHostApplicationBuilder builder, string? dashboard)
    {
        if (builder is HostApplicationBuilder plain)
        {
            return plain.Build();
        }

        var app = ((WebApplicationBuilder)builder).Build();
        app.Urls.Add(dashboard!);
        app.UseHangfireDashboard("/hangfire");
        return app;
    }

    private static async Task<SyncRunReport> RunWithProgressAsync(EmailStatsSync sync, TextWriter output, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            var last = 0;
            var report = await sync.RunAsync(new Progress<SyncProgress>(p =>
            {
                // One line per hundred sources, for logs and pipes.
                if (p.SourcesDone / 100 > Interlocked.Exchange(ref last, p.SourcesDone / 100))
                {
                    output.WriteLine($"{p.SourcesDone} sources synced ({p.SourcesKnown} known)");
                }
            }), cancellationToken).ConfigureAwait(false);
            return report;
        }

        SyncRunReport? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Syncing sources", maxValue: 1);
                result = await sync.RunAsync(new Progress<SyncProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.SourcesKnown);
                    task.Value = p.SourcesDone;
                    task.Description = $"Syncing sources ({p.SourcesDone}/{p.SourcesKnown})";
                }), cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }

    private static void Summary(SyncRunReport report, TextWriter output)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Synced {report.Accounts.Count} account(s), {report.Sources.Count} source(s) in {(report.FinishedAt - report.StartedAt).TotalSeconds:0.0} s: {report.DaysWritten:N0} day(s) written, {report.DaysUnchanged:N0} unchanged, {report.Errors} error(s)."));
        output.WriteLine($"{"Account",-22} {"Sources",8} {"Written",9} {"Unchanged",10} {"Errors",7}");
        foreach (var account in report.Accounts)
        {
            var sources = report.Sources.Where(s => s.Account == account.Account).ToList();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{account.Account,-22} {account.Sources,8:N0} {sources.Sum(s => s.DaysWritten),9:N0} {sources.Sum(s => s.DaysUnchanged),10:N0} {sources.Count(s => s.Error is not null) + (account.Error is null ? 0 : 1),7}"));
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
