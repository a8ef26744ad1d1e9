using System.Text.RegularExpressions;
using EmailStats.Clients.Internal;
using EmailStats.Clients.SendGridV3;
using EmailStats.Clients.SendGridV3.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>SendGrid v3: GET with query parameters, the key as a Bearer token, one-pass reader into the models.</summary>
public sealed partial class SendGridV3Driver : ProviderDriver
{
    // Characters an escaping step would change, so every escaped form is checked too.
    private const string ApiKey = "SG.v3+Secret/Key=Reliab1lity";

    public override string Name => nameof(EmailStatsProvider.SendGridV3);

    public override string MainCall => "GetSubuserStatsAsync(Between(2026-11-01, 2026-11-01).ForSubusers(\"user-N\"))";

    public override IReadOnlyList<string> Secrets { get; } = [ApiKey, Uri.EscapeDataString(ApiKey)];

    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddSendGridV3StatsClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = baseAddress;
        });

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var days = await services.GetRequiredService<ISendGridV3StatsClient>().GetSubuserStatsAsync(
            SendGridV3StatsQuery.Between(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).ForSubusers($"user-{tag}"),
            cancellationToken);
        var entry = Assert.Single(Assert.Single(days).Stats);
        Assert.Equal($"user-{tag}", entry.Name);
        Assert.Equal(entry.Metrics.Delivered, entry.Metrics.Requests);
        return entry.Metrics.Delivered!.Value;
    }

    public override int? TagOf(WireRequest request)
    {
        var match = SubuserParameter().Match(request.PathAndQuery);
        return request.Method == "GET" && request.PathAndQuery.StartsWith("/v3/subusers/stats?", StringComparison.Ordinal) && match.Success
            && request.Headers.GetValueOrDefault("Authorization") == "Bearer " + ApiKey
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return $$$"""[{"date":"2026-11-01",{{{padding}}}"stats":[{"type":"subuser","name":"user-{{{tag}}}","metrics":{"requests":{{{tag}}},"delivered":{{{tag}}},"opens":3},"marker":"body-marker-sendgrid-v3"}]}]""";
    }

    public override string ErrorBody(string message) => $$"""{"errors":[{"field":null,"message":"{{message}}"}]}""";

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    [GeneratedRegex(@"[?&]subusers=user-(\d+)(&|$)")]
    private static partial Regex SubuserParameter();

    private static List<ParserTarget> BuildParsers()
    {
        string[] errors =
        [
            $$"""{"errors":[{"field":null,"message":"authorization required for {{ApiKey}}"}]}""",
            """{"errors":[{"field":"start_date","message":"is required"},{"message":"check the request"}]}""",
            """{"error":"too many requests"}""",
        ];
        string[] days =
        [
            """[{"date":"2026-11-01","stats":[{"metrics":{"blocks":0,"bounce_drops":0,"bounces":1,"clicks":"4","deferred":0,"delivered":10,"invalid_emails":0,"opens":7,"processed":11,"requests":12,"spam_report_drops":0,"spam_reports":0,"unique_clicks":3,"unique_opens":5,"unsubscribe_drops":0,"unsubscribes":1,"machine_opens":2}}]},{"date":"2026-11-02T00:00:00Z","stats":[{"type":"category","name":"news","metrics":{"requests":5,"delivered":null}}],"extra":{"x":[1,2.5,null]}}]""",
            """[{"date":"2026-11-01","stats":[{"type":"mailbox_provider","name":"Gmail","metrics":{"drops":1,"delivered":3}},{"type":"browser","name":"Chrome","metrics":{"clicks":2,"unique_clicks":1}}]},{"date":"2026-11-03","stats":null}]""",
        ];
        string[] single =
        [
            """{"date":"2026-11-01","stats":[{"first_name":"Ana","last_name":"Ruiz","type":"subuser","name":"shop","metrics":{"requests":"20","delivered":19}}]}""",
            """[]""",
        ];

        return
        [
            Target("GetGlobalStats", [.. days, .. errors], SendGridV3ResponseReader.ReadDays),
            Target("GetCategorySums", [.. single, .. errors], r => SendGridV3ResponseReader.ReadSingleDay(r, new DateOnly(2026, 11, 1))),
            Target("ListSubusers", ["""[{"id":1,"username":"shop","email":"s@example.com","disabled":false,"region":"global","extra":{"x":[1,null]}},{"username":"b","disabled":null}]""", "[]", .. errors], SendGridV3ListingReader.ReadSubusers),
            Target("ListCategories", ["""[{"category":"weekly"},{"category":"news","extra":2.5}]""", "[]", .. errors], SendGridV3ListingReader.ReadCategories),
        ];

        static ParserTarget Target<T>(string name, string[] seeds, Func<ProviderResponse, T> read) =>
            new(name, seeds, (body, logger) => ParseDirect(nameof(EmailStatsProvider.SendGridV3), new Secrets(ApiKey), SendGridV3ResponseReader.ReadError, read, body, logger));
    }
}
