using System.Text.Json;
using static EmailStats.Clients.Benchmarks.HttpBenchmark;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Benchmarks.Careful;
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
        Check(limit.Points!.Count == _days, "limit count");
        Check(Same(client.Histogram, limit.Points, static (c, l) => c.Date == l.Date && c.Total == l.Total && c.Detail!.Hard == l.Detail!.Hard && c.Detail.Soft == l.Detail.Soft)
            && client.Peak!.Total == limit.Peak!.Total, "client == limit");
        Check(today.Points!.Count == _days && today.Points[^1].Detail!["soft"] == limit.Points[^1].Detail!.Soft, "today == limit");
        Check(Floor().GetAwaiter().GetResult() > 0, "floor");
    }

    [Benchmark(Baseline = true)]
    public async Task<Careful.Histogram?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path());
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, CarefulJsonContext.Default.Histogram).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path());
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        return JsonFloor(request);
    }

    private string Path() => $"api/reports/email/overall/histogram?pastDays={_days}&eventType=email-bounced&timezone=UTC";

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
        Check(limit.LinkActivity!.Count == Payloads.CampaignLinks(Size), "limit count");
        Check(Same(client.LinkActivity, limit.LinkActivity, static (c, l) => c.Id == l.Id && c.Path == l.Path && c.Clicks.Total == l.Clicks!.Total && c.Clicks.Unique == l.Clicks.Unique)
            && client.Stats.Opens.Rate == limit.Stats!.Opens!.Rate, "client == limit");
        Check(today.LinkActivity!.Count == limit.LinkActivity.Count && today.LinkActivity[^1].Clicks!.Unique == limit.LinkActivity[^1].Clicks!.Unique, "today == limit");
        Check(Floor().GetAwaiter().GetResult() > 0, "floor");
    }

    [Benchmark(Baseline = true)]
    public async Task<Careful.CampaignReport?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/" + Payloads.CampaignId);
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, CarefulJsonContext.Default.CampaignReport).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/email/" + Payloads.CampaignId);
        request.Headers.Add("X-API-Key", Payloads.ApiKey);
        return JsonFloor(request);
    }

    [Benchmark]
    public Task<Reports.CampaignReport> Client() => _client.GetCampaignReportAsync(Payloads.CampaignId);

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
