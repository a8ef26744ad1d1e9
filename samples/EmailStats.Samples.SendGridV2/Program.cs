// Prints a table of one SendGrid user's daily statistics through the SendGrid v2 client.
// With no credentials it runs against the built-in sandbox (EmailStats.Clients.Sandbox) and says so.
//
//   SENDGRID_API_USER   the account user name (api_user)            required
//   SENDGRID_API_KEY    the account password or key (api_key)       required
//   SENDGRID_USER       the customer (reseller) or subuser to read  required
//   SENDGRID_API        reseller | subuser                          default subuser
//   SENDGRID_FORMAT     json | xml                                  default json
//   SENDGRID_DAYS       how many days back, today included          default 7
//   SENDGRID_BASE_ADDRESS  another endpoint (a proxy, a fake)       default https://api.sendgrid.com/
using System.Globalization;
using EmailStats.Clients;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.DependencyInjection;
using EmailStats.Samples;

var apiUser = Environment.GetEnvironmentVariable("SENDGRID_API_USER");
var apiKey = Environment.GetEnvironmentVariable("SENDGRID_API_KEY");
var user = Environment.GetEnvironmentVariable("SENDGRID_USER");
EmailStatsSandbox? sandbox = null;
if (string.IsNullOrWhiteSpace(apiUser) || string.IsNullOrWhiteSpace(apiKey))
{
    sandbox = EmailStatsSandbox.Create();
    user = string.IsNullOrWhiteSpace(user) ? sandbox.SendGrid.Subusers[0] : user;
    Console.WriteLine($"No SendGrid credentials (SENDGRID_API_USER, SENDGRID_API_KEY): using the built-in sandbox (in process)");
}
else if (string.IsNullOrWhiteSpace(user))
{
    Console.Error.WriteLine("Set SENDGRID_USER to the customer (reseller API) or subuser whose statistics to print.");
    return 2;
}

SendGridV2Api api;
SendGridV2Format format;
int days;
Uri? baseAddress;
try
{
    api = SampleSettings.Choice(Environment.GetEnvironmentVariable("SENDGRID_API"), "SENDGRID_API", SendGridV2Api.Subuser, ("subuser", SendGridV2Api.Subuser), ("reseller", SendGridV2Api.Reseller));
    format = SampleSettings.Choice(Environment.GetEnvironmentVariable("SENDGRID_FORMAT"), "SENDGRID_FORMAT", SendGridV2Format.Json, ("json", SendGridV2Format.Json), ("xml", SendGridV2Format.Xml));
    days = SampleSettings.Number(Environment.GetEnvironmentVariable("SENDGRID_DAYS"), "SENDGRID_DAYS", 7, 1, 3650);
    baseAddress = SampleSettings.Url(Environment.GetEnvironmentVariable("SENDGRID_BASE_ADDRESS"), "SENDGRID_BASE_ADDRESS");
}
catch (SettingException e)
{
    sandbox?.Dispose();
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging(SampleLogging.Configure);
var registration = services.AddSendGridV2StatsClient(options =>
{
    options.Api = api;
    options.Format = format;
    if (sandbox is not null)
    {
        sandbox.Configure(options);
        return;
    }

    options.ApiUser = apiUser!;
    options.ApiKey = apiKey!;
    options.BaseAddress = baseAddress ?? options.BaseAddress;
});
if (sandbox is not null)
{
    registration.UseSandbox(sandbox);
}

try
{
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    var client = provider.GetRequiredService<ISendGridV2StatsClient>();
    var stats = await client.GetStatsAsync(SendGridStatsQuery.ForUser(user).LastDays(days));

    Console.WriteLine($"SendGrid {api} statistics for {user}, last {days} days ({format})");
    Console.WriteLine($"{"Date",-10} {"Requests",10} {"Delivered",10} {"Opens",8} {"Unique",8} {"Clicks",8} {"Bounces",8} {"Spam",6} {"Unsub",6}");
    foreach (var day in stats)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd} {day.Requests,10:N0} {day.Delivered,10:N0} {day.Opens,8:N0} {day.UniqueOpens,8:N0} {day.Clicks,8:N0} {day.Bounces,8:N0} {day.SpamReports,6:N0} {day.Unsubscribes,6:N0}"));
    }

    Console.WriteLine($"{stats.Count} day(s).");
    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error: SendGrid: {SampleErrors.OneLine(e, "SENDGRID_API_USER and SENDGRID_API_KEY", "SENDGRID_BASE_ADDRESS")}");
    return 1;
}
finally
{
    sandbox?.Dispose();
}
