using System.Text.Json;
using EmailStats.Clients;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard.Tests;

/// <summary>The dashboard against the sandbox: every provider, exports with values, one failure isolated.</summary>
public sealed class DashboardTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-dashboard-").FullName;
    private readonly StringWriter _out = new();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
    }

    private IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        return console;
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static DashboardArguments Args(string? format = null, string? file = null, params Provider[] providers) =>
        new(Today.AddDays(-13), Today, providers.Length == 0 ? Enum.GetValues<Provider>() : providers, format, file);

    [Fact]
    public async Task Without_credentials_every_provider_comes_from_the_sandbox_and_exports_as_json()
    {
        var file = Path.Combine(_folder, "stats.json");

        var code = await DashboardApp.RunAsync(Args("json", file), Console(), Config(), CancellationToken.None);

        Assert.Equal(0, code);
        var text = _out.ToString();
        Assert.StartsWith("No credentials for SendGrid, GetResponse, Mailgun, Reports: using the built-in sandbox", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var providers = json.RootElement.GetProperty("providers").EnumerateArray().ToList();
        Assert.Equal(["SendGrid", "GetResponse", "Mailgun", "Reports"], providers.Select(p => p.GetProperty("provider").GetString()));
        Assert.All(providers, p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("error").ValueKind);
            Assert.True(p.GetProperty("sandbox").GetBoolean());
            var days = p.GetProperty("days").EnumerateArray().ToList();
            Assert.Equal(14, days.Count);
            Assert.Equal(Today.ToString("yyyy-MM-dd"), days[^1].GetProperty("date").GetString());
        });
        Assert.True(providers[0].GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("sent").GetInt64()) > 0);
        Assert.Equal(JsonValueKind.Null, providers[1].GetProperty("days")[0].GetProperty("delivered").ValueKind);
        Assert.Equal(JsonValueKind.Null, providers[3].GetProperty("days")[0].GetProperty("opens").ValueKind);
        Assert.Contains("Sent per day", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_row_does_not_add_up_daily_uniques()
    {
        await DashboardApp.RunAsync(Args(null, null, Provider.Mailgun), Console(), Config(), CancellationToken.None);

        var text = _out.ToString();
        var total = Assert.Single(text.Split('\n'), l => l.Contains("Total", StringComparison.Ordinal));
        var cells = total.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Total", "n/a", "n/a"], new[] { cells[0], cells[4], cells[6] });
        Assert.True(long.Parse(cells[1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("the total leaves them out", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_reaching_past_what_benchmark_serves_shows_its_days_and_notes_the_rest()
    {
        var file = Path.Combine(_folder, "reports.json");

        var code = await DashboardApp.RunAsync(
            new DashboardArguments(Today.AddDays(-119), Today, [Provider.Reports], "json", file), Console(), Config(), CancellationToken.None);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var days = json.RootElement.GetProperty("providers")[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(120, days.Count);
        Assert.All(days.Take(30), d => Assert.StartsWith("Benchmark Email reports cover only the past 90 days", d.GetProperty("note").GetString(), StringComparison.Ordinal));
        Assert.All(days.Take(30), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("sent").ValueKind));
        Assert.True(days.Skip(30).Sum(d => d.GetProperty("sent").GetInt64()) > 0);
        Assert.Contains("30 day(s) without numbers: Benchmark Email reports cover only the past 90 days", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_numbers_are_the_adapters_numbers()
    {
        var file = Path.Combine(_folder, "sendgrid.json");
        await DashboardApp.RunAsync(Args("json", file, Provider.SendGrid), Console(), Config(), CancellationToken.None);

        using var sandbox = EmailStatsSandbox.Start();
        var options = new SendGridV2Options();
        sandbox.Configure(options);
        var expected = await new SendGridV2EmailStatsSource(new SendGridV2StatsClient(new HttpClient(), options), sandbox.SendGridV2.Users[0])
            .GetDailyMetricsAsync(Today.AddDays(-13), Today);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var days = json.RootElement.GetProperty("providers")[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(expected.Select(d => d.Sent), days.Select(d => (long?)d.GetProperty("sent").GetInt64()));
        Assert.Equal(expected.Select(d => d.Complaints), days.Select(d => (long?)d.GetProperty("complaints").GetInt64()));
        Assert.Equal(expected.Select(d => d.UniqueClicks), days.Select(d => (long?)d.GetProperty("unique_clicks").GetInt64()));
    }

    [Fact]
    public async Task Csv_export_has_a_row_per_provider_and_day_with_empty_cells_for_unreported_metrics()
    {
        var file = Path.Combine(_folder, "stats.csv");

        await DashboardApp.RunAsync(Args("csv", file, Provider.GetResponse, Provider.Reports), Console(), Config(), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("provider,source,time_zone,date,sent,delivered,opens,unique_opens,clicks,unique_clicks,bounces,complaints,unsubscribes,note", lines[0]);
        Assert.Equal(1 + 28, lines.Length);
        var getResponse = lines[1].Split(',');
        Assert.Equal("GetResponse", getResponse[0]);
        Assert.Equal(Today.AddDays(-13).ToString("yyyy-MM-dd"), getResponse[3]);
        Assert.Equal("", getResponse[5]);
        var reports = lines[^1].Split(',');
        Assert.Equal(["Reports", "account", "UTC", Today.ToString("yyyy-MM-dd")], reports[..4]);
        Assert.Equal("", reports[6]);
        Assert.Equal("", reports[8]);
        Assert.True(long.TryParse(reports[4], out _));
    }

    [Fact]
    public async Task One_failing_provider_is_one_line_and_the_others_still_show()
    {
        using var sandbox = EmailStatsSandbox.Start();
        const string Key = "key-live-looking-0123456789";
        var config = Config(("MAILGUN_API_KEY", Key), ("MAILGUN_BASE_ADDRESS", sandbox.Mailgun.BaseAddress.ToString()));
        var file = Path.Combine(_folder, "partial.json");

        var code = await DashboardApp.RunAsync(Args("json", file, Provider.SendGrid, Provider.Mailgun), Console(), config, CancellationToken.None);

        Assert.Equal(0, code);
        var text = _out.ToString();
        var errorLines = text.Split('\n').Where(l => l.StartsWith("Mailgun:", StringComparison.Ordinal)).ToList();
        Assert.Single(errorLines);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var providers = json.RootElement.GetProperty("providers").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, providers[0].GetProperty("error").ValueKind);
        Assert.Equal(14, providers[0].GetProperty("days").GetArrayLength());
        Assert.False(providers[1].GetProperty("sandbox").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, providers[1].GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task A_reversed_range_and_an_unknown_format_are_one_line_errors()
    {
        var reversed = await DashboardApp.RunAsync(new DashboardArguments(Today, Today.AddDays(-1), [Provider.Mailgun], null, null), Console(), Config(), CancellationToken.None);
        var format = await DashboardApp.RunAsync(Args("xml", "x.xml"), Console(), Config(), CancellationToken.None);

        Assert.Equal(2, reversed);
        Assert.Equal(2, format);
        Assert.Contains("error: --from", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("--output takes json or csv", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_credentials_without_their_companion_setting_are_reported_not_thrown()
    {
        var code = await DashboardApp.RunAsync(Args(null, null, Provider.SendGrid), Console(), Config(("SENDGRID_API_KEY", "k")), CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("SendGrid: SENDGRID_USER is required", _out.ToString(), StringComparison.Ordinal);
    }
}
