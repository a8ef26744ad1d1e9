using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.SendGridV3;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// SendGrid v3 category statistics: one day or 365 days x 10 categories. The client reads with a hand-written
/// <c>Utf8JsonReader</c> pass into immutable records, so its baseline is what a careful engineer writes: hand-written
/// HttpClient code and System.Text.Json source-generated deserialization into plain mutable DTOs.
/// </summary>
public class SendGridV3Benchmarks : HttpBenchmark
{
    private SendGridV3StatsClient _client = null!;
    private string[] _categories = null!;
    private DateOnly _first;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        var json = Payloads.SendGridV3Json(Size);
        StartServer(_ => new CannedResponse(json, Json));
        _client = new SendGridV3StatsClient(Http, new SendGridV3Options { ApiKey = Payloads.ApiKey });
        _categories = Payloads.SendGridV3Categories(Size);
        _first = Payloads.LastDay.AddDays(-(Payloads.SendGridDays(Size) - 1));
        _path = string.Create(CultureInfo.InvariantCulture, $"v3/categories/stats?start_date={_first:yyyy-MM-dd}&end_date={Payloads.LastDay:yyyy-MM-dd}")
            + string.Concat(_categories.Select(c => "&categories=" + c));

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Count == Payloads.SendGridDays(Size) && client.Count == limit.Count && today.Count == limit.Count, "day counts");
        Check(client.Zip(limit).All(p => p.First.Stats.Count == p.Second.Stats!.Count
            && p.First.Stats.Zip(p.Second.Stats).All(e => e.First.Name == e.Second.Name && e.First.Metrics.Requests == e.Second.Metrics!.Requests
                && e.First.Metrics.UniqueOpens == e.Second.Metrics.UniqueOpens && e.First.Metrics.Unsubscribes == e.Second.Metrics.Unsubscribes)), "client == limit");
        Check(today[^1].Stats![^1].Metrics!.Delivered == limit[^1].Stats![^1].Metrics!.Delivered, "today == limit");
    }

    [Benchmark(Baseline = true)]
    public async Task<List<V3Day>?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.Authorization = new("Bearer", Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, V3DtoContext.Default.ListV3Day).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.Authorization = new("Bearer", Payloads.ApiKey);
        return JsonFloor(request);
    }

    [Benchmark]
    public Task<IReadOnlyList<SendGridV3StatsDay>> Client() =>
        _client.GetCategoryStatsAsync(SendGridV3StatsQuery.Between(_first, Payloads.LastDay).ForCategories(_categories));

    [Benchmark]
    public async Task<List<V3Day>?> Today()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.Authorization = new("Bearer", Payloads.ApiKey);
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<List<V3Day>>(text);
    }
}

// The careful engineer's DTOs: mutable, with source-generated System.Text.Json metadata (Newtonsoft reads the same
// classes through its own attributes).
#pragma warning disable SA1402
public sealed class V3Day
{
    [JsonPropertyName("date")][Newtonsoft.Json.JsonProperty("date")] public string? Date { get; set; }
    [JsonPropertyName("stats")][Newtonsoft.Json.JsonProperty("stats")] public List<V3Entry>? Stats { get; set; }
}

public sealed class V3Entry
{
    [JsonPropertyName("type")][Newtonsoft.Json.JsonProperty("type")] public string? Type { get; set; }
    [JsonPropertyName("name")][Newtonsoft.Json.JsonProperty("name")] public string? Name { get; set; }
    [JsonPropertyName("metrics")][Newtonsoft.Json.JsonProperty("metrics")] public V3Metrics? Metrics { get; set; }
}

public sealed class V3Metrics
{
    [JsonPropertyName("blocks")][Newtonsoft.Json.JsonProperty("blocks")] public long? Blocks { get; set; }
    [JsonPropertyName("bounce_drops")][Newtonsoft.Json.JsonProperty("bounce_drops")] public long? BounceDrops { get; set; }
    [JsonPropertyName("bounces")][Newtonsoft.Json.JsonProperty("bounces")] public long? Bounces { get; set; }
    [JsonPropertyName("clicks")][Newtonsoft.Json.JsonProperty("clicks")] public long? Clicks { get; set; }
    [JsonPropertyName("deferred")][Newtonsoft.Json.JsonProperty("deferred")] public long? Deferred { get; set; }
    [JsonPropertyName("delivered")][Newtonsoft.Json.JsonProperty("delivered")] public long? Delivered { get; set; }
    [JsonPropertyName("invalid_emails")][Newtonsoft.Json.JsonProperty("invalid_emails")] public long? InvalidEmails { get; set; }
    [JsonPropertyName("opens")][Newtonsoft.Json.JsonProperty("opens")] public long? Opens { get; set; }
    [JsonPropertyName("processed")][Newtonsoft.Json.JsonProperty("processed")] public long? Processed { get; set; }
    [JsonPropertyName("requests")][Newtonsoft.Json.JsonProperty("requests")] public long? Requests { get; set; }
    [JsonPropertyName("spam_report_drops")][Newtonsoft.Json.JsonProperty("spam_report_drops")] public long? SpamReportDrops { get; set; }
    [JsonPropertyName("spam_reports")][Newtonsoft.Json.JsonProperty("spam_reports")] public long? SpamReports { get; set; }
    [JsonPropertyName("unique_clicks")][Newtonsoft.Json.JsonProperty("unique_clicks")] public long? UniqueClicks { get; set; }
    [JsonPropertyName("unique_opens")][Newtonsoft.Json.JsonProperty("unique_opens")] public long? UniqueOpens { get; set; }
    [JsonPropertyName("unsubscribe_drops")][Newtonsoft.Json.JsonProperty("unsubscribe_drops")] public long? UnsubscribeDrops { get; set; }
    [JsonPropertyName("unsubscribes")][Newtonsoft.Json.JsonProperty("unsubscribes")] public long? Unsubscribes { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(List<V3Day>))]
internal sealed partial class V3DtoContext : JsonSerializerContext;
#pragma warning restore SA1402
