using System.Text.RegularExpressions;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.GetResponse.Serialization;
using EmailStats.Clients.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>GetResponse API v3: GET with <c>query[...]</c> parameters, the key as <c>X-Auth-Token: api-key {key}</c>.</summary>
public sealed partial class GetResponseDriver : ProviderDriver
{
    // Characters an escaping step would change, so every escaped form is checked too.
    private const string ApiKey = "gr3+Secret/Key=Reliab1lity";

    public override string Name => nameof(EmailStatsProvider.GetResponse);

    public override string MainCall => "GetNewsletterStatsAsync(\"nN\", GroupedBy(Total))";

    public override IReadOnlyList<string> Secrets { get; } = [ApiKey, Uri.EscapeDataString(ApiKey), "api-key " + ApiKey];

    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddGetResponseStatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri(baseAddress, "v3/");
        });

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var page = await services.GetRequiredService<IGetResponseStatsClient>().GetNewsletterStatsAsync($"n{tag}", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total), cancellationToken);
        var total = Assert.Single(page.Items);
        Assert.Equal(total.Sent, total.UniqueOpened);
        return total.Sent!.Value;
    }

    public override int? TagOf(WireRequest request)
    {
        var match = NewsletterPath().Match(request.PathAndQuery);
        return request.Method == "GET" && match.Success && request.Headers.GetValueOrDefault("X-Auth-Token") == "api-key " + ApiKey
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return $$"""[{"timeInterval":"2026-11-01T00:00:00+0000/P30D",{{padding}}"sent":"{{tag}}","uniqueOpened":{{tag}},"unsubsribed":"1","marker":"body-marker-getresponse"}]""";
    }

    public override string ErrorBody(string message) =>
        $$"""{"httpStatus":400,"code":1000,"codeDescription":"General error","message":"{{message}}","moreInfo":"https://apidocs.getresponse.com/en/v3/errors/1000","context":{},"uuid":"u"}""";

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    [GeneratedRegex(@"^/v3/newsletters/n(\d+)/statistics\?")]
    private static partial Regex NewsletterPath();

    /// <summary>The listing: newsletters with the fields GetResponse sends and one it may add.</summary>
    private static readonly string[] Newsletters =
    [
        """[{"newsletterId":"n1","name":"Weekly","type":"broadcast","status":"enabled","sendOn":"2026-11-01T10:00:00+0000","campaign":{"campaignId":"c1","name":"Shop"},"extra":[1,null]},{"newsletterId":"n2","name":null}]""",
        """[]""",
    ];

    private static List<ParserTarget> BuildParsers()
    {
        string[] seeds =
        [
            """[{"timeInterval":"2014-09-20T00:00:00+0000/P2M18DT10H0M0S","sent":"2","totalOpened":"4","uniqueOpened":"6","totalClicked":"2","uniqueClicked":"0","goals":"0","uniqueGoals":"0","forwarded":"0","unsubsribed":"0","bounced":"0","complaints":"0"}]""",
            """[{"timeInterval":"2026-11-01T00:00:00Z/PT1H","sent":12,"totalHumanOpened":3,"extra":{"x":[1,2.5,null]}},{"timeInterval":"2026-11-01T01:00:00+00:00/PT1H","sent":null}]""",
            $$"""{"httpStatus":401,"code":1014,"codeDescription":"Problem during authentication process","message":"Bad token api-key {{ApiKey}}","moreInfo":"m","context":{"authenticationType":"auth_token"},"uuid":"u"}""",
            """{"httpStatus":429,"code":1015,"codeDescription":"Too many request","message":"wait","context":{"currentLimit":30000,"timeToReset":"100 seconds"}}""",
        ];
        return
        [
            new("GetNewsletterStats", seeds, (body, logger) => ParseDirect(nameof(EmailStatsProvider.GetResponse), new Secrets(ApiKey, "api-key " + ApiKey), GetResponseResponseReader.ReadError, GetResponseResponseReader.ReadPage, body, logger)),
            new("ListNewsletters", [.. Newsletters, .. seeds[2..]], (body, logger) => ParseDirect(nameof(EmailStatsProvider.GetResponse), new Secrets(ApiKey, "api-key " + ApiKey), GetResponseResponseReader.ReadError, GetResponseResponseReader.ReadNewsletters, body, logger)),
        ];
    }
}
