using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Benchmarks.Careful;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Serialization;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>GetResponse get_message_stats over JSON-RPC: one daily period, or 8,760 hourly periods.</summary>
public class GetResponseBenchmarks : HttpBenchmark
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private MessageStatsClient _client = null!;
    private MessageStatsGrouping _grouping;
    private DateOnly _from;

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.GetResponse(Size);
        StartServer(_ => new CannedResponse(body, Json));
        // Request ids fixed at 1 (the canned answer's id); the client checks that the answer echoes its request's id.
        _client = new MessageStatsClient(Http, new JsonRpcMessagesOptions { ApiKey = Payloads.ApiKey, Endpoint = Http.BaseAddress! }, logger: null, nextId: static () => 1);
        _grouping = Size == Size.Small ? MessageStatsGrouping.Daily : MessageStatsGrouping.Hourly;
        _from = Size == Size.Small ? Payloads.LastDay : Payloads.LastDay.AddDays(-365);

        var limit = Limit().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Result!.Count == Payloads.GetResponsePeriods(Size), "limit count");
        Check(client.Count == limit.Result.Count && client.All(p => limit.Result[p.Key] is { } l && l.Sent == p.Sent && l.Goals == p.Goals
            && l.BouncesOtherHard == p.BouncesOtherHard && l.ComplaintsUnhandled == p.ComplaintsUnhandled), "client == limit");
        Check(today.Result!.Count == limit.Result.Count && today.Result[client[^1].Key].ComplaintsUnhandled == client[^1].ComplaintsUnhandled, "today == limit");
        Check(Floor().GetAwaiter().GetResult() > 0, "floor");
    }

    /// <summary>The careful engineer's call: the envelope written by hand, the answer read into mutable DTOs keyed by period (keys left as strings).</summary>
    [Benchmark(Baseline = true)]
    public async Task<RpcResponse?> Limit()
    {
        var content = new ByteArrayContent(Envelope());
        content.Headers.ContentType = JsonType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = content };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var envelope = await JsonSerializer.DeserializeAsync(stream, CarefulJsonContext.Default.RpcResponse).ConfigureAwait(false);
        return envelope?.Id != 1 || envelope.Error is not null || envelope.Result is null
            ? throw new InvalidOperationException("not an answer to this call")
            : envelope;
    }

    [Benchmark]
    public Task<long> Floor()
    {
        var content = new ByteArrayContent(Envelope());
        content.Headers.ContentType = JsonType;
        return JsonFloor(new HttpRequestMessage(HttpMethod.Post, "") { Content = content });
    }

    [Benchmark]
    public Task<MessageStats> Client() =>
        _client.GetMessageStatsAsync(MessageStatsQuery.ForMessage(Payloads.MessageId).GroupedBy(_grouping).CreatedFrom(_from).CreatedTo(Payloads.LastDay));

    [Benchmark]
    public async Task<Today.RpcResponse?> Today()
    {
        var request = JsonConvert.SerializeObject(new
        {
            jsonrpc = "2.0",
            id = 1,
            method = "get_message_stats",
            @params = new object[]
            {
                Payloads.ApiKey,
                new { message = Payloads.MessageId, grouping = WireGrouping(), created_on = new { FROM = Day(_from), TO = Day(Payloads.LastDay) } },
            },
        });
        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<Today.RpcResponse>(text);
    }

    private byte[] Envelope()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", 1);
            writer.WriteString("method", "get_message_stats");
            writer.WriteStartArray("params");
            writer.WriteStringValue(Payloads.ApiKey);
            writer.WriteStartObject();
            writer.WriteString("message", Payloads.MessageId);
            writer.WriteString("grouping", WireGrouping());
            writer.WriteStartObject("created_on");
            writer.WriteString("FROM", Day(_from));
            writer.WriteString("TO", Day(Payloads.LastDay));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private string WireGrouping() => _grouping == MessageStatsGrouping.Hourly ? "hourly" : "daily";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The hand-written limit's contract: the JSON-RPC envelope over the package's period model, with the package's lenient counters.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientInt64Converter)])]
[JsonSerializable(typeof(RpcEnvelope))]
internal sealed partial class LimitJsonContext : JsonSerializerContext;

internal sealed class RpcEnvelope
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("result")]
    public Dictionary<string, MessageStatsPeriod>? Result { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}
