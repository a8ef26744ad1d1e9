using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Internal;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// The shape of every HTTP comparison: the same canned response, the same HttpClient (one keep-alive connection
/// to the loopback server), four ways to get the numbers out of it:
/// <list type="bullet">
/// <item><c>Limit</c> (the baseline, Ratio 1.00): what a careful engineer writes by hand: HttpClient code that
/// deserializes the response stream with System.Text.Json source-generated metadata into plain mutable DTOs
/// (<see cref="Careful"/>): no lenient rules, no unknown fields kept.</item>
/// <item><c>Client</c>: the package's typed client (Refit, the shared call path, the package's reader, immutable records).</item>
/// <item><c>Today</c>: what people write today: HttpClient, ReadAsStringAsync and Newtonsoft.Json into their own DTOs.</item>
/// <item><c>Floor</c>: the tokenizer floor: the same request, the body buffered as the client buffers it, one
/// <c>Utf8JsonReader</c> (or <c>XmlReader</c>) pass over it parsing every number and building nothing.</item>
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

    /// <summary>(c) The JSON floor: sends <paramref name="request"/>, buffers the body as the client does, one reader pass parsing every number.</summary>
    protected async Task<long> JsonFloor(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = await ResponseBody.ReadAsync(response.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).ConfigureAwait(false);
            return Tokens.Json(body.Span);
        }
    }

    /// <summary>(c) The XML floor: sends <paramref name="request"/>, buffers the body as the client does, one XmlReader pass parsing every text as a number where it is one.</summary>
    protected async Task<long> XmlFloor(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = await ResponseBody.ReadAsync(response.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).ConfigureAwait(false);
            return Tokens.Xml(body.AsStream());
        }
    }

    /// <summary>Pairwise equality of two lists by <paramref name="same"/>.</summary>
    protected internal static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> same) => Same<T, T>(a, b, same);

    /// <summary>Pairwise agreement of two lists of different types (a model and a DTO) by <paramref name="same"/>.</summary>
    protected internal static bool Same<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b, Func<TA, TB, bool> same) =>
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

/// <summary>The floors' passes: every token read, every number parsed (numbers sent as strings too), nothing built.</summary>
internal static class Tokens
{
    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true };

    public static long Json(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        long sum = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    sum += reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
                    break;
                case JsonTokenType.String when Utf8Parser.TryParse(reader.ValueSpan, out long text, out var used) && used == reader.ValueSpan.Length:
                    sum += text;
                    break;
            }
        }

        return sum;
    }

    public static long Xml(Stream stream)
    {
        using var reader = XmlReader.Create(stream, XmlSettings);
        long sum = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text && long.TryParse(reader.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                sum += value;
            }
        }

        return sum;
    }
}
