// Restored from the packed .nupkg files (warnings as errors) and published with Native AOT by .ci/run: registers every
// client the documented way, points them at the in-process sandbox package, calls each one and checks the answers.
// Exit code 0 means the packages work as shipped.
using EmailStats.Clients;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using Microsoft.Extensions.DependencyInjection;

using var sandbox = EmailStatsSandbox.Create();
var services = new ServiceCollection();
services.AddSendGridV2StatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
services.AddSendGridV3StatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
services.AddMessageStatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
services.AddGetResponseStatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
services.AddMailgunStatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
services.AddReportsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
await using var provider = services.BuildServiceProvider();

var today = sandbox.Today;
IEmailStatsSource[] sources =
[
    new SendGridV2EmailStatsSource(provider.GetRequiredService<ISendGridV2StatsClient>(), sandbox.SendGrid.Subusers[0]),
    new SendGridV3EmailStatsSource(provider.GetRequiredService<ISendGridV3StatsClient>(), subusers: sandbox.SendGrid.Subusers),
    new MessageEmailStatsSource(provider.GetRequiredService<IMessageStatsClient>(), sandbox.GetResponse.NewsletterIds[^1]),
    new GetResponseEmailStatsSource(provider.GetRequiredService<IGetResponseStatsClient>()),
    new MailgunEmailStatsSource(provider.GetRequiredService<IMailgunStatsClient>(), sandbox.Mailgun.Domains[0]),
    new ReportsEmailStatsSource(provider.GetRequiredService<IReportsClient>()),
];

var failures = 0;
foreach (var source in sources)
{
    var days = await source.GetDailyMetricsAsync(today.AddDays(-6), today);
    var activity = days.Sum(d => (d.Sent ?? 0) + (d.UniqueOpens ?? 0));
    var ok = days.Count == 7 && days[^1].Date == today && activity > 0;
    failures += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {source.Provider} {source.Name}: {days.Count} days, {activity} sends and unique opens");
}

try
{
    await provider.GetRequiredService<IMailgunStatsClient>().GetDomainTotalsAsync("unknown.example", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(1)));
    failures++;
    Console.WriteLine("FAIL an unknown domain was answered");
}
catch (EmailStatsApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
{
    Console.WriteLine($"ok   typed refusal: {e.Message}");
}

Console.WriteLine(failures == 0 ? "The packages work as shipped." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;
