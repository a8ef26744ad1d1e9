using System.Net;
using System.Text.RegularExpressions;
using EmailStats.Clients.DependencyInjection;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>HTTP logging at its most verbose shows only allow-listed header values, and never a body.</summary>
public sealed partial class LoggingTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Trace_logs_show_only_allow_listed_header_values_and_no_body(string provider)
    {
        await using var h = new Harness(provider, o => o.Retry.MaxRetryAttempts = 1);
        h.Serve((request, _) => h.Driver.TagOf(request) == 1
            ? Reply.Json(h.Driver.SuccessBody(request)) with { Headers = new Dictionary<string, string> { ["X-Debug-Token"] = "response-header-marker", ["X-RateLimit-Remaining"] = "41" } }
            : Reply.Text("<!DOCTYPE html><html><body>html-body-marker</body></html>", "text/html", 500));

        Assert.Equal(1, await h.CallAsync(1));
        await h.FailsWith<EmailStatsApiException>(2);

        var lines = h.Logs.Lines;
        var headers = lines.SelectMany(line => line.Split('\n'))
            .Select(line => HeaderLine().Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value))
            .ToList();
        foreach (var (name, value) in headers.Distinct())
        {
            output.WriteLine($"{name}: {value}");
        }

        Assert.Contains(headers, x => x.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && x.Value != "*");
        Assert.Contains(headers, x => x.Name == "X-RateLimit-Remaining" && x.Value == "41");
        Assert.Contains(headers, x => x.Name == "X-Debug-Token" && x.Value == "*");
        Assert.All(headers.Where(x => !EmailStatsClientRegistration.LoggedHeaders.Contains(x.Name)), x => Assert.Equal("*", x.Value));
        Assert.DoesNotContain(lines, line => line.Contains("marker", StringComparison.Ordinal));
        h.Done(Scenarios.LoggingAllowList, "values outside the allow-list logged as *; no body text in any line");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_failed_call_is_one_line_however_many_attempts_it_took_and_a_retried_success_none(string provider)
    {
        await using var h = new Harness(provider, o => o.Retry.MaxRetryAttempts = 2);
        h.Serve((request, attempt) => h.Driver.TagOf(request) == 1 && attempt == 0
            ? Reply.Text("busy", "text/plain", 503)
            : h.Driver.TagOf(request) == 1 ? Reply.Json(h.Driver.SuccessBody(request)) : Reply.Text("busy", "text/plain", 503));

        Assert.Equal(1, await h.CallAsync(1));
        var afterSuccess = Loud(h.Logs.Lines);
        await h.FailsWith<EmailStatsApiException>(2);

        // The HttpClient factory's own per-request lines (System.Net.Http.*) are the application's to filter; the
        // clients and their resilience pipeline add one line per failed call and none for a call a retry saved.
        Assert.Equal(2 + 3, h.Attempts);
        Assert.Empty(afterSuccess);
        var line = Assert.Single(Loud(h.Logs.Lines));
        Assert.StartsWith("Warning ", line, StringComparison.Ordinal);
        Assert.Contains("failed", line, StringComparison.Ordinal);
        Assert.Contains(h.Logs.Lines, l => l.StartsWith("Debug Polly", StringComparison.Ordinal));
        h.AssertNoSecrets();

        static List<string> Loud(IEnumerable<string> lines) => [.. lines.Where(l =>
            !l.StartsWith("Trace ", StringComparison.Ordinal) && !l.StartsWith("Debug ", StringComparison.Ordinal)
            && !l.Contains(" System.Net.Http.", StringComparison.Ordinal))];
    }

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9-]*): (.*)$")]
    private static partial Regex HeaderLine();
}
