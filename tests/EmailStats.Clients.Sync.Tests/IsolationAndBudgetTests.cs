using EmailStats.Clients.Sandbox;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// Accounts are isolated (a 401, 5xx or 429 account leaves the others' rows as without it) and each keeps its provider's
/// budget, measured at the sandbox: GetResponse never more than 10 calls at a time or 80 in a second, Benchmark Email
/// under its hourly budget, and no 429 that the rate-limit headers announced.
/// </summary>
public sealed class IsolationAndBudgetTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-isolation-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Func<IServiceProvider, IEmailStatsStore> Sqlite() => _ => new SqliteEmailStatsStore(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));

    [Fact]
    public async Task A_refused_key_a_failing_provider_and_a_rate_limited_account_leave_the_others_rows_as_without_them()
    {
        await using var clean = SyncHarness.Create(Now, SyncHarness.SmallEstate, Sqlite());
        await using var troubled = SyncHarness.Create(Now, sandbox =>
        {
            var settings = SyncHarness.SmallEstate(sandbox);
            var other = sandbox.AddMailgunAccount("troubled", domains: 3);
            settings["EmailStats:Accounts:refused:Provider"] = "Mailgun";
            settings["EmailStats:Accounts:refused:ApiKey"] = "not-the-key-0123456789";
            settings["EmailStats:Accounts:refused:BaseAddress"] = other.BaseAddress.ToString();
            settings["EmailStats:Accounts:refused:Discover:0"] = "domains";
            settings["EmailStats:Accounts:refused:Sources:0"] = "account";
            settings["EmailStats:Accounts:failing:Provider"] = "Mailgun";
            settings["EmailStats:Accounts:failing:ApiKey"] = other.ApiKey;
            settings["EmailStats:Accounts:failing:BaseAddress"] = other.BaseAddress.ToString();
            settings["EmailStats:Accounts:failing:Sources:0"] = "account";
            settings["EmailStats:Accounts:failing:Sources:1"] = "domain:" + other.Domains[0];
            settings["EmailStats:Accounts:invalid:Provider"] = "Mailchimp";
            sandbox.Faults.Enqueue(other, SandboxFault.ServerError(), times: 1000);
            return settings;
        }, Sqlite());
        var limited = troubled.Sandbox.AddSendGridAccount("limited", subusers: 2);

        var expected = await clean.Sync.RunAsync(CancellationToken.None);
        var report = await troubled.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(0, expected.Errors);
        Assert.Equal(expected.Sources.Select(s => (s.SourceId, s.DaysWritten)), report.Sources.Where(s => s.Error is null).Select(s => (s.SourceId, s.DaysWritten)));
        var cleanRows = await clean.CompareWithFreshReadAsync();
        var troubledRows = await troubled.CompareWithFreshReadAsync();
        Assert.Equal(cleanRows.Select(p => (p.Source, p.Stored)), troubledRows.Select(p => (p.Source, p.Stored)), (a, b) => a.Source == b.Source && a.Stored.SequenceEqual(b.Stored));
        Assert.Contains(report.Accounts, a => a.Account == "refused" && a.Error!.Contains("listing its sources failed", StringComparison.Ordinal));
        Assert.All(report.Sources.Where(s => s.Account == "failing"), s => Assert.Contains("503", s.Error, StringComparison.Ordinal));
        Assert.Contains(report.Accounts, a => a.Account == "invalid" && a.Error!.Contains("Provider 'Mailchimp' is not one of", StringComparison.Ordinal));
        Assert.Equal(1 + 2 + 1, report.Errors);
        Assert.DoesNotContain("not-the-key-0123456789", report.ToJson(), StringComparison.Ordinal);
        Assert.Equal(0, limited.Meter.Requests);
    }

    [Fact]
    public async Task A_429_pauses_only_its_account_for_the_wait_it_names_and_the_run_completes()
    {
        await using var harness = SyncHarness.Create(Now, SyncHarness.SmallEstate, Sqlite());
        var mailgun = harness.Sandbox.Accounts.OfType<MailgunSandboxAccount>().Single(a => a.Name == "prop");
        harness.Sandbox.Faults.Enqueue(mailgun, SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), times: 3);

        var report = await harness.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(0, harness.Sandbox.Faults.Pending(mailgun));
        Assert.All(await harness.CompareWithFreshReadAsync(), pair => Assert.Equal(pair.Fresh, pair.Stored));
    }

    [Fact]
    public async Task Getresponse_and_benchmark_accounts_stay_inside_their_published_budgets()
    {
        await using var harness = SyncHarness.Create(Now, sandbox =>
        {
            var letters = sandbox.AddGetResponseAccount("budget", newsletters: 120);
            var studio = sandbox.AddBenchmarkAccount("budget");
            return new Dictionary<string, string?>
            {
                ["EmailStats:Accounts:letters:Provider"] = "GetResponse",
                ["EmailStats:Accounts:letters:ApiKey"] = letters.ApiKey,
                ["EmailStats:Accounts:letters:BaseAddress"] = letters.BaseAddress.ToString(),
                ["EmailStats:Accounts:letters:Discover:0"] = "newsletters",
                ["EmailStats:Accounts:letters:TimeZone"] = "Europe/Warsaw",
                ["EmailStats:Accounts:studio:Provider"] = "Reports",
                ["EmailStats:Accounts:studio:ApiKey"] = studio.ApiKey,
                ["EmailStats:Accounts:studio:BaseAddress"] = studio.BaseAddress.ToString(),
                ["EmailStats:Accounts:studio:Sources:0"] = "account",
            };
        }, Sqlite(), settings: s => s["EmailStats:Sync:MaxConcurrency"] = "64");
        var letters = harness.Sandbox.Accounts.OfType<GetResponseSandboxAccount>().Single(a => a.Name == "budget");
        var studio = harness.Sandbox.Accounts.OfType<BenchmarkSandboxAccount>().Single(a => a.Name == "budget");

        var report = await harness.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.True(letters.Meter.Requests > 120, $"{letters.Meter.Requests} requests");
        Assert.InRange(letters.Meter.MaxConcurrent, 1, 10);
        Assert.InRange(letters.Meter.MaxPerSecond, 1, 80);
        Assert.InRange(studio.Meter.MaxPerHour, 1, 3600);
    }

    [Fact]
    public async Task Announced_rate_limits_are_waited_out_so_no_run_provokes_a_429()
    {
        await using var harness = SyncHarness.Create(Now, sandbox =>
        {
            var parent = sandbox.AddSendGridAccount("announced", subusers: 24);
            var shops = sandbox.AddMailgunAccount("announced", domains: 12);
            parent.LimitRequests(10, TimeSpan.FromSeconds(1));
            shops.LimitRequests(5, TimeSpan.FromSeconds(1));
            return new Dictionary<string, string?>
            {
                ["EmailStats:Accounts:sendgrid:Provider"] = "SendGridV3",
                ["EmailStats:Accounts:sendgrid:ApiKey"] = parent.ApiKey,
                ["EmailStats:Accounts:sendgrid:BaseAddress"] = parent.BaseAddress.ToString(),
                ["EmailStats:Accounts:sendgrid:Discover:0"] = "subusers",
                ["EmailStats:Accounts:mailgun:Provider"] = "Mailgun",
                ["EmailStats:Accounts:mailgun:ApiKey"] = shops.ApiKey,
                ["EmailStats:Accounts:mailgun:BaseAddress"] = shops.BaseAddress.ToString(),
                ["EmailStats:Accounts:mailgun:Discover:0"] = "domains",
            };
        }, Sqlite(), settings: s => s["EmailStats:Sync:MaxConcurrency"] = "16");
        var parent = harness.Sandbox.Accounts.OfType<SendGridSandboxAccount>().Single(a => a.Name == "announced");
        var shops = harness.Sandbox.Accounts.OfType<MailgunSandboxAccount>().Single(a => a.Name == "announced");

        var report = await harness.Sync.RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(24 + 12, report.Sources.Count);
        Assert.True(parent.Meter.Requests > 24 && shops.Meter.Requests > 12);
        Assert.Equal(0, parent.Meter.ProvokedRateLimits);
        Assert.Equal(0, shops.Meter.ProvokedRateLimits);
    }
}
