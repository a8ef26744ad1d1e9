// Prints the Benchmark Email dashboard and the report of the most recently updated sent campaign.
//   REPORTS_API_KEY       an API key with the reports:read and campaigns:read scopes (Settings > API Keys)
//   REPORTS_BASE_ADDRESS  your account's API base URL, shown on the same page
//   REPORTS_TIME_ZONE     optional IANA time zone for the dashboard days (default UTC)
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

const int PastDays = 30;
var apiKey = Environment.GetEnvironmentVariable("REPORTS_API_KEY");
var baseAddressText = Environment.GetEnvironmentVariable("REPORTS_BASE_ADDRESS");
var timeZone = Environment.GetEnvironmentVariable("REPORTS_TIME_ZONE");

if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(baseAddressText))
{
    Console.WriteLine("Set REPORTS_API_KEY (an API key with the reports:read and campaigns:read scopes) and");
    Console.WriteLine("REPORTS_BASE_ADDRESS (your account's API base URL); both are on the Settings > API Keys page.");
    Console.WriteLine("Optional: REPORTS_TIME_ZONE, an IANA time zone such as Europe/Paris (default UTC).");
    var noneSet = string.IsNullOrWhiteSpace(apiKey) && string.IsNullOrWhiteSpace(baseAddressText);
    return noneSet ? 0 : 1;
}

if (!Uri.TryCreate(baseAddressText, UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine($"REPORTS_BASE_ADDRESS is not an absolute URL: {baseAddressText}");
    return 1;
}

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error));
services.AddReportsClient(options =>
{
    options.ApiKey = apiKey;
    options.BaseAddress = baseAddress;
});
await using var provider = services.BuildServiceProvider();

try
{
    var client = provider.GetRequiredService<IReportsClient>();
    var query = ReportsQuery.PastDays(PastDays);
    if (!string.IsNullOrWhiteSpace(timeZone))
    {
        query = query.InTimeZone(timeZone);
    }

    var dashboard = await client.GetDashboardAsync(query);
    var campaign = dashboard.Campaign;
    Console.WriteLine($"Dashboard, last {query.Days} days ({query.TimeZone})");
    PrintTable(
        ["Metric", "Value", "Change"],
        [
            ["Sent", Count(campaign.Sent.Count), Diff(campaign.Sent.Diff)],
            ["Delivered", Count(campaign.Delivered.Count), Diff(campaign.Delivered.Diff)],
            ["Unique opens", Count(campaign.UniqueOpens.Count.Value), Diff(campaign.UniqueOpens.Count.Diff)],
            ["Open rate", Percent(campaign.UniqueOpens.Rate?.Value), Diff(campaign.UniqueOpens.Rate?.Diff)],
            ["Unique clicks", Count(campaign.UniqueClicks.Count.Value), Diff(campaign.UniqueClicks.Count.Diff)],
            ["Click rate", Percent(campaign.UniqueClicks.Rate?.Value), Diff(campaign.UniqueClicks.Rate?.Diff)],
            ["Contacts", Count(dashboard.Contact.Count.Value), Diff(dashboard.Contact.Count.Diff)],
        ]);

    var lastSent = new CampaignListQuery().WithStatuses("sent").OrderByDescending("updatedAt").WithPageSize(1);
    Campaign? last = null;
    await foreach (var item in client.ListCampaignsAsync(lastSent))
    {
        last = item;
        break;
    }

    Console.WriteLine();
    if (last is null)
    {
        Console.WriteLine("No sent campaign yet.");
        return 0;
    }

    var report = await client.GetCampaignReportAsync(last.Id);
    var stats = report.Stats;
    Console.WriteLine($"Last campaign: {last.Name} ({last.Id})");
    PrintTable(
        ["Metric", "Count", "Rate"],
        [
            ["Sent", Count(stats.Sent), ""],
            ["Delivered", Count(stats.Delivered), ""],
            ["Unique opens", Count(stats.Opens.Unique), Percent(stats.Opens.Rate)],
            ["Unique clicks", Count(stats.Clicks.Unique), Percent(stats.Clicks.Rate)],
            ["Hard bounces", Count(stats.HardBounces.Count), Percent(stats.HardBounces.Rate)],
            ["Soft bounces", Count(stats.SoftBounces.Count), Percent(stats.SoftBounces.Rate)],
            ["Total bounces", Count(stats.TotalBounces.Count), Percent(stats.TotalBounces.Rate)],
            ["Complaints", Count(stats.Complaints), ""],
            ["Unsubscribes", Count(stats.Unsubscribes), ""],
        ]);

    if (report.LinkActivity.Count > 0)
    {
        Console.WriteLine();
        PrintTable(
            ["Link", "Clicks", "Unique"],
            report.LinkActivity.Select(link => new[] { link.Path, Count(link.Clicks.Total), Count(link.Clicks.Unique) }).ToArray());
    }

    return 0;
}
catch (EmailStatsException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

static string Percent(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-";

static string Diff(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %" : "-";

// Left-aligns the first column and right-aligns the others, two spaces apart.
static void PrintTable(string[] header, string[][] rows)
{
    var widths = header.Select((h, i) => Math.Max(h.Length, rows.Length == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
    string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
    Console.WriteLine(Line(header));
    Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
    foreach (var row in rows)
    {
        Console.WriteLine(Line(row));
    }
}
