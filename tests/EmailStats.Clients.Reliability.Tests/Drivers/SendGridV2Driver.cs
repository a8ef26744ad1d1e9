using System.Net;
using EmailStats.Clients.Internal;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV2.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>SendGrid v2: POST form with the credentials in the body; JSON asked for, XML read as well (the body decides).</summary>
public sealed class SendGridV2Driver : ProviderDriver
{
    // Characters that change under form and URL encoding, so every encoded form is checked too.
    private const string ApiUser = "reliability-user";
    private const string ApiKey = "sg+Key/Secret=&9Qz";

    public override string Name => nameof(EmailStatsProvider.SendGridV2);

    public override string MainCall => "GetAggregateAsync(\"user-N\")";

    public override IReadOnlyList<string> Secrets { get; } = [ApiKey, WebUtility.UrlEncode(ApiKey), Uri.EscapeDataString(ApiKey)];

    public override IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress) =>
        services.AddSendGridV2StatsClient(o =>
        {
            o.ApiUser = ApiUser;
            o.ApiKey = ApiKey;
            o.BaseAddress = baseAddress;
            o.Api = SendGridV2Api.Subuser;
            o.Format = SendGridV2Format.Json;
        });

    public override async Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken)
    {
        var totals = await services.GetRequiredService<ISendGridV2StatsClient>().GetAggregateAsync($"user-{tag}", cancellationToken);
        Assert.Equal(totals.Delivered, totals.Requests);
        return totals.Delivered;
    }

    public override int? TagOf(WireRequest request)
    {
        if (request.Method != "POST" || !request.PathAndQuery.StartsWith("/apiv2/customer.stats.json", StringComparison.Ordinal))
        {
            return null;
        }

        var form = request.Body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => WebUtility.UrlDecode(parts[0]), parts => WebUtility.UrlDecode(parts[1]));
        return form.GetValueOrDefault("api_user") == ApiUser && form.GetValueOrDefault("api_key") == ApiKey
            && form.GetValueOrDefault("aggregate") == "1" && form.GetValueOrDefault("user") is { } user
            && user.StartsWith("user-", StringComparison.Ordinal) && int.TryParse(user[5..], out var tag)
            ? tag
            : null;
    }

    public override string SuccessBody(WireRequest request) => PaddedSuccessBody(request, "");

    public override string PaddedSuccessBody(WireRequest request, string padding)
    {
        var tag = TagOf(request) ?? -1;
        return $$"""{"requests":{{tag}},{{padding}}"delivered":{{tag}},"bounces":0,"blocked":1,"opens":3,"unique_opens":2,"marker":"body-marker-sendgrid"}""";
    }

    public override string XmlBody(WireRequest request)
    {
        var tag = TagOf(request) ?? -1;
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><stats><requests>{tag}</requests><delivered>{tag}</delivered><bounces>0</bounces></stats>";
    }

    public override string ErrorBody(string message) => $$"""{"message":"error","errors":["{{message}}"]}""";

    public override IReadOnlyList<ParserTarget> Parsers { get; } = BuildParsers();

    private static List<ParserTarget> BuildParsers()
    {
        string[] errors =
        [
            $$"""{"message":"error","errors":["Bad username / password for {{ApiKey}}"]}""",
            """{"error":{"code":401,"message":"Permission denied, wrong credentials"}}""",
            $"<result><message>error</message><errors><error>Bad key {ApiKey}</error></errors></result>",
            "<result><error><code>401</code><message>Permission denied</message></error></result>",
        ];
        string[] daily =
        [
            """[{"date":"2024-09-01","requests":"12","delivered":10,"blocked":1,"spamreports":"2","extra":{"x":[1,2.5,null]}},{"date":"2024-09-02","requests":5,"blocks":3}]""",
            "<?xml version=\"1.0\"?><stats><day><date>2024-09-01</date><requests>12</requests><delivered>10</delivered><blocked>1</blocked></day><day><date>2024-09-02</date><requests>5</requests></day></stats>",
        ];
        string[] aggregate =
        [
            """{"requests":"12","delivered":10,"bounces":1,"blocked":2,"unique_opens":3,"spam_drop":0,"new_field":"x"}""",
            "<stats><requests>12</requests><delivered>10</delivered><blocks>2</blocks><extra><a>1</a></extra></stats>",
        ];
        string[] categories =
        [
            """[{"category":"news"},{"category":"promo"},{"category":"receipts","extra":1}]""",
            "<categories><category>news</category><category>promo</category></categories>",
        ];
        string[] categoryStats =
        [
            """[{"date":"2024-09-01","category":"news","requests":3,"delivered":"2"},{"date":"2024-09-02","category":"promo","opens":1}]""",
            "<stats><day><date>2024-09-01</date><category>news</category><requests>3</requests></day></stats>",
        ];

        return
        [
            Target("GetStats", [.. daily, .. errors], SendGridResponseReader.ReadDailyStats),
            Target("GetAggregate", [.. aggregate, .. errors], SendGridResponseReader.ReadAggregate),
            Target("GetCategories", [.. categories, .. errors], SendGridResponseReader.ReadCategories),
            Target("GetCategoryStats", [.. categoryStats, .. errors], SendGridResponseReader.ReadCategoryStats),
        ];

        static ParserTarget Target<T>(string name, string[] seeds, Func<ProviderResponse, T> read) =>
            new(name, seeds, (body, logger) => ParseDirect(nameof(EmailStatsProvider.SendGridV2), new Secrets(ApiKey), SendGridResponseReader.ReadError, read, body, logger));
    }
}
