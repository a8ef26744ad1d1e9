using System.Globalization;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>Draws each provider's days as a table and a bar chart of messages sent per day.</summary>
internal static class DashboardView
{
    /// <summary>The columns; a unique count per day is not summed (a sum of daily uniques is not unique over the period).</summary>
    private static readonly (string Header, Func<EmailStats.Clients.DailyEmailMetrics, long?> Value, bool Summable)[] Columns =
    [
        ("Sent", d => d.Sent, true), ("Delivered", d => d.Delivered, true), ("Opens", d => d.Opens, true),
        ("Uniq. opens", d => d.UniqueOpens, false), ("Clicks", d => d.Clicks, true), ("Uniq. clicks", d => d.UniqueClicks, false),
        ("Bounces", d => d.Bounces, true), ("Complaints", d => d.Complaints, true), ("Unsubs", d => d.Unsubscribes, true),
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
            foreach (var (header, _, _) in Columns)
            {
                table.AddColumn(new TableColumn(header).RightAligned());
            }

            foreach (var day in report.Days)
            {
                table.AddRow([day.Date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture), .. Columns.Select(c => Format(c.Value(day)))]);
            }

            table.AddRow([.. new[] { "[bold]Total[/]" }, .. Columns.Select(c => c.Summable ? $"[bold]{Format(Sum(report, c.Value))}[/]" : "[grey]n/a[/]")]);
            table.Caption("[grey]Uniq. opens and clicks are unique per day: the total leaves them out (their sum is no unique count).[/]");
            console.Write(table);
            foreach (var note in report.Days.Where(d => d.Note is not null).GroupBy(d => d.Note!))
            {
                console.MarkupLine($"[grey]{note.Count()} day(s) without numbers: {Markup.Escape(note.Key)}[/]");
            }

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
