// Restored from the packed .nupkg files (warnings as errors, audit advisories included) and run by .ci/run: the sync
// packages as a user gets them. It syncs a small estate of the in-process sandbox into SQLite twice (the second run
// writes nothing new that the first wrote), and registers the PostgreSQL store and the Hangfire workers the documented
// way without a server: what a user's service provider holds, their options refused when wrong, no secret in a name.
// Exit code 0 means the packages work as shipped.
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.Sync;
using EmailStats.Clients.Sync.Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var failures = 0;
void Check(bool ok, string what)
{
    failures += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
}

using var sandbox = EmailStatsSandbox.Create();
var folder = Directory.CreateTempSubdirectory("emailstats-consumer-").FullName;
try
{
    var settings = new Dictionary<string, string?> { ["EmailStats:Sync:Store"] = $"Data Source={Path.Combine(folder, "sync.db")}" };
    void Account(string name, string provider, string apiKey, Uri baseAddress, string key, string value)
    {
        settings[$"EmailStats:Accounts:{name}:Provider"] = provider;
        settings[$"EmailStats:Accounts:{name}:ApiKey"] = apiKey;
        settings[$"EmailStats:Accounts:{name}:BaseAddress"] = baseAddress.ToString();
        settings[$"EmailStats:Accounts:{name}:{key}:0"] = value;
    }

    var sendgrid = sandbox.AddSendGridAccount("shop", subusers: 3);
    var mailgun = sandbox.AddMailgunAccount("brands", domains: 2);
    var getresponse = sandbox.AddGetResponseAccount("news", newsletters: 2);
    // Seven sources: three subusers and two domains discovered, the GetResponse account, the Benchmark account.
    var benchmark = sandbox.AddBenchmarkAccount("studio");
    Account("sendgrid", "SendGridV3", sendgrid.ApiKey, sendgrid.BaseAddress, "Discover", "subusers");
    Account("mailgun", "Mailgun", mailgun.ApiKey, mailgun.BaseAddress, "Discover", "domains");
    Account("getresponse", "GetResponse", getresponse.ApiKey, getresponse.BaseAddress, "Sources", "newsletters");
    Account("benchmark", "Reports", benchmark.ApiKey, benchmark.BaseAddress, "Sources", "account");
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    var services = new ServiceCollection().AddLogging();
    services.AddEmailStatsSync(configuration.GetSection("EmailStats"))
        .UseSourceClock(sandbox.Clock)
        .ConfigureClients((_, client) => client.UseSandbox(sandbox));
    await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
    {
        var sync = provider.GetRequiredService<EmailStatsSync>();
        var first = await sync.RunAsync(CancellationToken.None);
        var second = await sync.RunAsync(CancellationToken.None);
        var store = provider.GetRequiredService<IEmailStatsStore>();
        var sources = await store.GetSourcesAsync();
        Check(first.Errors == 0 && first.DaysWritten > 0, $"first run: {first.Accounts.Count} accounts, {first.Sources.Count} sources, {first.DaysWritten} days written, {first.Errors} errors");
        Check(second.Errors == 0 && second.DaysUnchanged > 0 && second.DaysWritten < first.DaysWritten, $"second run: {second.DaysWritten} days written, {second.DaysUnchanged} unchanged");
        Check(sources.Count == first.Sources.Count && sources.Count == 7, $"{store}: {sources.Count} sources stored");
        var days = await store.ReadAsync(sources[0].Id, DateOnly.MinValue, DateOnly.MaxValue);
        Check(days.Count > 0 && days.Any(d => (d.Metrics.Sent ?? 0) > 0), $"{sources[0].Id}: {days.Count} days stored");
    }

    // PostgreSQL and Hangfire, registered as documented; nothing here connects to a server.
    const string connectionString = "Host=127.0.0.1;Port=5432;Database=emailstats;Username=worker;Password=consumer-secret";
    var workers = new ServiceCollection().AddLogging();
    workers.AddEmailStatsSync(configuration.GetSection("EmailStats"))
        .UseHangfire(connectionString, o => o.Schedule = "*/30 * * * *");
    await using (var provider = workers.BuildServiceProvider())
    {
        var store = provider.GetRequiredService<IEmailStatsStore>();
        Check(store is PostgreSqlEmailStatsStore && !store.ToString()!.Contains("consumer-secret", StringComparison.Ordinal), $"the workers' store: {store}");
        Check(provider.GetServices<IHostedService>().Any(s => s is EmailStatsHangfireSchedule), "the Hangfire schedule is a hosted service");
        Check(provider.GetRequiredService<IOptions<EmailStatsHangfireOptions>>().Value.Schedule == "*/30 * * * *", "the Hangfire options are bound");
    }

    var wrong = new ServiceCollection().AddLogging();
    wrong.AddEmailStatsSync(configuration.GetSection("EmailStats")).UseHangfire(connectionString, o => o.Schedule = "hourly");
    await using (var provider = wrong.BuildServiceProvider())
    {
        try
        {
            _ = provider.GetRequiredService<IOptions<EmailStatsHangfireOptions>>().Value;
            Check(false, "a schedule that is not a cron expression was accepted");
        }
        catch (OptionsValidationException e)
        {
            Check(e.Message.Contains("EmailStats:Hangfire:Schedule", StringComparison.Ordinal), $"refused: {e.Message}");
        }
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

Console.WriteLine(failures == 0 ? "The sync packages work as shipped." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;
