using System.Net;
using System.Text;
using System.Text.Json;

namespace EmailStats.Samples.Aot;

/// <summary>
/// A local fake of the providers inside the process (the sandbox hosts WireMock, which is not AOT-compatible):
/// it checks each request's route and credentials as the provider would and answers with the provider's wire format.
/// </summary>
internal sealed class LocalFake : HttpMessageHandler
{
    public const string Key = "aot-key-not-a-secret";

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        return path switch
        {
            "/apiv2/customer.stats.json" when body.Contains("api_key=" + Key, StringComparison.Ordinal) => Json(
                """[{"date":"2024-05-01","requests":"120","delivered":117,"opens":40,"blocked":2,"extra":true},{"date":"2024-05-02","requests":80,"delivered":79}]"""),
            "/apiv2/customer.stats.xml" when body.Contains("api_key=" + Key, StringComparison.Ordinal) => Text("text/xml",
                "<stats><day><date>2024-05-01</date><requests>120</requests><delivered>117</delivered><opens>40</opens><blocked>2</blocked></day></stats>"),
            "/" or "" when body.Contains(Key, StringComparison.Ordinal) => Json(
                "{\"jsonrpc\":\"2.0\",\"id\":" + JsonDocument.Parse(body).RootElement.GetProperty("id").GetRawText()
                + ",\"result\":{\"2024-05-01\":{\"sent\":50,\"opened\":20,\"clicked\":\"4\"}}}"),
            "/v3/mg.example.com/stats/total" when request.Headers.Authorization?.Parameter == Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + Key)) => Json(
                """{"description":"totals","start":"Wed, 01 May 2024 00:00:00 UTC","end":"Thu, 02 May 2024 00:00:00 UTC","resolution":"day","stats":[{"time":"Wed, 01 May 2024 00:00:00 UTC","delivered":{"smtp":30,"http":12,"optimized":0,"total":42}}]}"""),
            "/v3/categories/stats" when request.Headers.Authorization is { Scheme: "Bearer", Parameter: Key }
                && request.Headers.TryGetValues("on-behalf-of", out var subuser) && subuser.Single() == "shop-eu"
                && request.RequestUri.Query == "?start_date=2024-05-01&end_date=2024-05-02&categories=news" => Json(
                """[{"date":"2024-05-01","stats":[{"type":"category","name":"news","metrics":{"requests":"120","delivered":117,"machine_opens":3}}]},{"date":"2024-05-02","stats":[{"type":"category","name":"news","metrics":{"requests":80}}]}]"""),
            "/v3/newsletters/N1/statistics" when request.Headers.TryGetValues("X-Auth-Token", out var token) && token.Single() == "api-key " + Key => Paged(
                request.RequestUri.Query.EndsWith("page=1", StringComparison.Ordinal)
                    ? """[{"timeInterval":"2024-05-01T00:00:00+0000/P1D","sent":"50","uniqueOpened":"20","unsubsribed":"2"}]"""
                    : """[{"timeInterval":"2024-05-02T00:00:00+0000/P1D","sent":"5"}]"""),
            "/api/reports/email/campaign-42" when request.Headers.TryGetValues("X-API-Key", out var keys) && keys.Single() == Key => Json(
                """{"stats":{"sent":697,"delivered":655,"opens":{"unique":210,"rate":32.06},"clicks":{"unique":169,"rate":25.8},"complaints":0,"unsubscribes":1},"linkActivity":[{"id":"l1","path":"https://example.com/","clicks":{"total":3,"unique":2}}]}"""),
            _ => Text("application/json", """{"message":"no such route or wrong credentials"}""", HttpStatusCode.Unauthorized),
        };
    }

    private static HttpResponseMessage Json(string body) => Text("application/json", body);

    /// <summary>One of two pages, as GetResponse pages: the TotalPages header.</summary>
    private static HttpResponseMessage Paged(string body)
    {
        var response = Json(body);
        response.Headers.TryAddWithoutValidation("TotalPages", "2");
        return response;
    }

    private static HttpResponseMessage Text(string mediaType, string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
