using System.Globalization;
using System.Text;

namespace EmailStats.Clients.Benchmarks;

/// <summary>The size of a canned response: one day, or the large case the issue names per provider.</summary>
public enum Size
{
    /// <summary>One day (one item, one period, one day of categories...).</summary>
    Small,

    /// <summary>SendGrid 365 days x 20 categories; Mailgun 8,760 hourly items; GetResponse 8,760 hourly periods; Reports 90 days / 1,000 links.</summary>
    Large,
}

/// <summary>
/// The canned response bodies, generated once, deterministically (same bytes on every run and machine), in the shapes
/// the providers send (DESIGN.md section 4 and the recorded fixtures), with every field and realistic magnitudes.
/// </summary>
public static class Payloads
{
    public const string ApiKey = "bench-secret-key-0123456789abcdef";
    public const string ApiUser = "bench-user";
    public const string SendGridUser = "customer-1";
    public const string MailgunDomain = "mg.example.com";
    public const string MessageId = "ab12";
    public const string CampaignId = "66f1a6e4698f1bca60424800";

    public static readonly DateOnly LastDay = new(2024, 9, 30);

    public static int SendGridDays(Size size) => size == Size.Small ? 1 : 365;

    public static int SendGridCategoryCount(Size size) => 20;

    public static string[] SendGridCategories(Size size) =>
        [.. Enumerable.Range(1, SendGridCategoryCount(size)).Select(i => $"category{i:00}")];

    /// <summary>SendGrid v3 category statistics: at most 10 categories per call (SendGrid's limit).</summary>
    public static string[] SendGridV3Categories(Size size) => [.. SendGridCategories(size).Take(10)];

    public static readonly string[] SendGridV3Metrics =
    [
        "blocks", "bounce_drops", "bounces", "clicks", "deferred", "delivered", "invalid_emails", "opens", "processed", "requests",
        "spam_report_drops", "spam_reports", "unique_clicks", "unique_opens", "unsubscribe_drops", "unsubscribes",
    ];

    public static int MailgunItems(Size size) => size == Size.Small ? 1 : 8_760;

    public static int GetResponsePeriods(Size size) => size == Size.Small ? 1 : 8_760;

    public static int HistogramDays(Size size) => size == Size.Small ? 1 : 90;

    public static int CampaignLinks(Size size) => size == Size.Small ? 3 : 1_000;

    private static readonly Dictionary<string, byte[]> Cache = [];

    private static byte[] Cached(string key, Func<string> build)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(build());
                Cache[key] = bytes;
            }

            return bytes;
        }
    }

    /// <summary><c>category[]</c> stats as JSON: one object per category and day, <c>blocked</c> spelling, keys in the provider's order.</summary>
    public static byte[] SendGridJson(Size size) => Cached($"sg-json-{size}", () =>
    {
        var sb = new StringBuilder("[");
        var first = true;
        foreach (var (category, date, n) in SendGridRows(size))
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            sb.Append(CultureInfo.InvariantCulture,
                $$"""{"category":"{{category}}","delivered":{{n[1]}},"unsubscribes":{{n[5]}},"invalid_email":{{n[9]}},"bounces":{{n[2]}},"repeat_unsubscribes":{{n[6]}},"unique_clicks":{{n[11]}},"blocked":{{n[10]}},"spam_drop":{{n[13]}},"repeat_bounces":{{n[3]}},"repeat_spamreports":{{n[8]}},"date":"{{date:yyyy-MM-dd}}","requests":{{n[0]}},"spamreports":{{n[7]}},"clicks":{{n[4]}},"opens":{{n[12]}},"unique_opens":{{n[14]}}}""");
        }

        return sb.Append("\n]").ToString();
    });

    /// <summary>The same statistics as SendGrid's XML format sends them (indented, one element per counter).</summary>
    public static byte[] SendGridXml(Size size) => Cached($"sg-xml-{size}", () =>
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stats>\n");
        foreach (var (category, date, n) in SendGridRows(size))
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                  <day>
                    <category>{category}</category>
                    <delivered>{n[1]}</delivered>
                    <unsubscribes>{n[5]}</unsubscribes>
                    <invalid_email>{n[9]}</invalid_email>
                    <bounces>{n[2]}</bounces>
                    <repeat_unsubscribes>{n[6]}</repeat_unsubscribes>
                    <unique_clicks>{n[11]}</unique_clicks>
                    <blocked>{n[10]}</blocked>
                    <spam_drop>{n[13]}</spam_drop>
                    <repeat_bounces>{n[3]}</repeat_bounces>
                    <repeat_spamreports>{n[8]}</repeat_spamreports>
                    <date>{date:yyyy-MM-dd}</date>
                    <requests>{n[0]}</requests>
                    <spamreports>{n[7]}</spamreports>
                    <clicks>{n[4]}</clicks>
                    <opens>{n[12]}</opens>
                    <unique_opens>{n[14]}</unique_opens>
                  </day>

                """);
        }

        return sb.Append("</stats>\n").ToString();
    });

    private static IEnumerable<(string Category, DateOnly Date, long[] Counters)> SendGridRows(Size size)
    {
        var days = SendGridDays(size);
        var categories = SendGridCategories(size);
        var first = LastDay.AddDays(-(days - 1));
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            for (var c = 0; c < categories.Length; c++)
            {
                yield return (categories[c], date, Counters(15, (d * 31) + c, 40_000));
            }
        }
    }

    /// <summary>SendGrid v3 category statistics: one object per day with an entry per category, the sixteen metrics each.</summary>
    public static byte[] SendGridV3Json(Size size) => Cached($"sg3-{size}", () =>
    {
        var days = SendGridDays(size);
        var categories = SendGridV3Categories(size);
        var first = LastDay.AddDays(-(days - 1));
        var sb = new StringBuilder("[");
        for (var d = 0; d < days; d++)
        {
            sb.Append(d == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture, $"{{\"date\":\"{first.AddDays(d):yyyy-MM-dd}\",\"stats\":[");
            for (var c = 0; c < categories.Length; c++)
            {
                var n = Counters(SendGridV3Metrics.Length, (d * 31) + c, 40_000);
                sb.Append(c == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"type\":\"category\",\"name\":\"{categories[c]}\",\"metrics\":{{");
                for (var m = 0; m < n.Length; m++)
                {
                    sb.Append(m == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"{SendGridV3Metrics[m]}\":{n[m]}");
                }

                sb.Append("}}");
            }

            sb.Append("]}");
        }

        return sb.Append("\n]\n").ToString();
    });

    /// <summary>GetResponse v3 newsletter statistics by hour: every counter, numbers as strings as GetResponse's examples send them.</summary>
    public static byte[] GetResponseV3(Size size) => Cached($"gr3-{size}", () =>
    {
        var periods = GetResponsePeriods(size);
        var step = size == Size.Small ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);
        var start = new DateTimeOffset(LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - (step * (periods - 1));
        var sb = new StringBuilder("[");
        for (var i = 0; i < periods; i++)
        {
            var n = Counters(15, i, 5_000);
            sb.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture,
                $$$"""{"timeInterval":"{{{(start + (step * i)).ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture)}}}/{{{(size == Size.Small ? "P1D" : "PT1H")}}}","sent":"{{{n[0]}}}","totalOpened":"{{{n[1]}}}","totalHumanOpened":"{{{n[2]}}}","uniqueOpened":"{{{n[3]}}}","uniqueHumanOpened":"{{{n[4]}}}","totalClicked":"{{{n[5]}}}","totalHumanClicked":"{{{n[6]}}}","uniqueClicked":"{{{n[7]}}}","uniqueHumanClicked":"{{{n[8]}}}","goals":"{{{n[9]}}}","uniqueGoals":"{{{n[10]}}}","forwarded":"{{{n[11]}}}","unsubscribed":"{{{n[12]}}}","bounced":"{{{n[13]}}}","complaints":"{{{n[14]}}}"}""");
        }

        return sb.Append("\n]\n").ToString();
    });

    /// <summary>Mailgun domain totals with every event, hourly (large) or one daily item (small).</summary>
    public static byte[] Mailgun(Size size) => Cached($"mg-{size}", () =>
    {
        var items = MailgunItems(size);
        var step = size == Size.Small ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);
        var start = new DateTimeOffset(LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - (step * (items - 1));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $$"""{"description":"{{(size == Size.Small ? "Daily" : "Hourly")}} stats of {{MailgunDomain}}","start":"{{Rfc(start)}}","end":"{{Rfc(start + (step * items))}}","resolution":"{{(size == Size.Small ? "day" : "hour")}}","stats":[""");
        for (var i = 0; i < items; i++)
        {
            var n = Counters(20, i, 5_000);
            sb.Append(i == 0 ? "\n" : ",\n");
            sb.Append(CultureInfo.InvariantCulture,
                $$$"""{"time":"{{{Rfc(start + (step * i))}}}","accepted":{"incoming":{{{n[0]}}},"outgoing":{{{n[1]}}},"total":{{{n[0] + n[1]}}}},"delivered":{"smtp":{{{n[2]}}},"http":{{{n[3]}}},"optimized":{{{n[4]}}},"total":{{{n[2] + n[3]}}}},"failed":{"temporary":{"espblock":{{{n[5]}}},"total":{{{n[5]}}}},"permanent":{"bounce":{{{n[6]}}},"delayed-bounce":{{{n[7]}}},"suppress-bounce":{{{n[8]}}},"suppress-unsubscribe":{{{n[9]}}},"suppress-complaint":{{{n[10]}}},"total":{{{n[6] + n[7] + n[8] + n[9] + n[10]}}}}},"stored":{"total":{{{n[11]}}}},"opened":{"total":{{{n[12]}}},"unique":{{{n[13]}}}},"clicked":{"total":{{{n[14]}}},"unique":{{{n[15]}}}},"unsubscribed":{"total":{{{n[16]}}}},"complained":{"total":{{{n[17]}}}}}""");
        }

        return sb.Append("\n]}").ToString();

        static string Rfc(DateTimeOffset t) => t.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    });

    /// <summary>The JSON-RPC answer of get_message_stats (id 1): hourly periods (large) or one daily period (small).</summary>
    public static byte[] GetResponse(Size size) => Cached($"gr-{size}", () =>
    {
        var periods = GetResponsePeriods(size);
        var sb = new StringBuilder("""{"jsonrpc":"2.0","id":1,"result":{""");
        var start = LastDay.ToDateTime(TimeOnly.MinValue).AddHours(-(periods - 1));
        for (var i = 0; i < periods; i++)
        {
            var n = Counters(19, i, 3_000);
            var key = size == Size.Small
                ? LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : start.AddHours(i).ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);
            sb.Append(i == 0 ? "\n" : ",\n");
            sb.Append(CultureInfo.InvariantCulture,
                $$"""
                "{{key}}":{"sent":{{n[0]}},"opened":{{n[1]}},"unique_opened":{{n[2]}},"clicked":{{n[3]}},"unique_clicked":{{n[4]}},"goals":{{n[5]}},"unique_goals":{{n[6]}},"forwarded":{{n[7]}},"unsubscribes":{{n[8]}},"bounces_user_unknown":{{n[9]}},"bounces_user_recycled":{{n[10]}},"bounces_mailbox_full":{{n[11]}},"bounces_block_content":{{n[12]}},"bounces_block_timeout":{{n[13]}},"bounces_block_other":{{n[14]}},"bounces_other_soft":{{n[15]}},"bounces_other_hard":{{n[16]}},"complaints_handled":{{n[17]}},"complaints_unhandled":{{n[18]}}}
                """);
        }

        return sb.Append("\n}}").ToString();
    });

    /// <summary>The email-bounced histogram (daily points with their hard/soft detail): one day or 90 days.</summary>
    public static byte[] ReportsHistogram(Size size) => Cached($"rh-{size}", () =>
    {
        var days = HistogramDays(size);
        var end = new DateTimeOffset(LastDay.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        var start = end.AddDays(-days);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""{"start":"{{Iso(start)}}","end":"{{Iso(end)}}","histogram":[""");
        long peak = -1;
        var peakAt = start;
        for (var i = 0; i < days; i++)
        {
            var n = Counters(2, i, 400);
            var at = start.AddDays(i);
            if (n[0] + n[1] > peak)
            {
                peak = n[0] + n[1];
                peakAt = at;
            }

            sb.Append(i == 0 ? "" : ",");
            sb.Append(CultureInfo.InvariantCulture, $$$"""{"date":"{{{Iso(at)}}}","total":{{{n[0] + n[1]}}},"detail":{"hard":{{{n[0]}}},"soft":{{{n[1]}}}}}""");
        }

        sb.Append(CultureInfo.InvariantCulture, $$$"""],"peak":{"startDate":"{{{Iso(peakAt)}}}","endDate":"{{{Iso(peakAt.AddDays(1))}}}","total":{{{peak}}}}}""");
        return sb.ToString();
    });

    /// <summary>A campaign report with its link activity: 3 links or 1,000.</summary>
    public static byte[] ReportsCampaign(Size size) => Cached($"rc-{size}", () =>
    {
        var links = CampaignLinks(size);
        var sb = new StringBuilder();
        sb.Append("""{"stats":{"sent":697,"delivered":655,"opens":{"unique":210,"rate":32.06,"last":"2024-09-27T17:33:45.464Z"},"clicks":{"unique":169,"rate":25.8,"last":"2024-09-27T18:02:11.020Z"},"hardBounces":{"count":25,"rate":3.81},"softBounces":{"count":17,"rate":2.59},"totalBounces":{"count":42,"rate":6.87},"complaints":1,"unsubscribes":3},"linkActivity":[""");
        for (var i = 0; i < links; i++)
        {
            var n = Counters(2, i, 300);
            sb.Append(i == 0 ? "" : ",");
            sb.Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"66f1a6e4698f1bca6{{{i:0000000}}}","path":"https://example.com/spring-sale/product-{{{i}}}?utm_source=newsletter&utm_medium=email","clicks":{"total":{{{n[0] + n[1]}}},"unique":{{{n[1]}}}}}""");
        }

        return sb.Append("]}").ToString();
    });

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Deterministic counters of plausible magnitude (SplitMix64 over the row index).</summary>
    private static long[] Counters(int count, int row, long scale)
    {
        var values = new long[count];
        var x = (ulong)row * 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < count; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            var divisor = i == 0 ? 1 : (i % 5) + 2;
            values[i] = (long)(z % (ulong)(scale / divisor));
        }

        return values;
    }
}
