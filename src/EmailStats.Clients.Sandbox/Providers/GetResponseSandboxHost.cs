namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// GetResponse API v3 statistics under the JSON-RPC account's root (<c>/getresponse/v3/...</c>): newsletters (the 1.5
/// messages, hour by hour) and autoresponders, one or a collection filtered by ids or campaigns, grouped by hour, day,
/// month or in total, <c>createdOn</c> filtering the activity's days, paging with its headers, and GetResponse's errors
/// <c>{"httpStatus","code","codeDescription","message","moreInfo","context","uuid"}</c>.
/// </summary>
internal sealed class GetResponseSandboxHost(SandboxData data, SandboxRegistry accounts) : SandboxProviderHost
{
    /// <summary>The v3 counters in GetResponse's order.</summary>
    private static readonly string[] Names =
    [
        "sent", "totalOpened", "totalHumanOpened", "uniqueOpened", "uniqueHumanOpened", "totalClicked", "totalHumanClicked", "uniqueClicked",
        "uniqueHumanClicked", "goals", "uniqueGoals", "forwarded", "unsubscribed", "bounced", "complaints",
    ];

    public override EmailStatsProvider Provider => EmailStatsProvider.GetResponse;

    public override string Prefix => "/getresponse";

    public override bool Serves(string path) => IsV3(path);

    /// <summary>The account of <c>X-Auth-Token: api-key {key}</c>.</summary>
    public override SandboxAccount? Identify(SandboxRequest request) =>
        accounts.Find<GetResponseSandboxAccount>(HeaderCredential(request, "X-Auth-Token", "api-key "));

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? identified)
    {
        if (identified is not GetResponseSandboxAccount account)
        {
            return Failure(HttpStatusCode.Unauthorized, 1014, "Problem during authentication process, check headers!",
                "Unable to authenticate request. Check credentials or authentication method details", ("authenticationType", "auth_token"));
        }

        if (request.Method != "GET")
        {
            return Failure(HttpStatusCode.MethodNotAllowed, 1000, "Method not allowed", $"{request.Method} is not allowed here");
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["v3", "newsletters"])
        {
            return NewsletterList(account, request);
        }

        IEnumerable<string> ids;
        switch (segments)
        {
            case ["v3", "newsletters" or "autoresponders", var id, "statistics"] when id != "statistics":
                var known = segments[1] == "newsletters" ? account.NewsletterIds : account.AutoresponderIds;
                if (!known.Contains(id))
                {
                    return Failure(HttpStatusCode.NotFound, 1013, "The requested resource was not found", "Resource not found", (segments[1] == "newsletters" ? "newsletterId" : "autoresponderId", id));
                }

                ids = [id];
                break;
            case ["v3", "newsletters", "statistics"]:
                ids = Select(account, request, "query[newsletterId]", account.NewsletterIds);
                break;
            case ["v3", "autoresponders", "statistics"]:
                if (request.QueryValue("query[autoresponderId]") is null && request.QueryValue("query[campaignId]") is null)
                {
                    return Validation("query", "", "You must specify at least one of the following parameters: autoresponderId, campaignId");
                }

                ids = Select(account, request, "query[autoresponderId]", account.AutoresponderIds);
                break;
            default:
                return Failure(HttpStatusCode.NotFound, 1013, "The requested resource was not found", $"Resource not found: {request.Path}");
        }

        var grouping = request.QueryValue("query[groupBy]") ?? "total";
        if (grouping is not ("total" or "hour" or "day" or "month"))
        {
            return Validation("query[groupBy]", grouping, "Not allowed value");
        }

        if (!TryDay(request.QueryValue("query[createdOn][from]"), out var from) || !TryDay(request.QueryValue("query[createdOn][to]"), out var to))
        {
            return Validation("query[createdOn]", request.QueryValue("query[createdOn][from]") ?? request.QueryValue("query[createdOn][to]") ?? "", "Date must be YYYY-mm-dd");
        }

        if (!TryNumber(request.QueryValue("perPage"), 100, out var perPage) || perPage is < 1 or > 1000)
        {
            return Validation("perPage", request.QueryValue("perPage") ?? "", "Value must be from 1 to 1000");
        }

        if (!TryNumber(request.QueryValue("page"), 1, out var page) || page < 1)
        {
            return Validation("page", request.QueryValue("page") ?? "", "Value must be at least 1");
        }

        var periods = Periods(account, [.. ids], grouping, from, to);
        var totalPages = Math.Max(1, (periods.Count + perPage - 1) / perPage);
        var body = SandboxJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var (start, duration, counters) in periods.Skip((page - 1) * perPage).Take(perPage))
            {
                writer.WriteStartObject();
                writer.WriteString("timeInterval", start.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture) + "/" + duration);
                for (var i = 0; i < Names.Length; i++)
                {
                    // Numbers as strings, as GetResponse's documented examples send them.
                    writer.WriteString(Names[i], counters[i].ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return Page(body, page, totalPages, periods.Count, new("X-RateLimit-Limit", "30000"), new("X-RateLimit-Remaining", "29999"), new("X-RateLimit-Reset", "600 seconds"));
    }

    /// <summary><c>GET newsletters</c>: the account's newsletters in send order, <c>query[campaignId]</c> a filter, paged by <c>perPage</c> and <c>page</c> with GetResponse's paging headers.</summary>
    private SandboxResponse NewsletterList(GetResponseSandboxAccount account, SandboxRequest request)
    {
        if (!TryNumber(request.QueryValue("perPage"), 100, out var perPage) || perPage is < 1 or > 1000)
        {
            return Validation("perPage", request.QueryValue("perPage") ?? "", "Value must be from 1 to 1000");
        }

        if (!TryNumber(request.QueryValue("page"), 1, out var page) || page < 1)
        {
            return Validation("page", request.QueryValue("page") ?? "", "Value must be at least 1");
        }

        var campaign = request.QueryValue("query[campaignId]");
        var newsletters = account.NewsletterIds
            .Where(id => campaign is null || (account.Campaigns.TryGetValue(campaign, out var members) && members.Contains(id)))
            .ToList();
        var totalPages = Math.Max(1, (newsletters.Count + perPage - 1) / perPage);
        var body = SandboxJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var id in newsletters.Skip((page - 1) * perPage).Take(perPage))
            {
                writer.WriteStartObject();
                writer.WriteString("newsletterId", id);
                writer.WriteString("href", $"https://api.getresponse.com/v3/newsletters/{id}");
                writer.WriteString("name", account.Subjects[id]);
                writer.WriteString("subject", account.Subjects[id]);
                writer.WriteString("type", "broadcast");
                writer.WriteString("status", "enabled");
                writer.WriteString("sendOn", account.SentAt[id].ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture));
                writer.WriteString("createdOn", account.SentAt[id].AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture));
                if (account.Campaigns.FirstOrDefault(c => c.Value.Contains(id)).Key is { } owner)
                {
                    writer.WriteStartObject("campaign");
                    writer.WriteString("campaignId", owner);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return Page(body, page, totalPages, newsletters.Count);
    }

    /// <summary>A page of a list, with GetResponse's paging headers.</summary>
    private static SandboxResponse Page(string body, int page, int totalPages, int totalCount, params KeyValuePair<string, string>[] more) =>
        SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, body,
        [
            new("CurrentPage", page.ToString(CultureInfo.InvariantCulture)),
            new("TotalPages", totalPages.ToString(CultureInfo.InvariantCulture)),
            new("TotalCount", totalCount.ToString(CultureInfo.InvariantCulture)),
            .. more,
        ]);

    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var rateLimited = status == HttpStatusCode.TooManyRequests;
        return Failure(status, rateLimited ? 1015 : 1000, rateLimited ? "Too many request to API, quota reached, please wait till next quota window" : "Error", message, headers, rateLimited ? ("timeToReset", "60 seconds") : null);
    }

    /// <summary>The messages a collection call sums: the named ones, or a campaign's, or every one.</summary>
    private static IEnumerable<string> Select(GetResponseSandboxAccount account, SandboxRequest request, string parameter, IReadOnlyList<string> all)
    {
        var named = request.QueryValue(parameter)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var campaigns = request.QueryValue("query[campaignId]")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return all.Where(id => (named.Length == 0 || named.Contains(id))
            && (campaigns.Length == 0 || campaigns.Any(c => account.Campaigns.TryGetValue(c, out var members) && members.Contains(id))));
    }

    /// <summary>Every hour of activity of the messages, summed, as the v3 counters.</summary>
    private List<(DateTime Hour, long[] Counters)> Hours(GetResponseSandboxAccount account, string[] ids, DateOnly? from, DateOnly? to)
    {
        var byHour = new SortedDictionary<DateTime, long[]>();
        foreach (var id in ids)
        {
            foreach (var (hour, counters) in Activity(account, id))
            {
                var day = DateOnly.FromDateTime(hour);
                if ((from is { } f && day < f) || (to is { } t && day > t))
                {
                    continue;
                }

                if (!byHour.TryGetValue(hour, out var total))
                {
                    byHour[hour] = total = new long[Names.Length];
                }

                for (var i = 0; i < total.Length; i++)
                {
                    total[i] += counters[i];
                }
            }
        }

        return [.. byHour.Select(p => (p.Key, p.Value))];
    }

    /// <summary>A message's hours as v3 counters: newsletters from the JSON-RPC data, autoresponders from their daily stream.</summary>
    private IEnumerable<(DateTime Hour, long[] Counters)> Activity(GetResponseSandboxAccount account, string id)
    {
        if (account.Messages.TryGetActivity(id, out var hours))
        {
            foreach (var hour in hours)
            {
                yield return (hour.Hour, FromJsonRpc(hour.Counters));
            }

            yield break;
        }

        // An autoresponder sends all day, to each contact as it signs up: its hours are its stream's hours.
        var (_, _, volume) = account.Autoresponders.Single(a => a.Id == id);
        foreach (var day in SandboxData.Days(data.FirstDay, data.Today))
        {
            var hoursOfDay = data.Hours(account.AutoresponderStream(id), day, volume);
            for (var h = 0; h < hoursOfDay.Length; h++)
            {
                var d = hoursOfDay[h];
                if (d.Requests == 0 && d.Opens == 0 && d.Clicks == 0 && d.Unsubscribes == 0 && d.Bounces == 0 && d.SpamReports == 0)
                {
                    continue;
                }

                long[] counters = [d.Requests, d.Opens, 0, d.UniqueOpens, 0, d.Clicks, 0, d.UniqueClicks, 0, d.UniqueClicks / 4, d.UniqueClicks / 5, d.UniqueOpens / 80, d.Unsubscribes, d.Bounces, d.SpamReports];
                Human(counters);
                yield return (day.ToDateTime(new TimeOnly(h, 0)), counters);
            }
        }
    }

    private static long[] FromJsonRpc(long[] c)
    {
        // JSON-RPC counters: sent, opened, unique_opened, clicked, unique_clicked, goals, unique_goals, forwarded, unsubscribes,
        // eight bounce kinds (9..16), complaints handled and unhandled (17, 18).
        var bounced = 0L;
        for (var i = 9; i <= 16; i++)
        {
            bounced += c[i];
        }

        long[] counters = [c[0], c[1], 0, c[2], 0, c[3], 0, c[4], 0, c[5], c[6], c[7], c[8], bounced, c[17] + c[18]];
        Human(counters);
        return counters;
    }

    /// <summary>The human-only counts: one open in eight and one click in twenty come from machines (privacy proxies, scanners).</summary>
    private static void Human(long[] counters)
    {
        counters[2] = counters[1] - (counters[1] / 8);
        counters[4] = counters[3] - (counters[3] / 8);
        counters[6] = counters[5] - (counters[5] / 20);
        counters[8] = counters[7] - (counters[7] / 20);
    }

    private List<(DateTime Start, string Duration, long[] Counters)> Periods(GetResponseSandboxAccount account, string[] ids, string grouping, DateOnly? from, DateOnly? to)
    {
        var hours = Hours(account, ids, from, to);
        if (grouping == "hour")
        {
            return [.. hours.Select(h => (h.Hour, "PT1H", h.Counters))];
        }

        if (grouping == "total")
        {
            if (hours.Count == 0)
            {
                return [];
            }

            var first = hours[0].Hour.Date;
            var days = (hours[^1].Hour.Date - first).Days + 1;
            return [(first, $"P{days}D", Sum(hours.Select(h => h.Counters)))];
        }

        return [.. hours
            .GroupBy(h => grouping == "day" ? h.Hour.Date : new DateTime(h.Hour.Year, h.Hour.Month, 1, 0, 0, 0, DateTimeKind.Unspecified))
            .Select(g => (g.Key, grouping == "day" ? "P1D" : "P1M", Sum(g.Select(h => h.Counters))))];
    }

    private static long[] Sum(IEnumerable<long[]> parts)
    {
        var total = new long[Names.Length];
        foreach (var part in parts)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += part[i];
            }
        }

        return total;
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        // A date, or a date-time whose date is taken (DateOrDateTime).
        var date = text.Length > 10 ? text[..10] : text;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    private static bool TryNumber(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static SandboxResponse Validation(string field, string value, string description) =>
        Failure(HttpStatusCode.BadRequest, 1000, "General error of validation process, more details should be in context section",
            "Validation error, see context section for more information", ("fieldName", field), ("originalName", value), ("errorDescription", description));

    private static SandboxResponse Failure(HttpStatusCode status, int code, string description, string message, params (string Name, string Value)?[] context) =>
        Failure(status, code, description, message, null, context);

    private static SandboxResponse Failure(HttpStatusCode status, int code, string description, string message, IEnumerable<KeyValuePair<string, string>>? headers, params (string Name, string Value)?[] context) =>
        SandboxResponse.Create(status, SandboxResponse.Json, SandboxJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("httpStatus", (int)status);
            writer.WriteNumber("code", code);
            writer.WriteString("codeDescription", description);
            writer.WriteString("message", message);
            writer.WriteString("moreInfo", $"https://apidocs.getresponse.com/en/v3/errors/{code}");
            writer.WriteStartObject("context");
            foreach (var entry in context)
            {
                if (entry is { } e)
                {
                    writer.WriteString(e.Name, e.Value);
                }
            }

            writer.WriteEndObject();
            writer.WriteString("uuid", "00000000-0000-4000-8000-" + code.ToString("D12", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }), headers);
}
