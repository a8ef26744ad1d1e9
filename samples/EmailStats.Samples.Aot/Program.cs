// Calls every provider's client, compiled with Native AOT, against an in-process fake, and checks the answers.
// .ci/run publishes it (dotnet publish -c Release -r linux-x64) and runs the binary: exit code 0 means every check held.
using EmailStats.Clients;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using EmailStats.Samples.Aot;
using Microsoft.Extensions.DependencyInjection;

var fake = new LocalFake();
var root = new Uri("http://provider.invalid/");
var failures = 0;

void Check(string what, bool ok, string detail)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}: {detail}");
    failures += ok ? 0 : 1;
}

var sendGrid = new SendGridV2StatsClient(new HttpClient(fake), new SendGridV2Options { ApiUser = "u", ApiKey = LocalFake.Key, BaseAddress = root });
var days = await sendGrid.GetStatsAsync(SendGridStatsQuery.ForUser("acme").LastDays(2));
Check("SendGrid v2 JSON", days is [{ Requests: 120, Delivered: 117, Blocks: 2 }, { Requests: 80 }] && days[0].AdditionalData.ContainsKey("extra"), $"{days.Count} days, {days.Sum(d => d.Requests)} requests");

var sendGridXml = new SendGridV2StatsClient(new HttpClient(fake), new SendGridV2Options { ApiUser = "u", ApiKey = LocalFake.Key, BaseAddress = root, Format = SendGridV2Format.Xml });
var xmlDays = await sendGridXml.GetStatsAsync(SendGridStatsQuery.ForUser("acme").LastDays(1));
Check("SendGrid v2 XML", xmlDays is [{ Requests: 120, Opens: 40, Blocks: 2 }], $"{xmlDays.Count} day");

var sendGridV3 = new SendGridV3StatsClient(new HttpClient(fake), new SendGridV3Options { ApiKey = LocalFake.Key, BaseAddress = root, OnBehalfOf = "shop-eu" });
var v3Days = await sendGridV3.GetCategoryStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2)).ForCategories("news"));
Check(
    "SendGrid v3",
    v3Days is [{ Stats: [{ Name: "news", Metrics: { Requests: 120, Delivered: 117, Opens: null } }] }, { Stats: [{ Metrics.Requests: 80 }] }] && v3Days[0].Stats[0].Metrics.AdditionalData.ContainsKey("machine_opens"),
    $"{v3Days.Count} days, {v3Days.Sum(d => d.Stats[0].Metrics.Requests)} requests");

var messages = new MessageStatsClient(new HttpClient(fake), new JsonRpcMessagesOptions { ApiKey = LocalFake.Key, Endpoint = root });
var periods = await messages.GetMessageStatsAsync(MessageStatsQuery.ForMessage("m1"));
Check("GetResponse JSON-RPC", periods is [{ Sent: 50, Opened: 20, Clicked: 4 }], $"{periods.Count} period");

var getResponse = new GetResponseStatsClient(new HttpClient(fake), new GetResponseOptions { ApiKey = LocalFake.Key, BaseAddress = new Uri(root, "v3/") });
var newsletterDays = new List<GetResponseStatsPeriod>();
await foreach (var day in getResponse.GetAllNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day)))
{
    newsletterDays.Add(day);
}

Check(
    "GetResponse v3",
    newsletterDays is [{ Sent: 50, UniqueOpened: 20, Unsubscribed: 2 }, { Sent: 5 }] && newsletterDays[1].TimeInterval.End == new DateTimeOffset(2024, 5, 3, 0, 0, 0, TimeSpan.Zero),
    $"{newsletterDays.Count} days over 2 pages");

var mailgun = new MailgunStatsClient(new HttpClient(fake), new MailgunOptions { ApiKey = LocalFake.Key, BaseAddress = root });
var totals = await mailgun.GetDomainTotalsAsync("mg.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(1)));
Check("Mailgun", totals.Stats is [{ Delivered.Total: 42 }], $"{totals.Stats.Count} item");

var reports = new ReportsClient(new HttpClient(fake), new ReportsOptions { ApiKey = LocalFake.Key, BaseAddress = root });
var campaign = await reports.GetCampaignReportAsync("campaign-42");
Check("Benchmark Email reports", campaign.Stats.Sent == 697 && campaign.Stats.Opens.Rate == 32.06, $"{campaign.Stats.Sent} sent");

// The DI path (typed clients, options validation, resilience pipeline) under AOT too.
var services = new ServiceCollection();
services.AddMailgunStatsClient(o => { o.ApiKey = LocalFake.Key; o.BaseAddress = root; })
    .ConfigurePrimaryHttpMessageHandler(() => fake);
await using (var provider = services.BuildServiceProvider())
{
    var viaDi = await provider.GetRequiredService<IMailgunStatsClient>()
        .GetDomainTotalsAsync("mg.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(1)));
    Check("Mailgun through DI", viaDi.Stats is [{ Delivered.Total: 42 }], "typed client with resilience");
}

try
{
    var wrong = new ReportsClient(new HttpClient(fake), new ReportsOptions { ApiKey = "revoked-key-0000", BaseAddress = root });
    await wrong.GetCampaignReportAsync("campaign-42");
    Check("typed refusal", false, "no exception");
}
catch (EmailStatsApiException e)
{
    Check("typed refusal", e.StatusCode == System.Net.HttpStatusCode.Unauthorized && e.Errors is ["no such route or wrong credentials"], $"{(int)e.StatusCode!} {e.Errors[0]}");
}

Console.WriteLine(failures == 0 ? $"All checks held ({fake.Requests} requests)." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;
