using System.Diagnostics;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>
/// Listens, for the whole test run, to the clients' <see cref="ActivitySource"/> (<c>EmailStats.Clients</c>) and to
/// every other source in the process (HttpClient's <c>System.Net.Http</c> and its connection sources among them), and
/// keeps every text an activity carries: names, tags, status descriptions, events and their tags, baggage.
/// </summary>
public static class Telemetry
{
    private static readonly List<string> s_texts = [];
    private static readonly ActivityListener s_listener = Start();

    /// <summary>How many texts were seen so far: a mark for <see cref="Since"/>.</summary>
    public static int Count
    {
        get
        {
            lock (s_texts)
            {
                return s_texts.Count;
            }
        }
    }

    /// <summary>Every text seen since <paramref name="mark"/> (a <see cref="Count"/> taken earlier).</summary>
    public static IReadOnlyList<string> Since(int mark)
    {
        lock (s_texts)
        {
            return s_texts.GetRange(mark, s_texts.Count - mark);
        }
    }

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
                var texts = new List<string> { $"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.StatusDescription}" };
                texts.AddRange(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
                texts.AddRange(activity.Baggage.Select(item => $"{item.Key}={item.Value}"));
                foreach (var activityEvent in activity.Events)
                {
                    texts.Add(activityEvent.Name);
                    texts.AddRange(activityEvent.Tags.Select(tag => $"{tag.Key}={tag.Value}"));
                }

                lock (s_texts)
                {
                    s_texts.AddRange(texts);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
