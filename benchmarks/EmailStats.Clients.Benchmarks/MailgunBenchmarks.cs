using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Benchmarks.Careful;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>Mailgun domain totals with every event: one daily item, or 8,760 hourly items.</summary>
public class MailgunBenchmarks : HttpBenchmark
{
    private static readonly MailgunEvent[] AllEvents =
    [
        MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed, MailgunEvent.Stored,
        MailgunEvent.Opened, MailgunEvent.Clicked, MailgunEvent.Unsubscribed, MailgunEvent.Complained,
    ];

    private MailgunStatsClient _client = null!;
    private AuthenticationHeaderValue _auth = null!;
    private DateTimeOffset _start;
    private DateTimeOffset _end;
    private MailgunResolution _resolution;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.Mailgun(Size);
        StartServer(_ => new CannedResponse(body, Json));
        _client = new MailgunStatsClient(Http, new MailgunOptions { ApiKey = Payloads.ApiKey, BaseAddress = Http.BaseAddress });
        _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + Payloads.ApiKey)));
        _end = new DateTimeOffset(Payloads.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        _start = Size == Size.Small ? _end.AddDays(-1) : _end.AddHours(-Payloads.MailgunItems(Size));
        _resolution = Size == Size.Small ? MailgunResolution.Day : MailgunResolution.Hour;

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Stats!.Count == Payloads.MailgunItems(Size), "limit count");
        Check(Same(client.Stats, limit.Stats, static (c, l) => c.Accepted!.Incoming == l.Accepted!.Incoming && c.Delivered!.Http == l.Delivered!.Http
            && c.Failed!.Permanent!["suppress-bounce"] == l.Failed!.Permanent!["suppress-bounce"] && c.Failed.Temporary!.Total == l.Failed.Temporary!["total"]
            && c.Clicked!.Unique == l.Clicked!.Unique && c.Complained!.Total == l.Complained!.Total), "client == limit");
        Check(today.Stats!.Count == limit.Stats.Count && today.Stats[^1].Clicked!["unique"] == limit.Stats[^1].Clicked!.Unique, "today == limit");
        Check(Floor().GetAwaiter().GetResult() > 0, "floor");
    }

    [Benchmark(Baseline = true)]
    public async Task<MailgunResult?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url());
        request.Headers.Authorization = _auth;
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, CarefulJsonContext.Default.MailgunResult).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<MailgunStatsResult> Client() =>
        _client.GetDomainTotalsAsync(Payloads.MailgunDomain, MailgunStatsQuery.ForEvents(AllEvents).Between(_start, _end).WithResolution(_resolution));

    [Benchmark]
    public async Task<Today.MailgunResult?> Today()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url());
        request.Headers.Authorization = _auth;
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<Today.MailgunResult>(text);
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url());
        request.Headers.Authorization = _auth;
        return JsonFloor(request);
    }

    private string Url()
    {
        var url = new StringBuilder("v3/").Append(Uri.EscapeDataString(Payloads.MailgunDomain)).Append("/stats/total?");
        foreach (var e in AllEvents)
        {
            url.Append("event=").Append(e.ToString().ToLowerInvariant()).Append('&');
        }

        url.Append("start=").Append(Uri.EscapeDataString(Rfc(_start)))
            .Append("&end=").Append(Uri.EscapeDataString(Rfc(_end)))
            .Append("&resolution=").Append(_resolution == MailgunResolution.Day ? "day" : "hour");
        return url.ToString();

        static string Rfc(DateTimeOffset t) => t.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
    }
}
