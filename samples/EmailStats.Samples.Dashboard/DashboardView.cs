using System.Globalization;
using EmailStats.Clients;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// Draws each provider's days as a table and a bar chart of messages sent per day, in the width the console has: every
/// column from <see cref="FullWidth"/> columns on, a compact table without the unique counts below that (80 columns fit).
/// </summary>
internal static class DashboardView
{
    /// <summary>The narrowest console that gets every column.</summary>
    public const int FullWidth = 120;

    /// <summary>The most sources drawn one table each; beyond, the comparison alone (a store holds hundreds).</summary>
    public const int MostTables = 12;

    private sealed record Column(string Header, string Short, Func<DailyEmailMetrics, long?> Value, bool Unique = false);

    private static readonly Column[] Columns =
    [
        new("Sent", "Sent", d => d.Sent), new("Delivered", "Deliv.", d => d.Delivered), new("Opens", "Opens", d => d.Opens),
        new("Uniq. opens", "U.opens", d => d.UniqueOpens, Unique: true), new("Clicks", "Clicks", d => d.Clicks),
        new("Uniq. clicks", "U.clicks", d => d.UniqueClicks, Unique: true), new("Bounces", "Bounce", d => d.Bounces),
        new("Complaints", "Compl.", d => d.Complaints), new("Unsubs", "Unsub", d => d.Unsubscribes),
    ];

    public static void Render(IAnsiConsole console, IReadOnlyList<ProviderReport> reports)
    {
        var width = console.Profile.Width;
        var compact = width < FullWidth;
        var columns = compact ? Columns.Where(c => !c.Unique).ToArray() : Columns;
        foreach (var report in reports.Where(r => !r.Failed).OrderBy(r => r.Provider))
        {
            var origin = report.Stored ? "stored" : report.UsesSandbox ? "sandbox" : "live";
            console.Write(new Rule($"[bold]{Markup.Escape(Providers.Display(report.Provider))}[/] {Markup.Escape(report.Source)} [grey]({Markup.Escape(report.TimeZone)}, {origin})[/]").LeftJustified());

            var table = new Table().Border(compact ? TableBorder.Simple : TableBorder.Rounded).AddColumn("Date");
            foreach (var column in columns)
            {
                table.AddColumn(new TableColumn(compact ? column.Short : column.Header).RightAligned());
            }

            foreach (var day in report.Days)
            {
                var date = day.Date.ToString(compact ? "MM-dd ddd" : "yyyy-MM-dd ddd", CultureInfo.InvariantCulture);
                table.AddRow([date, .. columns.Select(c => Format(c.Value(day)))]);
            }

            table.AddRow([.. new[] { "[bold]Total[/]" }, .. columns.Select(c => c.Unique ? "[grey]n/a[/]" : $"[bold]{Format(Sum(report, c.Value))}[/]")]);
            table.Caption(compact
                ? "[grey]Unique opens and clicks need 120 columns (or an export).[/]"
                : "[grey]Uniq. opens and clicks are unique per day: the total leaves them out (their sum is no unique count).[/]");
            console.Write(table);
            foreach (var note in report.Days.Where(d => d.Note is not null).GroupBy(d => d.Note!))
            {
                console.MarkupLine($"[grey]{note.Count()} day(s) without numbers: {Markup.Escape(note.Key)}[/]");
            }

            var chart = new BarChart().Width(Math.Clamp(width - 4, 30, 72)).Label("[grey]Sent per day[/]");
            foreach (var day in report.Days)
            {
                chart.AddItem(day.Date.ToString("MM-dd", CultureInfo.InvariantCulture), day.Sent ?? 0, Color.SteelBlue);
            }

            console.Write(chart);
            console.WriteLine();
        }
    }

    private static long? Sum(ProviderReport report, Func<DailyEmailMetrics, long?> value) =>
        report.Days.All(d => value(d) is null) ? null : report.Days.Sum(d => value(d) ?? 0);

    private static string Format(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]-[/]";
}
