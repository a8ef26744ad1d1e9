using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// Turns one run's summaries into the targets, as ratios from that run: the clients within 1.10x of the
/// limit in time and 1.25x in allocated bytes, at least 2x faster than "today" on large responses, XML within 2x
/// of JSON. Written to the console and to <c>BenchmarkDotNet.Artifacts/results/targets.md</c>.
/// </summary>
internal static class TargetsReport
{
    private const double TimeTarget = 1.10;
    private const double AllocTarget = 1.25;
    private const double TodayTarget = 2.0;
    private const double XmlTarget = 2.0;

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
        text.AppendLine("## Targets (ratios of medians from this run)").AppendLine();
        text.AppendLine("| Operation | Size | Client median | Client / limit, time (<= 1.10) | Client / limit, allocated (<= 1.25) | Today / client, time (>= 2 on large) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (type, name) in HttpClasses)
        {
            foreach (var size in Enum.GetValues<Size>())
            {
                var limit = Find(reports, type, "Limit", size);
                var client = Find(reports, type, "Client", size);
                var today = Find(reports, type, "Today", size);
                if (limit is null || client is null)
                {
                    continue;
                }

                var time = Ratio(Mean(client), Mean(limit));
                var alloc = Ratio(Allocated(client), Allocated(limit));
                var faster = today is null ? null : Ratio(Mean(today), Mean(client));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {size} | {Duration(Mean(client))} | {Mark(time, TimeTarget, below: true)} | {Mark(alloc, AllocTarget, below: true)} | {(size == Size.Large ? Mark(faster, TodayTarget, below: false) : Plain(faster))} |");
            }
        }

        text.AppendLine().AppendLine("| SendGrid XML vs JSON | Size | XML / JSON, time (<= 2) | XML / JSON, allocated |").AppendLine("|---|---|---:|---:|");
        foreach (var size in Enum.GetValues<Size>())
        {
            var json = Find(reports, typeof(SendGridBenchmarks), "Client", size);
            var xml = Find(reports, typeof(SendGridBenchmarks), "ClientXml", size);
            if (json is not null && xml is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| client over HTTP | {size} | {Mark(Ratio(Mean(xml), Mean(json)), XmlTarget, below: true)} | {Plain(Ratio(Allocated(xml), Allocated(json)))} |");
            }
        }

        var parserJson = reports.FirstOrDefault(r => r.Report.BenchmarkCase.Descriptor.Type == typeof(SendGridFormatParserBenchmarks) && Method(r.Report) == "Json");
        var parserXml = reports.FirstOrDefault(r => r.Report.BenchmarkCase.Descriptor.Type == typeof(SendGridFormatParserBenchmarks) && Method(r.Report) == "Xml");
        if (parserJson.Report is not null && parserXml.Report is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| parser alone | Large | {Mark(Ratio(Mean(parserXml.Report), Mean(parserJson.Report)), XmlTarget, below: true)} | {Plain(Ratio(Allocated(parserXml.Report), Allocated(parserJson.Report)))} |");
        }

        var parsers = reports.Where(r => r.Report.BenchmarkCase.Descriptor.Type == typeof(ParserBenchmarks)).ToList();
        if (parsers.Count > 0)
        {
            text.AppendLine().AppendLine("| Parser alone (large, in memory) | Input | Package MB/s | STJ limit MB/s | Newtonsoft MB/s | Package / limit, time | Package / limit, allocated |");
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
