using System.Text.Json;
using static EmailStats.Clients.Benchmarks.HttpBenchmark;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Reports.Serialization;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>Reports (Benchmark Email v1) email-bounced histogram: one day, or 90 days.</summary>
public class ReportsHistogramBenchmarks : HttpBenchmark
{
    private ReportsClient _client = null!;
    private int _days;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.ReportsHistogram(Size);
        StartServer(_ => new CannedResponse(body, Json));
        _client = new ReportsClient(Http, new ReportsOptions { ApiKey = Payloads.ApiKey, BaseAddress = Http.BaseAddress });
        _days = Payloads.HistogramDays(Size);

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Histogram.Count == _days, "limit count");
        Check(Same(limit.Histogram, client.Histogram, (a, b) => a.Date == b.Date && a.Total == b.Total && a.Detail == b.Detail) && limit.Peak == client.Peak, "client == limit");
        Check(today.Points!.Count == _days && today.Points[^1].Detail!["soft"] == limit.Histogram[^1].Detail!.Soft, "today == limit");
    }

    [Benchmark(Baseline = true)]
    public async Task<ReportHistogram?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/email/overall/histogram?pastDays={_days}&eventType=email-bounced&timezone=UTC");
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, ReportsJsonContext.Default.ReportHistogram).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<ReportHistogram> Client() => _client.GetEmailHistogramAsync(ReportsQuery.PastDays(_days), EmailEventType.EmailBounced);

    [Benchmark]
    public async Task<Today.Histogram?> Today()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/email/overall/histogram?pastDays={_days}&eventType=email-bounced&timezone=UTC");
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<Today.Histogram>(text);
    }
}

/// <summary>Reports (Benchmark Email v1) campaign report: 3 links, or 1,000 links.</summary>
public class ReportsCampaignBenchmarks : HttpBenchmark
{
    private ReportsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.ReportsCampaign(Size);
        StartServer(_ => new CannedResponse(body, Json));
        _client = new ReportsClient(Http, new ReportsOptions { ApiKey = Payloads.ApiKey, BaseAddress = Http.BaseAddress });

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.LinkActivity.Count == Payloads.CampaignLinks(Size), "limit count");
        Check(Same(limit.LinkActivity, client.LinkActivity, (a, b) => a.Id == b.Id && a.Path == b.Path && a.Clicks == b.Clicks) && limit.Stats.Opens == client.Stats.Opens, "client == limit");
        Check(today.LinkActivity!.Count == limit.LinkActivity.Count && today.LinkActivity[^1].Clicks!.Unique == limit.LinkActivity[^1].Clicks.Unique, "today == limit");
    }

    [Benchmark(Baseline = true)]
    public async Task<CampaignReport?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/" + Payloads.CampaignId);
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, ReportsJsonContext.Default.CampaignReport).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<CampaignReport> Client() => _client.GetCampaignReportAsync(Payloads.CampaignId);

    [Benchmark]
    public async Task<Today.CampaignReport?> Today()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/" + Payloads.CampaignId);
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<Today.CampaignReport>(text);
    }
}
