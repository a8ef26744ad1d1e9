using System.Text.RegularExpressions;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Mailgun.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>Mailgun v3: GET with the key as the Basic-auth password of the user <c>api</c>.</summary>
public sealed partial class MailgunDriver() : MailgunDriverBase(ApiKey)
{
    private const string ApiKey = "key-mg+Secret/Value9";

    public override string Name => nameof(EmailStatsProvider.Mailgun);

    public override string MainCall => "GetDomainTotalsAsync(\"dN.example.com\", ForEvents(Delivered))";

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<IMailgunStatsClient>()
            .GetDomainTotalsAsync($"d{tag}.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered), cancellationToken);
        var item = Assert.Single(result.Stats);
        return item.Delivered!.Total;
    }

    public override int? TagOf(WireRequest request)
    {
        var match = DomainTotals().Match(request.PathAndQuery);
        return TagWhenAuthorized(request, request.Method == "GET" && match.Success, match.Groups[1].Value);
    }

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return "{\"description\":\"Daily stats\",\"start\":\"Sun, 01 Sep 2024 00:00:00 UTC\",\"end\":\"Mon, 02 Sep 2024 00:00:00 UTC\",\"resolution\":\"day\","
            + padding
            + $"\"stats\":[{{\"time\":\"Sun, 01 Sep 2024 00:00:00 UTC\",\"delivered\":{{\"smtp\":{tag},\"http\":0,\"optimized\":0,\"total\":{tag}}}}}],\"marker\":\"body-marker-mailgun\"}}";
    }

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    [GeneratedRegex(@"^/v3/d(\d+)\.example\.com/stats/total\?event=delivered$")]
    private static partial Regex DomainTotals();

    private static List<ParserTarget> BuildParsers()
    {
        var errors = ErrorSeeds(ApiKey);
        const string Stats = """{"description":"Hourly","start":"Sun, 01 Sep 2024 00:00:00 UTC","end":"Mon, 02 Sep 2024 00:00:00 UTC","resolution":"hour","tag":"t","stats":[{"time":"Sun, 01 Sep 2024 10:00:00 UTC","accepted":{"incoming":"2","outgoing":40,"total":"42"},"delivered":{"smtp":35,"http":3,"optimized":1,"total":39},"failed":{"temporary":{"espblock":2,"total":2},"permanent":{"bounce":1,"suppress-bounce":"1","delayed-bounce":0,"total":2}},"opened":{"total":25,"unique":20},"clicked":{"total":7,"unique":6},"unsubscribed":{"total":1},"complained":{"total":0},"stored":{"total":0}}]}""";
        const string Aggregates = """{"KEY":{"gmail.com":{"accepted":0,"clicked":"2","opened":1,"unique_clicked":1,"unique_opened":1,"unsubscribed":0,"complained":0,"delivered":0,"bounced":3}}}""";

        return
        [
            Target("GetDomainTotals", [Stats, .. errors], MailgunResponseReader.ReadStats),
            Target("GetProviderAggregates", [Aggregates.Replace("KEY", "providers", StringComparison.Ordinal), .. errors], MailgunResponseReader.ReadProviders),
            Target("GetDeviceAggregates", [Aggregates.Replace("KEY", "devices", StringComparison.Ordinal).Replace("gmail.com", "desktop", StringComparison.Ordinal), .. errors], MailgunResponseReader.ReadDevices),
            Target("ListDomains", ["""{"total_count":2,"items":[{"id":"d1","name":"mail.example.com","state":"active","type":"custom","created_at":"Thu, 13 Oct 2011 18:02:00 GMT","extra":[1,null]},{"name":"b.example.com"}]}""", """{"total_count":0,"items":[]}""", .. errors], MailgunResponseReader.ReadDomains),
            Target("GetCountryAggregates", [Aggregates.Replace("KEY", "countries", StringComparison.Ordinal).Replace("gmail.com", "us", StringComparison.Ordinal), .. errors], MailgunResponseReader.ReadCountries),
        ];

        static ParserTarget Target<T>(string name, string[] seeds, Func<ProviderResponse, T> read) => MailgunDriverBase.Target(ApiKey, name, seeds, read);
    }
}
