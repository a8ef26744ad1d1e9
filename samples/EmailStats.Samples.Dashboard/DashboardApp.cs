using System.CommandLine;
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// The dashboard: read the command line, set up each provider (live or sandbox), fetch them all with a progress
/// display, draw, export. Tables go to the console; every error is one line on <c>errors</c> (standard error).
/// </summary>
internal static class DashboardApp
{
    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code (<see cref="DashboardCommandLine"/>).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var parse = DashboardCommandLine.Root.Parse(args);
        if (parse.Errors.Count == 0 && parse.Action is not null)
        {
            // --help or --version: System.CommandLine writes them.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = new AnsiWriter(console), Error = errors }, cancellationToken).ConfigureAwait(false);
        }

        var arguments = DashboardCommandLine.Parse(parse, DateOnly.FromDateTime(DateTime.UtcNow), errors);
        return arguments is null
            ? DashboardCommandLine.Usage
            : await RunAsync(arguments, console, errors, configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs checked arguments; returns the exit code.</summary>
    public static async Task<int> RunAsync(DashboardArguments arguments, IAnsiConsole console, TextWriter errors, IConfiguration configuration, CancellationToken cancellationToken)
    {
        foreach (var output in arguments.Outputs)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(output.File)) is { } folder && !Directory.Exists(folder))
            {
                errors.WriteLine($"error: --output {output.File}: the folder {folder} does not exist.");
                return DashboardCommandLine.Usage;
            }
        }

        HealthThresholds thresholds;
        try
        {
            thresholds = DashboardHealth.Thresholds(configuration);
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return DashboardCommandLine.Usage;
        }

        if (arguments.Store is { } file)
        {
            return await DashboardStore.RunAsync(arguments, file, thresholds, console, errors, cancellationToken).ConfigureAwait(false);
        }

        EmailStatsSandbox? sandbox = null;
        var services = new ServiceCollection();
        services.AddLogging();
        EmailStatsSandbox Sandbox() => sandbox ??= EmailStatsSandbox.Create();
        try
        {
            await using var setup = DashboardSources.Build(configuration, services, arguments.Providers, Sandbox);
            var usingSandbox = setup.Sources.Where(s => s.UsesSandbox).Select(s => Providers.Display(s.Provider)).ToList();
            if (usingSandbox.Count > 0)
            {
                console.MarkupLine(Markup.Escape($"No credentials for {string.Join(", ", usingSandbox)}: using the built-in sandbox ({Sandbox().Url})."));
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
                        var tasks = setup.Sources.ToDictionary(s => s.Provider, s => context.AddTask(Providers.Display(s.Provider), maxValue: 1));
                        reports = await DashboardRunner.FetchAsync(setup.Sources, arguments.From, arguments.To, thresholds, (provider, _) => tasks[provider].Increment(1), cancellationToken);
                    });
            }
            else
            {
                // Output redirected to a file or a pipe: no live display, just the result.
                reports = await DashboardRunner.FetchAsync(setup.Sources, arguments.From, arguments.To, thresholds, null, cancellationToken);
            }

            await ShowAsync(arguments, reports, thresholds, console, errors).ConfigureAwait(false);
            return reports.Any(r => r.Failed) ? DashboardCommandLine.SomeFailed : DashboardCommandLine.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {SampleErrors.OneLine(e)}");
            return DashboardCommandLine.SomeFailed;
        }
        finally
        {
            sandbox?.Dispose();
        }
    }

    /// <summary>Draws the comparison and each source's days, writes the exports; the same for providers and for a store.</summary>
    public static async Task ShowAsync(DashboardArguments arguments, IReadOnlyList<ProviderReport> reports, HealthThresholds thresholds, IAnsiConsole console, TextWriter errors)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Email across providers[/], {arguments.From:yyyy-MM-dd} to {arguments.To:yyyy-MM-dd}"));
        DashboardHealth.Render(console, reports, thresholds);
        if (reports.Count <= DashboardView.MostTables)
        {
            DashboardView.Render(console, reports);
        }
        else
        {
            console.MarkupLine(Markup.Escape($"{reports.Count} sources: their days are not drawn one table each; --output json, csv or html writes them all, --provider narrows the list."));
        }
        foreach (var failed in reports.Where(r => r.Failed))
        {
            errors.WriteLine($"{Providers.Display(failed.Provider)}: {failed.Error}");
        }

        foreach (var output in arguments.Outputs)
        {
            await using (var stream = File.Create(output.File))
            {
                switch (output.Format)
                {
                    case "json":
                        DashboardExport.WriteJson(stream, arguments.From, arguments.To, reports);
                        break;
                    case "html":
                        await using (var html = new StreamWriter(stream))
                        {
                            DashboardHtml.Write(html, arguments.From, arguments.To, reports, thresholds);
                        }

                        break;
                    default:
                        await using (var csv = new StreamWriter(stream))
                        {
                            DashboardExport.WriteCsv(csv, reports);
                        }

                        break;
                }
            }

            console.MarkupLine(Markup.Escape($"Wrote {output.File} ({output.Format})."));
        }
    }

    /// <summary>Help text through the console (so tests and redirected runs see it where the tables go).</summary>
    private sealed class AnsiWriter(IAnsiConsole console) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value) => console.Write(new Text(value.ToString()));

        public override void Write(string? value) => console.Write(new Text(value ?? ""));

        public override void WriteLine(string? value) => console.WriteLine(value ?? "");
    }
}
