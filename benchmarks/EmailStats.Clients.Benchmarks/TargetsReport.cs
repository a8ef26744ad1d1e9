using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// Turns one run's summaries into issue 21's targets, as ratios from that run (of medians, and of minimums): the
/// clients within 1.10x of the careful engineer's limit in time and 1.25x in allocated bytes, at least 2x faster than
/// "today" on large responses and never slower on small ones, within 2x of the tokenizer floor; SendGrid XML at least as
/// fast as XmlSerializer into DTOs and within 1.5x of the XmlReader floor. Written to the console and to
/// <c>BenchmarkDotNet.Artifacts/results/targets.md</c>.
/// </summary>
internal static class TargetsReport
{
    private const double TimeTarget = 1.10;
    private const double AllocTarget = 1.25;
    private const double TodayTarget = 2.0;
    private const double FloorTarget = 2.0;

    private static readonly (Type Type, string Name)[] HttpClasses =
    [
        (typeof(SendGridBenchmarks), "SendGrid category stats (JSON)"),
        (typeof(SendGridV3Benchmarks), "SendGrid v3 category stats"),
        (typeof(MailgunBenchmarks), "Mailgun domain totals"),
        (typeof(GetResponseBenchmarks), "GetResponse get_message_stats"),
        (typeof(GetResponseV3Benchmarks), "GetResponse v3 newsletter statistics"),
        (typeof(ReportsHistogramBenchmarks), "Reports histogram"),
        (typeof(ReportsCampaignBenchmarks), "Reports campaign report"),
    ];

    public static void Write(IReadOnlyList<Summary> summaries)
    {
        var reports = summaries.SelectMany(s => s.Reports.Select(r => (Summary: s, Report: r))).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine("## Targets (ratios from this run: of medians, then of minimums in brackets)").AppendLine();
        text.AppendLine("Limit: HttpClient + System.Text.Json source-generated into mutable DTOs. Today: ReadAsStringAsync + Newtonsoft. Floor: one reader pass parsing every number.").AppendLine();
        text.AppendLine("| Operation | Size | Client median | Client / limit, time (<= 1.10) | Client / limit, allocated (<= 1.25) | Today / client, time (>= 2 large, >= 1 small) | Client / floor, time (<= 2) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (type, name) in HttpClasses)
        {
            foreach (var size in Enum.GetValues<Size>())
            {
                Row(text, reports, type, name, size, "Client", "Limit", "Today", "Floor");
            }
        }

        foreach (var size in Enum.GetValues<Size>())
        {
            Row(text, reports, typeof(SendGridBenchmarks), "SendGrid category stats (XML; limit: XmlSerializer)", size, "ClientXml", "LimitXml", today: null, "FloorXml");
        }

        text.AppendLine().AppendLine("| SendGrid XML | Size | Client XML / XmlSerializer DTOs, time (<= 1.00) | Client XML / XmlReader floor, time (<= 1.50) | XML / JSON client, time | XML / JSON client, allocated |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var size in Enum.GetValues<Size>())
        {
            var json = Find(reports, typeof(SendGridBenchmarks), "Client", size);
            var xml = Find(reports, typeof(SendGridBenchmarks), "ClientXml", size);
            var serializer = Find(reports, typeof(SendGridBenchmarks), "LimitXml", size);
            var floor = Find(reports, typeof(SendGridBenchmarks), "FloorXml", size);
            if (json is not null && xml is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| client over HTTP | {size} | {Times(xml, serializer, 1.0, below: true)} | {Times(xml, floor, 1.5, below: true)} | {Plain(Ratio(Mean(xml), Mean(json)))} | {Plain(Ratio(Allocated(xml), Allocated(json)))} |");
            }
        }

        var parsers = reports.Where(r => r.Report.BenchmarkCase.Descriptor.Type == typeof(ParserBenchmarks)).ToList();
        if (parsers.Count > 0)
        {
            text.AppendLine().AppendLine("| Parser alone (large, in memory) | Input | Package reader MB/s | Old source-generated contract MB/s | Newtonsoft MB/s | Package / old contract, time | Package / old contract, allocated |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var payload in Enum.GetValues<ParserPayload>())
            {
                var cases = parsers.Where(r => (ParserPayload)r.Report.BenchmarkCase.Parameters["Payload"] == payload).ToList();
                var package = cases.FirstOrDefault(r => Method(r.Report) == "Package");
                var stj = cases.FirstOrDefault(r => Method(r.Report) == "Stj");
                var newtonsoft = cases.FirstOrDefault(r => Method(r.Report) == "Newtonsoft");
                if (package.Report is null || stj.Report is null)
                {
                    continue;
                }

                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {payload} | {InMemory.Bytes(payload).Length / 1e6:N2} MB | {Mbps(package)} | {Mbps(stj)} | {Mbps(newtonsoft)} | {Plain(Ratio(Mean(package.Report), Mean(stj.Report)))} | {Plain(Ratio(Allocated(package.Report), Allocated(stj.Report)))} |");
            }

            foreach (var (summary, report) in reports.Where(r => r.Report.BenchmarkCase.Descriptor.Type == typeof(SendGridFormatParserBenchmarks)))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| SendGrid {Method(report)} (package reader) | {ThroughputColumn.InputBytes(report.BenchmarkCase)!.Value / 1e6:N2} MB | {Mbps((summary, report))} | | | | |");
            }
        }

        text.AppendLine().AppendLine("Machine:").AppendLine().AppendLine("```");
        foreach (var line in summaries[0].HostEnvironmentInfo.ToFormattedString())
        {
            text.AppendLine(line);
        }

        text.AppendLine("```");

        Console.WriteLine();
        Console.WriteLine(text.ToString());
        var directory = summaries[0].ResultsDirectoryPath;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "targets.md");
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"Targets written to {path}");
    }

    private static void Row(StringBuilder text, List<(Summary Summary, BenchmarkReport Report)> reports, Type type, string name, Size size, string method, string limitMethod, string? today, string floorMethod)
    {
        var limit = Find(reports, type, limitMethod, size);
        var client = Find(reports, type, method, size);
        if (limit is null || client is null)
        {
            return;
        }

        var todayReport = today is null ? null : Find(reports, type, today, size);
        var floor = Find(reports, type, floorMethod, size);
        var alloc = Ratio(Allocated(client), Allocated(limit));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {size} | {Duration(Mean(client))} | {Times(client, limit, TimeTarget, below: true)} | {Mark(alloc, AllocTarget, below: true)} | {(todayReport is null ? "-" : Times(todayReport, client, size == Size.Large ? TodayTarget : 1.0, below: false))} | {Times(client, floor, FloorTarget, below: true)} |");
    }

    /// <summary>The ratio of medians, marked against <paramref name="target"/>, and the ratio of minimums in brackets.</summary>
    private static string Times(BenchmarkReport? a, BenchmarkReport? b, double target, bool below) =>
        a is null || b is null ? "-" : $"{Mark(Ratio(Mean(a), Mean(b)), target, below)} ({Plain(Ratio(Min(a), Min(b)))})";

    private static double? Min(BenchmarkReport report) => report.ResultStatistics?.Min;

    private static string Method(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethod.Name;

    private static BenchmarkReport? Find(List<(Summary Summary, BenchmarkReport Report)> reports, Type type, string method, Size size) =>
        reports.Select(r => r.Report).FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.Type == type && Method(r) == method && (Size)r.BenchmarkCase.Parameters["Size"] == size);

    /// <summary>
    /// The median, not the mean: on a machine shared with other builds a few iterations land on a busy core, and
    /// the median keeps one such iteration from deciding a ratio. (BenchmarkDotNet's own tables show both.)
    /// </summary>
    private static double? Mean(BenchmarkReport report) => report.ResultStatistics?.Median;

    private static double? Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);

    private static double? Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? x / y : null;

    private static string Mbps((Summary Summary, BenchmarkReport Report) r) =>
        r.Report is null ? "-" : ThroughputColumn.MegabytesPerSecond(r.Summary, r.Report.BenchmarkCase)?.ToString("N1", CultureInfo.InvariantCulture) ?? "-";

    private static string Plain(double? ratio) => ratio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Mark(double? ratio, double target, bool below) => ratio is not { } r
        ? "-"
        : r.ToString("0.00", CultureInfo.InvariantCulture) + ((below ? r <= target : r >= target) ? " ok" : " **MISSED**");

    private static string Duration(double? ns) => ns switch
    {
        null => "-",
        >= 1e6 => (ns.Value / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " ms",
        _ => (ns.Value / 1e3).ToString("N1", CultureInfo.InvariantCulture) + " us",
    };
}
