using static EmailStats.Clients.Sandbox.Providers.MailgunSandboxCounts;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// Mailgun's Metrics API (<c>POST v1/analytics/metrics</c> and <c>v1/analytics/usage/metrics</c>) over the same
/// generated domains as the v3 stats, so that a v3 total and the metrics of the same window agree. The sandbox answers
/// the <c>time</c> and <c>domain</c> dimensions and domain filters (<c>=</c>, <c>!=</c>), with paging by
/// <c>pagination.skip</c>/<c>limit</c>, and refuses what Mailgun refuses (unknown metrics, more than 10 metrics or 3
/// dimensions, a page over 1500 items with time or 1000 without, a start after the end). The period holding the end is
/// answered, as in v3.
/// </summary>
internal sealed partial class MailgunSandboxHost
{
    private static readonly string[] UsageMetrics =
    [
        "processed_count", "email_validation_count", "email_validation_public_count", "email_validation_valid_count",
        "email_validation_single_count", "email_validation_bulk_count", "email_validation_list_count", "email_validation_mailgun_count",
        "email_validation_mailjet_count", "email_preview_count", "email_preview_failed_count", "link_validation_count",
        "link_validation_failed_count", "seed_test_count", "ip_blocklist_monitoring_count", "domain_blocklist_monitoring_count",
        "accessibility_count", "accessibility_failed_count", "archived_count", "image_validation_count", "image_validation_failed_count",
    ];

    private SandboxResponse Metrics(MailgunSandboxAccount account, SandboxRequest request, bool usage)
    {
        if (request.Method != "POST")
        {
            return Error(HttpStatusCode.MethodNotAllowed, "Method Not Allowed");
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(request.Body ?? "");
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return BadRequest("The request body is not JSON");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return BadRequest("The request body must be a JSON object");
        }

        var metrics = Strings(body, "metrics");
        var dimensions = Strings(body, "dimensions");
        if (metrics.Length == 0)
        {
            return BadRequest("At least one metric is required");
        }

        // The 10-metric limit is the metrics endpoint's; the usage endpoint answers more (Mailgun's example asks for 21).
        if ((!usage && metrics.Length > 10) || dimensions.Length > 3)
        {
            return BadRequest(dimensions.Length > 3 ? "At most 3 dimensions per query" : "At most 10 metrics per query");
        }

        if (metrics.FirstOrDefault(m => usage ? !UsageMetrics.Contains(m) : MetricValue(m, Zero()) is null) is { } unknown)
        {
            return BadRequest("Invalid metric: " + unknown);
        }

        if (dimensions.FirstOrDefault(d => d is not ("time" or "domain")) is { } other)
        {
            return BadRequest($"The sandbox answers the time and domain dimensions, not '{other}'");
        }

        if (ReadPeriod(name => Text(body, name), out var resolution, out var start, out var end) is { } problem)
        {
            return BadRequest(problem);
        }

        if (MetricsDomains(account, body, out var domains) is { } filterProblem)
        {
            return BadRequest(filterProblem);
        }

        var byTime = dimensions.Contains("time");
        var max = byTime ? 1500 : 1000;
        var skip = 0;
        var limit = max;
        if (body.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object)
        {
            skip = pagination.TryGetProperty("skip", out var s) && s.TryGetInt32(out var sv) ? sv : 0;
            limit = pagination.TryGetProperty("limit", out var l) && l.TryGetInt32(out var lv) ? lv : max;
            if (skip < 0 || limit < 1 || limit > max)
            {
                return BadRequest($"pagination.limit must be from 1 to {max} {(byTime ? "with" : "without")} the time dimension");
            }
        }

        List<DateTimeOffset>? periods = byTime ? Periods(account, start, end, resolution) : [start];
        if (periods is null)
        {
            return BadRequest($"Too many data points requested: at most {MaxItems} {Name(resolution)}s per query");
        }

        // The rows: (period, domain) as the dimensions ask, each with the counters it sums.
        var rows = new List<(DateTimeOffset? Time, string? Domain, long[] Counts)>();
        foreach (var period in periods)
        {
            List<DateTimeOffset> window = byTime ? [period] : Periods(account, start, end, resolution) ?? [];
            if (dimensions.Contains("domain"))
            {
                rows.AddRange(domains.Select(d => (byTime ? (DateTimeOffset?)period : null, (string?)d.Name, Sum(window.Select(p => Counts(d, p, resolution))))));
            }
            else
            {
                rows.Add((byTime ? period : null, null, Sum(window.SelectMany(p => domains.Select(d => Counts(d, p, resolution))))));
            }
        }

        if (!byTime && dimensions.Contains("domain"))
        {
            rows.Sort((a, b) => string.CompareOrdinal(a.Domain, b.Domain));
        }

        var aggregates = body.TryGetProperty("include_aggregates", out var agg) && agg.ValueKind == JsonValueKind.True;
        return Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("start", MetricsTime(start));
            w.WriteString("end", MetricsTime(end));
            w.WriteString("resolution", Name(resolution));
            if (body.TryGetProperty("duration", out var duration) && duration.ValueKind == JsonValueKind.String)
            {
                w.WriteString("duration", duration.GetString());
            }

            w.WriteStartArray("dimensions");
            foreach (var dimension in dimensions)
            {
                w.WriteStringValue(dimension);
            }

            w.WriteEndArray();
            w.WriteStartObject("pagination");
            w.WriteString("sort", byTime ? "timestamp:asc" : "domain:asc");
            w.WriteNumber("skip", skip);
            w.WriteNumber("limit", limit);
            w.WriteNumber("total", rows.Count);
            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var row in rows.Skip(skip).Take(limit))
            {
                w.WriteStartObject();
                w.WriteStartArray("dimensions");
                foreach (var dimension in dimensions)
                {
                    var value = dimension == "time" ? MetricsTime(row.Time!.Value) : row.Domain!;
                    w.WriteStartObject();
                    w.WriteString("dimension", dimension);
                    w.WriteString("value", value);
                    w.WriteString("display_value", value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                WriteMetrics(w, "metrics", metrics, row.Counts, usage);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("aggregates");
            if (aggregates)
            {
                WriteMetrics(w, "metrics", metrics, Sum(rows.Select(r => r.Counts)), usage);
            }
            else
            {
                w.WriteStartObject("metrics");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    private static void WriteMetrics(Utf8JsonWriter writer, string name, string[] metrics, long[] counts, bool usage)
    {
        writer.WriteStartObject(name);
        foreach (var metric in metrics)
        {
            if (usage)
            {
                // The sandbox validates, previews and checks nothing: only processed messages are counted.
                writer.WriteNumber(metric, metric == "processed_count" ? counts[Outgoing] : 0);
                continue;
            }

            switch (MetricValue(metric, counts))
            {
                case long count:
                    writer.WriteNumber(metric, count);
                    break;
                case double rate:
                    // Mailgun sends rates as strings with four decimals.
                    writer.WriteString(metric, rate.ToString("0.0000", CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A metric of a row of counters: a count (long), a rate (double), or null for a name Mailgun does not know.</summary>
    private static object? MetricValue(string metric, long[] c)
    {
        var delivered = c[Smtp] + c[Http] + c[Optimized];
        var suppressed = c[SuppressBounce] + c[SuppressUnsubscribe] + c[SuppressComplaint];
        var hard = c[HardBounce] + c[DelayedBounce];
        var bounced = hard + c[SoftBounce];
        var permanent = bounced + suppressed;
        var sent = c[Outgoing] - suppressed;
        static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
        return metric switch
        {
            "accepted_incoming_count" => c[Incoming],
            "accepted_outgoing_count" => c[Outgoing],
            "accepted_count" => c[Incoming] + c[Outgoing],
            "delivered_smtp_count" => c[Smtp],
            "delivered_http_count" => c[Http],
            "delivered_optimized_count" => c[Optimized],
            "delivered_count" => delivered,
            "processed_count" => c[Outgoing],
            "sent_count" => sent,
            "opened_count" => c[Opened],
            "unique_opened_count" => c[UniqueOpened],
            "clicked_count" => c[Clicked],
            "unique_clicked_count" => c[UniqueClicked],
            "unsubscribed_count" => c[Unsubscribed],
            "complained_count" => c[Complained],
            "failed_count" => c[EspBlock] + permanent,
            "temporary_failed_count" => c[EspBlock],
            "temporary_failed_esp_block_count" => c[EspBlock],
            "permanent_failed_count" => permanent,
            "bounced_count" => bounced,
            "hard_bounces_count" => hard,
            "soft_bounces_count" => c[SoftBounce],
            "delayed_bounce_count" => c[DelayedBounce],
            "suppressed_bounces_count" => c[SuppressBounce],
            "suppressed_unsubscribed_count" => c[SuppressUnsubscribe],
            "suppressed_complaints_count" => c[SuppressComplaint],
            "delivered_rate" => Rate(delivered, sent),
            "opened_rate" => Rate(c[Opened], delivered),
            "clicked_rate" => Rate(c[Clicked], delivered),
            "unique_opened_rate" => Rate(c[UniqueOpened], delivered),
            "unique_clicked_rate" => Rate(c[UniqueClicked], delivered),
            "unsubscribed_rate" => Rate(c[Unsubscribed], delivered),
            "complained_rate" => Rate(c[Complained], delivered),
            "bounce_rate" => Rate(bounced, sent),
            "hard_bounce_rate" => Rate(hard, sent),
            "soft_bounce_rate" => Rate(c[SoftBounce], sent),
            "permanent_fail_rate" => Rate(permanent, sent),
            "temporary_fail_rate" => Rate(c[EspBlock], sent),
            _ => null,
        };
    }

    /// <summary>The domains a body's filter keeps (<c>domain</c> with <c>=</c> or <c>!=</c>); all without a filter.</summary>
    private static string? MetricsDomains(MailgunSandboxAccount account, JsonElement body, out MailgunSandboxDomain[] domains)
    {
        domains = account.DomainCatalog;
        if (!body.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!filter.TryGetProperty("AND", out var predicates) || predicates.ValueKind != JsonValueKind.Array)
        {
            return "A filter is {\"AND\": [...]}";
        }

        foreach (var predicate in predicates.EnumerateArray())
        {
            var attribute = Text(predicate, "attribute");
            var comparator = Text(predicate, "comparator");
            if (attribute != "domain" || comparator is not ("=" or "!="))
            {
                return $"The sandbox filters by domain with = or !=, not by '{attribute}' with '{comparator}'";
            }

            var values = predicate.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(v => Text(v, "value")).Where(v => v is not null).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            domains = Array.FindAll(domains, d => values.Contains(d.Name) == (comparator == "="));
        }

        return null;
    }

    private static string[] Strings(JsonElement body, string name) =>
        body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Distinct(StringComparer.Ordinal)]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The Metrics API's time form: RFC 2822 with a numeric zone.</summary>
    private static string MetricsTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
}
