using System.Text.RegularExpressions;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Mailgun.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>Mailgun's Metrics API: a JSON POST with the key as the Basic-auth password of the user <c>api</c>.</summary>
public sealed partial class MailgunMetricsDriver() : MailgunDriverBase(ApiKey)
{
    private const string ApiKey = "key-mgm+Secret/Value7";

    public override string Name => "Mailgun Metrics";

    public override string MainCall => "QueryMetricsAsync(ForMetrics(DeliveredCount).Where(domain = \"dN.example.com\"))";

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var page = await services.GetRequiredService<IMailgunStatsClient>().QueryMetricsAsync(
            MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount)
                .Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, $"d{tag}.example.com")),
            cancellationToken);
        var item = Assert.Single(page.Items);
        return item.Metrics.Count(MailgunMetric.DeliveredCount)!.Value;
    }

    public override int? TagOf(WireRequest request)
    {
        var match = DomainValue().Match(request.Body);
        return TagWhenAuthorized(request, request.Method == "POST" && request.PathAndQuery == "/v1/analytics/metrics" && match.Success, match.Groups[1].Value);
    }

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return "{\"start\":\"Sun, 01 Sep 2024 00:00:00 +0000\",\"end\":\"Mon, 02 Sep 2024 00:00:00 +0000\",\"resolution\":\"day\",\"dimensions\":[],"
            + padding
            + $"\"pagination\":{{\"sort\":\"\",\"skip\":0,\"limit\":1000,\"total\":1}},\"items\":[{{\"dimensions\":[],\"metrics\":{{\"delivered_count\":{tag}}}}}],\"marker\":\"body-marker-mailgun-metrics\"}}";
    }

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    [GeneratedRegex("\"value\":\"d(\\d+)\\.example\\.com\"")]
    private static partial Regex DomainValue();

    private static List<ParserTarget> BuildParsers()
    {
        var errors = ErrorSeeds(ApiKey);
        const string Page = """{"start":"Mon, 13 Nov 2023 20:56:50 -0600","end":"Wed, 20 Dec 2023 20:56:50 -0600","resolution":"month","duration":"1m","dimensions":["time"],"pagination":{"sort":"timestamp:asc","skip":1,"limit":10,"total":1000},"items":[{"dimensions":[{"dimension":"time","value":"Wed, 01 Nov 2023 00:00:00 +0000","display_value":"Wed, 01 Nov 2023 00:00:00 +0000"}],"metrics":{"accepted_outgoing_count":30,"delivered_count":"60","opened_count":null,"clicked_rate":"0.8300","bounce_rate":null}}],"aggregates":{"metrics":{"delivered_count":60}}}""";
        return [Target(ApiKey, "QueryMetrics", [Page, .. errors], MailgunResponseReader.ReadMetricsPage)];
    }
}
