using System.Globalization;
using System.Text.Json;
using EmailStats.Clients;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace EmailStats.Samples.Dashboard.Tests;

/// <summary>The dashboard against the sandbox, run in-process from its command line: values, exports and exit codes.</summary>
public sealed class DashboardTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly string _folder = Directory.CreateTempSubdirectory("emailstats-dashboard-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _errors = new();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
        _errors.Dispose();
    }

    private IAnsiConsole Console(int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private Task<int> Run(params string[] args) => Run(Config(), args);

    private Task<int> Run(IConfiguration config, params string[] args) => Run(config, 160, args);

    private Task<int> Run(IConfiguration config, int width, params string[] args) =>
        DashboardApp.RunAsync(args, Console(width), _errors, config, CancellationToken.None);

    private string File(string name) => Path.Combine(_folder, name);

    private static List<JsonElement> Providers(string file)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file));
        return [.. json.RootElement.GetProperty("providers").EnumerateArray().Select(p => p.Clone())];
    }

    private string[] ErrorLines => _errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Without_credentials_every_provider_comes_from_the_sandbox_and_exports_as_json()
    {
        var file = File("stats.json");

        var code = await Run("--output", "json", file);

        Assert.Equal(0, code);
        Assert.Equal("", _errors.ToString());
        var text = _out.ToString();
        Assert.StartsWith("No credentials for SendGrid, GetResponse, Mailgun, Benchmark Email: using the built-in sandbox", text, StringComparison.Ordinal);
        var providers = Providers(file);
        Assert.Equal(["SendGrid", "GetResponse", "Mailgun", "Benchmark Email"], providers.Select(p => p.GetProperty("provider").GetString()));
        Assert.All(providers, p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("error").ValueKind);
            Assert.True(p.GetProperty("sandbox").GetBoolean());
            Assert.Equal("UTC", p.GetProperty("time_zone").GetString());
            var days = p.GetProperty("days").EnumerateArray().ToList();
            Assert.Equal(14, days.Count);
            Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days[^1].GetProperty("date").GetString());
        });
        Assert.True(providers[0].GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("sent").GetInt64()) > 0);
        Assert.Equal(JsonValueKind.Null, providers[1].GetProperty("days")[0].GetProperty("delivered").ValueKind);
        Assert.Equal(JsonValueKind.Null, providers[3].GetProperty("days")[0].GetProperty("opens").ValueKind);
        Assert.Contains("Sent per day", text, StringComparison.Ordinal);
        Assert.Contains("── Benchmark Email account", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_numbers_are_the_adapters_numbers()
    {
        var file = File("sendgrid.json");
        await Run("--provider", "sendgrid", "--output", "json", file);

        using var sandbox = EmailStatsSandbox.Create();
        var options = new SendGridV2Options();
        sandbox.Configure(options);
        var expected = await new SendGridV2EmailStatsSource(new SendGridV2StatsClient(new HttpClient(sandbox.CreateHandler()), options), sandbox.SendGrid.Subusers[0], timeProvider: sandbox.Clock)
            .GetDailyMetricsAsync(Today.AddDays(-13), Today);

        var days = Providers(file)[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(expected.Select(d => d.Sent), days.Select(d => (long?)d.GetProperty("sent").GetInt64()));
        Assert.Equal(expected.Select(d => d.Complaints), days.Select(d => (long?)d.GetProperty("complaints").GetInt64()));
        Assert.Equal(expected.Select(d => d.UniqueClicks), days.Select(d => (long?)d.GetProperty("unique_clicks").GetInt64()));
    }

    [Fact]
    public async Task Csv_export_has_a_row_per_provider_and_day_with_empty_cells_for_unreported_metrics()
    {
        var file = File("stats.csv");

        await Run("--provider", "getresponse", "--provider", "benchmark", "--output", "csv", file);

        var lines = await System.IO.File.ReadAllLinesAsync(file);
        Assert.Equal(
            "provider,source,time_zone,date,sent,delivered,opens,unique_opens,clicks,unique_clicks,bounces,hard_bounces,soft_bounces,complaints,unsubscribes,complete,"
            + "delivery_rate,bounce_rate,hard_bounce_rate,complaint_rate,unsubscribe_rate,health,note,error",
            lines[0]);
        Assert.Equal(1 + 28 + 2, lines.Length); // 14 days and a period row per provider
        var getResponse = lines[1].Split(',');
        Assert.Equal("GetResponse", getResponse[0]);
        Assert.Equal(Today.AddDays(-13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), getResponse[3]);
        Assert.Equal("", getResponse[5]);
        var benchmark = lines[^2].Split(',');
        Assert.Equal(["Benchmark Email", "account", "UTC", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], benchmark[..4]);
        Assert.Equal("", benchmark[6]);
        Assert.Equal("", benchmark[8]);
        Assert.Equal("false", benchmark[15]); // today has not ended
        Assert.True(long.TryParse(benchmark[4], CultureInfo.InvariantCulture, out _));
        var period = lines[^1].Split(',');
        Assert.Equal(["Benchmark Email", "account", "UTC", "period"], period[..4]);
        Assert.Contains(period[21], new[] { "Healthy", "Warning", "Critical" });
        Assert.Equal((double)long.Parse(period[10], CultureInfo.InvariantCulture) / long.Parse(period[4], CultureInfo.InvariantCulture), double.Parse(period[17], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Several_outputs_are_all_written()
    {
        var code = await Run("--provider", "mailgun", "--output", "csv", File("a.csv"), "--output", "json", File("a.json"));

        Assert.Equal(0, code);
        Assert.Equal(16, (await System.IO.File.ReadAllLinesAsync(File("a.csv"))).Length);
        Assert.Equal(14, Providers(File("a.json"))[0].GetProperty("days").GetArrayLength());
        Assert.Contains("Wrote " + File("a.csv") + " (csv).", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("Wrote " + File("a.json") + " (json).", _out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sendgrid,mailgun", new[] { "SendGrid", "Mailgun" })]
    [InlineData("mailgun, sendgrid", new[] { "SendGrid", "Mailgun" })]
    [InlineData("reports", new[] { "Benchmark Email" })]
    [InlineData("BENCHMARK,getresponse", new[] { "GetResponse", "Benchmark Email" })]
    public async Task Providers_are_named_comma_separated_or_repeated(string names, string[] expected)
    {
        var file = File("p.json");

        var code = await Run("--provider", names, "--output", "json", file);

        Assert.Equal(0, code);
        Assert.Equal(expected, Providers(file).Select(p => p.GetProperty("provider").GetString()));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("9")]
    [InlineData("sendgird")]
    public async Task An_unknown_provider_or_a_number_is_a_usage_error_listing_the_valid_names(string name)
    {
        var code = await Run("--provider", name);

        Assert.Equal(2, code);
        Assert.Equal($"error: --provider does not know '{name}': use sendgrid, getresponse, mailgun, benchmark (alias: reports).", ErrorLines[0]);
        Assert.DoesNotContain("Email across providers", _out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-13-01")]
    [InlineData("--to", "28/11/2026")]
    [InlineData("--from", "yesterday")]
    public async Task A_bad_date_is_one_line_and_exit_code_2_without_the_help(string option, string value)
    {
        var code = await Run(option, value);

        Assert.Equal(2, code);
        Assert.Equal($"error: {option} takes a date as yyyy-MM-dd (for example 2026-11-28), not '{value}'.", ErrorLines[0]);
        Assert.Equal(2, ErrorLines.Length);
        Assert.DoesNotContain("Options:", _out.ToString() + _errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_range_a_bad_format_and_an_unknown_option_are_usage_errors()
    {
        Assert.Equal(2, await Run("--from", "2026-11-20", "--to", "2026-11-19"));
        Assert.Equal(2, await Run("--output", "xml", "x.xml"));
        Assert.Equal(2, await Run("--output", "json"));
        Assert.Equal(2, await Run("--colour"));

        Assert.Contains("error: --from (2026-11-20) is after --to (2026-11-19).", ErrorLines);
        Assert.Contains("error: --output takes json, csv or html, not 'xml'.", ErrorLines);
        Assert.Contains("error: --output takes a format and a file: --output json FILE, --output csv FILE or --output html FILE.", ErrorLines);
        Assert.Contains(ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("--colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_lists_the_options_and_the_exit_codes()
    {
        var code = await Run("--help");

        Assert.Equal(0, code);
        var text = _out.ToString();
        Assert.Contains("--provider", text, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 every provider answered, 1 some provider failed, 2 bad usage.", text.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_are_read_and_written_in_the_invariant_calendar_under_a_thai_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
        try
        {
            var file = File("thai.json");
            var code = await Run("--from", "2026-11-01", "--to", "2026-11-07", "--provider", "mailgun", "--output", "json", file);

            Assert.Equal(0, code);
            Assert.Contains("Email across providers, 2026-11-01 to 2026-11-07", _out.ToString(), StringComparison.Ordinal);
            Assert.Contains("2026-11-01 Sun", _out.ToString(), StringComparison.Ordinal);
            var days = Providers(file)[0].GetProperty("days").EnumerateArray().ToList();
            Assert.Equal(7, days.Count);
            Assert.Equal("2026-11-01", days[0].GetProperty("date").GetString());
            Assert.True(days.Sum(d => d.GetProperty("sent").GetInt64()) > 0);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("MAILGUN_BASE_ADDRESS", "Mailgun", "MAILGUN_API_KEY")]
    [InlineData("SENDGRID_BASE_ADDRESS", "SendGrid", "SENDGRID_API_KEY")]
    [InlineData("REPORTS_BASE_ADDRESS", "Benchmark Email", "REPORTS_API_KEY")]
    [InlineData("GETRESPONSE_ENDPOINT", "GetResponse", "GETRESPONSE_API_KEY")]
    public async Task A_malformed_address_is_one_line_naming_it_and_the_others_still_show(string setting, string provider, string key)
    {
        var file = File("partial.json");
        var config = Config((setting, "not-a-url"), (key, "key-live-looking-0123456789"));

        var code = await Run(config, "--output", "json", file);

        Assert.Equal(1, code);
        var line = Assert.Single(ErrorLines);
        Assert.Equal($"{provider}: {setting} must be an absolute http or https URL such as https://api.example.com/, not 'not-a-url'.", line);
        Assert.DoesNotContain("   at ", _out.ToString() + _errors, StringComparison.Ordinal);
        Assert.DoesNotContain("key-live-looking", _out.ToString() + _errors, StringComparison.Ordinal);
        var providers = Providers(file);
        Assert.Equal(4, providers.Count);
        Assert.Equal(line[(provider.Length + 2)..], providers.Single(p => p.GetProperty("provider").GetString() == provider).GetProperty("error").GetString());
        Assert.All(providers.Where(p => p.GetProperty("provider").GetString() != provider), p => Assert.Equal(14, p.GetProperty("days").GetArrayLength()));
    }

    [Theory]
    [InlineData("MAILGUN_REGION", "asia", "Mailgun: MAILGUN_REGION must be us or eu, not 'asia'.")]
    [InlineData("SENDGRID_API", "resellr", "SendGrid: SENDGRID_API must be subuser or reseller, not 'resellr'.")]
    [InlineData("REPORTS_TIME_ZONE", "Mars/Base", "Benchmark Email: REPORTS_TIME_ZONE must be a time zone id such as Europe/Paris or UTC, not 'Mars/Base'.")]
    [InlineData("SENDGRID_TIME_ZONE", "Nowhere", "SendGrid: SENDGRID_TIME_ZONE must be a time zone id such as Europe/Paris or UTC, not 'Nowhere'.")]
    public async Task An_invalid_setting_is_refused_by_name_not_ignored(string setting, string value, string expected)
    {
        var code = await Run(Config((setting, value)));

        Assert.Equal(1, code);
        Assert.Equal([expected], ErrorLines);
    }

    [Fact]
    public async Task A_v3_key_reads_sendgrid_v3_live_and_wins_over_v2_credentials()
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true });
        var config = Config(
            ("SENDGRID_V3_API_KEY", sandbox.SendGrid.ApiKey),
            ("SENDGRID_BASE_ADDRESS", sandbox.SendGrid.BaseAddress.ToString()),
            ("SENDGRID_ON_BEHALF_OF", "acme-receipts"),
            ("SENDGRID_API_USER", "v2-user"),
            ("SENDGRID_API_KEY", "v2-key-not-used"));

        var code = await Run(config, "--provider", "sendgrid", "--output", "json", File("v3.json"));

        Assert.Equal(0, code);
        Assert.Equal("", _errors.ToString());
        var sendGrid = Assert.Single(Providers(File("v3.json")));
        Assert.False(sendGrid.GetProperty("sandbox").GetBoolean());
        Assert.Contains("v3 global (on behalf of acme-receipts)", _out.ToString(), StringComparison.Ordinal);
        var days = sendGrid.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(14, days.Count);
        Assert.True(days.Sum(d => d.GetProperty("sent").GetInt64()) > 0);
    }

    [Fact]
    public async Task A_getresponse_v3_key_reads_v3_live_in_the_zone_asked()
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true });
        var config = Config(
            ("GETRESPONSE_V3_API_KEY", sandbox.GetResponse.ApiKey),
            ("GETRESPONSE_BASE_ADDRESS", sandbox.GetResponse.BaseAddress.ToString()),
            ("GETRESPONSE_TIME_ZONE", "Europe/Berlin"),
            ("GETRESPONSE_API_KEY", "json-rpc-key-not-used"));

        var code = await Run(config, "--provider", "getresponse", "--output", "json", File("gr3.json"));

        Assert.Equal(0, code);
        Assert.Equal("", _errors.ToString());
        var getResponse = Assert.Single(Providers(File("gr3.json")));
        Assert.False(getResponse.GetProperty("sandbox").GetBoolean());
        Assert.Equal("Europe/Berlin", getResponse.GetProperty("time_zone").GetString());
        Assert.Contains("v3 newsletters", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(14, getResponse.GetProperty("days").GetArrayLength());
        Assert.All(getResponse.GetProperty("days").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("unique_opens").ValueKind));
    }

    [Fact]
    public async Task A_getresponse_zone_with_a_half_hour_offset_is_refused_by_name()
    {
        var code = await Run(Config(("GETRESPONSE_V3_API_KEY", "k"), ("GETRESPONSE_TIME_ZONE", "Asia/Kolkata")), "--provider", "getresponse");

        Assert.Equal(1, code);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("GetResponse: GETRESPONSE_TIME_ZONE: Asia/Kolkata has an offset that is not a whole number of hours", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v3_setting_that_breaks_a_rule_is_one_line_naming_it()
    {
        var code = await Run(Config(("SENDGRID_V3_API_KEY", "SG.key"), ("SENDGRID_REGION", "asia")), "--provider", "sendgrid");
        Assert.Equal(1, code);
        Assert.Equal(["SendGrid: SENDGRID_REGION must be global or eu, not 'asia'."], ErrorLines);
    }

    [Fact]
    public async Task Live_credentials_without_their_companion_settings_name_them()
    {
        var code = await Run(Config(("SENDGRID_API_KEY", "k"), ("REPORTS_API_KEY", "k")), "--provider", "sendgrid,benchmark");

        Assert.Equal(1, code);
        Assert.Equal(
            [
                "SendGrid: SENDGRID_USER is required with SENDGRID_API_KEY (the customer or subuser to show).",
                "Benchmark Email: REPORTS_BASE_ADDRESS is required with REPORTS_API_KEY (your account's API address, Settings > API Keys).",
            ],
            ErrorLines);
    }

    [Fact]
    public async Task A_refused_key_is_one_line_on_stderr_naming_the_setting_and_the_exports_carry_it()
    {
        using var sandbox = EmailStatsSandbox.Create(new SandboxOptions { Listen = true });
        const string Key = "key-live-looking-0123456789";
        var config = Config(("MAILGUN_API_KEY", Key), ("MAILGUN_BASE_ADDRESS", sandbox.Mailgun.BaseAddress.ToString()));

        var code = await Run(config, "--provider", "sendgrid,mailgun", "--output", "json", File("p.json"), "--output", "csv", File("p.csv"));

        Assert.Equal(1, code);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("Mailgun: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(check MAILGUN_API_KEY).", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Mailgun:", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, _out.ToString() + _errors, StringComparison.Ordinal);
        var providers = Providers(File("p.json"));
        Assert.Equal(JsonValueKind.Null, providers[0].GetProperty("error").ValueKind);
        Assert.Equal(14, providers[0].GetProperty("days").GetArrayLength());
        Assert.False(providers[1].GetProperty("sandbox").GetBoolean());
        Assert.Equal(line["Mailgun: ".Length..], providers[1].GetProperty("error").GetString());
        var csv = await System.IO.File.ReadAllLinesAsync(File("p.csv"));
        Assert.Equal(1 + 14 + 1 + 1, csv.Length); // SendGrid's days and period row, Mailgun's error row
        Assert.StartsWith("Mailgun,", csv[^1], StringComparison.Ordinal);
        Assert.Contains("check MAILGUN_API_KEY", csv[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_80_columns_every_line_fits_and_every_date_is_on_one_line()
    {
        var code = await Run(Config(), 80);

        Assert.Equal(0, code);
        var lines = _out.ToString().Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));
        var dates = lines.Where(l => l.Contains(Today.ToString("MM-dd ddd", CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        Assert.Equal(4, dates.Count);
        Assert.All(dates, l => Assert.Matches(@"\d[\d,]* *$", l.TrimEnd()));
        Assert.Contains("Unique opens and clicks need 120 columns", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Uniq. opens", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_160_columns_every_column_is_shown()
    {
        await Run(Config(), 160, "--provider", "sendgrid");

        var header = _out.ToString().Split('\n').First(l => l.Contains("Date", StringComparison.Ordinal));
        foreach (var column in new[] { "Sent", "Delivered", "Opens", "Uniq. opens", "Clicks", "Uniq. clicks", "Bounces", "Complaints", "Unsubs" })
        {
            Assert.Contains(column, header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_total_row_does_not_add_up_daily_uniques()
    {
        await Run("--provider", "mailgun");

        var text = _out.ToString();
        var total = Assert.Single(text.Split('\n'), l => l.Contains("Total", StringComparison.Ordinal));
        var cells = total.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Total", "n/a", "n/a"], new[] { cells[0], cells[4], cells[6] });
        Assert.True(long.Parse(cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0);
        Assert.Contains("the total leaves them out", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_reaching_past_what_benchmark_serves_shows_its_days_and_notes_the_rest()
    {
        var file = File("reports.json");
        var from = Today.AddDays(-119).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var code = await Run("--from", from, "--provider", "benchmark", "--output", "json", file);

        Assert.Equal(0, code);
        var days = Providers(file)[0].GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(120, days.Count);
        Assert.All(days.Take(30), d => Assert.StartsWith("Benchmark Email reports cover only the past 90 days", d.GetProperty("note").GetString(), StringComparison.Ordinal));
        Assert.All(days.Take(30), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("sent").ValueKind));
        Assert.True(days.Skip(30).Sum(d => d.GetProperty("sent").GetInt64()) > 0);
        Assert.Contains("30 day(s) without numbers: Benchmark Email reports cover only the past 90 days", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transport_failure_is_one_line_with_its_cause_and_the_setting_to_check()
    {
        var inner = new HttpRequestException("The SSL connection could not be established, see inner exception.", new IOException("Received an unexpected EOF or 0 bytes from the transport stream."));
        var e = new EmailStatsTransportException("SendGridV2", TransportFailure.Network, "SendGridV2 could not be reached: The SSL connection could not be established: Received an unexpected EOF or 0 bytes from the transport stream.", inner);

        var line = SampleErrors.OneLine(e, "SENDGRID_API_USER and SENDGRID_API_KEY", "SENDGRID_BASE_ADDRESS");

        Assert.Equal("could not be reached: The SSL connection could not be established: Received an unexpected EOF or 0 bytes from the transport stream (check SENDGRID_BASE_ADDRESS and the network).", line);
        Assert.DoesNotContain("inner exception", SampleErrors.OneLine(inner), StringComparison.OrdinalIgnoreCase);
    }
}
