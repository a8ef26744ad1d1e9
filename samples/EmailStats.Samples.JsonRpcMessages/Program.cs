// Prints a message's statistics per period, read with get_message_stats (GetResponse API 1.5, JSON-RPC).
// With no API key it runs against the built-in sandbox (EmailStats.Clients.Sandbox) and says so.
//
//   GETRESPONSE_API_KEY      the API key (without it: the sandbox)
//   GETRESPONSE_MESSAGE_ID   the message (required with a key; the sandbox's first message without one)
//   GETRESPONSE_GROUPING     hourly | daily | monthly | yearly (optional; the API defaults to daily)
//   GETRESPONSE_FROM         created_on FROM, yyyy-MM-dd (optional)
//   GETRESPONSE_TO           created_on TO, yyyy-MM-dd (optional)
//   GETRESPONSE_ENDPOINT     the JSON-RPC endpoint (optional; default https://api2.getresponse.com/, enterprise accounts have their own)
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using EmailStats.Samples;

var apiKey = Environment.GetEnvironmentVariable("GETRESPONSE_API_KEY");
var messageId = Environment.GetEnvironmentVariable("GETRESPONSE_MESSAGE_ID");
EmailStatsSandbox? sandbox = null;
if (string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = EmailStatsSandbox.Create();
    messageId = string.IsNullOrWhiteSpace(messageId) ? sandbox.GetResponse.NewsletterIds[0] : messageId;
    Console.WriteLine($"No GetResponse API key (GETRESPONSE_API_KEY): using the built-in sandbox (in process)");
}
else if (string.IsNullOrWhiteSpace(messageId))
{
    Console.Error.WriteLine("Set GETRESPONSE_MESSAGE_ID to the message whose statistics to print.");
    Console.Error.WriteLine("Optional: GETRESPONSE_GROUPING (hourly|daily|monthly|yearly), GETRESPONSE_FROM and GETRESPONSE_TO (yyyy-MM-dd), GETRESPONSE_ENDPOINT.");
    return 2;
}

try
{
    var query = BuildQuery(messageId);
    var endpoint = SampleSettings.Url(Environment.GetEnvironmentVariable("GETRESPONSE_ENDPOINT"), "GETRESPONSE_ENDPOINT");

    var services = new ServiceCollection();
    services.AddLogging(SampleLogging.Configure);
    var registration = services.AddMessageStatsClient(options =>
    {
        if (sandbox is not null)
        {
            sandbox.Configure(options);
            return;
        }

        options.ApiKey = apiKey!;
        options.Endpoint = endpoint ?? options.Endpoint;
    });
    if (sandbox is not null)
    {
        registration.UseSandbox(sandbox);
    }
    await using var provider = services.BuildServiceProvider();

    var client = provider.GetRequiredService<IMessageStatsClient>();
    var stats = await client.GetMessageStatsAsync(query);

    Console.WriteLine($"{query}: {stats.Count} period(s) with activity (periods without any are not listed).");
    PrintTable(stats);
    return 0;
}
catch (SettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: GetResponse: {SampleErrors.OneLine(e, "GETRESPONSE_API_KEY", "GETRESPONSE_ENDPOINT")}");
    return 1;
}
finally
{
    sandbox?.Dispose();
}

static MessageStatsQuery BuildQuery(string messageId)
{
    var query = MessageStatsQuery.ForMessage(messageId);
    var grouping = SampleSettings.Choice<MessageStatsGrouping?>(
        Environment.GetEnvironmentVariable("GETRESPONSE_GROUPING"),
        "GETRESPONSE_GROUPING",
        null,
        ("hourly", MessageStatsGrouping.Hourly), ("daily", MessageStatsGrouping.Daily), ("monthly", MessageStatsGrouping.Monthly), ("yearly", MessageStatsGrouping.Yearly));
    if (grouping is { } g)
    {
        query = query.GroupedBy(g);
    }

    if (Date("GETRESPONSE_FROM") is { } from)
    {
        query = query.CreatedFrom(from);
    }

    if (Date("GETRESPONSE_TO") is { } to)
    {
        query = query.CreatedTo(to);
    }

    return query;
}

static DateOnly? Date(string variable)
{
    var text = Environment.GetEnvironmentVariable(variable);
    if (string.IsNullOrWhiteSpace(text))
    {
        return null;
    }

    return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        ? date
        : throw new SettingException(variable, $"{variable} must be a date written yyyy-MM-dd, not '{text}'.");
}

static void PrintTable(MessageStats stats)
{
    string[] headers = ["Period", "Sent", "Opened", "Uniq. opened", "Clicked", "Uniq. clicked", "Goals", "Forwarded", "Unsubscribes", "Bounces", "Complaints"];
    var rows = stats.Select(p => new[]
    {
        p.Key,
        N(p.Sent), N(p.Opened), N(p.UniqueOpened), N(p.Clicked), N(p.UniqueClicked), N(p.Goals), N(p.Forwarded), N(p.Unsubscribes),
        N(Bounces(p)), N(p.ComplaintsHandled + p.ComplaintsUnhandled),
    }).ToList();
    rows.Add(
    [
        "Total",
        N(stats.Sum(p => p.Sent)), N(stats.Sum(p => p.Opened)), N(stats.Sum(p => p.UniqueOpened)), N(stats.Sum(p => p.Clicked)),
        N(stats.Sum(p => p.UniqueClicked)), N(stats.Sum(p => p.Goals)), N(stats.Sum(p => p.Forwarded)), N(stats.Sum(p => p.Unsubscribes)),
        N(stats.Sum(Bounces)), N(stats.Sum(p => p.ComplaintsHandled + p.ComplaintsUnhandled)),
    ]);

    SampleTable.Write(headers, rows, lastRowIsTotal: true);

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static long Bounces(MessageStatsPeriod p) =>
        p.BouncesUserUnknown + p.BouncesUserRecycled + p.BouncesMailboxFull + p.BouncesBlockContent
        + p.BouncesBlockTimeout + p.BouncesBlockOther + p.BouncesOtherSoft + p.BouncesOtherHard;
}
