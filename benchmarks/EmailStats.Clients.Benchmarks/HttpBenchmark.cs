using BenchmarkDotNet.Attributes;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// The shape of every HTTP comparison: the same canned response, the same HttpClient (one keep-alive connection
/// to the loopback server), three ways to get models out of it:
/// <list type="bullet">
/// <item><c>Limit</c> (the baseline, Ratio 1.00): hand-written HttpClient code that deserializes the response stream
/// with the package's own source-generated System.Text.Json contract: what the client can at best cost.</item>
/// <item><c>Client</c>: the package's typed client (Refit, the shared call path, the package's reader).</item>
/// <item><c>Today</c>: what people write today: HttpClient, ReadAsStringAsync and Newtonsoft.Json into their own DTOs.</item>
/// </list>
/// </summary>
public abstract class HttpBenchmark
{
    protected const string Json = "application/json; charset=utf-8";

    private CannedServer? _server;

    [Params(Size.Small, Size.Large)]
    public Size Size { get; set; }

    /// <summary>One client for every variant; its BaseAddress is the server's root.</summary>
    protected HttpClient Http { get; private set; } = null!;

    protected void StartServer(Func<Microsoft.AspNetCore.Http.HttpRequest, CannedResponse> select)
    {
        _server = CannedServer.Start(select);
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = _server.BaseAddress };
    }

    [GlobalCleanup]
    public void StopServer()
    {
        Http?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Pairwise equality of two lists by <paramref name="same"/>.</summary>
    protected internal static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> same) =>
        a.Count == b.Count && a.Zip(b).All(p => same(p.First, p.Second));

    /// <summary>Fails the run (rather than measuring nonsense) when two variants disagree.</summary>
    protected static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark self-check failed: {what}");
        }
    }
}
