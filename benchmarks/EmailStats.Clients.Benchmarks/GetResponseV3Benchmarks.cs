using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.GetResponse;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>
/// GetResponse v3 newsletter statistics: one day or 8,760 hourly elements, numbers as strings. The baseline is what a
/// careful engineer writes: hand-written HttpClient code and System.Text.Json source-generated deserialization into
/// plain mutable DTOs (numbers read from strings).
/// </summary>
public class GetResponseV3Benchmarks : HttpBenchmark
{
    private GetResponseStatsClient _client = null!;
    private GetResponseStatsQuery _query = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        var json = Payloads.GetResponseV3(Size);
        StartServer(_ => new CannedResponse(json, Json));
        _client = new GetResponseStatsClient(Http, new GetResponseOptions { ApiKey = Payloads.ApiKey, BaseAddress = new Uri(Http.BaseAddress!, "v3/") });
        _query = GetResponseStatsQuery.All().GroupedBy(Size == Size.Small ? GetResponseGrouping.Day : GetResponseGrouping.Hour);
        _path = $"v3/newsletters/{Payloads.MessageId}/statistics?query%5BgroupBy%5D={(Size == Size.Small ? "day" : "hour")}";

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Count == Payloads.GetResponsePeriods(Size) && client.Items.Count == limit.Count && today.Count == limit.Count, "element counts");
        Check(client.Items.Zip(limit).All(p => p.First.Sent == p.Second.Sent && p.First.Complaints == p.Second.Complaints && p.First.UniqueHumanClicked == p.Second.UniqueHumanClicked), "client == limit");
        Check(today[^1].Bounced == limit[^1].Bounced, "today == limit");
    }

    [Benchmark(Baseline = true)]
    public async Task<List<GrPeriod>?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "api-key " + Payloads.ApiKey);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, GrDtoContext.Default.ListGrPeriod).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "api-key " + Payloads.ApiKey);
        return JsonFloor(request);
    }

    [Benchmark]
    public Task<GetResponseStatsPage> Client() => _client.GetNewsletterStatsAsync(Payloads.MessageId, _query);

    [Benchmark]
    public async Task<List<GrPeriod>?> Today()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "api-key " + Payloads.ApiKey);
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return JsonConvert.DeserializeObject<List<GrPeriod>>(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}

#pragma warning disable SA1402
public sealed class GrPeriod
{
    [JsonPropertyName("timeInterval")][Newtonsoft.Json.JsonProperty("timeInterval")] public string? TimeInterval { get; set; }
    [JsonPropertyName("sent")][Newtonsoft.Json.JsonProperty("sent")] public long? Sent { get; set; }
    [JsonPropertyName("totalOpened")][Newtonsoft.Json.JsonProperty("totalOpened")] public long? TotalOpened { get; set; }
    [JsonPropertyName("totalHumanOpened")][Newtonsoft.Json.JsonProperty("totalHumanOpened")] public long? TotalHumanOpened { get; set; }
    [JsonPropertyName("uniqueOpened")][Newtonsoft.Json.JsonProperty("uniqueOpened")] public long? UniqueOpened { get; set; }
    [JsonPropertyName("uniqueHumanOpened")][Newtonsoft.Json.JsonProperty("uniqueHumanOpened")] public long? UniqueHumanOpened { get; set; }
    [JsonPropertyName("totalClicked")][Newtonsoft.Json.JsonProperty("totalClicked")] public long? TotalClicked { get; set; }
    [JsonPropertyName("totalHumanClicked")][Newtonsoft.Json.JsonProperty("totalHumanClicked")] public long? TotalHumanClicked { get; set; }
    [JsonPropertyName("uniqueClicked")][Newtonsoft.Json.JsonProperty("uniqueClicked")] public long? UniqueClicked { get; set; }
    [JsonPropertyName("uniqueHumanClicked")][Newtonsoft.Json.JsonProperty("uniqueHumanClicked")] public long? UniqueHumanClicked { get; set; }
    [JsonPropertyName("goals")][Newtonsoft.Json.JsonProperty("goals")] public long? Goals { get; set; }
    [JsonPropertyName("uniqueGoals")][Newtonsoft.Json.JsonProperty("uniqueGoals")] public long? UniqueGoals { get; set; }
    [JsonPropertyName("forwarded")][Newtonsoft.Json.JsonProperty("forwarded")] public long? Forwarded { get; set; }
    [JsonPropertyName("unsubscribed")][Newtonsoft.Json.JsonProperty("unsubscribed")] public long? Unsubscribed { get; set; }
    [JsonPropertyName("bounced")][Newtonsoft.Json.JsonProperty("bounced")] public long? Bounced { get; set; }
    [JsonPropertyName("complaints")][Newtonsoft.Json.JsonProperty("complaints")] public long? Complaints { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<GrPeriod>))]
internal sealed partial class GrDtoContext : JsonSerializerContext;
#pragma warning restore SA1402
