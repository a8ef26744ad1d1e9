// Prints a Mailgun domain's delivered, opened and clicked messages per day for the last 7 days.
// With no API key it runs against the built-in sandbox (EmailStats.Clients.Sandbox) and says so.
//
//   MAILGUN_API_KEY       the private API key (required for the real Mailgun; without it: the sandbox)
//   MAILGUN_DOMAIN        the sending domain, for example mg.example.com (required with a key; sandbox: its first domain)
//   MAILGUN_REGION        US (default) or EU
//   MAILGUN_BASE_ADDRESS  another API root, for example a proxy (overrides the region)
//   MAILGUN_DAYS          how many days back (default 7)
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using EmailStats.Samples;

var apiKey = Environment.GetEnvironmentVariable("MAILGUN_API_KEY");
var domain = Environment.GetEnvironmentVariable("MAILGUN_DOMAIN");
EmailStatsSandbox? sandbox = null;
if (string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = EmailStatsSandbox.Create();
    domain = string.IsNullOrWhiteSpace(domain) ? sandbox.Mailgun.Domains[0] : domain;
    Console.WriteLine($"No Mailgun credentials (MAILGUN_API_KEY): using the built-in sandbox (in process)");
}
else if (string.IsNullOrWhiteSpace(domain))
{
    Console.Error.WriteLine("Set MAILGUN_DOMAIN to the sending domain whose statistics to print.");
    Console.Error.WriteLine("Optional: MAILGUN_REGION (US or EU, default US), MAILGUN_BASE_ADDRESS (overrides the region), MAILGUN_DAYS (default 7).");
    return 2;
}

try
{
    var region = SampleSettings.Choice(Environment.GetEnvironmentVariable("MAILGUN_REGION"), "MAILGUN_REGION", MailgunRegion.US, ("us", MailgunRegion.US), ("eu", MailgunRegion.EU));
    var baseAddress = SampleSettings.Url(Environment.GetEnvironmentVariable("MAILGUN_BASE_ADDRESS"), "MAILGUN_BASE_ADDRESS");
    var days = SampleSettings.Number(Environment.GetEnvironmentVariable("MAILGUN_DAYS"), "MAILGUN_DAYS", 7, 1, 3650);

    var services = new ServiceCollection();
    services.AddLogging(SampleLogging.Configure);
    var registration = services.AddMailgunStatsClient(options =>
    {
        if (sandbox is not null)
        {
            sandbox.Configure(options);
            return;
        }

        options.ApiKey = apiKey!;
        options.Region = region;
        options.BaseAddress = baseAddress;
    });
    if (sandbox is not null)
    {
        registration.UseSandbox(sandbox);
    }
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<IMailgunStatsClient>();

    var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked)
        .Last(MailgunDuration.Days(days))
        .WithResolution(MailgunResolution.Day);
    var result = await client.GetDomainTotalsAsync(domain.Trim(), query);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{domain.Trim()}: {result.Start:yyyy-MM-dd} to {result.End:yyyy-MM-dd} (UTC)"));
    Console.WriteLine();
    string[] header = ["Day", "Delivered", "Opened", "Unique opened", "Clicked", "Unique clicked"];
    var rows = result.Stats
        .Select(item => new[]
        {
            item.Time?.UtcDateTime.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture) ?? "-",
            Count(item.Delivered?.Total),
            Count(item.Opened?.Total),
            Count(item.Opened?.Unique),
            Count(item.Clicked?.Total),
            Count(item.Clicked?.Unique),
        })
        .ToList();
    rows.Add(
    [
        "Total",
        Count(result.Stats.Sum(i => i.Delivered?.Total ?? 0)),
        Count(result.Stats.Sum(i => i.Opened?.Total ?? 0)),
        Count(result.Stats.Sum(i => i.Opened?.Unique ?? 0)),
        Count(result.Stats.Sum(i => i.Clicked?.Total ?? 0)),
        Count(result.Stats.Sum(i => i.Clicked?.Unique ?? 0)),
    ]);

    SampleTable.Write(header, rows, lastRowIsTotal: true);

    return 0;
}
catch (SettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: Mailgun: {SampleErrors.OneLine(e, "MAILGUN_API_KEY", "MAILGUN_BASE_ADDRESS or MAILGUN_REGION")}");
    return 1;
}
finally
{
    sandbox?.Dispose();
}

static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";
