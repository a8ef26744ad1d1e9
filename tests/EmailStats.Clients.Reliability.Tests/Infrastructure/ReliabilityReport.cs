using System.Collections.Concurrent;
using System.Text;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>One row of RELIABILITY.md: what was tried, run once per provider, or once for all (<paramref name="Shared"/>).</summary>
/// <param name="Id">The key the tests record under.</param>
/// <param name="Group">The section of the table.</param>
/// <param name="Title">What was tried, in one line.</param>
/// <param name="Shared">Only the pipeline every client shares is exercised: run once, on <see cref="Drivers.Drivers.Shared"/>.</param>
public sealed record Scenario(string Id, string Group, string Title, bool Shared = false);

/// <summary>Every scenario of the suite, in the order of the table.</summary>
public static class Scenarios
{
    public const string Faults = "Faults: DI client, standard resilience pipeline (timings shortened), WireMock or a raw socket server";
    public const string Bodies = "Hostile and broken bodies";
    public const string Load = "Load";
    public const string Secrets = "Secrets and logging";

    public const string RetryAfterSeconds = "retry-after-seconds";
    public const string RetryAfterDate = "retry-after-date";
    public const string RetryAfterBeyondBudget = "retry-after-beyond-budget";
    public const string ServerErrorsThenSuccess = "server-errors-then-success";
    public const string ResetThenAnswer = "reset-then-answer";
    public const string ResetEveryAttempt = "reset-every-attempt";
    public const string EmptyResponse200 = "empty-response-200";
    public const string EmptyResponse503 = "empty-response-503";
    public const string MalformedChunk200 = "malformed-chunk-200";
    public const string MalformedChunk502 = "malformed-chunk-502";
    public const string SlowThenOnTime = "slow-then-on-time";
    public const string SlowEveryAttempt = "slow-every-attempt";
    public const string StalledBody = "stalled-body";
    public const string HugeDeclaredBody = "huge-declared-body";
    public const string CircuitOpen = "circuit-open";
    public const string ConcurrencyLimit = "concurrency-limit";
    public const string ReplacedPipeline = "replaced-pipeline";
    public const string CancelInFlight = "cancel-in-flight";
    public const string CancelInBackoff = "cancel-in-backoff";
    public const string TruncatedJson = "truncated-json";
    public const string TruncatedXml = "truncated-xml";
    public const string HtmlWith200 = "html-200";
    public const string EmptyBody = "empty-body";
    public const string ByteOrderMark = "byte-order-mark";
    public const string WrongContentType = "wrong-content-type";
    public const string DeepJson = "deep-json";
    public const string DeepXml = "deep-xml";
    public const string EntityBomb = "entity-bomb";
    public const string ExternalEntity = "external-entity";
    public const string Large50MB = "large-50mb";
    public const string Large50MBChunked = "large-50mb-chunked";
    public const string Fuzz = "fuzz";
    public const string Concurrent500 = "concurrent-500";
    public const string HandlerLifetime = "handler-lifetime";
    public const string LoggingAllowList = "logging-allow-list";
    public const string SecretScan = "secret-scan";

    public static readonly IReadOnlyList<Scenario> All =
    [
        new(RetryAfterSeconds, Faults, "429 with `Retry-After: 1` (seconds), then 200", Shared: true),
        new(RetryAfterDate, Faults, "429 with `Retry-After` as an HTTP date 2 s ahead, then 200", Shared: true),
        new(RetryAfterBeyondBudget, Faults, "429 with `Retry-After: 3600`, longer than the 20 s total budget"),
        new(ServerErrorsThenSuccess, Faults, "503, 503, then 200"),
        new(ResetThenAnswer, Faults, "connection reset before any answer, then reset mid-body, then a proper answer"),
        new(ResetEveryAttempt, Faults, "connection reset mid-body on every attempt"),
        new(EmptyResponse200, Faults, "WireMock `EMPTY_RESPONSE` fault on a 200"),
        new(EmptyResponse503, Faults, "WireMock `EMPTY_RESPONSE` fault on a 503, every attempt"),
        new(MalformedChunk200, Faults, "WireMock `MALFORMED_RESPONSE_CHUNK` fault on a 200 (half the body, then random bytes)"),
        new(MalformedChunk502, Faults, "WireMock `MALFORMED_RESPONSE_CHUNK` fault on a 502, every attempt"),
        new(SlowThenOnTime, Faults, "first answer 3 s late (attempt timeout 1 s), then on time", Shared: true),
        new(SlowEveryAttempt, Faults, "every answer 3 s late (attempt timeout 1 s)", Shared: true),
        new(StalledBody, Faults, "headers and half the body, then silence (attempt timeout 1 s)", Shared: true),
        new(HugeDeclaredBody, Faults, "`Content-Length: 300000000`, over the 256 MiB limit"),
        new(CircuitOpen, Faults, "500 on every attempt until the circuit breaker opens, then one more call", Shared: true),
        new(ConcurrencyLimit, Faults, "a second call while the first is under way, with the concurrency limiter at 1 permit and no queue", Shared: true),
        new(ReplacedPipeline, Faults, "the caller removes the standard handler and adds its own (as the Core README shows): rows 3 and 13 again", Shared: true),
        new(CancelInFlight, Faults, "caller cancels while the server holds its answer for 5 s; and a token cancelled before the call", Shared: true),
        new(CancelInBackoff, Faults, "caller cancels during a 5 s `Retry-After` wait", Shared: true),
        new(TruncatedJson, Bodies, "the success body cut in half"),
        new(TruncatedXml, Bodies, "an XML body cut in half (SendGrid's own XML answer; a foreign XML document for the others)"),
        new(HtmlWith200, Bodies, "an HTML error page with status 200"),
        new(EmptyBody, Bodies, "status 200, empty body"),
        new(ByteOrderMark, Bodies, "a valid success body that starts with a UTF-8 byte-order mark"),
        new(WrongContentType, Bodies, "the valid success body labelled `text/html`"),
        new(DeepJson, Bodies, "JSON nested 100,000 arrays deep"),
        new(DeepXml, Bodies, "XML nested 100,000 elements deep"),
        new(EntityBomb, Bodies, "XML entity-expansion bomb (billion laughs)"),
        new(ExternalEntity, Bodies, "XML external entities: an `http://` URL on the test server and `file:///etc/passwd`"),
        new(Large50MB, Bodies, "a valid 50 MiB answer with Content-Length (white space inside the JSON)", Shared: true),
        new(Large50MBChunked, Bodies, "the same 50 MiB answer, chunked (no Content-Length)", Shared: true),
        new(Fuzz, Bodies, "seeded random fuzz: 2,000 mutated bodies per parser, straight into each internal parser"),
        new(Concurrent500, Load, "two waves of 500 concurrent calls through one DI registration", Shared: true),
        new(HandlerLifetime, Load, "handler lifetime set to 5 s: calls within it, then after it", Shared: true),
        new(LoggingAllowList, Secrets, "HTTP logs at Trace level: header values outside the allow-list, bodies"),
        new(SecretScan, Secrets, "every scenario above: every exception's texts, every log line, every trace tag"),
    ];

    public static readonly IReadOnlySet<string> Ids = All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Collects each scenario's outcome per provider during the run and renders the table of RELIABILITY.md.</summary>
public static class ReliabilityReport
{
    public const string Begin = "<!-- BEGIN GENERATED: tests/EmailStats.Clients.Reliability.Tests (ReportTests). Do not edit by hand. -->";
    public const string End = "<!-- END GENERATED -->";

    private static readonly ConcurrentDictionary<(string Scenario, string Provider), string> s_cells = new();
    private static readonly ConcurrentDictionary<string, int> s_scans = new(StringComparer.Ordinal);

    public static void Record(string scenario, string provider, string outcome)
    {
        Assert.Contains(scenario, Scenarios.Ids);
        Assert.DoesNotContain("|", outcome, StringComparison.Ordinal);
        s_cells[(scenario, provider)] = outcome;
        if (scenario != Scenarios.SecretScan)
        {
            s_scans.AddOrUpdate(provider, 1, static (_, n) => n + 1);
        }
    }

    public static int Scans(string provider) => s_scans.GetValueOrDefault(provider);

    public static IReadOnlyList<string> Missing(IEnumerable<string> providers) =>
        [.. from scenario in Scenarios.All
            from provider in providers
            where scenario.Id != Scenarios.SecretScan && (!scenario.Shared || provider == Drivers.Drivers.Shared) && !s_cells.ContainsKey((scenario.Id, provider))
            select $"{scenario.Id} x {provider}"];

    public static string Render(IReadOnlyList<string> providers)
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        text.Append("| # | Scenario | ").Append(string.Join(" | ", providers)).Append(" |\n");
        text.Append("|---|---|").Append(string.Concat(providers.Select(_ => "---|"))).Append('\n');
        var number = 0;
        foreach (var group in Scenarios.All.GroupBy(s => s.Group))
        {
            text.Append("| | **").Append(group.Key).Append("** |").Append(string.Concat(providers.Select(_ => " |"))).Append('\n');
            foreach (var scenario in group)
            {
                number++;
                text.Append("| ").Append(number).Append(" | ").Append(scenario.Title).Append(" |");
                foreach (var provider in providers)
                {
                    var cell = scenario.Id == Scenarios.SecretScan ? $"no secret found in {Scans(provider)} scenarios"
                        : scenario.Shared && provider != Drivers.Drivers.Shared ? $"shared pipeline: as {Drivers.Drivers.Shared}"
                        : s_cells.GetValueOrDefault((scenario.Id, provider), "NOT RUN");
                    text.Append(' ').Append(cell).Append(" |");
                }

                text.Append('\n');
            }
        }

        text.Append(End).Append('\n');
        return text.ToString();
    }
}
