using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmailStats.Clients.SendGridV2;
using System.Xml.Serialization;
using EmailStats.Clients.Benchmarks.Careful;
using JsonConvert = Newtonsoft.Json.JsonConvert;

namespace EmailStats.Clients.Benchmarks;

/// <summary>SendGrid v2 category statistics (reseller API): one day or 365 days x 20 categories, JSON and XML.</summary>
public class SendGridBenchmarks : HttpBenchmark
{
    private static readonly XmlSerializer XmlDtos = new(typeof(SendGridXmlStats));

    private SendGridV2StatsClient _json = null!;
    private SendGridV2StatsClient _xml = null!;
    private string[] _categories = null!;
    private DateOnly _first;

    [GlobalSetup]
    public void Setup()
    {
        var json = Payloads.SendGridJson(Size);
        var xml = Payloads.SendGridXml(Size);
        StartServer(request => request.Path.Value!.EndsWith(".xml", StringComparison.Ordinal)
            ? new CannedResponse(xml, "text/xml")
            : new CannedResponse(json, Json));

        var options = new SendGridV2Options { ApiUser = Payloads.ApiUser, ApiKey = Payloads.ApiKey, Api = SendGridV2Api.Reseller };
        _json = new SendGridV2StatsClient(Http, options);
        _xml = new SendGridV2StatsClient(Http, new SendGridV2Options { ApiUser = Payloads.ApiUser, ApiKey = Payloads.ApiKey, Api = SendGridV2Api.Reseller, Format = SendGridV2Format.Xml });
        _categories = Payloads.SendGridCategories(Size);
        _first = Payloads.LastDay.AddDays(-(Payloads.SendGridDays(Size) - 1));

        var limit = Limit().GetAwaiter().GetResult()!;
        var limitXml = LimitXml().GetAwaiter().GetResult()!;
        var client = Client().GetAwaiter().GetResult();
        var clientXml = ClientXml().GetAwaiter().GetResult();
        var today = Today().GetAwaiter().GetResult()!;
        Check(limit.Count == Payloads.SendGridDays(Size) * _categories.Length && limitXml.Days.Count == limit.Count, "limit count");
        Check(Same(client, limit, static (c, l) => c.Category == l.Category && c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == l.Date
            && c.Requests == l.Requests && c.Blocks == l.Blocked && c.UniqueOpens == l.UniqueOpens && c.SpamDrop == l.SpamDrop), "client == limit");
        Check(Same(client, limitXml.Days, static (c, l) => c.Category == l.Category && c.Requests == l.Requests && c.Blocks == l.Blocked && c.SpamDrop == l.SpamDrop), "client == xml limit");
        Check(clientXml.SequenceEqual(client), "xml == json");
        Check(today.Count == limit.Count && today[^1].UniqueOpens == limit[^1].UniqueOpens && today[^1].Blocked == limit[^1].Blocked, "today == limit");
        Check(Floor().GetAwaiter().GetResult() == FloorXml().GetAwaiter().GetResult(), "json floor == xml floor");
    }

    [Benchmark(Baseline = true)]
    public async Task<List<SendGridRow>?> Limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "apiv2/reseller.manage.json") { Content = new FormUrlEncodedContent(Form()) };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, CarefulJsonContext.Default.ListSendGridRow).ConfigureAwait(false);
    }

    [Benchmark]
    public Task<IReadOnlyList<SendGridCategoryStats>> Client() =>
        _json.GetCategoryStatsAsync(SendGridStatsQuery.ForUser(Payloads.SendGridUser).Between(_first, Payloads.LastDay).WithCategories(_categories));

    [Benchmark]
    public async Task<List<Today.SendGridCategoryDay>?> Today()
    {
        using var content = new FormUrlEncodedContent(Form());
        using var response = await Http.PostAsync("apiv2/reseller.manage.json", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return JsonConvert.DeserializeObject<List<Today.SendGridCategoryDay>>(text);
    }

    /// <summary>The same statistics in SendGrid's XML format, through the client (compare with <see cref="Client"/>).</summary>
    [Benchmark]
    public Task<IReadOnlyList<SendGridCategoryStats>> ClientXml() =>
        _xml.GetCategoryStatsAsync(SendGridStatsQuery.ForUser(Payloads.SendGridUser).Between(_first, Payloads.LastDay).WithCategories(_categories));

    /// <summary>The careful engineer's XML: the same request to the XML endpoint, XmlSerializer into the same DTOs.</summary>
    [Benchmark]
    public async Task<SendGridXmlStats?> LimitXml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "apiv2/reseller.manage.xml") { Content = new FormUrlEncodedContent(Form()) };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (SendGridXmlStats?)XmlDtos.Deserialize(stream);
    }

    [Benchmark]
    public Task<long> Floor() => JsonFloor(new HttpRequestMessage(HttpMethod.Post, "apiv2/reseller.manage.json") { Content = new FormUrlEncodedContent(Form()) });

    [Benchmark]
    public Task<long> FloorXml() => XmlFloor(new HttpRequestMessage(HttpMethod.Post, "apiv2/reseller.manage.xml") { Content = new FormUrlEncodedContent(Form()) });

    private List<KeyValuePair<string, string>> Form()
    {
        var form = new List<KeyValuePair<string, string>>(6 + _categories.Length)
        {
            new("api_user", Payloads.ApiUser),
            new("api_key", Payloads.ApiKey),
            new("method", "stats"),
            new("user", Payloads.SendGridUser),
            new("start_date", _first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("end_date", Payloads.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        foreach (var category in _categories)
        {
            form.Add(new("category[]", category));
        }

        return form;
    }
}
