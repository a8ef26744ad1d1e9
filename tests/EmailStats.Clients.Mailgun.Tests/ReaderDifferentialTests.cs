using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Testing;
using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>
/// The stats reader against an independent oracle (System.Text.Json into <see cref="OracleStatsResult"/>): the same generated envelopes (every event or some, events null, counters as numbers,
/// strings, padded strings, integral decimals, null and empty; failure reasons of any name; times as RFC 2822 in any
/// zone or as epoch seconds; keys shuffled, repeated and escaped; unknown fields of every kind, at every level; null
/// items) give equal models, and an envelope one refuses the other refuses too.
/// </summary>
public sealed class ReaderDifferentialTests
{
    private static readonly string[] Events = ["accepted", "delivered", "failed", "stored", "opened", "clicked", "unsubscribed", "complained"];

    private static readonly Dictionary<string, string[]> CountersOf = new()
    {
        ["accepted"] = ["incoming", "outgoing", "total"],
        ["delivered"] = ["smtp", "http", "optimized", "total"],
        ["stored"] = ["total"],
        ["opened"] = ["total", "unique"],
        ["clicked"] = ["total", "unique"],
        ["unsubscribed"] = ["total"],
        ["complained"] = ["total"],
    };

    private static readonly string[] Reasons = ["bounce", "delayed-bounce", "suppress-bounce", "suppress-unsubscribe", "espblock", "new-reason", "total"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_envelopes_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        var body = Encoding.UTF8.GetBytes(Envelope(random, items: random.Next(0, 40)));

        var result = AssertSame(body);

        Assert.NotNull(result);
    }

    [Theory]
    [InlineData("""{"start":"Mon, 01 Jan 2024 00:00:00 UTC","end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":1704067200,"end":"1704153600","stats":[{"time":1704067200}]}""")]
    [InlineData("""{"start":"Mon, 01 Jan 2024 00:00:00 +0200","end":"Tue, 02 Jan 2024 00:00:00 -0500","stats":[{"time":"Mon, 01 Jan 2024 00:00:00 GMT"}]}""")]
    [InlineData("""{"end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":"Mon, 01 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":"Mon, 01 Jan 2024 00:00:00 UTC","end":"Tue, 02 Jan 2024 00:00:00 UTC"}""")]
    [InlineData("""{"start":"Mon, 01 Jan 2024 00:00:00 UTC","end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":null}""")]
    [InlineData("""{"start":null,"end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":"yesterday","end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":true,"end":"Tue, 02 Jan 2024 00:00:00 UTC","stats":[]}""")]
    [InlineData("""{"start":1,"end":2,"stats":{}}""")]
    [InlineData("""{"start":1,"end":2,"stats":[null,{"time":null}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[1]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":1}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":[]}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":{"total":1.5}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":{"total":"x"}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":{"total":true}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":{"total":"7","total":8,"incoming":" 3 ","outgoing":"4.0"}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"accepted":{"Total":7,"unique":2,"deep":{"a":[1]}}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"failed":{"temporary":null,"permanent":{"total":3,"bounce":"2","x":{"y":1}},"total":4}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"failed":{"permanent":{"bounce":1.5}}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"failed":{"permanent":[]}}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"failed":7}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"tag":"x","domain":"example.com"}],"resolution":"DAY","description":"d","tag":"t"}""")]
    [InlineData("""{"start":1,"end":2,"stats":[],"resolution":"week","description":null,"tag":null}""")]
    [InlineData("""{"start":1,"end":2,"stats":[],"resolution":3,"unknown":[1,{"a":null}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[],"resolution":{"a":1}}""")]
    [InlineData("""{"start":1,"end":2,"stats":[],"description":5}""")]
    [InlineData("""{"start":1,"end":2,"stats":[],"tag":[]}""")]
    [InlineData("""{"st\u0061rt":1,"end":2,"st\u0061ts":[{"cl\u0069cked":{"un\u0069que":3}}]}""")]
    [InlineData("""{"Start":1,"start":1,"end":2,"stats":[]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"time":1},{"time":2}],"stats":[{"time":3}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"time":99999999999999999}]}""")]
    [InlineData("""{"start":1,"end":2,"stats":[{"opened":{"total":99999999999999999999}}]}""")]
    public void Edge_envelopes_give_the_same_models_or_the_same_refusal(string body) => AssertSame(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_record_without_unknown_fields_shares_one_empty_instance_and_equals_a_built_one()
    {
        var body = """{"start":1,"end":2,"stats":[{"time":1,"stored":{"total":4},"failed":{"permanent":{"total":1}}}]}"""u8.ToArray();

        var item = MailgunStatsReader.Read(body).Stats[0];

        Assert.Same(item.AdditionalData, item.Stored!.AdditionalData);
        Assert.Empty(item.AdditionalData);
        Assert.Equal(new MailgunTotalStats { Total = 4 }, item.Stored);
        Assert.Equal(new MailgunTotalStats { Total = 4, AdditionalData = new AdditionalData() }, item.Stored);
        Assert.Empty(item.Failed!.Permanent!.AdditionalData);
    }

    private static MailgunStatsResult? AssertSame(byte[] body) =>
        Differential.AssertSame(() => Oracle.Read<OracleStatsResult>(body), () => MailgunStatsReader.Read(body));

    private static string Envelope(Random random, int items)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(5000));
        var fields = new List<string>
        {
            $"\"start\":{Time(random, start)}",
            $"\"end\":{Time(random, start.AddHours(items))}",
            $"\"stats\":[{string.Join(",", Enumerable.Range(0, items).Select(i => Item(random, start.AddHours(i))))}]",
        };
        if (random.Next(4) != 0)
        {
            fields.Add($"\"resolution\":{random.Next(5) switch { 0 => "\"hour\"", 1 => "\"Day\"", 2 => "null", 3 => "\"week\"", _ => "\"month\"" }}");
        }

        if (random.Next(4) != 0)
        {
            fields.Add(random.Next(3) == 0 ? "\"description\":null" : "\"description\":\"Total stats for domain\"");
        }

        if (random.Next(3) == 0)
        {
            fields.Add(random.Next(2) == 0 ? "\"tag\":\"spring\"" : "\"tag\":null");
        }

        GeneratedJson.AddUnknown(random, fields);
        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Item(Random random, DateTimeOffset time)
    {
        if (random.Next(60) == 0)
        {
            return "null";
        }

        var fields = new List<string>();
        if (random.Next(10) != 0)
        {
            fields.Add($"\"time\":{(random.Next(20) == 0 ? "null" : Time(random, time))}");
        }

        foreach (var name in Events.Where(_ => random.Next(4) != 0))
        {
            fields.Add($"\"{GeneratedJson.Escape(random, name)}\":{Event(random, name)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        if (random.Next(8) == 0)
        {
            fields.Add($"\"opened\":{Event(random, "opened")}");
        }

        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Event(Random random, string name)
    {
        if (random.Next(15) == 0)
        {
            return "null";
        }

        var fields = new List<string>();
        if (name == "failed")
        {
            foreach (var kind in new[] { "temporary", "permanent" }.Where(_ => random.Next(5) != 0))
            {
                fields.Add($"\"{kind}\":{(random.Next(10) == 0 ? "null" : Failure(random))}");
            }
        }
        else
        {
            fields.AddRange(CountersOf[name].Where(_ => random.Next(6) != 0).Select(c => $"\"{c}\":{GeneratedJson.Counter(random)}"));
        }

        GeneratedJson.AddUnknown(random, fields);
        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Failure(Random random)
    {
        var fields = Reasons.Where(_ => random.Next(3) != 0).Select(r => $"\"{r}\":{GeneratedJson.Counter(random)}").ToList();
        if (random.Next(6) == 0)
        {
            fields.Add("\"detail\":{\"x\":[1,2]}");
        }

        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Time(Random random, DateTimeOffset time) => random.Next(5) switch
    {
        0 => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        1 => $"\"{time.ToUnixTimeSeconds()}\"",
        2 => $"\"{time.ToOffset(TimeSpan.FromHours(-5)).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} -0500\"",
        3 => $"\"{time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} GMT\"",
        _ => $"\"{time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} UTC\"",
    };

}
