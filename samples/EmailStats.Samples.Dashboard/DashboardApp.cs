using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>What the command line asked for.</summary>
internal sealed record DashboardArguments(DateOnly From, DateOnly To, IReadOnlyList<Provider> Providers, string? OutputFormat, string? OutputFile);

/// <summary>The dashboard: set up each provider (live or sandbox), fetch them all with a progress display, draw, export.</summary>
internal static class DashboardApp
{
    public static async Task<int> RunAsync(DashboardArguments arguments, IAnsiConsole console, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive && console.Profile.Width < 140)
        {
            // Redirected output has no terminal width: give the lines and tables room rather than wrapping them.
            console.Profile.Width = 140;
        }

        if (arguments.To < arguments.From)
        {
            console.MarkupLine($"[red]error: --from ({arguments.From:yyyy-MM-dd}) is after --to ({arguments.To:yyyy-MM-dd}).[/]");
            return 2;
        }

        if (arguments.OutputFormat is { } format && format is not ("json" or "csv"))
        {
            console.MarkupLine($"[red]error: --output takes json or csv, not '{Markup.Escape(format)}'.[/]");
            return 2;
        }

        EmailStatsSandbox? sandbox = null;
        var services = new ServiceCollection();
        services.AddLogging();
        EmailStatsSandbox Sandbox() => sandbox ??= EmailStatsSandbox.Start();
        try
        {
            await using var setup = DashboardSources.Build(configuration, services, arguments.Providers, Sandbox);
            var usingSandbox = setup.Sources.Where(s => s.UsesSandbox).Select(s => s.Provider.ToString()).ToList();
            if (usingSandbox.Count > 0)
            {
                console.MarkupLine($"No credentials for {string.Join(", ", usingSandbox)}: using the built-in sandbox at {Sandbox().Url}.");
            }

            IReadOnlyList<ProviderReport> reports;
            if (console.Profile.Capabilities.Interactive)
            {
                reports = [];
                await console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var tasks = setup.Sources.ToDictionary(s => s.Provider, s => context.AddTask(s.Provider.ToString(), maxValue: 1));
                        reports = await DashboardRunner.FetchAsync(setup.Sources, arguments.From, arguments.To, (provider, _) => tasks[provider].Increment(1), cancellationToken);
                    });
            }
            else
            {
                // Output redirected to a file or a pipe: no live display, just the result.
                reports = await DashboardRunner.FetchAsync(setup.Sources, arguments.From, arguments.To, null, cancellationToken);
            }

            console.MarkupLine($"[bold]Email across providers[/], {arguments.From:yyyy-MM-dd} to {arguments.To:yyyy-MM-dd}");
            DashboardView.Render(console, reports);

            if (arguments.OutputFormat is { } output && arguments.OutputFile is { } file)
            {
                await using (var stream = File.Create(file))
                {
                    if (output == "json")
                    {
                        DashboardExport.WriteJson(stream, arguments.From, arguments.To, reports);
                    }
                    else
                    {
                        await using var writer = new StreamWriter(stream);
                        DashboardExport.WriteCsv(writer, reports);
                    }
                }

                console.MarkupLine($"Wrote {Markup.Escape(file)} ({output}).");
            }

            return reports.All(r => r.Failed) ? 1 : 0;
        }
        catch (IOException e)
        {
            console.MarkupLine($"[red]error: {Markup.Escape(e.Message)}[/]");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            console.MarkupLine($"[red]error: {Markup.Escape(e.Message)}[/]");
            return 1;
        }
        finally
        {
            sandbox?.Dispose();
        }
    }
}
