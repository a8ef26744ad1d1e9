using System.Globalization;
using System.Net;
using EmailStats.Clients;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// <c>--output html FILE</c>: one self-contained page, the report an agency sends a client each week. The health
/// comparison first, then per source a chart (inline SVG: messages sent per day as bars, the day's bounce rate as a
/// line against the warning threshold) and its days. No script, font or image from anywhere else: the page's own
/// Content-Security-Policy forbids them, so a stray reference shows as a browser error. Every number carries its exact
/// value in a <c>data-value</c> attribute (named as in the JSON export) beside the formatted text people read.
/// </summary>
internal static class DashboardHtml
{
    private const int ChartWidth = 760;
    private const int ChartHeight = 220;
    private const int Left = 64;
    private const int Right = 56;
    private const int Top = 16;
    private const int Bottom = 36;

    private const string Style = """
        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee7; --sent: #3b6fb6; --rate: #c0392b; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; } p.meta { color: var(--muted); margin: 0 0 12px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
        th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; } th { color: var(--muted); font-weight: 600; }
        td.health { text-align: left; white-space: normal; } .status { font-weight: 700; padding: 1px 8px; border-radius: 10px; }
        .Healthy { background: #e3f4e8; color: #1e6b35; } .Warning { background: #fff3d1; color: #7a5400; } .Critical { background: #fbe0dd; color: #9c2418; } .NotJudged, .Failed { background: #eceff3; color: var(--muted); }
        ul.findings { margin: 4px 0 0; padding-left: 20px; color: var(--ink); } ul.notes { color: var(--muted); margin: 4px 0 0; padding-left: 20px; }
        svg { display: block; max-width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
        .legend { color: var(--muted); font-size: 12px; } .legend b.sent { color: var(--sent); } .legend b.rate { color: var(--rate); }
        tr.note td { color: var(--muted); } footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        """;

    public static void Write(TextWriter html, DateOnly from, DateOnly to, IReadOnlyList<ProviderReport> reports, HealthThresholds thresholds)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Email health, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.WriteLine($"<title>{E(title)}</title><style>{Style}</style></head><body>");
        html.WriteLine($"<header><h1>{E(title)}</h1><p class=\"meta\">{reports.Count} source(s). Rates over complete days, from each period's sums.</p></header>");

        html.WriteLine("<section id=\"health\"><h2>Health over the period</h2><table class=\"comparison\"><thead><tr><th>Source</th><th>Sent</th><th>Delivered</th><th>Delivery</th><th>Bounces</th><th>Hard bounces</th><th>Complaints</th><th>Unsubscribes</th><th>Health</th></tr></thead><tbody>");
        foreach (var report in reports.OrderBy(r => r.Provider))
        {
            html.Write($"<tr data-source=\"{E(Key(report))}\"><td>{E(Label(report))}</td>");
            if (report.Health is not { } verdict)
            {
                html.WriteLine($"<td></td><td></td><td></td><td></td><td></td><td></td><td></td><td class=\"health\" data-metric=\"health\" data-value=\"Failed\"><span class=\"status Failed\">Failed</span> {E(report.Error ?? "")}</td></tr>");
                continue;
            }

            var totals = verdict.Totals;
            var rates = totals.Rates;
            html.Write(Number("sent", totals.Sent) + Number("delivered", totals.Delivered));
            html.Write(Rate("delivery_rate", rates.Delivery) + Rate("bounce_rate", rates.Bounce) + Rate("hard_bounce_rate", rates.HardBounce));
            html.Write(Rate("complaint_rate", rates.Complaint, HealthRule.ComplaintRate) + Rate("unsubscribe_rate", rates.Unsubscribe));
            var status = verdict.Status.ToString();
            var reason = DashboardHealth.Reason(verdict);
            html.WriteLine($"<td class=\"health\" data-metric=\"health\" data-value=\"{status}\"><span class=\"status {status}\">{E(DashboardHealth.Words(verdict))}</span> {E(reason)}</td></tr>");
        }

        html.WriteLine("</tbody></table>");
        html.WriteLine(E(string.Create(
            CultureInfo.InvariantCulture,
            $"Thresholds: bounces (of sent) {thresholds.BounceWarning:0.##%} warning, {thresholds.BounceCritical:0.##%} critical; complaints (of delivered) {thresholds.ComplaintWarning:0.###%} warning, {thresholds.ComplaintCritical:0.###%} critical (Google's and Yahoo's bulk-sender requirements; ESP guidance for bounces).")));
        var findings = reports.Where(r => r.Health is not null).SelectMany(r => r.Health!.Breaches.Where(b => b.Day is not null).Select(b => (Report: r, Breach: b))).ToList();
        if (findings.Count > 0)
        {
            html.WriteLine("<ul class=\"findings\">");
            foreach (var (report, breach) in findings)
            {
                html.WriteLine("<li>" + E(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Label(report)}: {DashboardHealth.Rule(breach.Rule)} {DashboardHealth.Percent(breach.Rate, breach.Rule)} on {breach.Day:yyyy-MM-dd} ({(breach.Level == HealthStatus.Critical ? "critical" : "warning")})")) + "</li>");
            }

            html.WriteLine("</ul>");
        }

        html.WriteLine("</section>");
        foreach (var report in reports.Where(r => !r.Failed).OrderBy(r => r.Provider))
        {
            WriteSource(html, report, thresholds);
        }

        html.WriteLine("<footer>Written by the EmailStats.Clients dashboard. Sent, delivered, bounces (hard and soft), complaints and unsubscriptions mean the same for every provider; a dash is a number the provider does not report.</footer>");
        html.WriteLine("</body></html>");
    }

    private static void WriteSource(TextWriter html, ProviderReport report, HealthThresholds thresholds)
    {
        html.WriteLine($"<section class=\"source\" data-source=\"{E(Key(report))}\"><h2>{E(Label(report))}</h2>");
        html.WriteLine($"<p class=\"meta\">Days in {E(report.TimeZone)}{(report.UsesSandbox ? ", from the built-in sandbox" : "")}.</p>");
        html.WriteLine(Chart(report, thresholds));
        html.WriteLine("<p class=\"legend\"><b class=\"sent\">Bars</b>: messages sent per day. <b class=\"rate\">Line</b>: the day's bounce rate (right axis); dashed: the warning threshold.</p>");
        html.WriteLine("<table class=\"days\"><thead><tr><th>Date</th><th>Sent</th><th>Delivered</th><th>Opens</th><th>Clicks</th><th>Bounces</th><th>Hard</th><th>Soft</th><th>Complaints</th><th>Unsubscribes</th><th>Bounce rate</th></tr></thead><tbody>");
        foreach (var day in report.Days)
        {
            var date = day.Date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture);
            if (!day.IsReported)
            {
                html.WriteLine($"<tr class=\"note\" data-date=\"{day.Date:yyyy-MM-dd}\"><td>{date}</td><td colspan=\"10\">{E(day.Note ?? "")}</td></tr>");
                continue;
            }

            html.Write($"<tr data-date=\"{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"><td>{date}{(day.IsComplete ? "" : " (so far)")}</td>");
            html.Write(Number("sent", day.Sent) + Number("delivered", day.Delivered) + Number("opens", day.Opens) + Number("clicks", day.Clicks));
            html.Write(Number("bounces", day.Bounces) + Number("hard_bounces", day.HardBounces) + Number("soft_bounces", day.SoftBounces));
            html.Write(Number("complaints", day.Complaints) + Number("unsubscribes", day.Unsubscribes));
            html.WriteLine(Rate("bounce_rate", EmailRates.Of(day).Bounce) + "</tr>");
        }

        html.WriteLine("</tbody></table></section>");
    }

    /// <summary>Bars of sent per day on the left scale, the daily bounce rate as a line on the right scale.</summary>
    private static string Chart(ProviderReport report, HealthThresholds thresholds)
    {
        var days = report.Days;
        var plotWidth = ChartWidth - Left - Right;
        var plotHeight = ChartHeight - Top - Bottom;
        var maxSent = Math.Max(1, days.Max(d => d.Sent ?? 0));
        var rates = days.Select(d => EmailRates.Of(d).Bounce).ToList();
        var maxRate = Math.Max(thresholds.BounceWarning * 1.5, rates.Max(r => r ?? 0));
        var step = (double)plotWidth / Math.Max(1, days.Count);
        var svg = new System.Text.StringBuilder();
        svg.Append(Invariant($"<svg viewBox=\"0 0 {ChartWidth} {ChartHeight}\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" role=\"img\" aria-label=\"{E(Label(report))}: messages sent per day and the daily bounce rate\">"));
        svg.Append(Invariant($"<title>{E(Label(report))}: sent per day, bounce rate</title>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"#d9dee7\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{maxSent:N0}</text><text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\">0</text>"));
        svg.Append(Invariant($"<text x=\"{Left + plotWidth + 6}\" y=\"{Top + 4}\">{maxRate:0.#%}</text><text x=\"{Left + plotWidth + 6}\" y=\"{Top + plotHeight}\">0%</text>"));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(days.Count / 10.0));
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (i * step);
            var height = (double)(days[i].Sent ?? 0) / maxSent * plotHeight;
            svg.Append(Invariant($"<rect x=\"{x + (step * 0.15):0.##}\" y=\"{Top + plotHeight - height:0.##}\" width=\"{step * 0.7:0.##}\" height=\"{height:0.##}\" fill=\"#3b6fb6\"><title>{days[i].Date:yyyy-MM-dd}: {Count(days[i].Sent)} sent</title></rect>"));
            if (i % labelEvery == 0)
            {
                svg.Append(Invariant($"<text x=\"{x + (step / 2):0.##}\" y=\"{ChartHeight - 14}\" text-anchor=\"middle\">{days[i].Date:MM-dd}</text>"));
            }
        }

        var warningY = Top + plotHeight - (thresholds.BounceWarning / maxRate * plotHeight);
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{warningY:0.##}\" x2=\"{Left + plotWidth}\" y2=\"{warningY:0.##}\" stroke=\"#c0392b\" stroke-dasharray=\"4 4\" opacity=\"0.6\"/>"));
        var points = rates.Select((r, i) => r is { } rate ? Invariant($"{Left + (i * step) + (step / 2):0.##},{Top + plotHeight - (rate / maxRate * plotHeight):0.##}") : null).ToList();
        foreach (var run in Runs(points))
        {
            svg.Append(Invariant($"<polyline points=\"{string.Join(' ', run)}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The stretches of days that have a rate: a day without one breaks the line instead of drawing it at 0.</summary>
    private static IEnumerable<List<string>> Runs(List<string?> points)
    {
        var run = new List<string>();
        foreach (var point in points)
        {
            if (point is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }

                run = [];
                continue;
            }

            run.Add(point);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The key rows of one source carry, the same as in the JSON export: provider and source.</summary>
    public static string Key(ProviderReport report) => $"{Providers.Display(report.Provider)}|{report.Source}";

    private static string Label(ProviderReport report) => $"{Providers.Display(report.Provider)}, {report.Source}";

    private static string Number(string metric, long? value) =>
        $"<td data-metric=\"{metric}\" data-value=\"{value?.ToString(CultureInfo.InvariantCulture) ?? ""}\">{Count(value)}</td>";

    private static string Rate(string metric, double? value, HealthRule? rule = null) =>
        $"<td data-metric=\"{metric}\" data-value=\"{value?.ToString("R", CultureInfo.InvariantCulture) ?? ""}\">{DashboardHealth.Percent(value, rule)}</td>";

    private static string Count(long? value) => DashboardHealth.Count(value);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
