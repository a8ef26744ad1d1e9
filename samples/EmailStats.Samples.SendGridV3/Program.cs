// Prints a SendGrid account's requested, delivered, opened and clicked messages per day for the last 7 days (SendGrid
// v3 statistics), optionally per category. With no API key it runs against the built-in sandbox and says so.
//
//   SENDGRID_V3_API_KEY     an API key with the stats.read scope (required for the real SendGrid; without it: the sandbox)
//   SENDGRID_ON_BEHALF_OF   a subuser to read on behalf of (optional)
//   SENDGRID_CATEGORIES     up to 10 categories, comma-separated: one row per category and day (optional)
//   SENDGRID_REGION         global (default) or eu
//   SENDGRID_BASE_ADDRESS   another API root, for example a proxy (overrides the region)
//   SENDGRID_DAYS           how many days back, today included (default 7)
using System.Globalization;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV3;
using EmailStats.Samples;
using Microsoft.Extensions.DependencyInjection;

var apiKey = Environment.GetEnvironmentVariable("SENDGRID_V3_API_KEY");
EmailStatsSandbox? sandbox = null;
if (string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = EmailStatsSandbox.Create();
    Console.WriteLine($"No SendGrid v3 credentials (SENDGRID_V3_API_KEY): using the built-in sandbox (in process)");
}

try
{
    var region = SampleSettings.Choice(Environment.GetEnvironmentVariable("SENDGRID_REGION"), "SENDGRID_REGION", SendGridRegion.Global, ("global", SendGridRegion.Global), ("eu", SendGridRegion.EU));
    var baseAddress = SampleSettings.Url(Environment.GetEnvironmentVariable("SENDGRID_BASE_ADDRESS"), "SENDGRID_BASE_ADDRESS");
    var days = SampleSettings.Number(Environment.GetEnvironmentVariable("SENDGRID_DAYS"), "SENDGRID_DAYS", 7, 1, 3650);
    var onBehalfOf = Environment.GetEnvironmentVariable("SENDGRID_ON_BEHALF_OF") is { Length: > 0 } who ? who.Trim() : null;
    var categories = Environment.GetEnvironmentVariable("SENDGRID_CATEGORIES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    var services = new ServiceCollection();
    services.AddLogging(SampleLogging.Configure);
    var registration = services.AddSendGridV3StatsClient(options =>
    {
        if (sandbox is not null)
        {
            sandbox.Configure(options);
        }
        else
        {
            options.ApiKey = apiKey!.Trim();
            options.Region = region;
            options.BaseAddress = baseAddress;
        }

        options.OnBehalfOf = onBehalfOf;
    });
    if (sandbox is not null)
    {
        registration.UseSandbox(sandbox);
    }
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<ISendGridV3StatsClient>();

    var today = sandbox?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    var query = SendGridV3StatsQuery.Between(today.AddDays(1 - days), today);
    var answer = categories.Length == 0
        ? await client.GetGlobalStatsAsync(query)
        : await client.GetCategoryStatsAsync(query.ForCategories(categories));

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SendGrid{(onBehalfOf is null ? "" : $" on behalf of {onBehalfOf}")}: {query.Start:yyyy-MM-dd} to {today:yyyy-MM-dd} (the account's time zone)"));
    Console.WriteLine();
    string[] header = ["Day", "Category", "Requests", "Delivered", "Unique opens", "Unique clicks", "Bounces"];
    var rows = answer
        .SelectMany(day => day.Stats.Select(entry => new[]
        {
            day.Date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture),
            entry.Name ?? "(all)",
            Count(entry.Metrics.Requests),
            Count(entry.Metrics.Delivered),
            Count(entry.Metrics.UniqueOpens),
            Count(entry.Metrics.UniqueClicks),
            Count(entry.Metrics.Bounces),
        }))
        .ToList();

    SampleTable.Write(header, rows, leftColumns: 2);

    return 0;
}
catch (SettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: SendGrid: {SampleErrors.OneLine(e, "SENDGRID_V3_API_KEY", "SENDGRID_BASE_ADDRESS or SENDGRID_REGION")}");
    return 1;
}
finally
{
    sandbox?.Dispose();
}

static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
