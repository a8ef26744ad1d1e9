using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Reports;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// Where a client's fixed cost per call goes, on the smallest answer (a one-day Reports histogram): hand-written code
/// reading the stream into the careful DTOs (<c>Limit</c>: one parser for the first three variants, so that they differ
/// only in the wire), the same request with the body buffered as the client buffers it, the Refit wire alone with that
/// buffering, then the whole client (query, Refit, the shared call path with its checks, the reader).
/// </summary>
public class OverheadBenchmarks : HttpBenchmark
{
    private ReportsClient _client = null!;
    private IReportsApi _api = null!;
    private HttpClient _keyed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.ReportsHistogram(Size);
        StartServer(_ => new CannedResponse(body, Json));
        _client = new ReportsClient(Http, new ReportsOptions { ApiKey = Payloads.ApiKey, BaseAddress = Http.BaseAddress });
        // The wire alone: the key as a default header of its own HttpClient (the client attaches it per request).
        _keyed = new HttpClient(new SocketsHttpHandler()) { BaseAddress = Http.BaseAddress };
        _keyed.DefaultRequestHeaders.Add("X-API-Key", Payloads.ApiKey);
        _api = RefitDefaults.Create<IReportsApi>(_keyed);
    }

    [Benchmark(Baseline = true)]
    public async Task<Careful.Histogram?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/overall/histogram?pastDays=1&eventType=email-bounced&timezone=UTC");
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, Careful.CarefulJsonContext.Default.Histogram).ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<Careful.Histogram?> Buffered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/overall/histogram?pastDays=1&eventType=email-bounced&timezone=UTC");
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await ResponseBody.ReadAsync(response.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body.Span, Careful.CarefulJsonContext.Default.Histogram);
    }

    [Benchmark]
    public async Task<Careful.Histogram?> RefitWire()
    {
        using var response = await _api.GetEmailHistogramAsync(1, "email-bounced", "UTC", CancellationToken.None).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await ResponseBody.ReadAsync(response.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body.Span, Careful.CarefulJsonContext.Default.Histogram);
    }

    [Benchmark]
    public Task<ReportHistogram> Client() => _client.GetEmailHistogramAsync(ReportsQuery.PastDays(1), EmailEventType.EmailBounced);
}
