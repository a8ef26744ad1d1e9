using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.Internal;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.JsonRpcMessages.JsonRpc;
using EmailStats.Clients.JsonRpcMessages.Serialization;
using EmailStats.Clients.Mailgun.Serialization;
using EmailStats.Clients.Reports.Serialization;
using EmailStats.Clients.SendGridV2.Serialization;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>The large payloads the parsers are measured on.</summary>
public enum ParserPayload
{
    SendGridJson,
    Mailgun,
    GetResponse,
    ReportsHistogram,
    ReportsCampaign,
}

/// <summary>A body already in memory, as the parsers receive it: no HTTP, no I/O.</summary>
internal static class InMemory
{
    public static ProviderResponse Response(byte[] bytes, string mediaType)
    {
        var message = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var body = ResponseBody.ReadAsync(message.Content, ResponseBody.DefaultMaxBytes, CancellationToken.None).GetAwaiter().GetResult();
        var context = new ProviderCallPath("Benchmark", new Secrets(Payloads.ApiKey), static _ => null);
        return new ProviderResponse(context, message, body);
    }

    public static byte[] Bytes(ParserPayload payload) => payload switch
    {
        ParserPayload.SendGridJson => Payloads.SendGridJson(Size.Large),
        ParserPayload.Mailgun => Payloads.Mailgun(Size.Large),
        ParserPayload.GetResponse => Payloads.GetResponse(Size.Large),
        ParserPayload.ReportsHistogram => Payloads.ReportsHistogram(Size.Large),
        _ => Payloads.ReportsCampaign(Size.Large),
    };
}

/// <summary>
/// The parsers alone, on the large payloads already in memory: the package's reader (the code the client runs on the
/// buffered body, with its envelope checks) against what a careful engineer writes (System.Text.Json source-generated
/// into plain mutable DTOs, <see cref="Careful"/>) and against Newtonsoft.Json from a string into DTOs (decoding the
/// string included, as ReadAsStringAsync does).
/// </summary>
public class ParserBenchmarks
{
    private ProviderResponse _response = null!;
    private byte[] _bytes = null!;
    private MessageStatsQuery _query = null!;

    [Params(ParserPayload.SendGridJson, ParserPayload.Mailgun, ParserPayload.GetResponse, ParserPayload.ReportsHistogram, ParserPayload.ReportsCampaign)]
    public ParserPayload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = InMemory.Bytes(Payload);
        _response = InMemory.Response(_bytes, "application/json");
        _query = MessageStatsQuery.ForMessage(Payloads.MessageId).GroupedBy(MessageStatsGrouping.Hourly);
    }

    [Benchmark(Baseline = true)]
    public object? CarefulDtos() => Payload switch
    {
        ParserPayload.SendGridJson => JsonSerializer.Deserialize(_bytes, EmailStats.Clients.Benchmarks.Careful.CarefulJsonContext.Default.ListSendGridRow),
        ParserPayload.Mailgun => JsonSerializer.Deserialize(_bytes, EmailStats.Clients.Benchmarks.Careful.CarefulJsonContext.Default.MailgunResult),
        ParserPayload.GetResponse => JsonSerializer.Deserialize(_bytes, EmailStats.Clients.Benchmarks.Careful.CarefulJsonContext.Default.RpcResponse),
        ParserPayload.ReportsHistogram => JsonSerializer.Deserialize(_bytes, EmailStats.Clients.Benchmarks.Careful.CarefulJsonContext.Default.Histogram),
        _ => JsonSerializer.Deserialize(_bytes, EmailStats.Clients.Benchmarks.Careful.CarefulJsonContext.Default.CampaignReport),
    };

    [Benchmark]
    public object Package() => Payload switch
    {
        ParserPayload.SendGridJson => SendGridResponseReader.ReadCategoryStats(_response),
        ParserPayload.Mailgun => MailgunResponseReader.ReadStats(_response),
        ParserPayload.GetResponse => JsonRpcResponseReader.ReadResult(_response, 1, (ref Utf8JsonReader reader, ProviderResponse r) => MessageStatsReader.Read(ref reader, r, _query)),
        ParserPayload.ReportsHistogram => ReportsResponseReader.ReadHistogram(_response),
        _ => ReportsResponseReader.ReadCampaignReport(_response),
    };

    [Benchmark]
    public object? Newtonsoft()
    {
        var text = Encoding.UTF8.GetString(_bytes);
        return Payload switch
        {
            ParserPayload.SendGridJson => JsonConvert.DeserializeObject<List<Today.SendGridCategoryDay>>(text),
            ParserPayload.Mailgun => JsonConvert.DeserializeObject<Today.MailgunResult>(text),
            ParserPayload.GetResponse => JsonConvert.DeserializeObject<Today.RpcResponse>(text),
            ParserPayload.ReportsHistogram => JsonConvert.DeserializeObject<Today.Histogram>(text),
            _ => JsonConvert.DeserializeObject<Today.CampaignReport>(text),
        };
    }
}

/// <summary>SendGrid's reader on the same 365 x 20 category statistics, as JSON and as XML: the cost of the XML transcoding.</summary>
public class SendGridFormatParserBenchmarks
{
    private ProviderResponse _json = null!;
    private ProviderResponse _xml = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = InMemory.Response(Payloads.SendGridJson(Size.Large), "application/json");
        _xml = InMemory.Response(Payloads.SendGridXml(Size.Large), "text/xml");
    }

    [Benchmark(Baseline = true)]
    public object Json() => SendGridResponseReader.ReadCategoryStats(_json);

    [Benchmark]
    public object Xml() => SendGridResponseReader.ReadCategoryStats(_xml);
}
