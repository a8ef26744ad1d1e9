using System.Text;
using System.Text.Json;
using EmailStats.Clients.Testing;
using EmailStats.Clients.SendGridV2.Serialization;
using System.Net.Http;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>
/// The row reader against an independent oracle (System.Text.Json into test DTOs, <see cref="OracleDailyRow"/>): the same generated bodies (counters as
/// numbers, strings, integral decimals, null and empty; <c>blocks</c> and <c>blocked</c> in every combination; keys in
/// any order, repeated, escaped; unknown fields of every kind) give equal models, and a body one rejects the other
/// rejects too. The XML row reader against transcoding the same XML and reading its JSON: equal models, or both refuse.
/// </summary>
public sealed class ReaderDifferentialTests
{
    private static readonly string[] Counters =
    [
        "requests", "delivered", "bounces", "repeat_bounces", "unsubscribes", "repeat_unsubscribes", "clicks", "opens", "spamreports",
        "repeat_spamreports", "invalid_email", "blocks", "unique_clicks", "unique_opens", "spam_drop",
    ];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_bodies_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        foreach (var category in new[] { false, true })
        {
            var body = Encoding.UTF8.GetBytes(Body(random, rows: random.Next(0, 30), category));

            AssertSame(body, category);
            Assert.NotNull(category ? SendGridRowsReader.ReadCategory(body) : SendGridRowsReader.ReadDaily(body));
        }
    }

    [Theory]
    [InlineData("""[{"date":"2024-09-01","blocks":3,"blocked":5}]""")]
    [InlineData("""[{"date":"2024-09-01","blocked":5,"blocks":3}]""")]
    [InlineData("""[{"date":"2024-09-01","blocked":null,"blocks":3}]""")]
    [InlineData("""[{"date":"2024-09-01","requests":1,"requests":"2"}]""")]
    [InlineData("""[{"date":"2024-09-01","date":"2024-09-02","category":"a"}]""")]
    [InlineData("""[{"date":"2024-09-01","category":null}]""")]
    [InlineData("""[{"date":"2024-09-01","Requests":7,"category":"a"}]""")]
    [InlineData("""[{"date":"2024-09-01","requ\u0065sts":7,"category":"a\u00e9"}]""")]
    [InlineData("""[{"d\u0061te":"2024-09-01","category":"a"}]""")]
    [InlineData("""[{"date":"2024-09-01T00:00:00","category":"a"}]""")]
    [InlineData("""[{"date":null,"category":"a"}]""")]
    [InlineData("""[{"date":20240901,"category":"a"}]""")]
    [InlineData("""[{"requests":1,"category":"a"}]""")]
    [InlineData("""[{"date":"2024-09-01"}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":1.5}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":"1.0"}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":"x"}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":true}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":[1]}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","requests":99999999999999999999}]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a","extra":{"x":[1,2.5,null,"s"]},"flag":true}]""")]
    [InlineData("""[null,{"date":"2024-09-01","category":"a"}]""")]
    [InlineData("""[1]""")]
    [InlineData("""[[]]""")]
    [InlineData("""[]""")]
    [InlineData("""[{"date":"2024-09-01","category":"a"},""")]
    [InlineData("""[{"date":"2024-02-30","category":"a"}]""")]
    [InlineData("""[{"date":"2024-09-01","category":7}]""")]
    public void Edge_bodies_give_the_same_models_or_the_same_refusal(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        AssertSame(body, category: false);
        AssertSame(body, category: true);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_xml_gives_the_same_models_read_directly_as_transcoded(int seed)
    {
        var random = new Random(seed * 7);
        foreach (var category in new[] { false, true })
        {
            var rows = random.Next(0, 30);
            var xml = Xml(random, rows, category);

            AssertSameXml(xml, category);
            using var body = Body(xml);
            Assert.Equal(rows, category ? SendGridXmlRowsReader.ReadCategory(body).Count : SendGridXmlRowsReader.ReadDaily(body).Count);
        }
    }

    [Theory]
    [InlineData("<stats><day><date>2024-09-01</date><blocks>3</blocks><blocked>5</blocked><category>a</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><blocked/><blocks>3</blocks><category>a</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><blocked></blocked><blocks>3</blocks><category>a</category></day></stats>")]
    [InlineData("<stats><day><date> 2024-09-01 </date><requests> 12 </requests><requests>13</requests><category> a b </category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><requests/><opens></opens><category/></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><category>a</category><extra><x>1</x><y/><z>two</z></extra><note> text </note><empty/></day></stats>")]
    [InlineData("<stats><day>loose text<date>2024-09-01</date><category>a</category></day></stats>")]
    [InlineData("<stats><day><date><![CDATA[2024-09-01]]></date><requests><![CDATA[7]]></requests><category>a&amp;b</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><requests><v>1</v></requests><category>a</category></day></stats>")]
    [InlineData("<stats><day><date><d>2024-09-01</d></date><category>a</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><category><c>a</c></category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><requests>1.5</requests><category>a</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><requests>x</requests><category>a</category></day></stats>")]
    [InlineData("<stats><day><requests>1</requests><category>a</category></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date></day></stats>")]
    [InlineData("<stats><day/><day><date>2024-09-01</date><category>a</category></day></stats>")]
    [InlineData("<stats><day>2024-09-01</day></stats>")]
    [InlineData("<stats></stats>")]
    [InlineData("<stats/>")]
    [InlineData("<?xml version=\"1.0\"?><!-- c --><stats><!-- c --><day><date>2024-09-01</date><category>a</category><?pi x?></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><category>a</category><Requests>9</Requests></day></stats>")]
    [InlineData("<stats><day><date>2024-09-01</date><category>a</category></day>")]
    public void Edge_xml_gives_the_same_models_or_the_same_refusal(string xml)
    {
        AssertSameXml(xml, category: false);
        AssertSameXml(xml, category: true);
    }

    private static void AssertSameXml(string xml, bool category)
    {
        using var body = Body(xml);
        if (category)
        {
            CompareXml(
                () => SendGridXml.Transcode(body, asArray: true, static json => SendGridRowsReader.ReadCategory(json)),
                () => SendGridXmlRowsReader.ReadCategory(body));
        }
        else
        {
            CompareXml(
                () => SendGridXml.Transcode(body, asArray: true, static json => SendGridRowsReader.ReadDaily(json)),
                () => SendGridXmlRowsReader.ReadDaily(body));
        }
    }

    private static void CompareXml<T>(Func<List<T>> transcoded, Func<List<T>> direct)
    {
        List<T> expected;
        try
        {
            expected = transcoded();
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            var refused = Assert.ThrowsAny<Exception>(() => direct());
            Assert.True(refused is JsonException or System.Xml.XmlException, $"{refused.GetType().Name}: {refused.Message}");
            return;
        }

        Assert.Equal(expected, direct());
    }

    private static EmailStats.Clients.Internal.ResponseBody Body(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        using var content = new ByteArrayContent(bytes);
        return EmailStats.Clients.Internal.ResponseBody.ReadAsync(content, 1 << 20, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string Xml(Random random, int rows, bool category)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stats>\n");
        for (var r = 0; r < rows; r++)
        {
            var fields = new List<string> { $"<date>{new DateOnly(2024, 1, 1).AddDays(random.Next(400)):yyyy-MM-dd}</date>" };
            if (category || random.Next(5) == 0)
            {
                fields.Add($"<category>cat{random.Next(5)}</category>");
            }

            foreach (var name in Counters.Where(_ => random.Next(4) != 0))
            {
                fields.Add(XmlCounter(random, name));
            }

            if (random.Next(3) == 0)
            {
                fields.Add(XmlCounter(random, "blocked"));
            }

            if (random.Next(4) == 0)
            {
                fields.Add(random.Next(3) switch
                {
                    0 => "<unknown><nested>1</nested><more><deep>x</deep></more></unknown>",
                    1 => $"<note>text {random.Next(100)}</note>",
                    _ => "<flag/>",
                });
            }

            text.Append("  <day>").Append(string.Join("", fields.OrderBy(_ => random.Next()))).Append("</day>\n");
        }

        return text.Append("</stats>\n").ToString();
    }

    private static string XmlCounter(Random random, string name) => random.Next(6) switch
    {
        0 => $"<{name}/>",
        1 => $"<{name}></{name}>",
        2 => $"<{name}> {random.Next(1000)} </{name}>",
        3 => $"<{name}>{random.Next(1000)}.0</{name}>",
        _ => $"<{name}>{random.Next(100000)}</{name}>",
    };

    private static void AssertSame(byte[] body, bool category)
    {
        if (category)
        {
            Differential.AssertSame(() => Oracle.Read<List<OracleCategoryRow?>>(body), () => SendGridRowsReader.ReadCategory(body));
        }
        else
        {
            Differential.AssertSame(() => Oracle.Read<List<OracleDailyRow?>>(body), () => SendGridRowsReader.ReadDaily(body));
        }
    }

    private static string Body(Random random, int rows, bool category)
    {
        var text = new StringBuilder("[");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "" : ",");
            if (random.Next(40) == 0)
            {
                text.Append("null");
                continue;
            }

            var fields = new List<string> { $"\"date\":\"{new DateOnly(2024, 1, 1).AddDays(random.Next(400)):yyyy-MM-dd}\"" };
            if (category || random.Next(5) == 0)
            {
                fields.Add($"\"category\":\"cat{random.Next(5)}\"");
            }

            foreach (var name in Counters.Where(_ => random.Next(4) != 0))
            {
                fields.Add($"\"{name}\":{GeneratedJson.Counter(random)}");
            }

            if (random.Next(3) == 0)
            {
                fields.Add($"\"blocked\":{GeneratedJson.Counter(random)}");
            }

            if (random.Next(4) == 0)
            {
                fields.Add(random.Next(3) switch
                {
                    0 => "\"unknown\":{\"nested\":[1,\"two\",null,{\"x\":3.5}]}",
                    1 => $"\"note\":\"text {random.Next(100)}\"",
                    _ => "\"flag\":false",
                });
            }

            if (random.Next(6) == 0)
            {
                fields.Add($"\"requests\":{random.Next(1000)}");
            }

            text.Append('{').Append(string.Join(",", fields.OrderBy(_ => random.Next()))).Append('}');
        }

        return text.Append(']').ToString();
    }

}
