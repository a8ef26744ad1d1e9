using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace EmailStats.Clients.DependencyInjection;

/// <summary>
/// One log line per failed call: the client logs the failure once (Warning, with provider, operation and reason), so
/// the events of its resilience pipeline (each attempt, each retry, each attempt's timeout) go to Debug instead of
/// Information and Warning. A circuit that opens keeps its level: it is news about the account, not about one call.
/// Only pipelines of these clients are touched; a severity provider the application set is asked for every other one.
/// </summary>
internal sealed class ResilienceLogLevels(IEnumerable<EmailStatsClientName> clients) : IPostConfigureOptions<TelemetryOptions>
{
    public void PostConfigure(string? name, TelemetryOptions options)
    {
        var ours = clients.Select(c => c.PipelineName).ToFrozenSet(StringComparer.Ordinal);
        var previous = options.SeverityProvider;
        options.SeverityProvider = args =>
        {
            if (args.Source.PipelineName is { } pipeline && ours.Contains(pipeline)
                && args.Event.EventName is not ("OnCircuitOpened" or "OnCircuitClosed" or "OnCircuitHalfOpened"))
            {
                return args.Event.Severity == ResilienceEventSeverity.None ? ResilienceEventSeverity.None : ResilienceEventSeverity.Debug;
            }

            return previous?.Invoke(args) ?? args.Event.Severity;
        };
    }
}
