using System.Globalization;
using EmailStats.Clients;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// The comparison the dashboard opens with: every source's sent and delivered mail, its rates over the period and its
/// health verdict, in one table (the verdict in words, its colour only a second cue), then the days that broke a
/// threshold and what could not be judged.
/// </summary>
internal static class DashboardHealth
{
    /// <summary>The settings that change the thresholds, as fractions (0.02 is 2%).</summary>
    public static readonly (string Setting, Action<HealthThresholds, double> Set)[] Settings =
    [
        ("HEALTH_BOUNCE_WARNING", (t, v) => t.BounceWarning = v),
        ("HEALTH_BOUNCE_CRITICAL", (t, v) => t.BounceCritical = v),
        ("HEALTH_COMPLAINT_WARNING", (t, v) => t.ComplaintWarning = v),
        ("HEALTH_COMPLAINT_CRITICAL", (t, v) => t.ComplaintCritical = v),
    ];

    /// <summary>The thresholds, the defaults changed by the <see cref="Settings"/> that are set.</summary>
    /// <exception cref="ArgumentException">A setting is not a number, or the thresholds cannot be right; the message names it.</exception>
    public static HealthThresholds Thresholds(IConfiguration configuration)
    {
        var thresholds = new HealthThresholds();
        foreach (var (setting, set) in Settings)
        {
            if (configuration[setting] is { Length: > 0 } text)
            {
                set(thresholds, double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new ArgumentException($"{setting} must be a fraction such as 0.02 (2%), not '{text}'."));
            }
        }

        thresholds.Validate();
        return thresholds;
    }

    /// <summary>The verdict in words: what a person reads first.</summary>
    public static string Words(HealthVerdict? verdict) => verdict?.Status switch
    {
        HealthStatus.Healthy => "Healthy",
        HealthStatus.Warning => "Warning",
        HealthStatus.Critical => "Critical",
        HealthStatus.NotJudged => "Not judged",
        _ => "Failed",
    };

    /// <summary>The reason beside the verdict: the period's breaches, else the days', else why nothing was judged.</summary>
    public static string Reason(HealthVerdict? verdict)
    {
        if (verdict is null)
        {
            return "";
        }

        var period = verdict.Breaches.Where(b => b.Day is null).ToList();
        if (period.Count > 0)
        {
            return string.Join("; ", period.Select(b => $"{Rule(b.Rule)} {Percent(b.Rate, b.Rule)} (≥ {Percent(b.Threshold, b.Rule)})"));
        }

        return verdict.BreachedDays.Count > 0
            ? $"{verdict.BreachedDays.Count} day(s) over a threshold"
            : verdict.Status == HealthStatus.NotJudged ? verdict.Notes.FirstOrDefault() ?? "" : "";
    }

    public static string Rule(HealthRule rule) => rule == HealthRule.BounceRate ? "bounces" : "complaints";

    /// <summary>A rate as a percentage: two decimals, three for complaint rates (their thresholds are tenths of a percent); "-" when null.</summary>
    public static string Percent(double? rate, HealthRule? rule = null) =>
        rate is { } r ? r.ToString(rule == HealthRule.ComplaintRate ? "0.000%" : "0.00%", CultureInfo.InvariantCulture) : "-";

    public static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    public static void Render(IAnsiConsole console, IReadOnlyList<ProviderReport> reports, HealthThresholds thresholds)
    {
        var compact = console.Profile.Width < DashboardView.FullWidth;
        var table = new Table().Border(compact ? TableBorder.Simple : TableBorder.Rounded).Title("[bold]Health over the period[/]")
            .AddColumn("Source");
        string[] headers = compact
            ? ["Sent", "Deliv.", "Deliv.%", "Bounce%", "Compl.%"]
            : ["Sent", "Delivered", "Delivery", "Bounces", "Hard bounces", "Complaints", "Unsubscribes"];
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddColumn("Health");
        // One source per provider: the provider names it in a narrow console. Several (a store): the source does.
        var oneEach = reports.CountBy(r => r.Provider).All(c => c.Value == 1);
        foreach (var report in reports.OrderBy(r => r.Provider))
        {
            var name = Markup.Escape(compact && oneEach ? Providers.Display(report.Provider) : compact ? report.Source : $"{Providers.Display(report.Provider)} {report.Source}");
            if (report.Health is not { } verdict)
            {
                table.AddRow([name, .. headers.Select(_ => "[grey]-[/]"), "[red]Failed[/]"]);
                continue;
            }

            var totals = verdict.Totals;
            var rates = totals.Rates;
            string[] cells = compact
                ? [Count(totals.Sent), Count(totals.Delivered), Percent(rates.Delivery), Percent(rates.Bounce), Percent(rates.Complaint, HealthRule.ComplaintRate)]
                : [Count(totals.Sent), Count(totals.Delivered), Percent(rates.Delivery), Percent(rates.Bounce), Percent(rates.HardBounce), Percent(rates.Complaint, HealthRule.ComplaintRate), Percent(rates.Unsubscribe)];
            var reason = Reason(verdict);
            var health = $"[{Colour(verdict.Status)}]{Words(verdict)}[/]" + (reason.Length > 0 && !compact ? $" [grey]{Markup.Escape(reason)}[/]" : "");
            table.AddRow([name, .. cells, health]);
        }

        table.Caption(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Complete days only. Thresholds: bounces {thresholds.BounceWarning:0.##%} warning, {thresholds.BounceCritical:0.##%} critical; complaints (of delivered) {thresholds.ComplaintWarning:0.###%} warning, {thresholds.ComplaintCritical:0.###%} critical.")));
        console.Write(table);
        foreach (var report in reports.Where(r => r.Health is not null).OrderBy(r => r.Provider))
        {
            var verdict = report.Health!;
            foreach (var day in verdict.Breaches.Where(b => b.Day is not null))
            {
                console.MarkupLine(Markup.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {Providers.Display(report.Provider)}: {Rule(day.Rule)} {Percent(day.Rate, day.Rule)} on {day.Day:yyyy-MM-dd} ({(day.Level == HealthStatus.Critical ? "critical" : "warning")}, ≥ {Percent(day.Threshold, day.Rule)})")));
            }

            if (compact && verdict.Breaches.Any(b => b.Day is null))
            {
                console.MarkupLine(Markup.Escape($"  {Providers.Display(report.Provider)}: {Reason(verdict)}"));
            }

            foreach (var note in verdict.Notes)
            {
                console.MarkupLine($"[grey]  {Markup.Escape(Providers.Display(report.Provider))}: {Markup.Escape(note)}[/]");
            }
        }

        console.WriteLine();
    }

    private static string Colour(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "green",
        HealthStatus.Warning => "yellow",
        HealthStatus.Critical => "red",
        _ => "grey",
    };
}
