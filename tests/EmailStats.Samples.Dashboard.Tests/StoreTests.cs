using System.Text.Json;
using EmailStats.Clients;
using EmailStats.Clients.Sync;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard.Tests;

/// <summary><c>--store FILE</c>: the dashboard shows what the sync keeps, every stored source named by its id, asking no provider.</summary>
public sealed class StoreTests : IDisposable
{
    private static readonly DateOnly First = new(2026, 11, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-dashboard-store-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _errors = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
        _errors.Dispose();
    }

    private Task<int> Run(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return DashboardApp.RunAsync(args, console, _errors, new ConfigurationBuilder().Build(), CancellationToken.None);
    }

    private static DailyEmailMetrics Day(string provider, int offset, long sent, long bounces) => new()
    {
        Provider = provider,
        Source = provider,
        Date = First.AddDays(offset),
        Sent = sent,
        Delivered = sent - bounces,
        Bounces = bounces,
        Complaints = 0,
        IsComplete = true,
    };

    [Fact]
    public async Task The_stored_sources_are_compared_with_their_stored_numbers_and_exported()
    {
        var file = Path.Combine(_folder, "emailstats.db");
        var store = new SqliteEmailStatsStore(file);
        await store.InitializeAsync();
        var metrics = EmailMetric.Sent | EmailMetric.Delivered | EmailMetric.Bounces | EmailMetric.Complaints;
        await store.WriteAsync(
            new StoredSource("agency/subuser/shop", "agency", EmailStatsProvider.SendGridV3, "subuser", "shop", "shop", "UTC", metrics, HealthJudging.PeriodAndDays),
            [.. Enumerable.Range(0, 14).Select(i => Day("SendGridV3", i, 1000 + i, 10))],
            First.AddDays(13),
            DateTimeOffset.UnixEpoch);
        await store.WriteAsync(
            new StoredSource("brands/domain/mail.example", "brands", EmailStatsProvider.Mailgun, "domain", "mail.example", "mail.example", "UTC", metrics, HealthJudging.PeriodAndDays),
            [.. Enumerable.Range(0, 14).Select(i => Day("Mailgun", i, 500, i == 3 ? 100 : 5))],
            First.AddDays(13),
            DateTimeOffset.UnixEpoch);
        var json = Path.Combine(_folder, "stored.json");

        var code = await Run("--store", file, "--from", "2026-11-01", "--to", "2026-11-14", "--output", "json", json);

        Assert.Equal(0, code);
        Assert.Equal("", _errors.ToString());
        var lines = _out.ToString().Split('\n');
        var shop = Assert.Single(lines, l => l.Contains("agency/subuser/shop", StringComparison.Ordinal) && l.Contains("14,091", StringComparison.Ordinal));
        Assert.Contains("Healthy", shop, StringComparison.Ordinal);
        var domain = Assert.Single(lines, l => l.Contains("brands/domain/mail.example", StringComparison.Ordinal) && l.Contains("7,000", StringComparison.Ordinal));
        Assert.Contains("Warning bounces 2.36%", domain, StringComparison.Ordinal);
        Assert.Contains("Mailgun: bounces 20.00% on 2026-11-04 (critical", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("── SendGrid agency/subuser/shop (UTC, stored)", _out.ToString(), StringComparison.Ordinal);
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var sources = export.RootElement.GetProperty("providers").EnumerateArray().ToList();
        Assert.Equal(["agency/subuser/shop", "brands/domain/mail.example"], sources.Select(s => s.GetProperty("source").GetString()).Order(StringComparer.Ordinal));
        var mailgun = sources.Single(s => s.GetProperty("provider").GetString() == "Mailgun");
        Assert.Equal(14, mailgun.GetProperty("days").GetArrayLength());
        Assert.Equal((double)(13 * 5 + 100) / 7000, mailgun.GetProperty("totals").GetProperty("bounce_rate").GetDouble(), 12);
        var breach = Assert.Single(mailgun.GetProperty("health").GetProperty("breaches").EnumerateArray(), b => b.GetProperty("date").ValueKind == JsonValueKind.String);
        Assert.Equal("2026-11-04", breach.GetProperty("date").GetString());
        Assert.Equal("Critical", breach.GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_missing_store_file_is_a_usage_error_that_says_how_to_make_one()
    {
        var code = await Run("--store", Path.Combine(_folder, "none.db"));

        Assert.Equal(2, code);
        Assert.Contains("no such file (run the sync first", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
    }

    [Fact]
    public async Task The_provider_filter_narrows_the_stored_sources()
    {
        var file = Path.Combine(_folder, "filter.db");
        var store = new SqliteEmailStatsStore(file);
        await store.InitializeAsync();
        var metrics = EmailMetric.Sent | EmailMetric.Bounces;
        foreach (var (id, provider) in new[] { ("a/account", EmailStatsProvider.Reports), ("b/account", EmailStatsProvider.GetResponse) })
        {
            await store.WriteAsync(new StoredSource(id, id[..1], provider, "account", null, id, "UTC", metrics, HealthJudging.PeriodAndDays), [Day(provider.ToString(), 0, 10, 0)], null, DateTimeOffset.UnixEpoch);
        }

        Assert.Equal(0, await Run("--store", file, "--from", "2026-11-01", "--to", "2026-11-02", "--provider", "benchmark"));

        Assert.Contains("1 sources stored in", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("a/account", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("b/account", _out.ToString(), StringComparison.Ordinal);
    }
}
