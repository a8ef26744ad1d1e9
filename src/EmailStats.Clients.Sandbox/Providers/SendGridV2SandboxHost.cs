using System.Security;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// SendGrid v2: <c>/apiv2/reseller.manage.{json|xml}</c> (with <c>method=stats</c>) and <c>/apiv2/customer.stats.{json|xml}</c>,
/// form-encoded POSTs with the credentials in the body, every operation, both formats.
/// </summary>
internal sealed class SendGridV2SandboxHost(SandboxData data, SandboxRegistry accounts) : SandboxProviderHost
{
    public override EmailStatsProvider Provider => EmailStatsProvider.SendGridV2;

    public override string Prefix => "/sendgrid";

    /// <summary>The SendGrid root except its v3 paths, which the v3 host serves.</summary>
    public override bool Serves(string path) => base.Serves(path) && !IsV3(path);

    /// <summary>The account of the <c>api_key</c> form field, when the <c>api_user</c> is that account's too.</summary>
    public override SandboxAccount? Identify(SandboxRequest request) =>
        accounts.Find<SendGridSandboxAccount>(request.FormValue("api_key")) is { } account && request.FormValue("api_user") == account.ApiUser ? account : null;

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? identified)
    {
        var (api, format) = request.Path switch
        {
            "/apiv2/reseller.manage.json" => ("reseller", "json"),
            "/apiv2/reseller.manage.xml" => ("reseller", "xml"),
            "/apiv2/customer.stats.json" => ("subuser", "json"),
            "/apiv2/customer.stats.xml" => ("subuser", "xml"),
            _ => (null, null),
        };
        if (api is null || format is null || request.Method != "POST")
        {
            return Error(HttpStatusCode.NotFound, $"Unknown endpoint {request.Method} {request.Path}");
        }

        var xml = format == "xml";
        if (identified is not SendGridSandboxAccount account)
        {
            return ErrorObject(HttpStatusCode.Unauthorized, 401, "Permission denied, wrong credentials", xml);
        }

        if (api == "reseller" && request.FormValue("method") != "stats")
        {
            return Errors(xml, "Missing or invalid parameter: method must be stats");
        }

        var user = request.FormValue("user");
        if (user is null || !account.Categories.TryGetValue(user, out var categories))
        {
            return Errors(xml, $"User {user} does not exist");
        }

        var streams = account.Streams(user);
        if (request.FormValue("aggregate") == "1")
        {
            var total = SandboxDay.Empty(data.Today);
            foreach (var day in SandboxData.Days(data.FirstDay, data.Today))
            {
                total = total.Plus(data.Day(streams, day));
            }

            return Ok(xml, WriteAggregate(total, xml));
        }

        if (request.FormValue("list") == "true")
        {
            return Ok(xml, WriteCategories(categories, xml));
        }

        if (!TryReadRange(request, out var start, out var end, out var problem))
        {
            return Errors(xml, problem);
        }

        var asked = request.FormValues("category").Concat(request.FormValues("category[]")).ToArray();
        if (asked.Length == 0)
        {
            var days = SandboxData.Days(start, end).Select(d => data.Day(streams, d)).ToList();
            return Ok(xml, WriteDays(days.Select(d => (d, (string?)null)), xml));
        }

        // Like SendGrid: a category the user never sent with has no rows.
        var rows = new List<(SandboxDay, string?)>();
        foreach (var day in SandboxData.Days(start, end))
        {
            foreach (var category in asked.Distinct(StringComparer.Ordinal).Where(categories.Contains))
            {
                rows.Add((account.Day(data, user, category, day), category));
            }
        }

        // Seed 001: the subuser API's category statistics carry requests, bounces, clicks, opens and spamreports only.
        return Ok(xml, WriteDays(rows, xml, api == "reseller" ? null : SubuserCategoryCounters));
    }

    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Json, JsonSerializer.Serialize(new ErrorList("error", [message]), SandboxJsonContext.Default.ErrorList), headers);

    private bool TryReadRange(SandboxRequest request, out DateOnly start, out DateOnly end, out string problem)
    {
        problem = "";
        end = data.Today;
        start = new DateOnly(data.Today.Year, data.Today.Month, 1);
        var days = request.FormValue("days");
        var from = request.FormValue("start_date");
        var to = request.FormValue("end_date");
        if (days is not null)
        {
            if (from is not null || to is not null)
            {
                problem = "days and start_date/end_date are exclusive";
                return false;
            }

            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                problem = "days must be an integer greater than 0";
                return false;
            }

            start = data.Today.AddDays(1 - Math.Min(count, 3650));
            return true;
        }

        if (from is null && to is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            problem = "start_date and end_date must be in YYYY-mm-dd format";
            return false;
        }

        if (start > end)
        {
            problem = "start_date must be before end_date";
            return false;
        }

        return true;
    }

    private static SandboxResponse Ok(bool xml, string body) =>
        SandboxResponse.Create(HttpStatusCode.OK, xml ? SandboxResponse.Xml : SandboxResponse.Json, body);

    private static SandboxResponse Errors(bool xml, string message) => SandboxResponse.Create(
        HttpStatusCode.OK,
        xml ? SandboxResponse.Xml : SandboxResponse.Json,
        xml
            ? $"<result><message>error</message><errors><error>{SecurityElement.Escape(message)}</error></errors></result>"
            : JsonSerializer.Serialize(new ErrorList("error", [message]), SandboxJsonContext.Default.ErrorList));

    private static SandboxResponse ErrorObject(HttpStatusCode status, int code, string message, bool xml) => SandboxResponse.Create(
        status,
        xml ? SandboxResponse.Xml : SandboxResponse.Json,
        xml
            ? $"<result><error><code>{code}</code><message>{SecurityElement.Escape(message)}</message></error></result>"
            : $"{{\"error\":{{\"code\":{code},\"message\":{JsonSerializer.Serialize(message, SandboxJsonContext.Default.String)}}}}}");

    private static readonly string[] CounterNames =
    [
        "requests", "delivered", "bounces", "repeat_bounces", "unsubscribes", "repeat_unsubscribes", "clicks", "opens",
        "spamreports", "repeat_spamreports", "invalid_email", "blocks", "unique_clicks", "unique_opens",
    ];

    private static long[] Counters(SandboxDay d) =>
    [
        d.Requests, d.Delivered, d.Bounces, d.HardBounces / 4, d.Unsubscribes, d.Unsubscribes / 10, d.Clicks, d.Opens,
        d.SpamReports, d.SpamReports / 5, d.InvalidEmail, d.Blocks, d.UniqueClicks, d.UniqueOpens,
    ];

    /// <summary>The counters the subuser API sends in category statistics.</summary>
    private static readonly string[] SubuserCategoryCounters = ["requests", "bounces", "clicks", "opens", "spamreports"];

    private static string WriteDays(IEnumerable<(SandboxDay Day, string? Category)> rows, bool xml, string[]? only = null)
    {
        if (xml)
        {
            var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stats>\n");
            foreach (var (day, category) in rows)
            {
                text.Append("  <day>\n    <date>").Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</date>\n");
                if (category is not null)
                {
                    text.Append("    <category>").Append(SecurityElement.Escape(category)).Append("</category>\n");
                }

                AppendXmlCounters(text, day, "    ", only);
                text.Append("  </day>\n");
            }

            return text.Append("</stats>\n").ToString();
        }

        return SandboxJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var (day, category) in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (category is not null)
                {
                    writer.WriteString("category", category);
                }

                WriteJsonCounters(writer, day, only);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static string WriteAggregate(SandboxDay total, bool xml)
    {
        if (xml)
        {
            var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stats>\n");
            AppendXmlCounters(text, total, "  ");
            return text.Append("</stats>\n").ToString();
        }

        return SandboxJson.Write(writer =>
        {
            writer.WriteStartObject();
            WriteJsonCounters(writer, total);
            writer.WriteEndObject();
        });
    }

    private static string WriteCategories(IReadOnlyList<string> categories, bool xml)
    {
        if (xml)
        {
            var text = new StringBuilder("<categories>\n");
            foreach (var category in categories)
            {
                text.Append("  <category>").Append(SecurityElement.Escape(category)).Append("</category>\n");
            }

            return text.Append("</categories>\n").ToString();
        }

        return CategoryList(categories);
    }

    private static void AppendXmlCounters(StringBuilder text, SandboxDay day, string indent, string[]? only = null)
    {
        var values = Counters(day);
        for (var i = 0; i < CounterNames.Length; i++)
        {
            if (only is not null && !only.Contains(CounterNames[i]))
            {
                continue;
            }

            text.Append(indent).Append('<').Append(CounterNames[i]).Append('>')
                .Append(values[i].ToString(CultureInfo.InvariantCulture))
                .Append("</").Append(CounterNames[i]).Append(">\n");
        }
    }

    private static void WriteJsonCounters(Utf8JsonWriter writer, SandboxDay day, string[]? only = null)
    {
        var values = Counters(day);
        for (var i = 0; i < CounterNames.Length; i++)
        {
            if (only is not null && !only.Contains(CounterNames[i]))
            {
                continue;
            }

            writer.WriteNumber(CounterNames[i], values[i]);
        }
    }

    /// <summary>SendGrid's category list, <c>[{"category": NAME}]</c>, as v2's JSON and v3's <c>categories</c> send it.</summary>
    internal static string CategoryList(IEnumerable<string> categories) => SandboxJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var category in categories)
        {
            writer.WriteStartObject();
            writer.WriteString("category", category);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}
