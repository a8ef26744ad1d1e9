using C = EmailStats.Clients.Sandbox.Providers.ReportsCounter;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// Benchmark Email v1: <c>GET /api/reports/dashboard</c>, <c>/api/reports/email/overall</c>,
/// <c>/api/reports/email/overall/histogram</c>, <c>/api/reports/email/{id}</c>, <c>/api/reports/email/{id}/engagement</c>
/// and the campaign list <c>/api/email/campaign</c>, with the key in <c>X-API-Key</c>, for the account of
/// <see cref="ReportsSandboxData"/>. Windows are the last <c>pastDays</c> local days of <c>timezone</c> up to today;
/// <c>diff</c> compares with the preceding window of the same length; rates are percentages of delivered emails.
/// </summary>
internal sealed class ReportsSandboxHost : SandboxProviderHost
{
    private static readonly string[] EventTypes =
    [
        "email-sent", "email-delivered", "email-bounced", "first-contact-unsubscribed", "first-email-complaint",
        "first-email-opened", "first-email-clicked",
    ];

    private static readonly string[] Statuses = ["draft", "scheduled", "sending", "sent"];
    private static readonly string[] SortFields = ["createdAt", "updatedAt", "scheduledAt", "name", "status", "sentCount"];

    private readonly SandboxRegistry _accounts;

    public ReportsSandboxHost(SandboxRegistry accounts)
    {
        _accounts = accounts;
    }

    public override EmailStatsProvider Provider => EmailStatsProvider.Reports;

    public override string Prefix => "/benchmark";

    /// <summary>The account of <c>X-API-Key</c>.</summary>
    public override SandboxAccount? Identify(SandboxRequest request) => _accounts.Find<BenchmarkSandboxAccount>(request.Header("X-API-Key"));

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? identified)
    {
        if (identified is not BenchmarkSandboxAccount benchmark)
        {
            return Error(HttpStatusCode.Unauthorized, "Invalid or inactive API key");
        }

        var account = benchmark.Snapshot();
        var path = request.Path.Length > 1 ? request.Path.TrimEnd('/') : request.Path;
        if (request.Method != "GET")
        {
            return Error(HttpStatusCode.NotFound, $"Cannot {request.Method} {path}");
        }

        const string campaignReport = "/api/reports/email/";
        return path switch
        {
            "/api/reports/dashboard" => Windowed(account, request, (zone, first, last) => Dashboard(account, zone, first, last)),
            "/api/reports/email/overall" => Windowed(account, request, (zone, first, last) => Overall(account, zone, first, last)),
            "/api/reports/email/overall/histogram" => request.QueryValue("eventType") is { } type && EventTypes.Contains(type)
                ? Windowed(account, request, (zone, first, last) => Histogram(account, type, zone, first, last))
                : Invalid("eventType must be one of " + string.Join(", ", EventTypes)),
            "/api/email/campaign" => CampaignPage(account, request),
            _ when path.StartsWith(campaignReport, StringComparison.Ordinal) && path[campaignReport.Length..].Split('/') is [var id] =>
                CampaignReport(account, Uri.UnescapeDataString(id)),
            _ when path.StartsWith(campaignReport, StringComparison.Ordinal) && path[campaignReport.Length..].Split('/') is [var id, "engagement"] =>
                Engagement(account, request, Uri.UnescapeDataString(id)),
            _ => Error(HttpStatusCode.NotFound, $"Cannot GET {path}"),
        };
    }

    /// <summary>
    /// Benchmark's envelope <c>{"errors":[{"errorType":...,"message":...}]}</c>; a 429 also gets the rate-limit headers
    /// (<c>X-RateLimit-Reset</c> in Unix seconds, when the <c>Retry-After</c> wait ends).
    /// </summary>
    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var all = new List<KeyValuePair<string, string>>(headers ?? []);
        if (status == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = all.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
            var reset = long.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.UtcNow.AddSeconds(seconds)
                : DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : DateTimeOffset.UtcNow.AddHours(1);
            all.Add(new("X-RateLimit-Limit", "3600"));
            all.Add(new("X-RateLimit-Remaining", "0"));
            all.Add(new("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        var type = status switch
        {
            HttpStatusCode.BadRequest => "ValidationError",
            HttpStatusCode.Unauthorized => "UnauthorizedError",
            HttpStatusCode.Forbidden => "ForbiddenError",
            HttpStatusCode.NotFound => "NotFoundError",
            HttpStatusCode.TooManyRequests => "TooManyRequestsError",
            >= HttpStatusCode.InternalServerError => "InternalServerError",
            _ => "Error",
        };
        return Errors(status, all, (type, message));
    }

    private static SandboxResponse Errors(HttpStatusCode status, IEnumerable<KeyValuePair<string, string>>? headers, params (string Type, string Message)[] errors) =>
        SandboxResponse.Create(status, SandboxResponse.Json, SandboxJson.Errors("errorType", errors.Select(e => ((string?)e.Type, e.Message))), headers);

    private SandboxResponse Invalid(string message) => Error(HttpStatusCode.BadRequest, message);

    /// <summary>Reads <c>pastDays</c> and <c>timezone</c>: the window is the last pastDays local days, today included.</summary>
    private SandboxResponse Windowed(ReportsSandboxData account, SandboxRequest request, Func<TimeZoneInfo, DateOnly, DateOnly, string> answer)
    {
        if (!int.TryParse(request.QueryValue("pastDays"), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 90)
        {
            return Invalid("pastDays must be a number between 1 and 90");
        }

        if (!TryZone(request, out var zone, out var problem))
        {
            return problem;
        }

        // Today in the asked zone by the sandbox's clock: a zone ahead of UTC is already in the next day.
        var today = ReportsSandboxData.LocalDate(zone, account.Now);
        return Ok(answer(zone, today.AddDays(1 - days), today));
    }

    private bool TryZone(SandboxRequest request, out TimeZoneInfo zone, out SandboxResponse problem)
    {
        var id = request.QueryValue("timezone") ?? "UTC";
        problem = null!;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!) && zone.HasIanaId && zone.Id == id)
        {
            return true;
        }

        problem = Invalid($"timezone must be an IANA time zone such as America/New_York or Europe/London: {id}");
        return false;
    }

    /// <summary>Unique opens and clicks, each a count and a rate of delivered, against the preceding period.</summary>
    private static void WriteUniques(Utf8JsonWriter w, long[] now, long[] prev, bool withPrev)
    {
        foreach (var (name, counter) in new[] { ("uniqueOpens", C.UniqueOpens), ("uniqueClicks", C.UniqueClicks) })
        {
            w.WriteStartObject(name);
            WriteValue(w, "count", now[(int)counter], prev[(int)counter], withPrev);
            WriteValue(w, "rate", Rate(now, counter), Rate(prev, counter), withPrev);
            w.WriteEndObject();
        }
    }

    private static string Dashboard(ReportsSandboxData account, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var now = account.Sum(zone, first, last);
        var prev = account.Sum(zone, first.AddDays(-days), first.AddDays(-1));
        return SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("campaign");
            foreach (var (name, counter) in new[] { ("sent", C.Sent), ("delivered", C.Delivered) })
            {
                w.WriteStartObject(name);
                w.WriteNumber("count", now[(int)counter]);
                w.WriteNumber("diff", Diff(now[(int)counter], prev[(int)counter]));
                w.WriteEndObject();
            }

            WriteUniques(w, now, prev, withPrev: false);

            w.WriteEndObject();

            // Contacts: the count at the end of the window against the end of the preceding one, one point per day.
            w.WriteStartObject("contact");
            WriteValue(w, "count", account.Contacts(last), account.Contacts(first.AddDays(-1)), withPrev: false);
            var points = SandboxData.Days(first, last).Select(d => (Start: ReportsSandboxData.LocalMidnight(zone, d), Total: account.Contacts(d))).ToList();
            w.WriteStartObject("histogram");
            w.WriteString("start", Stamp(points[0].Start));
            w.WriteString("end", Stamp(ReportsSandboxData.LocalMidnight(zone, last.AddDays(1))));
            w.WriteStartArray("histogram");
            foreach (var (start, total) in points)
            {
                w.WriteStartObject();
                w.WriteString("date", Stamp(start));
                w.WriteNumber("total", total);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var peak = points.MaxBy(p => p.Total);
            w.WriteStartObject("peak");
            w.WriteString("date", Stamp(peak.Start));
            w.WriteNumber("total", peak.Total);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static string Overall(ReportsSandboxData account, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var now = account.Sum(zone, first, last);
        var prev = account.Sum(zone, first.AddDays(-days), first.AddDays(-1));
        var window = (Start: ReportsSandboxData.LocalMidnight(zone, first), End: ReportsSandboxData.LocalMidnight(zone, last.AddDays(1)));
        return SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("campaignComparison");
            foreach (var campaign in account.Campaigns
                .Where(c => c.IsSent && c.ScheduledAt >= window.Start && c.ScheduledAt < window.End)
                .OrderByDescending(c => c.ScheduledAt)
                .Take(10))
            {
                w.WriteStartObject();
                w.WriteString("_id", campaign.Id);
                w.WriteString("name", campaign.Name);
                w.WriteStartObject("rates");
                w.WriteNumber("clicks", Round(Rate(campaign.Totals, C.UniqueClicks)));
                w.WriteNumber("opens", Round(Rate(campaign.Totals, C.UniqueOpens)));
                w.WriteEndObject();
                w.WriteString("scheduledAt", Stamp(campaign.ScheduledAt!.Value));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var parts = account.OpensByPartOfDay(zone, first, last);
            var opens = parts.Sum();
            w.WriteStartObject("deliveryTimeStats");
            foreach (var (name, i) in new[] { ("morning", 0), ("afternoon", 1), ("evening", 2), ("night", 3) })
            {
                w.WriteNumber(name, opens == 0 ? 0 : Round(parts[i] * 100.0 / opens));
            }

            w.WriteEndObject();

            w.WriteStartObject("stats");
            foreach (var (name, counter) in new[] { ("sent", C.Sent), ("delivered", C.Delivered), ("complaints", C.Complaints), ("unsubscribes", C.Unsubscribes) })
            {
                w.WriteStartObject(name);
                WriteValue(w, "count", now[(int)counter], prev[(int)counter], withPrev: true);
                w.WriteEndObject();
            }

            var bounces = new[] { ("hardBounces", Bounces(now, C.HardBounces), Bounces(prev, C.HardBounces)), ("softBounces", Bounces(now, C.SoftBounces), Bounces(prev, C.SoftBounces)), ("totalBounces", Bounces(now, null), Bounces(prev, null)) };
            foreach (var (name, value, before) in bounces)
            {
                w.WriteStartObject(name);
                WriteValue(w, "count", value, before, withPrev: true);
                WriteValue(w, "rate", Rate(value, now), Rate(before, prev), withPrev: true);
                w.WriteEndObject();
            }

            WriteUniques(w, now, prev, withPrev: true);

            w.WriteEndObject();
            w.WriteEndObject();
        });

        static long Bounces(long[] counters, C? which) =>
            which is { } one ? counters[(int)one] : counters[(int)C.HardBounces] + counters[(int)C.SoftBounces];
    }

    private static string Histogram(ReportsSandboxData account, string eventType, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var days = account.Daily(zone, first, last);
        var buckets = SandboxData.Days(first, last).Select((d, i) =>
        {
            var counters = days[i];
            var start = ReportsSandboxData.LocalMidnight(zone, d);
            var end = ReportsSandboxData.LocalMidnight(zone, d.AddDays(1));
            return eventType switch
            {
                "email-sent" => new Bucket(start, end, counters[(int)C.Sent]),
                "email-delivered" => new Bucket(start, end, counters[(int)C.Delivered]),
                "email-bounced" => new Bucket(start, end, counters[(int)C.HardBounces] + counters[(int)C.SoftBounces], ("hard", counters[(int)C.HardBounces]), ("soft", counters[(int)C.SoftBounces])),
                "first-contact-unsubscribed" => new Bucket(start, end, counters[(int)C.Unsubscribes]),
                "first-email-complaint" => new Bucket(start, end, counters[(int)C.Complaints]),
                "first-email-opened" => new Bucket(start, end, counters[(int)C.UniqueOpens]),
                _ => new Bucket(start, end, counters[(int)C.UniqueClicks]),
            };
        }).ToList();
        return WriteHistogram(buckets);
    }

    private SandboxResponse CampaignReport(ReportsSandboxData account, string id)
    {
        if (account.Find(id) is not { } campaign)
        {
            return Errors(HttpStatusCode.NotFound, null, ("RecordNotFound", $"Email campaign {id} not found"));
        }

        var t = campaign.Totals;
        return Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("stats");
            w.WriteNumber("sent", t[(int)C.Sent]);
            w.WriteNumber("delivered", t[(int)C.Delivered]);
            foreach (var (name, counter, last) in new[] { ("opens", C.UniqueOpens, campaign.LastOpen), ("clicks", C.UniqueClicks, campaign.LastClick) })
            {
                w.WriteStartObject(name);
                w.WriteNumber("unique", t[(int)counter]);
                w.WriteNumber("rate", Round(Rate(t, counter)));
                if (last is { } at)
                {
                    w.WriteString("last", Stamp(at));
                }
                else
                {
                    w.WriteNull("last");
                }

                w.WriteEndObject();
            }

            var hard = t[(int)C.HardBounces];
            var soft = t[(int)C.SoftBounces];
            foreach (var (name, count) in new[] { ("hardBounces", hard), ("softBounces", soft), ("totalBounces", hard + soft) })
            {
                w.WriteStartObject(name);
                w.WriteNumber("count", count);
                w.WriteNumber("rate", Round(Rate(count, t)));
                w.WriteEndObject();
            }

            w.WriteNumber("complaints", t[(int)C.Complaints]);
            w.WriteNumber("unsubscribes", t[(int)C.Unsubscribes]);
            w.WriteEndObject();
            w.WriteStartArray("linkActivity");
            foreach (var link in campaign.Links)
            {
                w.WriteStartObject();
                w.WriteString("id", link.Id);
                w.WriteString("path", link.Path);
                w.WriteStartObject("clicks");
                w.WriteNumber("total", link.Total);
                w.WriteNumber("unique", link.Unique);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>
    /// Unique opens and clicks after sending: 24 hourly buckets from the send hour (<c>24hours</c>), or one bucket per
    /// local day from the send day, 7 (<c>week</c>) or 30 (<c>month</c>: every event of the campaign).
    /// </summary>
    private SandboxResponse Engagement(ReportsSandboxData account, SandboxRequest request, string id)
    {
        var period = request.QueryValue("period") ?? "24hours";
        if (period is not ("24hours" or "week" or "month"))
        {
            return Invalid("period must be one of 24hours, week, month");
        }

        if (!TryZone(request, out var zone, out var problem))
        {
            return problem;
        }

        if (account.Find(id) is not { } campaign)
        {
            return Errors(HttpStatusCode.NotFound, null, ("RecordNotFound", $"Email campaign {id} not found"));
        }

        if (!campaign.IsSent)
        {
            return Invalid("campaign has not been sent");
        }

        var sendHour = ReportsSandboxData.HourOf(campaign.ScheduledAt!.Value);
        var sendDay = ReportsSandboxData.LocalDate(zone, campaign.ScheduledAt.Value);
        var bounds = period == "24hours"
            ? Enumerable.Range(0, 25).Select(k => ReportsSandboxData.Instant(sendHour + k)).ToList()
            : SandboxData.Days(sendDay, sendDay.AddDays(period == "week" ? 7 : 30)).Select(d => ReportsSandboxData.LocalMidnight(zone, d)).ToList();
        var opens = new long[bounds.Count - 1];
        var clicks = new long[bounds.Count - 1];
        foreach (var (hour, counters) in campaign.Hours)
        {
            var i = period == "24hours"
                ? (int)(hour - sendHour)
                : ReportsSandboxData.LocalDate(zone, hour).DayNumber - sendDay.DayNumber;
            if (i >= 0 && i < opens.Length)
            {
                opens[i] += counters[(int)C.UniqueOpens];
                clicks[i] += counters[(int)C.UniqueClicks];
            }
        }

        return Ok(WriteHistogram([.. Enumerable.Range(0, opens.Length).Select(i =>
            new Bucket(bounds[i], bounds[i + 1], opens[i] + clicks[i], ("uniqueOpens", opens[i]), ("uniqueClicks", clicks[i])))]));
    }

    private SandboxResponse CampaignPage(ReportsSandboxData account, SandboxRequest request)
    {
        if (!int.TryParse(request.QueryValue("page") ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            return Invalid("page must be a number greater than 0");
        }

        if (!int.TryParse(request.QueryValue("size") ?? "25", NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 100)
        {
            return Invalid("size must be a number between 1 and 100");
        }

        IEnumerable<ReportsCampaign> campaigns = account.Campaigns;
        if (request.QueryValue("statuses") is { } statuses)
        {
            var wanted = statuses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if ((wanted.Length == 0 ? statuses : wanted.FirstOrDefault(s => !Statuses.Contains(s))) is { } unknown)
            {
                return Invalid($"statuses must be a comma-separated list of {string.Join(", ", Statuses)}, not '{unknown}'");
            }

            campaigns = campaigns.Where(c => wanted.Contains(c.Status));
        }

        var sort = request.QueryValue("sort") ?? "createdAt:desc";
        if (sort.Split(':') is not [var field, var direction and ("asc" or "desc")] || !SortFields.Contains(field))
        {
            return Invalid($"sort must be field:asc or field:desc, field one of {string.Join(", ", SortFields)}");
        }

        Func<ReportsCampaign, IComparable> key = field switch
        {
            "createdAt" => c => c.CreatedAt,
            "updatedAt" => c => c.UpdatedAt,
            "scheduledAt" => c => c.ScheduledAt ?? DateTimeOffset.MinValue,
            "name" => c => c.Name,
            "status" => c => c.Status,
            _ => c => c[C.Sent],
        };
        var sorted = (direction == "asc" ? campaigns.OrderBy(key) : campaigns.OrderByDescending(key)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", sorted.Count);
            w.WriteStartArray("records");
            foreach (var c in sorted.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * size)).Take(size))
            {
                w.WriteStartObject();
                w.WriteString("_id", c.Id);
                w.WriteString("name", c.Name);
                w.WriteString("from", "news@sandbox-shop.example");
                w.WriteString("subject", c.Subject);
                w.WriteString("previewText", c.PreviewText);
                w.WriteString("status", c.Status);
                w.WriteNumber("sentCount", c[C.Sent]);
                w.WriteNumber("failedCount", c.Failed);
                w.WriteNumber("totalRecipients", c.Recipients);
                if (c.ScheduledAt is { } at)
                {
                    w.WriteString("scheduledAt", Stamp(at));
                }
                else
                {
                    w.WriteNull("scheduledAt");
                }

                w.WriteString("createdAt", Stamp(c.CreatedAt));
                w.WriteString("updatedAt", Stamp(c.UpdatedAt));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private sealed record Bucket(DateTimeOffset Start, DateTimeOffset End, long Total, params (string Name, long Value)[] Detail);

    /// <summary>A histogram object: start, end, one point per bucket (with detail when given) and the bucket-form peak.</summary>
    private static string WriteHistogram(IReadOnlyList<Bucket> buckets) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("start", Stamp(buckets[0].Start));
        w.WriteString("end", Stamp(buckets[^1].End));
        w.WriteStartArray("histogram");
        foreach (var bucket in buckets)
        {
            w.WriteStartObject();
            w.WriteString("date", Stamp(bucket.Start));
            w.WriteNumber("total", bucket.Total);
            if (bucket.Detail.Length > 0)
            {
                w.WriteStartObject("detail");
                foreach (var (name, value) in bucket.Detail)
                {
                    w.WriteNumber(name, value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        var peak = buckets.MaxBy(b => b.Total)!;
        w.WriteStartObject("peak");
        w.WriteString("startDate", Stamp(peak.Start));
        w.WriteString("endDate", Stamp(peak.End));
        w.WriteNumber("total", peak.Total);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary><c>{"value":..,"prev":..,"diff":..}</c> (the dashboard leaves <c>prev</c> out).</summary>
    private static void WriteValue(Utf8JsonWriter w, string name, double value, double prev, bool withPrev)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", Round(value));
        if (withPrev)
        {
            w.WriteNumber("prev", Round(prev));
        }

        w.WriteNumber("diff", Diff(value, prev));
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, long value, long prev, bool withPrev)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", value);
        if (withPrev)
        {
            w.WriteNumber("prev", prev);
        }

        w.WriteNumber("diff", Diff(value, prev));
        w.WriteEndObject();
    }

    /// <summary>The signed change in percent against the preceding period; 100 from nothing, 0 from nothing to nothing.</summary>
    private static double Diff(double value, double prev) => prev == 0 ? (value == 0 ? 0 : 100) : Round((value - prev) * 100 / prev);

    private static double Rate(long[] counters, C counter) => Rate(counters[(int)counter], counters);

    /// <summary>A count in percent of the delivered emails.</summary>
    private static double Rate(long count, long[] counters) =>
        counters[(int)C.Delivered] == 0 ? 0 : count * 100.0 / counters[(int)C.Delivered];

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static SandboxResponse Ok(string body) => SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, body);
}
