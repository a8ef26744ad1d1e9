using System.Diagnostics;
using EmailStats.Clients.Testing;

namespace EmailStats.Samples.Dashboard.Tests;

/// <summary>
/// The per-provider samples behave alike: with credentials set and no server to answer, each prints one error line on
/// standard error naming what to check, no framework warnings and no stack traces, and exits 1; a malformed setting is
/// refused by name with exit code 2.
/// </summary>
public sealed class SampleTests
{
    // A loopback port nothing listens on: the connection is refused at once.
    private const string Nowhere = "http://127.0.0.1:9/";

    private static readonly (string Sample, string[] Settings, string Expected)[] Unreachable =
    [
        ("SendGridV2", ["SENDGRID_API_USER=user", "SENDGRID_API_KEY=key-0123456789", "SENDGRID_USER=bob", "SENDGRID_BASE_ADDRESS=" + Nowhere], "error: SendGrid: could not be reached"),
        ("SendGridV3", ["SENDGRID_V3_API_KEY=key-0123456789", "SENDGRID_BASE_ADDRESS=" + Nowhere], "error: SendGrid: could not be reached"),
        ("GetResponse", ["GETRESPONSE_V3_API_KEY=key-0123456789", "GETRESPONSE_BASE_ADDRESS=" + Nowhere], "error: GetResponse: could not be reached"),
        ("JsonRpcMessages", ["GETRESPONSE_API_KEY=key-0123456789", "GETRESPONSE_MESSAGE_ID=m", "GETRESPONSE_ENDPOINT=" + Nowhere], "error: GetResponse: could not be reached"),
        ("Mailgun", ["MAILGUN_API_KEY=key-0123456789", "MAILGUN_DOMAIN=mg.example.com", "MAILGUN_BASE_ADDRESS=" + Nowhere], "error: Mailgun: could not be reached"),
        ("Reports", ["REPORTS_API_KEY=key-0123456789", "REPORTS_BASE_ADDRESS=" + Nowhere], "error: Benchmark Email: could not be reached"),
    ];

    [Fact]
    public async Task An_unreachable_server_is_one_line_on_stderr_without_stack_traces_in_every_sample()
    {
        // They run at once: each waits out its retries (a few seconds) before it gives up.
        var runs = await Task.WhenAll(Unreachable.Select(async u => (u.Sample, u.Expected, Run: await RunAsync(u.Sample, u.Settings))));

        Assert.All(runs, r =>
        {
            var (code, output, error) = r.Run;
            Assert.Equal(1, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(r.Expected, line, StringComparison.Ordinal);
            Assert.Contains("(check ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("key-0123456789", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("warn:", output + error, StringComparison.Ordinal);
            Assert.Equal("", output.Trim());
        });
    }

    [Theory]
    [InlineData("SendGridV2", "SENDGRID_BASE_ADDRESS=not-a-url", "error: SENDGRID_BASE_ADDRESS must be an absolute http or https URL such as https://api.example.com/, not 'not-a-url'.")]
    [InlineData("SendGridV3", "SENDGRID_REGION=asia", "error: SENDGRID_REGION must be global or eu, not 'asia'.")]
    [InlineData("Mailgun", "MAILGUN_REGION=asia", "error: MAILGUN_REGION must be us or eu, not 'asia'.")]
    [InlineData("Reports", "REPORTS_BASE_ADDRESS=not-a-url", "error: REPORTS_BASE_ADDRESS must be an absolute http or https URL such as https://api.example.com/, not 'not-a-url'.")]
    [InlineData("GetResponse", "GETRESPONSE_DAYS=0", "error: GETRESPONSE_DAYS must be a whole number from 1 to 3650, not '0'.")]
    [InlineData("JsonRpcMessages", "GETRESPONSE_GROUPING=weekly", "error: GETRESPONSE_GROUPING must be hourly or daily or monthly or yearly, not 'weekly'.")]
    public async Task A_malformed_setting_is_refused_by_name_with_exit_code_2(string sample, string setting, string expected)
    {
        var (code, _, error) = await RunAsync(sample, [setting]);

        Assert.Equal(2, code);
        Assert.Equal(expected, error.Trim());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string sample, string[] settings)
    {
        var start = SamplePrograms.StartInfo(SamplePrograms.Dll(sample), []);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SENDGRID_", StringComparison.Ordinal) || k.StartsWith("GETRESPONSE_", StringComparison.Ordinal)
            || k.StartsWith("MAILGUN_", StringComparison.Ordinal) || k.StartsWith("REPORTS_", StringComparison.Ordinal) || k == "EMAILSTATS_LOG_LEVEL").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            start.Environment[setting[..equals]] = setting[(equals + 1)..];
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(); // no bound: a sample that hangs is named by the run settings
        return (process.ExitCode, await output, await error);
    }
}
