namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// SendGrid v3 statistics under the same root as v2 (<c>/sendgrid/v3/...</c>): every statistics endpoint, Bearer key,
/// <c>on-behalf-of</c> (a subuser sees its own numbers; the parent sees the sum of its subusers), <c>aggregated_by</c>,
/// paging, sorting and SendGrid's refusals as <c>{"errors":[{"field","message"}]}</c>.
/// </summary>
internal sealed class SendGridV3SandboxHost(SandboxData data, SandboxRegistry accounts) : SandboxProviderHost
{
    /// <summary>The sixteen metrics of global, category and subuser statistics, in SendGrid's order.</summary>
    private static readonly string[] Names =
    [
        "blocks", "bounce_drops", "bounces", "clicks", "deferred", "delivered", "invalid_emails", "opens", "processed", "requests",
        "spam_report_drops", "spam_reports", "unique_clicks", "unique_opens", "unsubscribe_drops", "unsubscribes",
    ];

    private static readonly string[] MonthlyUnsortable = ["bounce_drops", "deferred", "invalid_emails", "processed", "spam_report_drops", "spam_reports", "unsubscribe_drops"];

    public override EmailStatsProvider Provider => EmailStatsProvider.SendGridV3;

    public override string Prefix => "/sendgrid";

    /// <summary>The v3 paths of the SendGrid root; the v2 host serves the rest.</summary>
    public override bool Serves(string path) => IsV3(path);

    /// <summary>The account of the Bearer key.</summary>
    public override SandboxAccount? Identify(SandboxRequest request) =>
        accounts.Find<SendGridSandboxAccount>(HeaderCredential(request, "Authorization", "Bearer "));

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? identified)
    {
        if (request.Method != "GET")
        {
            return Error(HttpStatusCode.MethodNotAllowed, $"{request.Method} is not allowed on {request.Path}");
        }

        if (identified is not SendGridSandboxAccount account)
        {
            return Errors(HttpStatusCode.Unauthorized, (null, "authorization required"));
        }

        string[] scope;
        var onBehalfOf = request.Header("on-behalf-of");
        if (onBehalfOf is null)
        {
            scope = [.. account.Subusers];
        }
        else if (account.Subusers.Contains(onBehalfOf))
        {
            scope = [onBehalfOf];
        }
        else
        {
            return Errors(HttpStatusCode.Forbidden, (null, "access forbidden: on-behalf-of names no subuser of this account"));
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["v3", "subusers", var subuser, "stats", "monthly"] && subuser != "stats")
        {
            return Monthly(account, request, Uri.UnescapeDataString(subuser), onBehalfOf);
        }

        return request.Path switch
        {
            "/v3/subusers" => onBehalfOf is null ? SubuserList(account, request) : ParentOnly(),
            "/v3/categories" => CategoryList(account, request, scope),
            "/v3/stats" => Dated(request, range => Rows(range, d => [Make(null, null, Metrics(account, scope, d))])),
            "/v3/categories/stats" => Categories(account, request, scope),
            "/v3/categories/stats/sums" => Sums(request, "category", CategoriesOf(account, scope).Select(c => (c, (Func<DateOnly, long[]>)(d => CategoryMetrics(account, scope, c, d))))),
            "/v3/subusers/stats" => onBehalfOf is null ? Subusers(account, request) : ParentOnly(),
            "/v3/subusers/stats/sums" => onBehalfOf is null ? Sums(request, "subuser", account.Subusers.Select(s => (s, (Func<DateOnly, long[]>)(d => Metrics(account, [s], d))))) : ParentOnly(),
            "/v3/subusers/stats/monthly" => onBehalfOf is null ? Monthly(account, request, null, null) : ParentOnly(),
            "/v3/mailbox_providers/stats" => Advanced(request, "mailbox_providers", SendGridV3SandboxShares.MailboxProviders, (range, shares) => Rows(range, d => MailboxProviders(account, scope, d, shares))),
            "/v3/browsers/stats" => Advanced(request, "browsers", SendGridV3SandboxShares.Browsers, (range, shares) => Rows(range, d => Browsers(account, scope, d, shares))),
            "/v3/devices/stats" => Dated(request, range => Rows(range, d => Devices(account, scope, d))),
            "/v3/clients/stats" => Dated(request, range => Rows(range, d => Clients(account, scope, d, null))),
            "/v3/clients/phone/stats" => Dated(request, range => Rows(range, d => Clients(account, scope, d, "Phone"))),
            "/v3/clients/tablet/stats" => Dated(request, range => Rows(range, d => Clients(account, scope, d, "Tablet"))),
            "/v3/clients/webmail/stats" => Dated(request, range => Rows(range, d => Clients(account, scope, d, "Webmail"))),
            "/v3/clients/desktop/stats" => Dated(request, range => Rows(range, d => Clients(account, scope, d, "Desktop"))),
            "/v3/geo/stats" => Geo(account, request, scope),
            _ when request.Path.StartsWith("/v3/clients/", StringComparison.Ordinal) => Errors(HttpStatusCode.BadRequest, ("client_type", "must be phone, tablet, webmail or desktop")),
            _ => Errors(HttpStatusCode.NotFound, (null, $"resource not found: {request.Path}")),
        };
    }

    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        ErrorsWith(status, headers, (null, message));

    /// <summary><c>GET v3/subusers</c>: the account's subusers in order, <c>username</c> an exact filter, paged by <c>limit</c> (default 50) and <c>offset</c>.</summary>
    private SandboxResponse SubuserList(SendGridSandboxAccount account, SandboxRequest request)
    {
        if (TryPage(request, 50, out var limit, out var offset) is { } badPage)
        {
            return badPage;
        }

        var username = request.QueryValue("username");
        var subusers = account.Subusers.Select((name, index) => (Name: name, Id: 10_000 + index))
            .Where(s => username is null || s.Name == username).Skip(offset).Take(limit!.Value);
        return Ok(SandboxJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var (name, id) in subusers)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("disabled", false);
                writer.WriteString("email", $"{name}@example.com");
                writer.WriteNumber("id", id);
                writer.WriteString("username", name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }));
    }

    /// <summary><c>GET v3/categories</c>: the scope's categories in name order, <c>category</c> a prefix search, paged by <c>limit</c> (default 50) and <c>offset</c>.</summary>
    private static SandboxResponse CategoryList(SendGridSandboxAccount account, SandboxRequest request, string[] scope)
    {
        if (TryPage(request, 50, out var limit, out var offset) is { } badPage)
        {
            return badPage;
        }

        var prefix = request.QueryValue("category");
        var categories = CategoriesOf(account, scope).Order(StringComparer.Ordinal)
            .Where(c => prefix is null || c.StartsWith(prefix, StringComparison.Ordinal)).Skip(offset).Take(limit!.Value);
        return Ok(SendGridV2SandboxHost.CategoryList(categories));
    }

    private SandboxResponse ParentOnly() => Errors(HttpStatusCode.Forbidden, (null, "access forbidden: subuser statistics are for the parent account"));

    /// <summary>
    /// The scope's day as SendGrid's sixteen metrics: each subuser's day is the v2 user's day (the sum of its streams, its
    /// drops the v2 repeat counters of that sum), and the parent's day the sum of its subusers' days.
    /// </summary>
    private long[] Metrics(SendGridSandboxAccount account, string[] scope, DateOnly day)
    {
        var total = new long[Names.Length];
        foreach (var user in scope)
        {
            Add(total, Values(data.Day(account.Streams(user), day)));
        }

        return total;
    }

    private long[] CategoryMetrics(SendGridSandboxAccount account, string[] scope, string category, DateOnly day)
    {
        var total = new long[Names.Length];
        foreach (var user in scope.Where(u => account.Categories[u].Contains(category)))
        {
            Add(total, Values(account.Day(data, user, category, day)));
        }

        return total;
    }

    private static IEnumerable<string> CategoriesOf(SendGridSandboxAccount account, string[] scope) => scope.SelectMany(u => account.Categories[u]).Distinct(StringComparer.Ordinal);

    /// <summary>One stream's day as the sixteen metrics: the drops are the v2 account's repeat counters.</summary>
    private static long[] Values(SandboxDay d)
    {
        var bounceDrops = d.HardBounces / 4;
        var spamDrops = d.SpamReports / 5;
        var unsubscribeDrops = d.Unsubscribes / 10;
        return
        [
            d.Blocks, bounceDrops, d.Bounces, d.Clicks, d.Bounces / 2, d.Delivered, d.InvalidEmail, d.Opens,
            d.Requests - bounceDrops - spamDrops - unsubscribeDrops, d.Requests, spamDrops, d.SpamReports, d.UniqueClicks, d.UniqueOpens,
            unsubscribeDrops, d.Unsubscribes,
        ];
    }

    private static void Add(long[] total, long[] values)
    {
        for (var i = 0; i < total.Length; i++)
        {
            total[i] += values[i];
        }
    }

    private static long Get(long[] metrics, string name) => metrics[Array.IndexOf(Names, name)];

    private SandboxResponse Categories(SendGridSandboxAccount account, SandboxRequest request, string[] scope)
    {
        var asked = request.QueryValues("categories").ToArray();
        if (asked.Length is 0 or > 10)
        {
            return Errors(HttpStatusCode.BadRequest, ("categories", "between 1 and 10 categories must be given"));
        }

        if (TryRange(request, out var range) is { } refused)
        {
            return refused;
        }

        // Like SendGrid: "Category statistics are available for the previous thirteen months only."
        if (range.Start < data.Today.AddMonths(-13).AddDays(-1))
        {
            return Errors(HttpStatusCode.BadRequest, ("start_date", "category statistics are available for the previous 13 months only"));
        }

        var names = asked.Distinct(StringComparer.Ordinal).ToArray();
        return Dated(request, _ => Rows(range, d => [.. names.Select(c => Make("category", c, CategoryMetrics(account, scope, c, d)))]), range);
    }

    private SandboxResponse Subusers(SendGridSandboxAccount account, SandboxRequest request)
    {
        var asked = request.QueryValues("subusers").Distinct(StringComparer.Ordinal).ToArray();
        if (asked.Length is 0 or > 10)
        {
            return Errors(HttpStatusCode.BadRequest, ("subusers", "between 1 and 10 subusers must be given"));
        }

        if (asked.FirstOrDefault(s => !account.Subusers.Contains(s)) is { } unknown)
        {
            return Errors(HttpStatusCode.BadRequest, ("subusers", $"subuser {unknown} does not exist"));
        }

        return Dated(request, range => Rows(range, d => [.. asked.Select(s => Make("subuser", s, Metrics(account, [s], d)))]));
    }

    private SandboxResponse Advanced(SandboxRequest request, string parameter, SandboxShare[] all, Func<DateRange, SandboxShare[], List<Row>> rows)
    {
        var asked = request.QueryValues(parameter).ToArray();
        if (asked.Length > 10)
        {
            return Errors(HttpStatusCode.BadRequest, (parameter, "at most 10 values may be given"));
        }

        var shares = asked.Length == 0 ? all : [.. all.Where(s => asked.Contains(s.Name))];
        return Dated(request, range => rows(range, shares));
    }

    private List<Entry> MailboxProviders(SendGridSandboxAccount account, string[] scope, DateOnly day, SandboxShare[] asked)
    {
        var total = Metrics(account, scope, day);
        string[] names = ["blocks", "bounces", "clicks", "deferred", "delivered", "drops", "opens", "processed", "requests", "spam_reports", "unique_clicks", "unique_opens"];
        var drops = Get(total, "bounce_drops") + Get(total, "spam_report_drops") + Get(total, "unsubscribe_drops");
        var parts = names.Select(n => SendGridV3SandboxShares.Split(n == "drops" ? drops : Get(total, n), SendGridV3SandboxShares.MailboxProviders)).ToArray();
        return Segments("mailbox_provider", SendGridV3SandboxShares.MailboxProviders, asked, names, parts);
    }

    private List<Entry> Browsers(SendGridSandboxAccount account, string[] scope, DateOnly day, SandboxShare[] asked)
    {
        var total = Metrics(account, scope, day);
        string[] names = ["clicks", "unique_clicks"];
        return Segments("browser", SendGridV3SandboxShares.Browsers, asked, names, [.. names.Select(n => SendGridV3SandboxShares.Split(Get(total, n), SendGridV3SandboxShares.Browsers))]);
    }

    private List<Entry> Devices(SendGridSandboxAccount account, string[] scope, DateOnly day)
    {
        var total = Metrics(account, scope, day);
        string[] names = ["opens", "unique_opens"];
        var shares = SendGridV3SandboxShares.Devices;
        return Segments("device", shares, shares, names, [.. names.Select(n => SendGridV3SandboxShares.Split(Get(total, n), shares))]);
    }

    private List<Entry> Clients(SendGridSandboxAccount account, string[] scope, DateOnly day, string? device)
    {
        var entries = new List<Entry>();
        foreach (var deviceEntry in Devices(account, scope, day))
        {
            if (!SendGridV3SandboxShares.Clients.TryGetValue(deviceEntry.Name!, out var clients) || (device is not null && deviceEntry.Name != device))
            {
                continue;
            }

            string[] names = ["opens", "unique_opens"];
            var parts = names.Select(n => SendGridV3SandboxShares.Split(deviceEntry.Metrics[n], clients)).ToArray();
            entries.AddRange(Segments("client", clients, clients, names, parts));
        }

        return entries;
    }

    private SandboxResponse Geo(SendGridSandboxAccount account, SandboxRequest request, string[] scope)
    {
        var country = request.QueryValue("country");
        if (country is not (null or "US" or "CA"))
        {
            return Errors(HttpStatusCode.BadRequest, ("country", "must be US or CA"));
        }

        string[] names = ["clicks", "opens", "unique_clicks", "unique_opens"];
        return Dated(request, range => Rows(range, d =>
        {
            var total = Metrics(account, scope, d);
            var countries = SendGridV3SandboxShares.Countries;
            var parts = names.Select(n => SendGridV3SandboxShares.Split(Get(total, n), countries)).ToArray();
            var byCountry = Segments("country", countries, countries, names, parts);
            if (country is null)
            {
                return byCountry;
            }

            var provinces = SendGridV3SandboxShares.Provinces[country];
            var of = byCountry.Single(e => e.Name == country);
            return Segments("province", provinces, provinces, names, [.. names.Select(n => SendGridV3SandboxShares.Split(of.Metrics[n], provinces))]);
        }));
    }

    private static List<Entry> Segments(string type, SandboxShare[] all, SandboxShare[] asked, string[] names, long[][] parts)
    {
        var entries = new List<Entry>();
        for (var i = 0; i < all.Length; i++)
        {
            if (!asked.Contains(all[i]))
            {
                continue;
            }

            var metrics = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var m = 0; m < names.Length; m++)
            {
                metrics[names[m]] = parts[m][i];
            }

            entries.Add(new Entry(type, all[i].Name, metrics));
        }

        return entries;
    }

    private static Entry Make(string? type, string? name, long[] metrics) =>
        new(type, name, Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => metrics[p.i], StringComparer.Ordinal));

    /// <summary>One object per day of the range, or per week or month with <c>aggregated_by</c> (dated by its first day in the range).</summary>
    private List<Row> Rows(DateRange range, Func<DateOnly, List<Entry>> day)
    {
        var rows = new List<Row>();
        foreach (var group in SandboxData.Days(range.Start, range.End).GroupBy(range.PeriodOf))
        {
            var dates = group.ToList();
            var entries = day(dates[0]);
            foreach (var other in dates.Skip(1))
            {
                var next = day(other);
                for (var i = 0; i < entries.Count; i++)
                {
                    foreach (var (name, value) in next[i].Metrics)
                    {
                        entries[i].Metrics[name] += value;
                    }
                }
            }

            rows.Add(new Row(dates[0], entries));
        }

        return rows;
    }

    private SandboxResponse Dated(SandboxRequest request, Func<DateRange, List<Row>> build, DateRange? known = null)
    {
        DateRange range;
        if (known is { } given)
        {
            range = given;
        }
        else if (TryRange(request, out range) is { } refused)
        {
            return refused;
        }

        if (TryPage(request, null, out var limit, out var offset) is { } badPage)
        {
            return badPage;
        }

        var rows = build(range).Skip(offset);
        return Ok(Write(limit is { } l ? rows.Take(l) : rows));
    }

    private SandboxResponse Sums(SandboxRequest request, string type, IEnumerable<(string Name, Func<DateOnly, long[]> Day)> segments)
    {
        if (TryRange(request, out var range) is { } refused)
        {
            return refused;
        }

        if (TryPage(request, 5, out var limit, out var offset) is { } badPage)
        {
            return badPage;
        }

        if (TrySort(request, sortable: Names, out var metric, out var ascending) is { } badSort)
        {
            return badSort;
        }

        var totals = segments.Select(s =>
        {
            var total = new long[Names.Length];
            foreach (var day in SandboxData.Days(range.Start, range.End))
            {
                Add(total, s.Day(day));
            }

            return Make(type, s.Name, total);
        });
        return Ok(Write([new Row(range.Start, Order(totals, metric, ascending).Skip(offset).Take(limit!.Value).ToList())], single: true));
    }

    private SandboxResponse Monthly(SendGridSandboxAccount account, SandboxRequest request, string? one, string? onBehalfOf)
    {
        if (!DateOnly.TryParseExact(request.QueryValue("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Errors(HttpStatusCode.BadRequest, ("date", "is required and must be YYYY-MM-DD"));
        }

        if (one is not null && !account.Subusers.Contains(one))
        {
            return Errors(HttpStatusCode.NotFound, ("subuser_name", "subuser not found"));
        }

        if (one is not null && onBehalfOf is not null && onBehalfOf != one)
        {
            return ParentOnly();
        }

        if (TryPage(request, 5, out var limit, out var offset) is { } badPage)
        {
            return badPage;
        }

        if (TrySort(request, sortable: [.. Names.Except(MonthlyUnsortable)], out var metric, out var ascending) is { } badSort)
        {
            return badSort;
        }

        var first = new DateOnly(date.Year, date.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var matching = request.QueryValue("subuser");
        var subusers = one is not null ? [one] : account.Subusers.Where(s => matching is null || s.Contains(matching, StringComparison.Ordinal)).ToArray();
        var totals = subusers.Select(s =>
        {
            var total = new long[Names.Length];
            foreach (var day in SandboxData.Days(first, last))
            {
                Add(total, Metrics(account, [s], day));
            }

            var (firstName, lastName) = account.NameOf(s);
            return Make("subuser", s, total) with { FirstName = firstName, LastName = lastName };
        });
        return Ok(Write([new Row(first, Order(totals, metric, ascending).Skip(offset).Take(limit!.Value).ToList())], single: true));
    }

    private static IEnumerable<Entry> Order(IEnumerable<Entry> entries, string metric, bool ascending) =>
        ascending
            ? entries.OrderBy(e => e.Metrics[metric]).ThenBy(e => e.Name, StringComparer.Ordinal)
            : entries.OrderByDescending(e => e.Metrics[metric]).ThenBy(e => e.Name, StringComparer.Ordinal);

    private SandboxResponse? TryRange(SandboxRequest request, out DateRange range)
    {
        range = default;
        if (!DateOnly.TryParseExact(request.QueryValue("start_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return Errors(HttpStatusCode.BadRequest, ("start_date", "is required and must be YYYY-MM-DD"));
        }

        var end = data.Today;
        if (request.QueryValue("end_date") is { } endText
            && !DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return Errors(HttpStatusCode.BadRequest, ("end_date", "must be YYYY-MM-DD"));
        }

        if (end < start)
        {
            return Errors(HttpStatusCode.BadRequest, ("end_date", "must not be before start_date"));
        }

        var aggregation = request.QueryValue("aggregated_by") ?? "day";
        if (aggregation is not ("day" or "week" or "month"))
        {
            return Errors(HttpStatusCode.BadRequest, ("aggregated_by", "must be day, week or month"));
        }

        // Days after the data's last day read as zero, as in the v2 host (an account in a zone ahead of UTC is in its next day).
        range = new DateRange(start, end, aggregation);
        return null;
    }

    private static SandboxResponse? TryPage(SandboxRequest request, int? defaultLimit, out int? limit, out int offset)
    {
        limit = defaultLimit;
        offset = 0;
        if (request.QueryValue("limit") is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1)
            {
                return Errors(HttpStatusCode.BadRequest, ("limit", "must be an integer of at least 1"));
            }

            limit = l;
        }

        if (request.QueryValue("offset") is { } offsetText && (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Errors(HttpStatusCode.BadRequest, ("offset", "must be an integer of at least 0"));
        }

        return null;
    }

    private static SandboxResponse? TrySort(SandboxRequest request, string[] sortable, out string metric, out bool ascending)
    {
        metric = request.QueryValue("sort_by_metric") ?? "delivered";
        var direction = request.QueryValue("sort_by_direction") ?? "desc";
        ascending = direction == "asc";
        if (!sortable.Contains(metric))
        {
            return Errors(HttpStatusCode.BadRequest, ("sort_by_metric", $"cannot sort by {metric}"));
        }

        return direction is "asc" or "desc" ? null : Errors(HttpStatusCode.BadRequest, ("sort_by_direction", "must be asc or desc"));
    }

    private static SandboxResponse Ok(string body) => SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, body);

    private static SandboxResponse Errors(HttpStatusCode status, params (string? Field, string Message)[] errors) => ErrorsWith(status, null, errors);

    private static SandboxResponse ErrorsWith(HttpStatusCode status, IEnumerable<KeyValuePair<string, string>>? headers, params (string? Field, string Message)[] errors) =>
        SandboxResponse.Create(status, SandboxResponse.Json, SandboxJson.Errors("field", errors), headers);

    private static string Write(IEnumerable<Row> rows, bool single = false) => SandboxJson.Write(writer =>
    {
        if (!single)
        {
            writer.WriteStartArray();
        }

        foreach (var row in rows)
        {
            writer.WriteStartObject();
            writer.WriteString("date", row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteStartArray("stats");
            foreach (var entry in row.Entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (!single)
        {
            writer.WriteEndArray();
        }
    });

    private static void WriteEntry(Utf8JsonWriter writer, Entry entry)
    {
        writer.WriteStartObject();
        if (entry.FirstName is not null)
        {
            writer.WriteString("first_name", entry.FirstName);
            writer.WriteString("last_name", entry.LastName);
        }

        if (entry.Type is not null)
        {
            writer.WriteString("type", entry.Type);
            writer.WriteString("name", entry.Name);
        }

        writer.WriteStartObject("metrics");
        foreach (var (name, value) in entry.Metrics)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private readonly record struct DateRange(DateOnly Start, DateOnly End, string Aggregation)
    {
        /// <summary>The first day in the range of the period holding <paramref name="day"/>: weeks run Monday to Sunday.</summary>
        public DateOnly PeriodOf(DateOnly day)
        {
            var period = Aggregation switch
            {
                "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
                "month" => new DateOnly(day.Year, day.Month, 1),
                _ => day,
            };
            return period < Start ? Start : period;
        }
    }

    private sealed record Row(DateOnly Date, List<Entry> Entries);

    private sealed record Entry(string? Type, string? Name, Dictionary<string, long> Metrics)
    {
        public string? FirstName { get; init; }

        public string? LastName { get; init; }
    }
}
