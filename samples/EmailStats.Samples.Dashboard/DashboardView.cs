using System.Globalization;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>Draws each provider's days as a table and a bar chart of messages sent per day.</summary>
internal static class DashboardView
{
    private static readonly (string Header, Func<EmailStats.Clients.DailyEmailMetrics, long?> Value)[] Columns =
    [
        ("Sent", d => d.Sent), ("Delivered", d => d.Delivered), ("Opens", d => d.Opens), ("Uniq. opens", d => d.UniqueOpens),
        ("Clicks", d => d.Clicks), ("Uniq. clicks", d => d.UniqueClicks), ("Bounces", d => d.Bounces), ("Complaints", d => d.Complaints),
        ("Unsubs", d => d.Unsubscribes),
    ];

    public static void Render(IAnsiConsole console, IReadOnlyList<ProviderReport> reports)
    {
        foreach (var report in reports.OrderBy(r => r.Provider))
        {
            if (report.Error is { } error)
            {
                console.MarkupLine($"[red]{report.Provider}: {Markup.Escape(error)}[/]");
                continue;
            }

            var origin = report.UsesSandbox ? "sandbox" : "live";
            console.Write(new Rule($"[bold]{report.Provider}[/] {Markup.Escape(report.Source)} [grey]({Markup.Escape(report.TimeZone)}, {origin})[/]").LeftJustified());

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Date");
            foreach (var (header, _) in Columns)
            {
                table.AddColumn(new TableColumn(header).RightAligned());
            }

            foreach (var day in report.Days)
            {
                table.AddRow([day.Date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture), .. Columns.Select(c => Format(c.Value(day)))]);
            }

            table.AddRow([.. new[] { "[bold]Total[/]" }, .. Columns.Select(c => $"[bold]{Format(Sum(report, c.Value))}[/]")]);
            console.Write(table);

            var chart = new BarChart().Width(72).Label("[grey]Sent per day[/]");
            foreach (var day in report.Days)
            {
                chart.AddItem(day.Date.ToString("MM-dd", CultureInfo.InvariantCulture), day.Sent ?? 0, Color.SteelBlue);
            }

            console.Write(chart);
            console.WriteLine();
        }
    }

    private static long? Sum(ProviderReport report, Func<EmailStats.Clients.DailyEmailMetrics, long?> value) =>
        report.Days.All(d => value(d) is null) ? null : report.Days.Sum(d => value(d) ?? 0);

    private static string Format(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]-[/]";
}
