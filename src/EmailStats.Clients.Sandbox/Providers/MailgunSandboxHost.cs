using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Sandbox.Data;
using WireMock;
using static EmailStats.Clients.Sandbox.Providers.MailgunSandboxCounts;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// Mailgun v3 stats and aggregates: <c>GET /v3/stats/total</c>, <c>/v3/{domain}/stats/total</c>, <c>/v3/stats/filter</c>,
/// <c>/v3/stats/total/domains</c> and <c>/v3/{domain}/aggregates/{providers|devices|countries}</c>, with HTTP Basic
/// authentication as the user <c>api</c>. The sandbox's clock stands at the last second of <see cref="SandboxData.Today"/>:
/// a query without an end ends there. The period holding <c>end</c> is answered, as Mailgun documents it.
/// </summary>
internal sealed class MailgunSandboxHost(SandboxData data, MailgunSandbox account) : SandboxProviderHost
{
    /// <summary>More items than this in one answer is refused (an hourly query over years).</summary>
    private const int MaxItems = 10_000;

    private static readonly string[] EventNames = ["accepted", "delivered", "failed", "stored", "opened", "clicked", "unsubscribed", "complained"];

    private static readonly string[] Dimensions = ["domain", "tag", "ip", "provider", "country"];

    private static readonly string[] Groups = ["total", "time", "day", "month", "domain", "ip", "provider", "tag", "country"];

    public override SandboxProvider Provider => SandboxProvider.Mailgun;

    public override string Prefix => "/mailgun";

    public override string FixtureFolder => "Mailgun";

    /// <summary>The sandbox's "now": the last second of the last day with data.</summary>
    private DateTimeOffset Now => data.Now;

    public override IResponseMessage Handle(SandboxRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (segments.Length < 3 || segments[0] != "v3")
        {
            return Error(HttpStatusCode.NotFound, "Not Found");
        }

        // Like Mailgun: a wrong or missing key is a plain-text 401 "Forbidden", whatever the endpoint.
        if (!IsAuthorized(request.Header("Authorization")))
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
                return Totals(request, MailgunSandboxCatalog.Domains, filtered: false);
            case ["stats", "filter"]:
                return Totals(request, MailgunSandboxCatalog.Domains, filtered: true);
            case ["stats", "total", "domains"]:
                return TotalsByDomain(request);
            case [var name, "stats", "total"]:
                return MailgunSandboxCatalog.Find(name) is { } domain
                    ? Totals(request, [domain], filtered: false)
                    : DomainNotFound(name);
            case [var name, "aggregates", var kind] when kind is "providers" or "devices" or "countries":
                return MailgunSandboxCatalog.Find(name) is { } owner ? Aggregates(owner, kind) : DomainNotFound(name);
            default:
                return Error(HttpStatusCode.NotFound, "Not Found");
        }
    }

    /// <summary>Mailgun's JSON refusal <c>{"message": "..."}</c>, also used for the 429 fault.</summary>
    public override IResponseMessage Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SandboxResponse.Create(status, SandboxResponse.Json, WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }), headers);

    private IResponseMessage DomainNotFound(string name) => Error(HttpStatusCode.NotFound, "Domain not found: " + name);

    private IResponseMessage BadRequest(string message) => Error(HttpStatusCode.BadRequest, message);

    private bool IsAuthorized(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = header[6..].Trim();
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written)
            && Encoding.UTF8.GetString(buffer, 0, written) == "api:" + account.ApiKey;
    }

    // ---- totals: account, domain, filtered ------------------------------------------------------------------------

    private IResponseMessage Totals(SandboxRequest request, MailgunSandboxDomain[] domains, bool filtered)
    {
        var problem = ReadEvents(request, out var events);
        var periodProblem = ReadPeriod(request, out var resolution, out var start, out var end);
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

        if (Periods(start, end, resolution) is not { } periods)
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

    private IResponseMessage TotalsByDomain(SandboxRequest request)
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
        var items = MailgunSandboxCatalog.Domains
            .Take(limit)
            .Select(d => new Item(period, ("domain", d.Name), Counts(d, period, resolution)))
            .ToList();
        return Ok(WriteResult("", period, Next(period, resolution), resolution, null, items, events));
    }

    private IResponseMessage Aggregates(MailgunSandboxDomain domain, string kind)
    {
        // Mailgun's aggregates have no period: the whole history of the domain, split by fixed proportions.
        var total = Zero();
        foreach (var day in SandboxData.Days(data.FirstDay, data.Today))
        {
            Add(total, From(data.Day(domain.Stream, day, domain.Volume)));
        }

        var shares = domain.SharesOf(kind switch { "providers" => "provider", "devices" => "device", _ => "country" });
        var parts = Split(total, Weights(shares));
        return Ok(WriteJson(writer =>
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
                    writer.WriteNumber("bounced", c[Bounce] + c[DelayedBounce]);
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

    /// <summary>A domain's counters for one period: an hour's share of its day, a day, or the sum of a month's days.</summary>
    private long[] Counts(MailgunSandboxDomain domain, DateTimeOffset period, MailgunResolution resolution)
    {
        var date = DateOnly.FromDateTime(period.UtcDateTime);
        switch (resolution)
        {
            case MailgunResolution.Hour:
                return Split(From(data.Day(domain.Stream, date, domain.Volume)), MailgunSandboxCatalog.Hours)[period.Hour];
            case MailgunResolution.Month:
                var month = Zero();
                foreach (var day in SandboxData.Days(date, date.AddMonths(1).AddDays(-1)))
                {
                    Add(month, From(data.Day(domain.Stream, day, domain.Volume)));
                }

                return month;
            default:
                return From(data.Day(domain.Stream, date, domain.Volume));
        }
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

    // ---- parameters -----------------------------------------------------------------------------------------------

    private static string? ReadEvents(SandboxRequest request, out string[] events)
    {
        events = [.. request.QueryValues("event").Distinct(StringComparer.Ordinal)];
        if (events.Length == 0)
        {
            return "Missing mandatory parameter: event";
        }

        return events.FirstOrDefault(e => !EventNames.Contains(e)) is { } unknown
            ? $"Invalid event: '{unknown}'. Valid events are {string.Join(", ", EventNames)}"
            : null;
    }

    /// <summary>
    /// Reads resolution, start, end and duration like Mailgun: end defaults to now, start to seven days before the
    /// end, and a duration (<c>h</c> hours, <c>d</c> days, <c>m</c> months) counts back from the end, overriding start.
    /// </summary>
    private string? ReadPeriod(SandboxRequest request, out MailgunResolution resolution, out DateTimeOffset start, out DateTimeOffset end)
    {
        resolution = MailgunResolution.Day;
        start = end = Now;
        if (request.QueryValue("resolution") is { } text && !TryResolution(text, out resolution))
        {
            return InvalidResolution(text);
        }

        if (request.QueryValue("end") is { } endText && !TryParseTime(endText, out end))
        {
            return $"Invalid end date: '{endText}'. Expected an RFC 2822 date or unix epoch seconds";
        }

        if (request.QueryValue("duration") is { } duration)
        {
            if (!MailgunDuration.TryParse(duration, out var span))
            {
                return $"Invalid duration: '{duration}'. Expected [0-9]+[hdm], for example 24h, 7d or 2m (months)";
            }

            start = span.Unit switch
            {
                MailgunResolution.Hour => end.AddHours(-span.Count),
                MailgunResolution.Day => end.AddDays(-span.Count),
                _ => end.AddMonths(-span.Count),
            };
        }
        else if (request.QueryValue("start") is { } startText)
        {
            if (!TryParseTime(startText, out start))
            {
                return $"Invalid start date: '{startText}'. Expected an RFC 2822 date or unix epoch seconds";
            }
        }
        else
        {
            start = end.AddDays(-7);
        }

        return start > end ? "The start date must not be after the end date" : null;
    }

    private static bool TryResolution(string text, out MailgunResolution resolution)
    {
        resolution = MailgunResolution.Day;
        switch (text)
        {
            case "hour":
                resolution = MailgunResolution.Hour;
                return true;
            case "day":
                return true;
            case "month":
                resolution = MailgunResolution.Month;
                return true;
            default:
                return false;
        }
    }

    private static string InvalidResolution(string text) => $"Invalid resolution: '{text}'. Valid values are hour, day, month";

    /// <summary>Reads an RFC 2822 date (zone <c>+hhmm</c>, <c>UTC</c>, <c>GMT</c>, <c>UT</c>, <c>Z</c> or none) or unix epoch seconds.</summary>
    private static bool TryParseTime(string text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (text.Length is > 0 and <= 12 && text.All(char.IsAsciiDigit))
        {
            value = DateTimeOffset.FromUnixTimeSeconds(long.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var parts = text[(comma + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 4 or > 5
            || !DateTime.TryParseExact(string.Join(' ', parts[..4]), ["d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (parts.Length == 5 && parts[4] is not ("UTC" or "GMT" or "UT" or "Z"))
        {
            var zone = parts[4];
            if (zone.Length != 5 || zone[0] is not ('+' or '-')
                || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(zone[0] == '-' ? -hours : hours, zone[0] == '-' ? -minutes : minutes, 0);
        }

        value = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    // ---- periods --------------------------------------------------------------------------------------------------

    /// <summary>
    /// The resolution steps from the step holding the start through the step holding the end, as Mailgun answers
    /// (its documented example: an end of 1 April at month resolution has an April item). With
    /// <see cref="MailgunSandbox.EndIsExclusive"/> an end on a step boundary closes the previous step instead.
    /// Null when there would be more than <see cref="MaxItems"/>.
    /// </summary>
    private List<DateTimeOffset>? Periods(DateTimeOffset start, DateTimeOffset end, MailgunResolution resolution)
    {
        var approximate = resolution switch
        {
            MailgunResolution.Hour => (end - start).TotalHours,
            MailgunResolution.Day => (end - start).TotalDays,
            _ => (end - start).TotalDays / 28,
        };
        if (approximate > MaxItems)
        {
            return null;
        }

        var first = Truncate(start, resolution);
        var last = Truncate(end, resolution);
        if (account.EndIsExclusive && last == end && end > start)
        {
            last = Previous(last, resolution);
        }

        var periods = new List<DateTimeOffset>();
        for (var period = first; period <= last; period = Next(period, resolution))
        {
            periods.Add(period);
        }

        return periods;
    }

    private static DateTimeOffset Truncate(DateTimeOffset time, MailgunResolution resolution)
    {
        var t = time.UtcDateTime;
        return resolution switch
        {
            MailgunResolution.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            MailgunResolution.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Next(DateTimeOffset period, MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => period.AddHours(1),
        MailgunResolution.Day => period.AddDays(1),
        _ => period.AddMonths(1),
    };

    private static DateTimeOffset Previous(DateTimeOffset period, MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => period.AddHours(-1),
        MailgunResolution.Day => period.AddDays(-1),
        _ => period.AddMonths(-1),
    };

    private static string Name(MailgunResolution resolution) => resolution switch
    {
        MailgunResolution.Hour => "hour",
        MailgunResolution.Day => "day",
        _ => "month",
    };

    // ---- writing --------------------------------------------------------------------------------------------------

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static IResponseMessage Ok(string body) => SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, body);

    private static string WriteResult(
        string description,
        DateTimeOffset start,
        DateTimeOffset end,
        MailgunResolution resolution,
        string? tag,
        List<Item> items,
        string[] events) => WriteJson(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("description", description);
        writer.WriteString("start", Time(start));
        writer.WriteString("end", Time(end));
        writer.WriteString("resolution", Name(resolution));
        if (tag is not null)
        {
            writer.WriteString("tag", tag);
        }

        writer.WriteStartArray("stats");
        foreach (var item in items)
        {
            WriteItem(writer, item, events);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>One item: its time, its grouping key, and only the events asked for, in Mailgun's order.</summary>
    private static void WriteItem(Utf8JsonWriter writer, Item item, string[] events)
    {
        var c = item.Counts;
        writer.WriteStartObject();
        if (item.Time is { } time)
        {
            writer.WriteString("time", Time(time));
        }

        if (item.Group is { } group)
        {
            writer.WriteString(group.Key, group.Value);
        }

        foreach (var name in EventNames.Where(events.Contains))
        {
            writer.WriteStartObject(name);
            switch (name)
            {
                case "accepted":
                    Counters(writer, ("incoming", c[Incoming]), ("outgoing", c[Outgoing]));
                    break;
                case "delivered":
                    Counters(writer, ("smtp", c[Smtp]), ("http", c[Http]), ("optimized", c[Optimized]));
                    break;
                case "failed":
                    writer.WriteStartObject("temporary");
                    Counters(writer, ("espblock", c[EspBlock]));
                    writer.WriteEndObject();
                    writer.WriteStartObject("permanent");
                    Counters(
                        writer,
                        ("bounce", c[Bounce]),
                        ("delayed-bounce", c[DelayedBounce]),
                        ("suppress-bounce", c[SuppressBounce]),
                        ("suppress-unsubscribe", c[SuppressUnsubscribe]),
                        ("suppress-complaint", c[SuppressComplaint]));
                    writer.WriteEndObject();
                    break;
                case "stored":
                    writer.WriteNumber("total", c[Stored]);
                    break;
                case "opened":
                    writer.WriteNumber("total", c[Opened]);
                    writer.WriteNumber("unique", c[UniqueOpened]);
                    break;
                case "clicked":
                    writer.WriteNumber("total", c[Clicked]);
                    writer.WriteNumber("unique", c[UniqueClicked]);
                    break;
                case "unsubscribed":
                    writer.WriteNumber("total", c[Unsubscribed]);
                    break;
                default:
                    writer.WriteNumber("total", c[Complained]);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The leaf counters, then their <c>total</c>.</summary>
    private static void Counters(Utf8JsonWriter writer, params (string Name, long Value)[] counters)
    {
        foreach (var (name, value) in counters)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteNumber("total", counters.Sum(c => c.Value));
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
