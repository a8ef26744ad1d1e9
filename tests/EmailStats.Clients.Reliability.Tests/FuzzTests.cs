using System.Diagnostics;
using System.Text;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>
/// Seeded random bodies straight into every internal parser, through the shared call path (status check, error
/// envelope, parser, exception mapping): only <see cref="EmailStatsException"/> types may come out, no body may hang a
/// call, and no exception may carry the key that some seeds echo.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int BodiesPerParser = 2_000;
    private static readonly TimeSpan PerBody = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Every_parser_survives_2000_mutated_bodies_with_only_typed_exceptions(string provider)
    {
        var driver = Drivers.Drivers.Get(provider);
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning)); // the failure lines carry the messages
        var logger = loggerFactory.CreateLogger("Fuzz");
        var telemetryMark = Telemetry.Count;
        var failures = new List<string>();
        var total = 0;
        var clock = Stopwatch.StartNew();
        foreach (var parser in driver.Parsers)
        {
            var seed = Mutator.SeedOf($"{provider}/{parser.Name}");
            var mutator = new Mutator(seed);
            int read = 0, refused = 0, unreadable = 0, slowest = 0;
            for (var i = 0; i < BodiesPerParser; i++)
            {
                var body = mutator.Next(parser.Seeds);
                total++;
                var watch = Stopwatch.StartNew();
                try
                {
                    await Task.Run(() => parser.ParseAsync(body, logger)).WaitAsync(PerBody);
                    read++;
                }
                catch (EmailStatsApiException e)
                {
                    refused++;
                    Check(e);
                }
                catch (EmailStatsResponseException e)
                {
                    unreadable++;
                    Check(e);
                }
                catch (Exception e)
                {
                    failures.Add($"{parser.Name} seed {seed} body #{i} ({body.Status}, {body.ContentType}): {e.GetType().Name}: {e.Message}\n    body: {Show(body.Body)}");
                }

                slowest = Math.Max(slowest, (int)watch.ElapsedMilliseconds);

                void Check(EmailStatsException e)
                {
                    if (e.Provider != driver.ProviderName)
                    {
                        failures.Add($"{parser.Name} body #{i}: {e.GetType().Name} from {e.Provider}");
                    }

                    var leaked = SecretAssert.TextsOf(e).FirstOrDefault(t => t is not null && driver.Secrets.Any(s => t.Contains(s, StringComparison.Ordinal)));
                    if (leaked is not null)
                    {
                        failures.Add($"{parser.Name} body #{i}: the key leaked into {leaked}");
                    }
                }
            }

            output.WriteLine($"{parser.Name}: {BodiesPerParser} bodies (seed {seed}): {read} read, {refused} EmailStatsApiException, {unreadable} EmailStatsResponseException; slowest {slowest} ms");
        }

        output.WriteLine($"{total} bodies in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} bodies broke the contract:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(BodiesPerParser * driver.Parsers.Count, total);
        Assert.NotEmpty(logs.Lines);
        SecretAssert.NotIn(logs.Lines, [.. driver.Secrets]);
        SecretAssert.NotIn(Telemetry.Since(telemetryMark), [.. driver.Secrets]);
        ReliabilityReport.Record(Scenarios.Fuzz, driver.Name, $"{total:N0} bodies into {driver.Parsers.Count} parsers: only typed exceptions, none hung");
    }

    private static string Show(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
