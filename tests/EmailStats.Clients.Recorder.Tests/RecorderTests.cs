using System.Net;
using System.Text;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Recorder;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace EmailStats.Clients.Recorder.Tests;

/// <summary>
/// The recorder end to end: six clients call a local fake "live" server through the recorder with known secrets;
/// the written file holds no secret in any form, and a server loaded with it answers the same calls, made with the
/// placeholder credentials, with the same data.
/// </summary>
public sealed class RecorderTests : IDisposable
{
    private const string SendGridUser = "live-account-7731";
    private const string SendGridKey = "SG.live-Secret+Key/With=Signs";
    private const string JsonRpcKey = "gr-live-3f9a1c77d2";
    private const string MailgunKey = "key-live-5b2e9d4470";
    private const string ReportsKey = "bm-live-88c1e0aa";
    private const string SendGridV3Key = "SG.v3-live.Key_0b7d";
    private const string GetResponseKey = "gr3-live-91ab2c7e";
    private static readonly string[] AllSecrets = [SendGridUser, SendGridKey, JsonRpcKey, MailgunKey, ReportsKey, SendGridV3Key, GetResponseKey];

    private readonly WireMockServer _live = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emailstats-recorder-" + Guid.NewGuid().ToString("N"));

    public RecorderTests()
    {
        _live.Given(Request.Create().WithPath("/apiv2/customer.stats.json").UsingPost()
                .WithBody(b => b?.Contains("api_key=" + Uri.EscapeDataString(SendGridKey), StringComparison.Ordinal) == true
                    && b.Contains("api_user=" + SendGridUser, StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithCallback(req => Json(req.Body!.Contains("user=echo", StringComparison.Ordinal)
                ? $$"""{"message":"error","errors":["api_user {{SendGridUser}} may not read user echo"]}"""
                : """[{"date":"2024-05-01","requests":120,"delivered":117,"opens":40,"blocked":2},{"date":"2024-05-02","requests":80,"delivered":79}]""")));
        _live.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains(JsonRpcKey, StringComparison.Ordinal) == true))
            .RespondWith(Response.Create().WithCallback(req =>
            {
                var id = System.Text.Json.JsonDocument.Parse(req.Body!).RootElement.GetProperty("id").GetRawText();
                return Json("""{"jsonrpc":"2.0","id":""" + id + ""","result":{"2024-05-01":{"sent":50,"opened":20,"clicked":4},"2024-05-03":{"sent":5}}}""");
            }));
        _live.Given(Request.Create().WithPath("/v3/mg.example.com/stats/total").UsingGet()
                .WithHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + MailgunKey))))
            .RespondWith(Response.Create().WithCallback(_ => Json(
                """{"description":"domain totals","start":"Wed, 01 May 2024 00:00:00 UTC","end":"Fri, 03 May 2024 00:00:00 UTC","resolution":"day","stats":[{"time":"Wed, 01 May 2024 00:00:00 UTC","delivered":{"smtp":30,"http":12,"optimized":0,"total":42}}]}""")));
        _live.Given(Request.Create().WithPath("/v1/analytics/metrics").UsingPost()
                .WithHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + MailgunKey))))
            .RespondWith(Response.Create().WithCallback(_ => Json(
                """{"dimensions":["time"],"pagination":{"sort":"timestamp:asc","skip":0,"limit":1500,"total":1},"items":[{"dimensions":[{"dimension":"time","value":"Wed, 01 May 2024 00:00:00 +0000","display_value":"Wed, 01 May 2024 00:00:00 +0000"}],"metrics":{"delivered_count":42,"clicked_rate":"0.1000"}}]}""")));
        _live.Given(Request.Create().WithPath("/v3/stats").UsingGet().WithHeader("Authorization", "Bearer " + SendGridV3Key))
            .RespondWith(Response.Create().WithCallback(_ => Json(
                """[{"date":"2024-05-01","stats":[{"metrics":{"requests":120,"delivered":117,"unique_opens":33}}]},{"date":"2024-05-02","stats":[{"metrics":{"requests":80,"delivered":79,"unique_opens":21}}]}]""")));
        _live.Given(Request.Create().WithPath("/v3/newsletters/N1/statistics").UsingGet().WithHeader("X-Auth-Token", "api-key " + GetResponseKey))
            .RespondWith(Response.Create().WithCallback(_ => Json(
                """[{"timeInterval":"2024-05-01T00:00:00+0000/P1D","sent":"50","uniqueOpened":"21"},{"timeInterval":"2024-05-02T00:00:00+0000/P1D","sent":"5","uniqueOpened":"3"}]""")));
        _live.Given(Request.Create().WithPath("/api/reports/email/campaign-42").UsingGet().WithHeader("X-API-Key", ReportsKey))
            .RespondWith(Response.Create().WithCallback(_ => Json(
                """{"stats":{"sent":697,"delivered":655,"opens":{"unique":210,"rate":32.06,"last":"2024-09-27T17:33:45.464Z"},"clicks":{"unique":169,"rate":25.8,"last":"2024-09-27T18:00:00.000Z"},"hardBounces":{"count":25,"rate":3.81},"softBounces":{"count":17,"rate":2.59},"totalBounces":{"count":42,"rate":6.87},"complaints":0,"unsubscribes":1},"linkActivity":[]}""")));
    }

    public void Dispose()
    {
        _live.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_recording_holds_no_secret_and_replays_the_same_answers()
    {
        var file = Path.Combine(_folder, "recorded.json");
        Answers live;
        using (var recorder = FixtureRecorder.Start(Options()))
        {
            live = await CallAllAsync(recorder.Url, SendGridUser, SendGridKey, JsonRpcKey, MailgunKey, ReportsKey, SendGridV3Key, GetResponseKey);
            Assert.Equal(8, recorder.Count);
            Assert.Equal(8, recorder.Save(file));
        }

        var text = await File.ReadAllTextAsync(file);
        foreach (var secret in AllSecrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + MailgunKey)), text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + FixtureRecorderOptions.KeyPlaceholder)), text, StringComparison.Ordinal);
        Assert.Contains("api_user=fixture-user", text, StringComparison.Ordinal);

        using var replay = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        replay.ReadStaticMappingAndAddOrUpdate(file);
        var replayed = await CallAllAsync(new Uri(replay.Url! + "/"), FixtureRecorderOptions.UserPlaceholder, FixtureRecorderOptions.KeyPlaceholder,
            FixtureRecorderOptions.KeyPlaceholder, FixtureRecorderOptions.KeyPlaceholder, FixtureRecorderOptions.KeyPlaceholder, FixtureRecorderOptions.KeyPlaceholder,
            FixtureRecorderOptions.KeyPlaceholder);

        Assert.Equal(live.SendGrid, replayed.SendGrid);
        Assert.Equal(["api_user fixture-user may not read user echo"], replayed.SendGridError);
        Assert.Equal([$"api_user {SendGridUser} may not read user echo"], live.SendGridError);
        Assert.Equal(live.JsonRpc, replayed.JsonRpc);
        Assert.Equal(live.Mailgun, replayed.Mailgun);
        Assert.Equal(live.Reports, replayed.Reports);
        Assert.Equal(live.SendGridV3, replayed.SendGridV3);
        Assert.Equal("2024-05-01:120/117/33;2024-05-02:80/79/21", live.SendGridV3);
        Assert.Equal(live.GetResponse, replayed.GetResponse);
        Assert.Equal("2024-05-01:50/21;2024-05-02:5/3", live.GetResponse);
        Assert.Contains("api-key " + FixtureRecorderOptions.KeyPlaceholder, text, StringComparison.Ordinal);
        Assert.Contains("Bearer " + FixtureRecorderOptions.KeyPlaceholder, text, StringComparison.Ordinal);
        Assert.Equal("120/117/40/2;80/79/0/0", live.SendGrid);
        Assert.Equal("2024-05-01:50/20/4;2024-05-03:5/0/0", live.JsonRpc);
        Assert.Equal("42=30+12|42@0.1", live.Mailgun);
        Assert.Equal("697/655/210/32.06", live.Reports);
    }

    [Fact]
    public async Task Replayed_fixtures_match_requests_precisely()
    {
        var file = Path.Combine(_folder, "recorded.json");
        using (var recorder = FixtureRecorder.Start(Options()))
        {
            await CallAllAsync(recorder.Url, SendGridUser, SendGridKey, JsonRpcKey, MailgunKey, ReportsKey, SendGridV3Key, GetResponseKey);
            recorder.Save(file);
        }

        using var replay = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        replay.ReadStaticMappingAndAddOrUpdate(file);
        var root = new Uri(replay.Url! + "/");

        var sendGrid = new SendGridV2StatsClient(new HttpClient(), new SendGridV2Options { ApiUser = FixtureRecorderOptions.UserPlaceholder, ApiKey = "wrong", BaseAddress = root });
        var mailgun = new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = "wrong", BaseAddress = root });
        var reports = new ReportsClient(new HttpClient(), new ReportsOptions { ApiKey = FixtureRecorderOptions.KeyPlaceholder, BaseAddress = root });
        var mailgunRight = new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = FixtureRecorderOptions.KeyPlaceholder, BaseAddress = root });
        var sendGridV3 = new SendGridV3StatsClient(new HttpClient(), new SendGridV3Options { ApiKey = "wrong", BaseAddress = root });
        var sendGridV3Right = new SendGridV3StatsClient(new HttpClient(), new SendGridV3Options { ApiKey = FixtureRecorderOptions.KeyPlaceholder, BaseAddress = root });

        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            sendGrid.GetStatsAsync(SendGridStatsQuery.ForUser("acme").LastDays(2)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            mailgun.GetDomainTotalsAsync("mg.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(2))))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            mailgunRight.GetDomainTotalsAsync("mg.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(3))))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() => reports.GetCampaignReportAsync("campaign-43"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            sendGridV3.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2))))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            sendGridV3Right.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3))))).StatusCode);
    }

    [Fact]
    public async Task Secrets_sent_in_fields_headers_and_params_are_scrubbed_without_configuration()
    {
        var file = Path.Combine(_folder, "unconfigured.json");
        using (var recorder = FixtureRecorder.Start(new FixtureRecorderOptions { Target = new Uri(_live.Url!) }))
        {
            // The SendGrid error answer echoes the account user name: learned from the api_user field, scrubbed there too.
            await CallAllAsync(recorder.Url, SendGridUser, SendGridKey, JsonRpcKey, MailgunKey, ReportsKey, SendGridV3Key, GetResponseKey);
            Assert.Equal(8, recorder.Save(file));
        }

        var text = await File.ReadAllTextAsync(file);
        Assert.All(AllSecrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.Contains("api_user fixture-user may not read user echo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_a_form_the_recorder_cannot_scrub_stops_the_write()
    {
        // A "live" answer that carries the Mailgun credentials base64-encoded in its body: nothing may be written.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + MailgunKey));
        _live.Given(Request.Create().WithPath("/v3/leaky.example.com/stats/total").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(_ => Json(
                "{\"description\":\"" + basic + "\",\"start\":\"Wed, 01 May 2024 00:00:00 UTC\",\"end\":\"Fri, 03 May 2024 00:00:00 UTC\",\"resolution\":\"day\",\"stats\":[]}")));
        var file = Path.Combine(_folder, "leaky.json");
        using var recorder = FixtureRecorder.Start(Options());
        var mailgun = new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = MailgunKey, BaseAddress = recorder.Url });
        await mailgun.GetDomainTotalsAsync("leaky.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(2)));

        var e = Assert.Throws<InvalidOperationException>(() => recorder.Save(file));

        Assert.Contains("not written", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MailgunKey, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    private FixtureRecorderOptions Options()
    {
        var options = new FixtureRecorderOptions { Target = new Uri(_live.Url!) };
        options.Secrets[SendGridUser] = FixtureRecorderOptions.UserPlaceholder;
        foreach (var key in new[] { SendGridKey, JsonRpcKey, MailgunKey, ReportsKey, SendGridV3Key, GetResponseKey })
        {
            options.Secrets[key] = FixtureRecorderOptions.KeyPlaceholder;
        }

        return options;
    }

    private static async Task<Answers> CallAllAsync(Uri root, string sendGridUser, string sendGridKey, string jsonRpcKey, string mailgunKey, string reportsKey, string sendGridV3Key, string getResponseKey)
    {
        var sendGrid = new SendGridV2StatsClient(new HttpClient(), new SendGridV2Options { ApiUser = sendGridUser, ApiKey = sendGridKey, BaseAddress = root });
        var days = await sendGrid.GetStatsAsync(SendGridStatsQuery.ForUser("acme").LastDays(2));
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => sendGrid.GetStatsAsync(SendGridStatsQuery.ForUser("echo").LastDays(2)));

        var jsonRpc = new MessageStatsClient(new HttpClient(), new JsonRpcMessagesOptions { ApiKey = jsonRpcKey, Endpoint = root });
        var periods = await jsonRpc.GetMessageStatsAsync(MessageStatsQuery.ForMessage("msg-1").GroupedBy(MessageStatsGrouping.Daily));

        var mailgun = new MailgunStatsClient(new HttpClient(), new MailgunOptions { ApiKey = mailgunKey, BaseAddress = root });
        var totals = await mailgun.GetDomainTotalsAsync("mg.example.com", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(2)));

        var metrics = await mailgun.QueryMetricsAsync(MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate).Last(MailgunDuration.Days(2)).By(MailgunDimension.Time));

        var reports = new ReportsClient(new HttpClient(), new ReportsOptions { ApiKey = reportsKey, BaseAddress = root });
        var campaign = await reports.GetCampaignReportAsync("campaign-42");

        var sendGridV3 = new SendGridV3StatsClient(new HttpClient(), new SendGridV3Options { ApiKey = sendGridV3Key, BaseAddress = root });
        var v3Days = await sendGridV3.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2)));

        var getResponse = new GetResponseStatsClient(new HttpClient(), new GetResponseOptions { ApiKey = getResponseKey, BaseAddress = new Uri(root, "v3/") });
        var grDays = await getResponse.GetNewsletterStatsAsync("N1", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day));

        return new Answers(
            string.Join(";", days.Select(d => $"{d.Requests}/{d.Delivered}/{d.Opens}/{d.Blocks}")),
            error.Errors,
            string.Join(";", periods.Select(p => $"{p.Key}:{p.Sent}/{p.Opened}/{p.Clicked}")),
            string.Join(";", totals.Stats.Select(i => $"{i.Delivered!.Total}={i.Delivered.Smtp}+{i.Delivered.Http}"))
                + "|" + string.Join(";", metrics.Items.Select(i => $"{i.Metrics.Count(MailgunMetric.DeliveredCount)}@{i.Metrics.Rate(MailgunMetric.ClickedRate)}")),
            $"{campaign.Stats.Sent}/{campaign.Stats.Delivered}/{campaign.Stats.Opens.Unique}/{campaign.Stats.Opens.Rate}",
            string.Join(";", v3Days.Select(d => $"{d.Date:yyyy-MM-dd}:{d.Stats[0].Metrics.Requests}/{d.Stats[0].Metrics.Delivered}/{d.Stats[0].Metrics.UniqueOpens}")),
            string.Join(";", grDays.Items.Select(p => $"{p.TimeInterval.Start:yyyy-MM-dd}:{p.Sent}/{p.UniqueOpened}")));
    }

    private static IResponseMessage Json(string body) => new ResponseMessage
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = body, Encoding = Encoding.UTF8 },
    };

    private sealed record Answers(string SendGrid, IReadOnlyList<string> SendGridError, string JsonRpc, string Mailgun, string Reports, string SendGridV3, string GetResponse)
    {
        public bool Equals(Answers? other) => other is not null && SendGrid == other.SendGrid && JsonRpc == other.JsonRpc && Mailgun == other.Mailgun && Reports == other.Reports
            && SendGridV3 == other.SendGridV3 && GetResponse == other.GetResponse;

        public override int GetHashCode() => SendGrid.GetHashCode(StringComparison.Ordinal);
    }
}
