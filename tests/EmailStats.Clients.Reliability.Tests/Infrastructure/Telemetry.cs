using System.Collections.Concurrent;
using System.Diagnostics;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>
/// Listens, for the whole test run, to the clients' <see cref="ActivitySource"/> (<c>EmailStats.Clients</c>) and to
/// every other source in the process (HttpClient's <c>System.Net.Http</c> and its connection sources among them), and
/// keeps every text an activity carries: names, tags, status descriptions, events and their tags, baggage.
/// </summary>
public static class Telemetry
{
    private static readonly ConcurrentQueue<string> s_texts = new();
    private static readonly ConcurrentDictionary<string, int> s_activitiesBySource = new(StringComparer.Ordinal);
    private static readonly ActivityListener s_listener = Start();

    /// <summary>Every text seen so far.</summary>
    public static IReadOnlyCollection<string> Texts => s_texts.ToArray();

    /// <summary>How many activities each source stopped so far.</summary>
    public static int ActivityCount(string source) => s_activitiesBySource.GetValueOrDefault(source);

    /// <summary>Makes sure the listener runs (the first harness calls it before any request).</summary>
    public static void EnsureStarted() => GC.KeepAlive(s_listener);

    private static ActivityListener Start()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = static activity =>
            {
                s_activitiesBySource.AddOrUpdate(activity.Source.Name, 1, static (_, n) => n + 1);
                s_texts.Enqueue($"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.StatusDescription}");
                foreach (var tag in activity.TagObjects)
                {
                    s_texts.Enqueue($"{tag.Key}={tag.Value}");
                }

                foreach (var item in activity.Baggage)
                {
                    s_texts.Enqueue($"{item.Key}={item.Value}");
                }

                foreach (var activityEvent in activity.Events)
                {
                    s_texts.Enqueue(activityEvent.Name);
                    foreach (var tag in activityEvent.Tags)
                    {
                        s_texts.Enqueue($"{tag.Key}={tag.Value}");
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
