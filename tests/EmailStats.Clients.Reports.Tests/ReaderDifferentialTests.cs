using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Testing;
using EmailStats.Clients.Reports.Serialization;

namespace EmailStats.Clients.Reports.Tests;

/// <summary>
/// The histogram and campaign-report readers against an independent oracle (System.Text.Json into
/// <see cref="OracleHistogram"/> and <see cref="OracleCampaignReport"/>): the same generated bodies (counters as numbers,
/// strings, padded strings, integral decimals, null and empty; timestamps with Z, an offset or none; detail keys
/// present, null or missing; ids and paths null or missing; keys shuffled, repeated and escaped; comments and trailing
/// commas; unknown fields of every kind, at every level) give equal models, and a body one refuses the other refuses too.
/// </summary>
public sealed class ReaderDifferentialTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_histograms_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        AssertSameHistogram(Histogram(random, random.Next(0, 60)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_campaign_reports_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        AssertSameReport(Report(random, random.Next(0, 60)));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"histogram":null,"start":null,"end":null,"peak":null}""")]
    [InlineData("""{"histogram":[null]}""")]
    [InlineData("""{"histogram":[1]}""")]
    [InlineData("""{"histogram":{}}""")]
    [InlineData("""{"histogram":[{"total":1}]}""")]
    [InlineData("""{"histogram":[{"date":null,"total":1}]}""")]
    [InlineData("""{"histogram":[{"date":20240101}]}""")]
    [InlineData("""{"histogram":[{"date":"yesterday"}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01"},{"date":"2024-01-02T00:00:00"},{"date":"2024-01-03T00:00:00+02:00"},{"date":" 2024-01-04 "}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","total":"7","total":8,"detail":{"hard":null,"soft":"","uniqueOpens":" 3 ","uniqueClicks":"4.0"}}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","detail":{}}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","detail":[]}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","detail":{"hard":1.5}}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","total":true}]}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z","Total":3,"x":{"y":[1,null]}}],"extra":1}""")]
    [InlineData("""{"h\u0069stogram":[{"d\u0061te":"2024-01-01T00:00:00Z","t\u006ftal":3}]}""")]
    [InlineData("{\"histogram\":[{\"date\":\"2024-01-01T00:00:00Z\",},],/* note */\"start\":\"2024-01-01T00:00:00Z\", // line\n}")]
    [InlineData("""{"histogram":[],"peak":{"date":"2024-01-01T00:00:00Z","total":"5","startDate":null}}""")]
    [InlineData("""{"histogram":[],"peak":7}""")]
    [InlineData("""{"histogram":[],"peak":{"startDate":"2024-01-01T00:00:00Z","endDate":null,"total":null,"note":[1]}}""")]
    [InlineData("""{"histogram":[],"peak":{"date":"x"}}""")]
    [InlineData("""{"histogram":[],"start":5}""")]
    [InlineData("""{"histogram":[{"date":"2024-01-01T00:00:00Z"}],"histogram":[]}""")]
    public void Edge_histograms_give_the_same_models_or_the_same_refusal(string body) => AssertSameHistogram(body);

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"stats":null,"linkActivity":null}""")]
    [InlineData("""{"linkActivity":[null]}""")]
    [InlineData("""{"linkActivity":[1]}""")]
    [InlineData("""{"linkActivity":"x"}""")]
    [InlineData("""{"linkActivity":[{}]}""")]
    [InlineData("""{"linkActivity":[{"id":null,"path":null,"clicks":null}]}""")]
    [InlineData("""{"linkActivity":[{"id":5}]}""")]
    [InlineData("""{"linkActivity":[{"path":[]}]}""")]
    [InlineData("""{"linkActivity":[{"clicks":[]}]}""")]
    [InlineData("""{"linkActivity":[{"clicks":{"total":"1.5"}}]}""")]
    [InlineData("""{"linkActivity":[{"id":"a","id":"b","clicks":{"total":" 4 ","unique":null,"Unique":2,"rate":0.5}}]}""")]
    [InlineData("""{"linkActivity":[{"id":"a\u00e9","p\u0061th":"/x?a=1&b=\u0022q\u0022"}],"l\u0069nkActivity":[]}""")]
    [InlineData("""{"linkActivity":[{"id":"a",},],/* c */"stats":{"sent":"10","opens":{"unique":3,"rate":"12.5%"},},}""")]
    [InlineData("""{"stats":{"sent":1.5}}""")]
    [InlineData("""{"stats":5}""")]
    [InlineData("""{"stats":{"opens":null,"clicks":{"last":"2024-01-01T10:00:00"}},"other":[{"a":1}]}""")]
    [InlineData("""{"stats":{"opens":{"rate":"abc"}}}""")]
    [InlineData("""{"stats":{"opens":{"rate":true}}}""")]
    [InlineData("""{"stats":{"opens":{"rate":"NaN"}}}""")]
    [InlineData("""{"stats":{"hardBounces":{"count":"3","rate":"1.5 %"},"softBounces":[],"x":1}}""")]
    [InlineData("""{"stats":{"clicks":{"last":5}}}""")]
    [InlineData("""{"stats":{"sent":1,"sent":2,"opens":{"unique":1},"opens":null}}""")]
    public void Edge_campaign_reports_give_the_same_models_or_the_same_refusal(string body) => AssertSameReport(body);

    [Fact]
    public void Items_without_unknown_fields_share_the_empty_instance_and_equal_built_ones()
    {
        var link = ReportsReaders.ReadCampaignReport("""{"linkActivity":[{"id":"a","path":"/","clicks":{"total":2,"unique":1}}]}"""u8).LinkActivity[0];
        var point = ReportsReaders.ReadHistogram("""{"histogram":[{"date":"2024-01-01T00:00:00Z","total":2,"detail":{"hard":1}}]}"""u8).Histogram[0];

        Assert.Same(link.AdditionalData, point.AdditionalData);
        Assert.Empty(link.Clicks.AdditionalData);
        Assert.Equal(new LinkActivity { Id = "a", Path = "/", Clicks = new LinkClicks { Total = 2, Unique = 1 } }, link);
        Assert.Equal(
            new HistogramPoint { Date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Total = 2, Detail = new HistogramDetail { Hard = 1 }, AdditionalData = new AdditionalData() },
            point);
    }

    // Every value as text (offsets included): Oracle.Canonical.
    private static void AssertSameHistogram(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Differential.AssertSame(() => Oracle.Read<OracleHistogram>(bytes), () => ReportsReaders.ReadHistogram(bytes));
    }

    private static void AssertSameReport(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Differential.AssertSame(() => Oracle.Read<OracleCampaignReport>(bytes), () => ReportsReaders.ReadCampaignReport(bytes));
    }

    private static string Histogram(Random random, int points)
    {
        var first = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(300));
        var fields = new List<string>
        {
            $"\"histogram\":[{string.Join(",", Enumerable.Range(0, points).Select(i => Point(random, first.AddDays(i))))}{(random.Next(8) == 0 ? "," : "")}]",
        };
        if (random.Next(4) != 0)
        {
            fields.Add($"\"start\":{Timestamp(random, first)}");
            fields.Add($"\"end\":{Timestamp(random, first.AddDays(points))}");
        }

        if (random.Next(3) == 0)
        {
            var peak = new List<string> { $"\"total\":{GeneratedJson.Counter(random)}" };
            peak.AddRange(new[] { "date", "startDate", "endDate" }.Where(_ => random.Next(3) != 0).Select(k => $"\"{k}\":{Timestamp(random, first.AddDays(random.Next(points + 1)))}"));
            GeneratedJson.AddUnknown(random, peak);
            fields.Add(random.Next(4) == 0 ? "\"peak\":null" : $"\"peak\":{Join(random, peak)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return Join(random, fields);
    }

    private static string Point(Random random, DateTimeOffset date)
    {
        var fields = new List<string> { $"\"{GeneratedJson.Escape(random, "date")}\":{Timestamp(random, date)}" };
        if (random.Next(6) != 0)
        {
            fields.Add($"\"total\":{GeneratedJson.Counter(random)}");
        }

        if (random.Next(5) != 0)
        {
            var detail = new[] { "hard", "soft", "uniqueOpens", "uniqueClicks" }.Where(_ => random.Next(3) != 0).Select(k => $"\"{k}\":{GeneratedJson.Counter(random)}").ToList();
            GeneratedJson.AddUnknown(random, detail);
            fields.Add(random.Next(12) == 0 ? "\"detail\":null" : $"\"detail\":{Join(random, detail)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return Join(random, fields);
    }

    private static string Report(Random random, int links)
    {
        var fields = new List<string>
        {
            $"\"linkActivity\":[{string.Join(",", Enumerable.Range(0, links).Select(i => Link(random, i)))}]",
        };
        if (random.Next(4) != 0)
        {
            fields.Add($"\"stats\":{Stats(random)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return Join(random, fields);
    }

    private static string Stats(Random random)
    {
        if (random.Next(12) == 0)
        {
            return "null";
        }

        var fields = new[] { "sent", "delivered", "complaints", "unsubscribes" }.Where(_ => random.Next(4) != 0).Select(k => $"\"{k}\":{GeneratedJson.Counter(random)}").ToList();
        foreach (var name in new[] { "opens", "clicks" }.Where(_ => random.Next(4) != 0))
        {
            var parts = new List<string> { $"\"unique\":{GeneratedJson.Counter(random)}", $"\"rate\":{Rate(random)}" };
            if (random.Next(3) != 0)
            {
                parts.Add($"\"last\":{Timestamp(random, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(5000)))}");
            }

            GeneratedJson.AddUnknown(random, parts);
            fields.Add(random.Next(10) == 0 ? $"\"{name}\":null" : $"\"{name}\":{Join(random, parts)}");
        }

        foreach (var name in new[] { "hardBounces", "softBounces", "totalBounces" }.Where(_ => random.Next(4) != 0))
        {
            var parts = new List<string> { $"\"count\":{GeneratedJson.Counter(random)}", $"\"rate\":{Rate(random)}" }.Where(_ => random.Next(5) != 0).ToList();
            GeneratedJson.AddUnknown(random, parts);
            fields.Add(random.Next(10) == 0 ? $"\"{name}\":null" : $"\"{name}\":{Join(random, parts)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return Join(random, fields);
    }

    private static string Rate(Random random) => random.Next(6) switch
    {
        0 => "null",
        1 => "\"\"",
        2 => $"\"{random.Next(100)}.{random.Next(100)}%\"",
        3 => $"\" {random.Next(100)}.5 \"",
        4 => random.Next(100).ToString(CultureInfo.InvariantCulture),
        _ => $"{random.Next(100)}.{random.Next(1000)}",
    };

    private static string Link(Random random, int index)
    {
        var fields = new List<string>();
        if (random.Next(10) != 0)
        {
            fields.Add(random.Next(15) == 0 ? "\"id\":null" : $"\"id\":\"{index}\"");
        }

        if (random.Next(10) != 0)
        {
            fields.Add(random.Next(15) == 0 ? "\"path\":null" : $"\"{GeneratedJson.Escape(random, "path")}\":\"https://example.com/p/{index}?utm=x\\u0026y=1\"");
        }

        if (random.Next(10) != 0)
        {
            var clicks = new[] { "total", "unique" }.Where(_ => random.Next(4) != 0).Select(k => $"\"{k}\":{GeneratedJson.Counter(random)}").ToList();
            GeneratedJson.AddUnknown(random, clicks);
            fields.Add(random.Next(15) == 0 ? "\"clicks\":null" : $"\"clicks\":{Join(random, clicks)}");
        }

        GeneratedJson.AddUnknown(random, fields);
        return Join(random, fields);
    }

    private static string Join(Random random, List<string> fields) =>
        "{" + string.Join(random.Next(20) == 0 ? " /* c */ ," : ",", fields.OrderBy(_ => random.Next())) + (random.Next(15) == 0 && fields.Count > 0 ? "," : "") + "}";

    private static string Timestamp(Random random, DateTimeOffset time) => random.Next(5) switch
    {
        0 => $"\"{time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\"",
        1 => $"\"{time.ToOffset(TimeSpan.FromHours(-5)):yyyy-MM-ddTHH:mm:sszzz}\"",
        2 => $"\"{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss}\"",
        3 => random.Next(10) == 0 ? "null" : $"\"{time.UtcDateTime:yyyy-MM-dd}\"",
        _ => $"\"{time.ToOffset(TimeSpan.FromHours(7)):yyyy-MM-ddTHH:mm:ss.fffzzz}\"",
    };

}
