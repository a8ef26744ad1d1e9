// Prints a Mailgun domain's delivered, opened and clicked messages per day for the last 7 days.
//
//   MAILGUN_API_KEY       the private API key (required)
//   MAILGUN_DOMAIN        the sending domain, for example mg.example.com (required)
//   MAILGUN_REGION        US (default) or EU
//   MAILGUN_BASE_ADDRESS  another API root, for example a sandbox or proxy (overrides the region)
//   MAILGUN_DAYS          how many days back (default 7)
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Mailgun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var apiKey = Environment.GetEnvironmentVariable("MAILGUN_API_KEY");
var domain = Environment.GetEnvironmentVariable("MAILGUN_DOMAIN");
if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(domain))
{
    Console.WriteLine("Set MAILGUN_API_KEY and MAILGUN_DOMAIN to read a domain's statistics.");
    Console.WriteLine("Optional: MAILGUN_REGION (US or EU, default US), MAILGUN_BASE_ADDRESS (overrides the region), MAILGUN_DAYS (default 7).");
    return 0;
}

try
{
    var region = MailgunRegion.US;
    if (Environment.GetEnvironmentVariable("MAILGUN_REGION") is { Length: > 0 } r
        && !(Enum.TryParse(r.Trim(), ignoreCase: true, out region) && Enum.IsDefined(region)))
    {
        throw new ArgumentException($"MAILGUN_REGION must be US or EU, not '{r}'.");
    }

    var baseAddress = Environment.GetEnvironmentVariable("MAILGUN_BASE_ADDRESS") is { Length: > 0 } b ? new Uri(b) : null;
    var days = Environment.GetEnvironmentVariable("MAILGUN_DAYS") is { Length: > 0 } d ? int.Parse(d, CultureInfo.InvariantCulture) : 7;

    var services = new ServiceCollection();
    services.AddMailgunStatsClient(options =>
    {
        options.ApiKey = apiKey;
        options.Region = region;
        options.BaseAddress = baseAddress;
    });
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<IMailgunStatsClient>();

    var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked)
        .Last(MailgunDuration.Days(days))
        .WithResolution(MailgunResolution.Day);
    var result = await client.GetDomainTotalsAsync(domain.Trim(), query);

    Console.WriteLine($"{domain.Trim()}: {result.Start:yyyy-MM-dd} to {result.End:yyyy-MM-dd} (UTC)");
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

    var widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(row => row[c].Length))).ToArray();
    WriteRow(header, widths);
    Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
    for (var i = 0; i < rows.Count; i++)
    {
        if (i == rows.Count - 1)
        {
            Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }

        WriteRow(rows[i], widths);
    }

    return 0;
}
catch (Exception e) when (e is EmailStatsException or ArgumentException or OptionsValidationException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";

static void WriteRow(string[] cells, int[] widths) =>
    Console.WriteLine(string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
