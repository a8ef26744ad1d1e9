using System.Text.RegularExpressions;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Reports.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>Benchmark Email v1 reports: GET with the key in the <c>X-API-Key</c> header.</summary>
public sealed partial class ReportsDriver : ProviderDriver
{
    private const string ApiKey = "rep-Secret.Key_42~x";

    public override string Name => nameof(EmailStatsProvider.Reports);

    public override string MainCall => "GetCampaignReportAsync(\"c-N\")";

    public override IReadOnlyList<string> Secrets { get; } = [ApiKey];

    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddReportsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = baseAddress;
        });

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<IReportsClient>().GetCampaignReportAsync($"c-{tag}", cancellationToken);
        Assert.Equal(report.Stats.Sent, report.Stats.Delivered);
        return report.Stats.Sent;
    }

    public override int? TagOf(WireRequest request)
    {
        var match = CampaignReport().Match(request.PathAndQuery);
        return request.Method == "GET" && match.Success && request.Headers.GetValueOrDefault("X-API-Key") == ApiKey
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return $$"""{"stats":{"sent":{{tag}},"delivered":{{tag}},{{padding}}"opens":{"unique":2,"rate":33.3},"clicks":{"unique":1,"rate":"12.5"},"hardBounces":{"count":0,"rate":0},"complaints":0,"unsubscribes":0},"linkActivity":[],"marker":"body-marker-reports"}""";
    }

    public override string ErrorBody(string message) => $$"""{"errors":[{"errorType":"BadRequestError","message":"{{message}}"}]}""";

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    [GeneratedRegex(@"^/api/reports/email/c-(\d+)$")]
    private static partial Regex CampaignReport();

    private static List<ParserTarget> BuildParsers()
    {
        string[] errors =
        [
            $$"""{"errors":[{"errorType":"UnauthorizedError","message":"Invalid API key {{ApiKey}}"}]}""",
            """{"errors":[{"errorType":"ValidationError","message":["pastDays must be 1..90","timezone"]}]}""",
            """{"message":"Internal server error"}""",
        ];
        const string Histogram = """{"start":"2024-09-23T00:00:00.000Z","end":"2024-09-30T00:00:00.000Z","histogram":[{"date":"2024-09-23T17:00:00.000Z","total":4,"detail":{"hard":3,"soft":"1"}}],"peak":{"startDate":"2024-09-23T17:00:00.000Z","endDate":"2024-09-23T18:00:00.000Z","total":4}}""";
        const string Dashboard = """{"campaign":{"sent":{"count":2379,"diff":0.76},"delivered":{"count":"2203","diff":11.3},"uniqueOpens":{"count":{"value":733,"diff":-23.41},"rate":{"value":33.27,"diff":-22.41}},"uniqueClicks":{"count":{"value":569,"diff":-21.52},"rate":{"value":25.83,"diff":20.47}}},"contact":{"count":{"value":5900,"diff":29.55},"histogram":{"start":"2024-09-23T00:00:00Z","end":"2024-09-30T00:00:00Z","histogram":[{"date":"2024-09-23T17:00:00.000Z","total":4}],"peak":{"date":"2024-09-23T17:00:00.000Z","total":4}}}}""";
        const string Overall = """{"campaignComparison":[{"_id":"66f1","name":"Spring","rates":{"clicks":0.5,"opens":"0.25"},"scheduledAt":"2024-09-23T17:00:00.000Z"}],"deliveryTimeStats":{"morning":34.28,"afternoon":39.18,"evening":0,"night":0},"stats":{"sent":{"count":{"value":2822,"prev":3942,"diff":-42.28}},"hardBounces":{"count":{"value":1,"prev":2,"diff":-50},"rate":{"value":28.53,"prev":22.32,"diff":30.21}}}}""";
        const string Campaign = """{"stats":{"sent":697,"delivered":655,"opens":{"unique":210,"rate":32.06,"last":"2024-09-27T17:33:45.464Z"},"clicks":{"unique":169,"rate":25.8},"hardBounces":{"count":25,"rate":3.81},"softBounces":{"count":17,"rate":2.59},"totalBounces":{"count":42,"rate":6.87},"complaints":0,"unsubscribes":0},"linkActivity":[{"id":"66f1a6e4698f1bca60424808","path":"https://example.com/","clicks":{"total":0,"unique":0}}]}""";
        const string Page = """{"total":3,"records":[{"_id":"a1","name":"Spring","status":"sent"},null,{"_id":"a2","name":"Summer"}]}""";

        return
        [
            Target("GetDashboard", [Dashboard, .. errors], ReportsResponseReader.ReadDashboard),
            Target("GetEmailOverall", [Overall, .. errors], ReportsResponseReader.ReadEmailOverall),
            Target("GetEmailHistogram", [Histogram, .. errors], ReportsResponseReader.ReadHistogram),
            Target("GetCampaignReport", [Campaign, .. errors], ReportsResponseReader.ReadCampaignReport),
            Target("ListCampaigns", [Page, .. errors], ReportsResponseReader.ReadCampaignPage),
        ];

        static ParserTarget Target<T>(string name, string[] seeds, Func<ProviderResponse, T> read) =>
            new(name, seeds, (body, logger) => ParseDirect(nameof(EmailStatsProvider.Reports), new Secrets(ApiKey), ReportsResponseReader.ReadError, read, body, logger));
    }
}
