using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard.Tests;

/// <summary>
/// The dashboard opens with the health comparison; the exports carry the rates and verdicts; the HTML report, loaded in
/// a real headless Chromium, shows no browser error and the same numbers as the JSON export.
/// </summary>
public sealed partial class HealthReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-health-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _errors = new();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
        _errors.Dispose();
    }

    private string File(string name) => Path.Combine(_folder, name);

    private Task<int> Run(int width, IConfiguration? configuration, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return DashboardApp.RunAsync(args, console, _errors, configuration ?? new ConfigurationBuilder().Build(), CancellationToken.None);
    }

    private static List<JsonElement> Providers(string file)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file));
        return [.. json.RootElement.GetProperty("providers").EnumerateArray().Select(p => p.Clone())];
    }

    [Theory]
    [InlineData(160)]
    [InlineData(80)]
    public async Task The_comparison_comes_first_with_every_source_its_rates_and_its_verdict_in_words(int width)
    {
        var json = File("health.json");

        Assert.Equal(0, await Run(width, null, "--output", "json", json));

        var text = _out.ToString();
        var comparison = text.IndexOf("Health over the period", StringComparison.Ordinal);
        Assert.True(comparison > 0 && comparison < text.IndexOf("── SendGrid", StringComparison.Ordinal), "the comparison comes before the sources' days");
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= width, $"{l.Length} columns: {l}"));
        foreach (var provider in Providers(json))
        {
            var name = provider.GetProperty("provider").GetString()!;
            var totals = provider.GetProperty("totals");
            var status = provider.GetProperty("health").GetProperty("status").GetString()!;
            var row = Assert.Single(lines, l => l.Contains(name, StringComparison.Ordinal) && l.Contains(totals.GetProperty("sent").GetInt64().ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.Contains(status == "NotJudged" ? "Not judged" : status, row, StringComparison.Ordinal);
            Assert.Contains(Percent(totals.GetProperty("bounce_rate")), row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_json_export_carries_the_periods_totals_rates_and_verdict_from_its_complete_days()
    {
        var json = File("health.json");

        await Run(160, null, "--output", "json", json);

        Assert.All(Providers(json), provider =>
        {
            var days = provider.GetProperty("days").EnumerateArray().ToList();
            var complete = days.Where(d => d.GetProperty("complete").GetBoolean()).ToList();
            var totals = provider.GetProperty("totals");
            Assert.Equal(complete.Count, totals.GetProperty("counted_days").GetInt32());
            Assert.Equal(complete.Sum(d => d.GetProperty("sent").GetInt64()), totals.GetProperty("sent").GetInt64());
            Assert.Equal(
                (double)complete.Sum(d => d.GetProperty("bounces").GetInt64()) / totals.GetProperty("sent").GetInt64(),
                totals.GetProperty("bounce_rate").GetDouble());
            Assert.False(days[^1].GetProperty("complete").GetBoolean()); // today
            var health = provider.GetProperty("health");
            Assert.Contains(health.GetProperty("status").GetString(), new[] { "Healthy", "Warning", "Critical", "NotJudged" });
            Assert.All(health.GetProperty("breaches").EnumerateArray(), b => Assert.True(b.GetProperty("rate").GetDouble() >= b.GetProperty("threshold").GetDouble()));
        });
    }

    [Fact]
    public async Task Thresholds_come_from_settings_and_a_bad_one_is_refused_by_name()
    {
        var strict = new ConfigurationBuilder().AddInMemoryCollection([new("HEALTH_BOUNCE_WARNING", "0.001"), new("HEALTH_BOUNCE_CRITICAL", "0.002")]).Build();
        var json = File("strict.json");

        Assert.Equal(0, await Run(160, strict, "--provider", "mailgun", "--output", "json", json));
        var bad = await Run(160, new ConfigurationBuilder().AddInMemoryCollection([new("HEALTH_COMPLAINT_WARNING", "half")]).Build(), "--provider", "mailgun");

        Assert.Equal("Critical", Providers(json)[0].GetProperty("health").GetProperty("status").GetString());
        Assert.Equal(2, bad);
        Assert.Contains("error: HEALTH_COMPLAINT_WARNING must be a fraction such as 0.02 (2%), not 'half'.", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_report_loads_in_chromium_without_a_browser_error_and_shows_the_json_exports_numbers()
    {
        var html = File("report.html");
        var json = File("report.json");
        Assert.Equal(0, await Run(160, null, "--output", "html", html, "--output", "json", json));

        var page = await System.IO.File.ReadAllTextAsync(html);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), page);
        var (dom, browserLog) = await Chromium("--dump-dom", new Uri(html).AbsoluteUri);
        var screenshot = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "dashboard-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await Chromium($"--screenshot={screenshot}", "--window-size=1280,2400", "--hide-scrollbars", new Uri(html).AbsoluteUri);

        // Every console message of a page without script is the browser complaining (a blocked resource, a parse error).
        Assert.DoesNotContain(browserLog.Split('\n'), l => l.Contains(":CONSOLE", StringComparison.Ordinal));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot was written");
        var cells = Cells(dom);
        var providers = Providers(json);
        Assert.Equal(4, providers.Count);
        foreach (var provider in providers)
        {
            var key = $"{provider.GetProperty("provider").GetString()}|{provider.GetProperty("source").GetString()}";
            var totals = provider.GetProperty("totals");
            foreach (var metric in new[] { "sent", "delivered" })
            {
                var cell = Assert.Single(cells, c => c.Section == "comparison" && c.Source == key && c.Metric == metric);
                Assert.Equal(Raw(totals.GetProperty(metric)), cell.Value);
                Assert.Equal(cell.Value.Length == 0 ? "-" : long.Parse(cell.Value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture), cell.Text);
            }

            foreach (var metric in new[] { "delivery_rate", "bounce_rate", "complaint_rate" })
            {
                var cell = Assert.Single(cells, c => c.Section == "comparison" && c.Source == key && c.Metric == metric);
                Assert.Equal(Raw(totals.GetProperty(metric)), cell.Value);
            }

            Assert.Equal(provider.GetProperty("health").GetProperty("status").GetString(), Assert.Single(cells, c => c.Section == "comparison" && c.Source == key && c.Metric == "health").Value);
            foreach (var day in provider.GetProperty("days").EnumerateArray())
            {
                var date = day.GetProperty("date").GetString();
                foreach (var metric in new[] { "sent", "delivered", "bounces", "hard_bounces", "complaints" })
                {
                    var cell = Assert.Single(cells, c => c.Section == "days" && c.Source == key && c.Date == date && c.Metric == metric);
                    Assert.Equal(Raw(day.GetProperty(metric)), cell.Value);
                }
            }
        }

        Assert.Equal(4, Regex.Matches(dom, "<svg ").Count);
    }

    /// <summary>Each numeric cell of the DOM: its section, source, day (for a day row), metric, exact value and shown text.</summary>
    private static List<(string Section, string Source, string? Date, string Metric, string Value, string Text)> Cells(string dom)
    {
        var cells = new List<(string, string, string?, string, string, string)>();
        foreach (Match section in Section().Matches(dom))
        {
            var kind = section.Groups["kind"].Value == "health" ? "comparison" : "days";
            foreach (Match row in Row().Matches(section.Value))
            {
                var source = WebUtility.HtmlDecode(row.Groups["source"].Success ? row.Groups["source"].Value : section.Groups["source"].Value);
                var date = row.Groups["date"].Success ? row.Groups["date"].Value : null;
                foreach (Match cell in Cell().Matches(row.Value))
                {
                    var text = WebUtility.HtmlDecode(TagsInside().Replace(cell.Groups["text"].Value, "")).Trim();
                    cells.Add((kind, source, date, cell.Groups["metric"].Value, cell.Groups["value"].Value, text));
                }
            }
        }

        return cells;
    }

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText();

    private static string Percent(JsonElement rate) => rate.ValueKind == JsonValueKind.Null ? "-" : rate.GetDouble().ToString("0.00%", CultureInfo.InvariantCulture);

    private static async Task<(string Output, string Log)> Chromium(params string[] args)
    {
        var browser = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(System.IO.File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: `apt-get install chromium` (.ci/run installs it when missing).");
        var start = new ProcessStartInfo(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await log}");
        return (await output, await log);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "EmailStats.Clients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EmailStats.Clients.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?:https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<section (?:id="(?<kind>health)"|class="source" data-source="(?<source>[^"]*)").*?</section>""", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex("""<tr(?: data-source="(?<source>[^"]*)")?(?: data-date="(?<date>[^"]*)")?>.*?</tr>""", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("""<td[^>]*data-metric="(?<metric>[^"]*)" data-value="(?<value>[^"]*)"[^>]*>(?<text>.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagsInside();
}
