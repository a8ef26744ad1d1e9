using static EmailStats.Clients.Sandbox.Providers.MailgunSandboxCounts;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// Mailgun v3 stats and aggregates, and the Metrics API (<c>MailgunSandboxHost.Metrics.cs</c>): <c>GET /v3/stats/total</c>, <c>/v3/{domain}/stats/total</c>, <c>/v3/stats/filter</c>,
/// <c>/v3/stats/total/domains</c> and <c>/v3/{domain}/aggregates/{providers|devices|countries}</c>, with HTTP Basic
/// authentication as the user <c>api</c>. The sandbox's clock stands at the last second of <see cref="SandboxData.Today"/>:
/// a query without an end ends there. The period holding <c>end</c> is answered, as Mailgun documents it.
/// </summary>
internal sealed partial class MailgunSandboxHost(SandboxData data, SandboxRegistry accounts) : SandboxProviderHost
{
    /// <summary>More items than this in one answer is refused (an hourly query over years).</summary>
    private const int MaxItems = 10_000;

    private static readonly string[] EventNames = ["accepted", "delivered", "failed", "stored", "opened", "clicked", "unsubscribed", "complained"];

    private static readonly string[] Dimensions = ["domain", "tag", "ip", "provider", "country"];

    private static readonly string[] Groups = ["total", "time", "day", "month", "domain", "ip", "provider", "tag", "country"];

    public override EmailStatsProvider Provider => EmailStatsProvider.Mailgun;

    public override string Prefix => "/mailgun";

    /// <summary>The sandbox's "now": the last second of the last day with data.</summary>
    private DateTimeOffset Now => data.Now;

    /// <summary>The account of the Basic credentials <c>api:{key}</c>.</summary>
    public override SandboxAccount? Identify(SandboxRequest request)
    {
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = header[6..].Trim();
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && Encoding.UTF8.GetString(buffer, 0, written) is var pair && pair.StartsWith("api:", StringComparison.Ordinal)
            ? accounts.Find<MailgunSandboxAccount>(pair[4..])
            : null;
    }

    /// <summary>
    /// <c>GET v4/domains</c>: the account's domains in order, <c>search</c> a substring of the name, paged by <c>limit</c>
    /// (1 to 1,000, default 100) and <c>skip</c>, with <c>total_count</c> of the matches.
    /// </summary>
    private static SandboxResponse DomainList(MailgunSandboxAccount account, SandboxRequest request)
    {
        var limit = 100;
        var skip = 0;
        if ((request.QueryValue("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
            || (request.QueryValue("skip") is { } s && !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out skip)))
        {
            return SandboxResponse.Create(HttpStatusCode.BadRequest, SandboxResponse.Json, SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "limit must be from 1 to 1000 and skip a whole number");
                w.WriteEndObject();
            }));
        }

        var search = request.QueryValue("search");
        var matches = account.Domains.Where(d => search is null || d.Contains(search, StringComparison.Ordinal)).ToList();
        return SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total_count", matches.Count);
            w.WriteStartArray("items");
            foreach (var (name, index) in matches.Select((d, i) => (d, i)).Skip(skip).Take(limit))
            {
                w.WriteStartObject();
                w.WriteString("created_at", "Mon, 02 Jan 2023 15:04:05 UTC");
                w.WriteString("id", (0x5a000000 + account.Domains.ToList().IndexOf(name)).ToString("x", CultureInfo.InvariantCulture));
                w.WriteString("name", name);
                w.WriteString("state", "active");
                w.WriteString("type", "custom");
                w.WriteString("web_prefix", "email");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? identified)
    {
        var account = identified as MailgunSandboxAccount;
        var segments = request.Path.Trim('/').Split('/');
        if (segments is ["v1", "analytics", "metrics"] or ["v1", "analytics", "usage", "metrics"])
        {
            return account is not null
                ? Metrics(account, request, usage: segments.Length == 4)
                : SandboxResponse.Create(HttpStatusCode.Unauthorized, SandboxResponse.Text, "Forbidden");
        }

        if (segments is ["v4", "domains"])
        {
            return account is null ? SandboxResponse.Create(HttpStatusCode.Unauthorized, SandboxResponse.Text, "Forbidden") : DomainList(account, request);
        }

        if (segments.Length < 3 || segments[0] != "v3")
        {
            return Error(HttpStatusCode.NotFound, "Not Found");
        }

        // Like Mailgun: a wrong or missing key is a plain-text 401 "Forbidden", whatever the endpoint.
        if (account is null)
        {
            return SandboxResponse.Create(HttpStatusCode.Unauthorized, SandboxResponse.Text, "Forbidden");
        }

        if (request.Method != "GET")
        {
            return Error(HttpStatusCode.MethodNotAllowed, "Method Not Allowed");
        }

        switch (segments[1..])
        {
            case ["stats", "total"]:
                return Totals(account, request, account.DomainCatalog, filtered: false);
            case ["stats", "filter"]:
                return Totals(account, request, account.DomainCatalog, filtered: true);
            case ["stats", "total", "domains"]:
                return TotalsByDomain(account, request);
            case [var name, "stats", "total"]:
                return account.Find(name) is { } domain
                    ? Totals(account, request, [domain], filtered: false)
                    : DomainNotFound(name);
            case [var name, "aggregates", var kind] when kind is "providers" or "devices" or "countries":
                return account.Find(name) is { } owner ? Aggregates(owner, kind) : DomainNotFound(name);
            default:
                return Error(HttpStatusCode.NotFound, "Not Found");
        }
    }

    /// <summary>Mailgun's JSON refusal <c>{"message": "..."}</c>, also used for the 429 fault.</summary>
    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Json, SandboxJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }), headers);

    private SandboxResponse DomainNotFound(string name) => Error(HttpStatusCode.NotFound, "Domain not found: " + name);

    private SandboxResponse BadRequest(string message) => Error(HttpStatusCode.BadRequest, message);

    // ---- totals: account, domain, filtered ------------------------------------------------------------------------

    private SandboxResponse Totals(MailgunSandboxAccount account, SandboxRequest request, MailgunSandboxDomain[] domains, bool filtered)
    {
        var problem = ReadEvents(request, out var events);
        var periodProblem = ReadPeriod(request.QueryValue, out var resolution, out var start, out var end);
        if ((problem ?? periodProblem) is { } refusal)
        {
            return BadRequest(refusal);
        }

        (string Key, string Value)? filter = null;
        string? group = null;
        if (filtered)
        {
            if (request.QueryValue("filter") is { } text)
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var key = colon > 0 ? text[..colon].Trim() : "";
                var value = colon > 0 ? text[(colon + 1)..].Trim() : "";
                if (!Dimensions.Contains(key) || value.Length == 0)
                {
                    return BadRequest($"Invalid filter: '{text}'. Expected <key>:<value> with key one of {string.Join(", ", Dimensions)}");
                }

                filter = (key, value);
                if (key == "domain")
                {
                    domains = Array.FindAll(domains, d => string.Equals(d.Name, value, StringComparison.OrdinalIgnoreCase));
                }
            }

            group = request.QueryValue("group");
            if (group is not null && !Groups.Contains(group))
            {
                return BadRequest($"Invalid group: '{group}'. Valid values are {string.Join(", ", Groups)}");
            }

            resolution = group switch
            {
                "day" => MailgunResolution.Day,
                "month" => MailgunResolution.Month,
                _ => resolution,
            };
        }

        if (Periods(account, start, end, resolution) is not { } periods)
        {
            return BadRequest($"Too many data points requested: at most {MaxItems} {Name(resolution)}s per query");
        }

        var items = new List<Item>();
        foreach (var period in periods)
        {
            switch (group)
            {
                case "domain":
                    items.AddRange(domains.Select(d => new Item(period, ("domain", d.Name), Scoped(d, period, resolution, filter))));
                    break;
                case "tag" or "ip" or "provider" or "country" when filter is { } f && f.Key == group:
                    if (domains.Any(d => Array.Exists(d.SharesOf(group), s => Same(s.Key, f.Value))))
                    {
                        items.Add(new Item(period, (group, f.Value), Sum(domains.Select(d => Scoped(d, period, resolution, filter)))));
                    }

                    break;
                case "tag" or "ip" or "provider" or "country":
                    var parts = new Dictionary<string, long[]>(StringComparer.Ordinal);
                    foreach (var domain in domains)
                    {
                        var shares = domain.SharesOf(group);
                        var split = Split(Scoped(domain, period, resolution, filter), Weights(shares));
                        for (var i = 0; i < shares.Length; i++)
                        {
                            Add(parts.TryGetValue(shares[i].Key, out var sum) ? sum : parts[shares[i].Key] = Zero(), split[i]);
                        }
                    }

                    items.AddRange(parts.Select(p => new Item(period, (group, p.Key), p.Value)));
                    break;
                default:
                    items.Add(new Item(period, null, Sum(domains.Select(d => Scoped(d, period, resolution, filter)))));
                    break;
            }
        }

        if (group == "total")
        {
            items = [new Item(null, null, Sum(items.Select(i => i.Counts)))];
        }

        var first = periods[0];
        var tag = filter is { Key: "tag" } t ? t.Value : null;
        return Ok(WriteResult("", first, Next(periods[^1], resolution), resolution, tag, items, events));
    }

    private SandboxResponse TotalsByDomain(MailgunSandboxAccount account, SandboxRequest request)
    {
        if (ReadEvents(request, out var events) is { } problem)
        {
            return BadRequest(problem);
        }

        var resolution = MailgunResolution.Day;
        if (request.QueryValue("resolution") is { } text && !TryResolution(text, out resolution))
        {
            return BadRequest(InvalidResolution(text));
        }

        if (request.QueryValue("timestamp") is not { } stamp)
        {
            return BadRequest("Missing mandatory parameter: timestamp");
        }

        if (!TryParseTime(stamp, out var timestamp))
        {
            return BadRequest($"Invalid timestamp: '{stamp}'. Expected an RFC 2822 date or unix epoch seconds");
        }

        var limit = int.MaxValue;
        if (request.QueryValue("limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return BadRequest($"Invalid limit: '{limitText}'. Expected a positive integer");
        }

        var period = Truncate(timestamp, resolution);
        var items = account.DomainCatalog
            .Take(limit)
            .Select(d => new Item(period, ("domain", d.Name), Counts(d, period, resolution)))
            .ToList();
        return Ok(WriteResult("", period, Next(period, resolution), resolution, null, items, events));
    }

    private SandboxResponse Aggregates(MailgunSandboxDomain domain, string kind)
    {
        // Mailgun's aggregates have no period: the whole history of the domain, split by fixed proportions.
        var total = Zero();
        foreach (var day in SandboxData.Days(data.FirstDay, data.Today))
        {
            Add(total, DayCounts(domain, day));
        }

        var shares = domain.SharesOf(kind switch { "providers" => "provider", "devices" => "device", _ => "country" });
        var parts = Split(total, Weights(shares));
        return Ok(SandboxJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject(kind);
            for (var i = 0; i < shares.Length; i++)
            {
                var c = parts[i];
                writer.WriteStartObject(shares[i].Key);
                if (kind == "providers")
                {
                    writer.WriteNumber("accepted", c[Incoming] + c[Outgoing]);
                    writer.WriteNumber("delivered", c[Smtp] + c[Http] + c[Optimized]);
                    writer.WriteNumber("bounced", c[HardBounce] + c[DelayedBounce] + c[SoftBounce]);
                }

                writer.WriteNumber("opened", c[Opened]);
                writer.WriteNumber("unique_opened", c[UniqueOpened]);
                writer.WriteNumber("clicked", c[Clicked]);
                writer.WriteNumber("unique_clicked", c[UniqueClicked]);
                writer.WriteNumber("unsubscribed", c[Unsubscribed]);
                writer.WriteNumber("complained", c[Complained]);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }));
    }

    // ---- data -----------------------------------------------------------------------------------------------------

    private sealed record Item(DateTimeOffset? Time, (string Key, string Value)? Group, long[] Counts);

    /// <summary>
    /// A domain's counters for one period: an hour of its day, a day (the sum of its hours, so hours always add up to
    /// days), or the sum of a month's days.
    /// </summary>
    private long[] Counts(MailgunSandboxDomain domain, DateTimeOffset period, MailgunResolution resolution)
    {
        var date = DateOnly.FromDateTime(period.UtcDateTime);
        switch (resolution)
        {
            case MailgunResolution.Hour:
                return From(data.Hours(domain.Stream, date, domain.Volume)[period.Hour]);
            case MailgunResolution.Month:
                var month = Zero();
                foreach (var day in SandboxData.Days(date, date.AddMonths(1).AddDays(-1)))
                {
                    Add(month, DayCounts(domain, day));
                }

                return month;
            default:
                return DayCounts(domain, date);
        }
    }

    private long[] DayCounts(MailgunSandboxDomain domain, DateOnly date)
    {
        var total = Zero();
        foreach (var hour in data.Hours(domain.Stream, date, domain.Volume))
        {
            Add(total, From(hour));
        }

        return total;
    }

    /// <summary>The counters of a domain's period, narrowed to the filter's tag, IP, provider or country.</summary>
    private long[] Scoped(MailgunSandboxDomain domain, DateTimeOffset period, MailgunResolution resolution, (string Key, string Value)? filter)
    {
        var counts = Counts(domain, period, resolution);
        if (filter is not { } f || f.Key == "domain")
        {
            return counts;
        }

        var shares = domain.SharesOf(f.Key);
        var index = Array.FindIndex(shares, s => Same(s.Key, f.Value));
        return index < 0 ? Zero() : Split(counts, Weights(shares))[index];
    }

    private static long[] Sum(IEnumerable<long[]> parts)
    {
        var total = Zero();
        foreach (var part in parts)
        {
            Add(total, part);
        }

        return total;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
