using System.Net;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Sandbox.Data;
using EmailStats.Clients.Sandbox.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The JSON-RPC message statistics client against the sandbox: every grouping, consistent data, fixtures, refusals.</summary>
public sealed class JsonRpcMessagesSandboxTests : IClassFixture<SandboxServer>
{
    private static readonly MessageStatsGrouping[] Groupings =
        [MessageStatsGrouping.Hourly, MessageStatsGrouping.Daily, MessageStatsGrouping.Monthly, MessageStatsGrouping.Yearly];

    private readonly EmailStatsSandbox _sandbox;

    public JsonRpcMessagesSandboxTests(SandboxServer server)
    {
        _sandbox = server.Sandbox;
        _sandbox.Faults.Clear();
    }

    public static TheoryData<string> MessageIds => new("sbx-newsletter", "sbx-launch", "sbx-flash-sale", "sbx-webinar", "sbx-digest");

    private DateOnly FirstDay => SandboxServer.Today.AddDays(-119);

    private MessageStatsClient Client(string? apiKey = null)
    {
        var options = new JsonRpcMessagesOptions();
        _sandbox.Configure(options);
        options.ApiKey = apiKey ?? options.ApiKey;
        return new MessageStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    private Task<MessageStats> Stats(string messageId, MessageStatsGrouping grouping) =>
        Client().GetMessageStatsAsync(MessageStatsQuery.ForMessage(messageId).GroupedBy(grouping));

    /// <summary>The nineteen counters of a period, in wire order.</summary>
    private static long[] Counters(MessageStatsPeriod p) =>
    [
        p.Sent, p.Opened, p.UniqueOpened, p.Clicked, p.UniqueClicked, p.Goals, p.UniqueGoals, p.Forwarded, p.Unsubscribes,
        p.BouncesUserUnknown, p.BouncesUserRecycled, p.BouncesMailboxFull, p.BouncesBlockContent, p.BouncesBlockTimeout,
        p.BouncesBlockOther, p.BouncesOtherSoft, p.BouncesOtherHard, p.ComplaintsHandled, p.ComplaintsUnhandled,
    ];

    /// <summary>Finer periods summed into the coarser periods their keys start with ("2026-08-11 09" is in "2026-08-11").</summary>
    private static List<string> SumInto(IEnumerable<MessageStatsPeriod> periods, int keyLength) =>
        [.. periods.GroupBy(p => p.Key[..keyLength]).Select(g => Row(g.Key, Total(g)))];

    /// <summary>Each period as "key counter counter ...", to compare periods by value.</summary>
    private static List<string> Rows(IEnumerable<MessageStatsPeriod> periods) => [.. periods.Select(p => Row(p.Key, Counters(p)))];

    private static string Row(string key, long[] counters) => key + " " + string.Join(' ', counters);

    private static long[] Total(IEnumerable<MessageStatsPeriod> periods) =>
        periods.Select(Counters).Aggregate(new long[19], (sum, c) => [.. sum.Zip(c, (a, b) => a + b)]);

    [Fact]
    public void The_account_lists_five_messages_sent_within_the_history_oldest_first()
    {
        var account = _sandbox.GetResponse;

        Assert.Equal(["sbx-newsletter", "sbx-launch", "sbx-flash-sale", "sbx-webinar", "sbx-digest"], account.NewsletterIds);
        Assert.Equal(account.NewsletterIds.Order(), account.Subjects.Keys.Order());
        Assert.All(account.SentAt.Values, sent => Assert.InRange(DateOnly.FromDateTime(sent), FirstDay, SandboxServer.Today));
        Assert.Equal(account.NewsletterIds, account.NewsletterIds.OrderBy(id => account.SentAt[id]));
        Assert.Equal(new DateTime(2026, 8, 11, 9, 0, 0), account.SentAt["sbx-newsletter"]);
    }

    [Theory]
    [MemberData(nameof(MessageIds))]
    public async Task A_message_is_sent_on_its_day_and_its_activity_decays_after_it(string messageId)
    {
        var sentAt = _sandbox.GetResponse.SentAt[messageId];

        var days = await Stats(messageId, MessageStatsGrouping.Daily);

        Assert.Equal(DateOnly.FromDateTime(sentAt).ToDateTime(TimeOnly.MinValue), days[0].Start);
        Assert.InRange(days[0].Sent, 5_000, 100_000);
        Assert.All(days.Skip(1), day => Assert.Equal(0, day.Sent));
        Assert.All(days, day => Assert.InRange(DateOnly.FromDateTime(day.Start), DateOnly.FromDateTime(sentAt), SandboxServer.Today));
        Assert.True(days.Take(2).Sum(d => d.UniqueOpened) > 2 * days.Skip(2).Sum(d => d.UniqueOpened), "most first opens come in the first two days");
        if (messageId != "sbx-digest")
        {
            // Old messages: activity still trickles in a week later, less than on the second day.
            var dayTwo = days.Single(d => d.Start == days[0].Start.AddDays(1));
            Assert.True(days.Where(d => d.Start >= days[0].Start.AddDays(7)).Sum(d => d.Opened) > 0);
            Assert.True(dayTwo.Opened > days.Where(d => d.Start == days[0].Start.AddDays(7)).Sum(d => d.Opened));
        }
        else
        {
            Assert.Equal(SandboxServer.Today.ToDateTime(TimeOnly.MinValue), days[^1].Start);
        }
    }

    [Fact]
    public async Task Hours_add_up_to_days_days_to_months_and_months_to_years_for_all_nineteen_counters()
    {
        foreach (var messageId in _sandbox.GetResponse.NewsletterIds)
        {
            var hourly = await Stats(messageId, MessageStatsGrouping.Hourly);
            var daily = await Stats(messageId, MessageStatsGrouping.Daily);
            var monthly = await Stats(messageId, MessageStatsGrouping.Monthly);
            var yearly = await Stats(messageId, MessageStatsGrouping.Yearly);

            Assert.Equal(Rows(daily), SumInto(hourly, 10));
            Assert.Equal(Rows(monthly), SumInto(daily, 7));
            Assert.Equal(Rows(yearly), SumInto(monthly, 4));
            Assert.True(hourly.Count > daily.Count && daily.Count > monthly.Count);
        }
    }

    [Fact]
    public async Task Every_grouping_has_its_key_format_chronological_keys_and_only_periods_with_activity()
    {
        var patterns = new Dictionary<MessageStatsGrouping, string>
        {
            [MessageStatsGrouping.Hourly] = @"^\d{4}-\d{2}-\d{2} \d{2}$",
            [MessageStatsGrouping.Daily] = @"^\d{4}-\d{2}-\d{2}$",
            [MessageStatsGrouping.Monthly] = @"^\d{4}-\d{2}$",
            [MessageStatsGrouping.Yearly] = @"^\d{4}$",
        };

        foreach (var grouping in Groupings)
        {
            var stats = await Stats("sbx-launch", grouping);

            Assert.Equal(grouping, stats.Grouping);
            Assert.All(stats, p => Assert.Matches(patterns[grouping], p.Key));
            Assert.All(stats, p => Assert.Contains(Counters(p), c => c > 0));
            Assert.Equal(stats.Select(p => p.Key).Order(StringComparer.Ordinal), stats.Select(p => p.Key));
            Assert.Empty(stats.SelectMany(p => p.AdditionalData));
        }

        var hours = await Stats("sbx-launch", MessageStatsGrouping.Hourly);
        Assert.Equal(_sandbox.GetResponse.SentAt["sbx-launch"], hours[0].Start);
        Assert.Contains(hours.Zip(hours.Skip(1)), pair => pair.Second.Start - pair.First.Start > TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Without_a_grouping_the_answer_is_daily()
    {
        var query = MessageStatsQuery.ForMessage("sbx-webinar");

        var byDefault = await Client().GetMessageStatsAsync(query);
        var daily = await Client().GetMessageStatsAsync(query.GroupedBy(MessageStatsGrouping.Daily));

        Assert.Equal(Rows(daily), Rows(byDefault));
        Assert.Equal(MessageStatsGrouping.Daily, byDefault.Grouping);
    }

    [Theory]
    [MemberData(nameof(MessageIds))]
    public async Task The_counters_are_consistent_with_each_other(string messageId)
    {
        var stats = await Stats(messageId, MessageStatsGrouping.Hourly);

        Assert.All(stats, p =>
        {
            Assert.InRange(p.UniqueOpened, 0, p.Opened);
            Assert.InRange(p.UniqueClicked, 0, p.Clicked);
            Assert.InRange(p.UniqueGoals, 0, p.Goals);
        });
        var total = Total(stats);
        var bounces = total[9..17].Sum();
        Assert.All(total, counter => Assert.True(counter >= 0));
        Assert.InRange(bounces, 1, total[0] / 20);
        Assert.InRange(total[2], total[0] / 10, total[0] / 2);
        Assert.InRange(total[4], 1, total[2]);
        Assert.InRange(total[6], 1, total[4]);
        Assert.InRange(total[8], 1, total[0] / 100);
    }

    [Fact]
    public async Task Created_on_narrows_by_the_contacts_creation_date_not_by_the_day_of_the_activity()
    {
        // API 1.5: created_on is the contact creation date. The sandbox's recipients signed up evenly over the 365
        // days before the send day, so a condition keeps that share of every hour's counters, on every day.
        var sendDay = DateOnly.FromDateTime(_sandbox.GetResponse.SentAt["sbx-flash-sale"]);
        var query = MessageStatsQuery.ForMessage("sbx-flash-sale").GroupedBy(MessageStatsGrouping.Daily);
        var all = await Client().GetMessageStatsAsync(query);
        var hours = await Client().GetMessageStatsAsync(query.GroupedBy(MessageStatsGrouping.Hourly));

        var everyone = await Client().GetMessageStatsAsync(query.CreatedTo(sendDay.AddDays(-1)));
        var nobody = await Client().GetMessageStatsAsync(query.CreatedFrom(sendDay));
        var lastHalfYear = await Client().GetMessageStatsAsync(query.CreatedFrom(sendDay.AddDays(-146)).CreatedTo(sendDay.AddDays(-1)));
        var oneDay = await Client().GetMessageStatsAsync(query.CreatedOn(sendDay.AddDays(-30)));

        Assert.Equal(Rows(all), Rows(everyone));
        Assert.Empty(nobody);
        Assert.Equal(Scaled(hours, 146 / 365.0), Rows(lastHalfYear));
        Assert.Equal(Scaled(hours, 1 / 365.0), Rows(oneDay));

        // The days of activity stay those of the message: a filter by created_on is no filter by day.
        Assert.Equal(all[0].Key, lastHalfYear[0].Key);
        Assert.True(lastHalfYear.Count > 7, "activity keeps coming for weeks after the send day");
        Assert.InRange(lastHalfYear[0].Sent, (all[0].Sent * 146 / 365) - 5, (all[0].Sent * 146 / 365) + 5);

        // The hours scaled by the share, summed per day; days left without a positive counter are not answered.
        static List<string> Scaled(IEnumerable<MessageStatsPeriod> hours, double share) =>
            [.. hours.GroupBy(h => h.Key[..10])
                .Select(day => (day.Key, Counters: day.Select(h => Counters(h).Select(c => (long)Math.Round(c * share)).ToArray())
                    .Aggregate(new long[19], (sum, c) => [.. sum.Zip(c, (a, b) => a + b)])))
                .Where(day => day.Counters.Any(c => c > 0))
                .Select(day => Row(day.Key, day.Counters))];
    }

    [Fact]
    public async Task A_month_narrowed_by_created_on_is_the_sum_of_its_narrowed_days()
    {
        var sent = DateOnly.FromDateTime(_sandbox.GetResponse.SentAt["sbx-newsletter"]);
        var query = MessageStatsQuery.ForMessage("sbx-newsletter").CreatedFrom(sent.AddDays(-200)).CreatedTo(sent.AddDays(-20));

        var monthly = await Client().GetMessageStatsAsync(query.GroupedBy(MessageStatsGrouping.Monthly));
        var hourly = await Client().GetMessageStatsAsync(query.GroupedBy(MessageStatsGrouping.Hourly));
        var yearly = await Client().GetMessageStatsAsync(query.GroupedBy(MessageStatsGrouping.Yearly));

        Assert.Equal(Rows(monthly), SumInto(hourly, 7));
        Assert.Equal(Rows(yearly), SumInto(hourly, 4));
        Assert.True(monthly[0].Sent > 0);
    }

    [Fact]
    public async Task The_data_is_reproducible_and_follows_the_sandbox_history()
    {
        using var same = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 120 });
        var options = new JsonRpcMessagesOptions();
        same.Configure(options);
        var query = MessageStatsQuery.ForMessage("sbx-launch").GroupedBy(MessageStatsGrouping.Hourly);
        using var later = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today.AddDays(30), HistoryDays = 30 });

        var first = await Client().GetMessageStatsAsync(query);
        var second = await new MessageStatsClient(new HttpClient(same.CreateHandler()), options).GetMessageStatsAsync(query);

        Assert.Equal(first, second);
        Assert.All(later.GetResponse.SentAt.Values, sent => Assert.InRange(DateOnly.FromDateTime(sent), SandboxServer.Today.AddDays(1), SandboxServer.Today.AddDays(30)));
    }

    [Fact]
    public async Task A_wrong_key_and_an_unknown_message_are_refused_like_getresponse_does()
    {
        var denied = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            Client("not-the-key").GetMessageStatsAsync(MessageStatsQuery.ForMessage("sbx-launch")));
        var unknown = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            Client().GetMessageStatsAsync(MessageStatsQuery.ForMessage("sbx-nothing").GroupedBy(MessageStatsGrouping.Monthly)));

        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal("-1", denied.ErrorCode);
        Assert.Equal(["API key verification failed"], denied.Errors);
        Assert.DoesNotContain("not-the-key", denied.ToString(), StringComparison.Ordinal);
        Assert.Equal("-1", unknown.ErrorCode);
        Assert.Equal(["Missing message"], unknown.Errors);
    }

    [Fact]
    public async Task The_json_rpc_protocol_is_answered_as_a_json_rpc_2_server_answers_it()
    {
        var Key = _sandbox.GetResponse.ApiKey;

        var stats = await Post($$$"""{"jsonrpc":"2.0","id":42,"method":"get_message_stats","params":["{{{Key}}}",{"message":"sbx-digest","grouping":"yearly"}]}""");
        var textId = await Post($$$"""{"jsonrpc":"2.0","id":"call-7","method":"get_message_stats","params":["{{{Key}}}",{"message":"sbx-digest"}]}""");
        var unknownMethod = await Post($$$"""{"jsonrpc":"2.0","id":43,"method":"get_campaigns","params":["{{{Key}}}",{}]}""");
        var notHash = await Post($$$"""{"jsonrpc":"2.0","id":44,"method":"get_message_stats","params":["{{{Key}}}",["sbx-digest"]]}""");
        var badGrouping = await Post($$$"""{"jsonrpc":"2.0","id":45,"method":"get_message_stats","params":["{{{Key}}}",{"message":"sbx-digest","grouping":"weekly"}]}""");
        var badOperator = await Post($$$"""{"jsonrpc":"2.0","id":46,"method":"get_message_stats","params":["{{{Key}}}",{"message":"sbx-digest","created_on":{"AFTER":"2026-01-01"}}]}""");
        var parseError = await Post("""{"jsonrpc":"2.0","id":47,""");
        var notification = await Post($$$"""{"jsonrpc":"2.0","method":"get_message_stats","params":["{{{Key}}}",{"message":"sbx-digest"}]}""");

        Assert.Equal(42, stats.Json!.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("2026", stats.Json.RootElement.GetProperty("result").EnumerateObject().Single().Name);
        Assert.Equal("call-7", textId.Json!.RootElement.GetProperty("id").GetString());
        AssertError(unknownMethod, 43, -32601, "Method not found");
        AssertError(notHash, 44, -32602, "Invalid params", "Attribute params must be reference to hash");
        AssertError(badGrouping, 45, -32602, "Invalid params", "Attribute grouping must be one of hourly, daily, monthly, yearly");
        AssertError(badOperator, 46, -32602, "Invalid params");
        AssertError(parseError, null, -32700, "Parse error");
        Assert.Equal(HttpStatusCode.NoContent, notification.Status);
        Assert.Null(notification.Json);

        static void AssertError((HttpStatusCode Status, JsonDocument? Json) answer, int? id, int code, string message, string? data = null)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var root = answer.Json!.RootElement;
            Assert.Equal("2.0", root.GetProperty("jsonrpc").GetString());
            if (id is null)
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty("id").ValueKind);
            }
            else
            {
                Assert.Equal(id, root.GetProperty("id").GetInt32());
            }

            Assert.Equal(code, root.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(message, root.GetProperty("error").GetProperty("message").GetString());
            if (data is not null)
            {
                Assert.Equal(data, root.GetProperty("error").GetProperty("data").GetString());
            }

            Assert.False(root.TryGetProperty("result", out _));
        }
    }

    [Fact]
    public async Task One_line_of_wiring_points_the_di_client_at_the_sandbox()
    {
        var services = new ServiceCollection();
        services.AddMessageStatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox);
        await using var provider = services.BuildServiceProvider();

        var stats = await provider.GetRequiredService<IMessageStatsClient>()
            .GetMessageStatsAsync(MessageStatsQuery.ForMessage(_sandbox.GetResponse.NewsletterIds[0]).GroupedBy(MessageStatsGrouping.Monthly));

        Assert.Equal(["2026-08", "2026-09"], stats.Select(p => p.Key));
        Assert.True(stats[0].Sent > 0);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_a_429_json_rpc_error_with_retry_after_then_normal_answers()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.JsonRpcMessages, SandboxFault.RateLimited(TimeSpan.FromSeconds(9)));
        var client = Client();
        var query = MessageStatsQuery.ForMessage("sbx-webinar").GroupedBy(MessageStatsGrouping.Yearly);

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetMessageStatsAsync(query));
        var after = await client.GetMessageStatsAsync(query);

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), e.RetryAfter);
        Assert.Equal("-1", e.ErrorCode);
        Assert.Contains("rate-limit", e.Errors[0], StringComparison.Ordinal);
        Assert.Equal("2026", Assert.Single(after).Key);
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.JsonRpcMessages));
    }

    private async Task<(HttpStatusCode Status, JsonDocument? Json)> Post(string body)
    {
        using var http = new HttpClient(_sandbox.CreateHandler());
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var endpoint = new Uri(_sandbox.GetResponse.JsonRpcEndpoint.ToString().TrimEnd('/'));
        using var response = await http.PostAsync(endpoint, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text));
    }
}
