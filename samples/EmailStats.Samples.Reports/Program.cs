// Prints the Benchmark Email dashboard and the report of the most recently updated sent campaign.
// With no API key it runs against the built-in sandbox (EmailStats.Clients.Sandbox) and says so.
//   REPORTS_API_KEY       an API key with the reports:read and campaigns:read scopes (Settings > API Keys)
//   REPORTS_BASE_ADDRESS  your account's API base URL, shown on the same page (required with a key)
//   REPORTS_TIME_ZONE     optional IANA time zone for the dashboard days (default UTC)
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using EmailStats.Samples;

const int PastDays = 30;
var apiKey = Environment.GetEnvironmentVariable("REPORTS_API_KEY");
var timeZone = Environment.GetEnvironmentVariable("REPORTS_TIME_ZONE");
Uri? baseAddress;
try
{
    baseAddress = SampleSettings.Url(Environment.GetEnvironmentVariable("REPORTS_BASE_ADDRESS"), "REPORTS_BASE_ADDRESS");
    if (!string.IsNullOrWhiteSpace(apiKey) && baseAddress is null)
    {
        throw new SettingException("REPORTS_BASE_ADDRESS", "REPORTS_BASE_ADDRESS is required with REPORTS_API_KEY (your account's API address, Settings > API Keys).");
    }
}
catch (SettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

using var sandbox = string.IsNullOrWhiteSpace(apiKey) ? EmailStatsSandbox.Create() : null;
if (sandbox is not null)
{
    Console.WriteLine($"No Benchmark Email API key (REPORTS_API_KEY): using the built-in sandbox (in process)");
}

var services = new ServiceCollection();
services.AddLogging(SampleLogging.Configure);
var registration = services.AddReportsClient(options =>
{
    if (sandbox is not null)
    {
        sandbox.Configure(options);
        return;
    }

    options.ApiKey = apiKey!;
    options.BaseAddress = baseAddress;
});
if (sandbox is not null)
{
    registration.UseSandbox(sandbox);
}
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
    SampleTable.Write(
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
    SampleTable.Write(
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
        SampleTable.Write(
            ["Link", "Clicks", "Unique"],
            report.LinkActivity.Select(link => new[] { link.Path, Count(link.Clicks.Total), Count(link.Clicks.Unique) }).ToArray());
    }

    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: Benchmark Email: {SampleErrors.OneLine(e, "REPORTS_API_KEY", "REPORTS_BASE_ADDRESS")}");
    return 1;
}

static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

static string Percent(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-";

static string Diff(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %" : "-";

