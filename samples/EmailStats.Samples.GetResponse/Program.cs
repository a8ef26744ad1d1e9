// Prints a GetResponse newsletter's (or every newsletter's) sent, opened and clicked messages per day for the last 7
// days (GetResponse API v3 statistics, UTC days). With no API key it runs against the built-in sandbox and says so.
//
//   GETRESPONSE_V3_API_KEY     the API key (required for the real GetResponse; without it: the sandbox)
//   GETRESPONSE_NEWSLETTER_ID  one newsletter (optional; default: every newsletter of the account)
//   GETRESPONSE_BASE_ADDRESS   another API root, for example a GetResponse MAX one (default https://api.getresponse.com/v3/)
//   GETRESPONSE_DOMAIN         the GetResponse MAX account's domain (X-Domain), with a MAX API root
//   GETRESPONSE_DAYS           how many days back, today included (default 7)
using System.Globalization;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.Sandbox;
using EmailStats.Samples;
using Microsoft.Extensions.DependencyInjection;

var apiKey = Environment.GetEnvironmentVariable("GETRESPONSE_V3_API_KEY");
EmailStatsSandbox? sandbox = null;
if (string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = EmailStatsSandbox.Create();
    Console.WriteLine($"No GetResponse v3 credentials (GETRESPONSE_V3_API_KEY): using the built-in sandbox (in process)");
}

try
{
    var baseAddress = SampleSettings.Url(Environment.GetEnvironmentVariable("GETRESPONSE_BASE_ADDRESS"), "GETRESPONSE_BASE_ADDRESS");
    var days = SampleSettings.Number(Environment.GetEnvironmentVariable("GETRESPONSE_DAYS"), "GETRESPONSE_DAYS", 7, 1, 3650);
    var newsletter = Environment.GetEnvironmentVariable("GETRESPONSE_NEWSLETTER_ID") is { Length: > 0 } id ? id.Trim() : null;
    var domain = Environment.GetEnvironmentVariable("GETRESPONSE_DOMAIN") is { Length: > 0 } d ? d.Trim() : null;

    var services = new ServiceCollection();
    services.AddLogging(SampleLogging.Configure);
    var registration = services.AddGetResponseStatsClient(options =>
    {
        if (sandbox is not null)
        {
            sandbox.Configure(options);
            return;
        }

        options.ApiKey = apiKey!.Trim();
        options.BaseAddress = baseAddress ?? options.BaseAddress;
        options.Domain = domain;
    });
    if (sandbox is not null)
    {
        registration.UseSandbox(sandbox);
    }
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<IGetResponseStatsClient>();

    var today = sandbox?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    var query = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(today.AddDays(1 - days), today).WithPageSize(1000);
    var periods = newsletter is null ? client.GetAllNewslettersStatsAsync(query) : client.GetAllNewsletterStatsAsync(newsletter, query);

    string[] header = ["Day", "Sent", "Opened", "Unique opened", "Clicked", "Unique clicked", "Bounced"];
    var rows = new List<string[]>();
    await foreach (var period in periods)
    {
        rows.Add(
        [
            period.TimeInterval.Start.UtcDateTime.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture),
            Count(period.Sent),
            Count(period.TotalOpened),
            Count(period.UniqueOpened),
            Count(period.TotalClicked),
            Count(period.UniqueClicked),
            Count(period.Bounced),
        ]);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GetResponse {(newsletter is null ? "newsletters" : $"newsletter {newsletter}")}: {query.CreatedFrom:yyyy-MM-dd} to {today:yyyy-MM-dd} (UTC)"));
    Console.WriteLine();
    SampleTable.Write(header, rows);

    return 0;
}
catch (SettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: GetResponse: {SampleErrors.OneLine(e, "GETRESPONSE_V3_API_KEY", "GETRESPONSE_BASE_ADDRESS")}");
    return 1;
}
finally
{
    sandbox?.Dispose();
}

static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
