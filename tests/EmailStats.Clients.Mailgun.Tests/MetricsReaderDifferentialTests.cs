using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Testing;
using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>
/// The Metrics API reader against an independent oracle (<see cref="MetricsOracle"/>,
/// System.Text.Json into wire-shaped DTOs): the same generated pages (counts as numbers, digit strings, other strings, null;
/// rates as numbers, strings and null; unknown metrics of every kind; time and other dimensions, display values
/// missing; pagination totals as numbers, strings, null; keys shuffled and escaped; unknown fields) give equal
/// models, and a page one refuses the other refuses too.
/// </summary>
public sealed class MetricsReaderDifferentialTests
{
    private static readonly string[] Counts = ["accepted_count", "delivered_count", "opened_count", "clicked_count", "hard_bounced_count", "complained_count"];
    private static readonly string[] Rates = ["delivered_rate", "opened_rate", "clicked_rate", "bounce_rate"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_pages_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        AssertSame(Page(random, random.Next(0, 40)));
    }

    [Theory]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"items":null}""")]
    [InlineData("""{"items":[null]}""")]
    [InlineData("""{"items":{}}""")]
    [InlineData("""{"items":[1]}""")]
    [InlineData("""{"items":[{}]}""")]
    [InlineData("""{"items":[{"dimensions":null,"metrics":null}]}""")]
    [InlineData("""{"items":[{"dimensions":[null]}]}""")]
    [InlineData("""{"items":[{"dimensions":[{"dimension":"time"}]}]}""")]
    [InlineData("""{"items":[{"dimensions":[{"dimension":"time","value":"yesterday"}]}]}""")]
    [InlineData("""{"items":[{"dimensions":[{"dimension":"domain","value":"a.com","extra":[1]}]}]}""")]
    [InlineData("""{"items":[{"dimensions":[{"dimension":5,"value":"a"}]}]}""")]
    [InlineData("""{"items":[{"metrics":{"sent_count":1.5}}]}""")]
    [InlineData("""{"items":[{"metrics":{"opened_rate":"abc"}}]}""")]
    [InlineData("""{"items":[{"metrics":{"opened_rate":"12.5","x_rate":3,"y_rate":null,"z_rate":true,"c":"12","d":" 12","e":"-1","f":"","g":{"a":1},"h":[1],"i":null}}]}""")]
    [InlineData("""{"items":[{"metrics":{"sent_count":99999999999999999999}}]}""")]
    [InlineData("""{"items":[{"metrics":{"sent_count":1,"sent_count":2}}]}""")]
    [InlineData("""{"items":[{"metrics":{"s\u0065nt_count":"\u0031"}}]}""")]
    [InlineData("""{"items":[],"pagination":{"sort":"time:asc","skip":"10","limit":null,"total":"25","other":{}}}""")]
    [InlineData("""{"items":[],"pagination":{"total":"x"}}""")]
    [InlineData("""{"items":[],"pagination":{"total":1.5}}""")]
    [InlineData("""{"items":[],"pagination":{"total":[]}}""")]
    [InlineData("""{"items":[],"pagination":null,"aggregates":null}""")]
    [InlineData("""{"items":[],"aggregates":{"metrics":null,"other":1}}""")]
    [InlineData("""{"items":[],"aggregates":{"metrics":{"sent_count":"4"}}}""")]
    [InlineData("""{"items":[],"aggregates":5}""")]
    [InlineData("""{"items":[],"dimensions":["time",null]}""")]
    [InlineData("""{"items":[],"dimensions":["time",3]}""")]
    [InlineData("""{"items":[],"dimensions":null,"start":null,"end":"not a date","resolution":"Hour","duration":"7d"}""")]
    [InlineData("""{"items":[],"start":5}""")]
    [InlineData("""{"items":[],"resolution":[]}""")]
    [InlineData("""{"items":[],"unknown":{"a":[1,null]},"Items":[1]}""")]
    public void Edge_pages_give_the_same_models_or_the_same_refusal(string body) => AssertSame(body);

    [Fact]
    public void An_item_without_rates_or_unknown_fields_shares_the_empty_instances()
    {
        var page = MailgunMetricsReader.Read("""{"items":[{"metrics":{"sent_count":1}},{"metrics":{"sent_count":2}}]}"""u8);

        Assert.Same(page.Items[0].Metrics.Rates, page.Items[1].Metrics.Rates);
        Assert.Same(page.Items[0].AdditionalData, page.Items[1].Metrics.AdditionalData);
        Assert.Equal(2, page.Items[1].Metrics.Counts["sent_count"]);
    }

    private static void AssertSame(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Differential.AssertSame(() => MetricsOracle.Read(bytes), () => MailgunMetricsReader.Read(bytes), Canonical);
    }

    private static string Canonical(MailgunMetricsPage page)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{page.Start:O}|{page.End:O}|{page.Resolution}|{page.Duration}|{string.Join(",", page.Dimensions)}|{page.Pagination}|")
            .Append(Extra(page.AdditionalData)).Append("|agg:").Append(page.Aggregates is null ? "<null>" : Values(page.Aggregates)).AppendLine();
        foreach (var item in page.Items)
        {
            text.Append(string.Join(";", item.Dimensions.Select(d => $"{d.Dimension}={d.Value}/{d.DisplayValue}/{d.Time:O}")))
                .Append('|').Append(Values(item.Metrics)).Append('|').Append(Extra(item.AdditionalData)).AppendLine();
        }

        return text.ToString();

        static string Values(MailgunMetricValues v) =>
            string.Join(",", v.Counts.Select(c => $"{c.Key}={c.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"}")) + "/"
            + string.Join(",", v.Rates.Select(r => $"{r.Key}={r.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}")) + "/" + Extra(v.AdditionalData);

        static string Extra(AdditionalData data) => "{" + string.Join(",", data.Select(p => $"{p.Key}={p.Value.GetRawText()}")) + "}";
    }

    private static string Page(Random random, int items)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(300));
        var fields = new List<string>
        {
            $"\"items\":[{string.Join(",", Enumerable.Range(0, items).Select(i => Item(random, start.AddHours(i))))}]",
            $"\"start\":\"{Rfc(start)}\"",
            $"\"end\":\"{Rfc(start.AddHours(items))}\"",
            $"\"resolution\":\"{(random.Next(2) == 0 ? "hour" : "day")}\"",
            "\"dimensions\":[\"time\",\"domain\"]",
        };
        if (random.Next(3) != 0)
        {
            fields.Add($"\"duration\":\"{random.Next(1, 30)}d\"");
        }

        if (random.Next(3) != 0)
        {
            fields.Add($"\"pagination\":{{\"sort\":\"time:asc\",\"skip\":{random.Next(100)},\"limit\":{random.Next(1, 1000)},\"total\":{(random.Next(3) switch { 0 => "null", 1 => $"\"{random.Next(500)}\"", _ => random.Next(500).ToString(CultureInfo.InvariantCulture) })}}}");
        }

        if (random.Next(3) != 0)
        {
            fields.Add($"\"aggregates\":{{\"metrics\":{Metrics(random)}}}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Item(Random random, DateTimeOffset time)
    {
        var dimensions = new List<string> { $"{{\"dimension\":\"time\",\"value\":\"{Rfc(time)}\",\"display_value\":\"{time:ddd, dd MMM yyyy HH:mm}\"}}" };
        if (random.Next(2) == 0)
        {
            dimensions.Add(random.Next(3) == 0 ? "{\"dimension\":\"domain\",\"value\":\"example.com\"}" : "{\"value\":\"mg.example.com\",\"dimension\":\"domain\",\"display_value\":\"mg\"}");
        }

        var fields = new List<string> { $"\"dimensions\":[{string.Join(",", dimensions)}]", $"\"{GeneratedJson.Escape(random, "metrics")}\":{Metrics(random)}" };
        GeneratedJson.AddUnknown(random, fields);
        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Metrics(Random random)
    {
        var fields = Counts.Where(_ => random.Next(4) != 0).Select(name => $"\"{GeneratedJson.Escape(random, name)}\":{Count(random)}")
            .Concat(Rates.Where(_ => random.Next(3) != 0).Select(name => $"\"{name}\":{Rate(random)}")).ToList();
        if (random.Next(5) == 0)
        {
            fields.Add(random.Next(3) switch { 0 => "\"note_count\":\"n/a\"", 1 => "\"breakdown\":{\"a\":1}", _ => "\"flag\":true" });
        }

        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string Rfc(DateTimeOffset time) => time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Count(Random random) => random.Next(6) switch
    {
        0 => $"\"{random.Next(100000)}\"",
        1 => "null",
        2 => $"\" {random.Next(50)}\"",
        _ => random.Next(100000).ToString(CultureInfo.InvariantCulture),
    };

    private static string Rate(Random random) => random.Next(5) switch
    {
        0 => "null",
        1 => $"{random.Next(100)}.{random.Next(100)}",
        2 => $"{random.Next(100)}",
        _ => $"\"{random.Next(100)}.{random.Next(10)}\"",
    };
}
