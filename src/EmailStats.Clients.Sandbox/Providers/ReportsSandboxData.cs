namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>The counters of the Benchmark Email account, indexes into a <c>long[]</c> of <see cref="ReportsSandboxData.Kinds"/> values.</summary>
internal enum ReportsCounter
{
    Sent,
    Delivered,
    HardBounces,
    SoftBounces,
    Opens,
    UniqueOpens,
    Clicks,
    UniqueClicks,
    Complaints,
    Unsubscribes,
}

/// <summary>A link of a campaign and its clicks so far.</summary>
internal sealed record ReportsLink(string Id, string Path, long Total, long Unique);

/// <summary>One campaign of the sandbox account: what the campaign list shows, and for a sent one its events hour by hour.</summary>
internal sealed record ReportsCampaign
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Subject { get; init; }

    public required string PreviewText { get; init; }

    /// <summary><c>sent</c>, <c>scheduled</c> or <c>draft</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was (or will be) sent; null for a draft.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Recipients the campaign was (or will be) sent to (<c>totalRecipients</c>).</summary>
    public long Recipients { get; init; }

    /// <summary>Addresses refused before sending (<c>failedCount</c>): not part of <see cref="ReportsCounter.Sent"/>.</summary>
    public long Failed { get; init; }

    /// <summary>The counters so far (events up to the sandbox's now), by <see cref="ReportsCounter"/>.</summary>
    public long[] Totals { get; init; } = new long[ReportsSandboxData.Kinds];

    /// <summary>Events per UTC hour (hours since the Unix epoch), only hours that happened and had events.</summary>
    public IReadOnlyList<(long Hour, long[] Counters)> Hours { get; init; } = [];

    public IReadOnlyList<ReportsLink> Links { get; init; } = [];

    public DateTimeOffset? LastOpen { get; init; }

    public DateTimeOffset? LastClick { get; init; }

    public bool IsSent => Status == "sent";

    public long this[ReportsCounter counter] => Totals[(int)counter];
}

/// <summary>
/// A Benchmark Email account of the sandbox as it stands at one instant (<see cref="Now"/>): about 30 campaigns over six
/// months up to the day the sandbox started, then one every few days for as long as its clock runs (on weekdays when
/// they are at least 3 days apart, on fixed calendar days, so that ids and history never change as time passes), the
/// next two scheduled, and three drafts. A sent campaign's totals are one <see cref="SandboxData.Final"/> day of its own
/// stream: sends and bounces happen in its send hour, opens, clicks, complaints and unsubscribes over the next four
/// weeks (integer counts per hour that add up to the totals), reported as <see cref="SandboxTime"/> says. The account's
/// figures for any window are sums of those hours, so every total is the sum of its days in any time zone.
/// </summary>
internal sealed class ReportsSandboxData
{
    public const int Kinds = 10;
    private const int EngagementHours = 28 * 24;
    private const long BaseContacts = 4_200;

    private static readonly string[] Themes =
    [
        "Weekly Newsletter", "Product Update", "Flash Sale", "Customer Stories", "Tips & Tricks", "Event Invitation",
    ];

    private static readonly (string Path, double Weight)[] LinkPool =
    [
        ("https://www.example.com/", 4), ("https://shop.example.com/sale", 6), ("https://www.example.com/blog/latest", 3),
        ("https://www.example.com/events", 2), ("https://instagram.com/", 0.5),
    ];

    private readonly Dictionary<long, long[]> _timeline = [];
    private readonly Dictionary<string, ReportsCampaign> _byId = new(StringComparer.Ordinal);
    private readonly long[] _contacts;
    private readonly string _account;

    /// <param name="data">The sandbox's data.</param>
    /// <param name="account">The account's name (its campaigns' streams and ids carry it).</param>
    /// <param name="startDay">The day the sandbox started on: the first six months of campaigns end there.</param>
    /// <param name="now">The instant the account is seen at.</param>
    public ReportsSandboxData(SandboxData data, string account, DateOnly startDay, DateTimeOffset now)
    {
        Data = data;
        _account = account;
        Now = now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var campaigns = new List<ReportsCampaign>();
        // About 30 campaigns over the last six months of history at most: the reports look back 90 days, compared
        // with the 90 before; older history would only hold campaigns nobody reports on.
        var span = Math.Min(startDay.DayNumber - data.FirstDay.DayNumber + 1, 182);
        var cadence = Math.Max(1, (int)Math.Ceiling(span / 36.0));
        var upcoming = new List<DateOnly>();
        foreach (var day in SendDays(startDay.AddDays(1 - span), today.AddDays((3 * cadence) + 7), cadence))
        {
            if (Describe(day, 0).ScheduledAt <= now)
            {
                campaigns.Add(Sent(day));
            }
            else
            {
                upcoming.Add(day);
            }
        }

        foreach (var campaign in campaigns)
        {
            foreach (var (hour, counters) in campaign.Hours)
            {
                var sum = _timeline.TryGetValue(hour, out var existing) ? existing : _timeline[hour] = new long[Kinds];
                for (var k = 0; k < Kinds; k++)
                {
                    sum[k] += counters[k];
                }
            }
        }

        // Contacts at the end of each day of history: a base, daily sign-ups, minus that day's unsubscribes.
        _contacts = new long[Math.Max(0, today.DayNumber - data.FirstDay.DayNumber + 1)];
        var unsubscribes = new Dictionary<DateOnly, long>();
        foreach (var (hour, counters) in _timeline)
        {
            var date = DateOnly.FromDateTime(Instant(hour).UtcDateTime);
            unsubscribes[date] = unsubscribes.GetValueOrDefault(date) + counters[(int)ReportsCounter.Unsubscribes];
        }

        var contacts = BaseContacts;
        for (var i = 0; i < _contacts.Length; i++)
        {
            var date = data.FirstDay.AddDays(i);
            contacts += data.Final($"benchmark/{account}/contacts", date, 34).Requests - unsubscribes.GetValueOrDefault(date);
            _contacts[i] = contacts;
        }

        // The next two send days are scheduled (written two and five days before); three drafts were written lately.
        foreach (var (day, i) in upcoming.Take(2).Select((d, i) => (d, i)))
        {
            campaigns.Add(Scheduled(day, At(day.AddDays(-2 - (3 * i)), 10, 0)));
        }

        foreach (var (ago, index) in new[] { (1, 1), (4, 2), (9, 3) })
        {
            campaigns.Add(Draft(startDay.AddDays(-ago), index));
        }

        Campaigns = [.. campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
        foreach (var campaign in Campaigns)
        {
            _byId[campaign.Id] = campaign;
        }
    }

    public SandboxData Data { get; }

    /// <summary>The instant the account is seen at: events reported by then are counted.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Every campaign, newest first (by creation).</summary>
    public IReadOnlyList<ReportsCampaign> Campaigns { get; }

    public ReportsCampaign? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The account's counters per local day of <paramref name="zone"/>, <paramref name="first"/> to <paramref name="last"/>.</summary>
    public long[][] Daily(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var days = new long[last.DayNumber - first.DayNumber + 1][];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = new long[Kinds];
        }

        foreach (var (hour, counters) in Hours(zone, first, last))
        {
            var day = days[LocalDate(zone, hour).DayNumber - first.DayNumber];
            for (var k = 0; k < Kinds; k++)
            {
                day[k] += counters[k];
            }
        }

        return days;
    }

    /// <summary>The account's counters over the local days <paramref name="first"/> to <paramref name="last"/>.</summary>
    public long[] Sum(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var total = new long[Kinds];
        foreach (var day in Daily(zone, first, last))
        {
            for (var k = 0; k < Kinds; k++)
            {
                total[k] += day[k];
            }
        }

        return total;
    }

    /// <summary>Unique opens over the local days, by part of the local day: morning, afternoon, evening, night.</summary>
    public long[] OpensByPartOfDay(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var parts = new long[4];
        foreach (var (hour, counters) in Hours(zone, first, last))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(Instant(hour).UtcDateTime, zone).Hour;
            parts[local switch { >= 6 and < 12 => 0, >= 12 and < 18 => 1, >= 18 => 2, _ => 3 }] += counters[(int)ReportsCounter.UniqueOpens];
        }

        return parts;
    }

    /// <summary>Contacts at the end of <paramref name="date"/>; the base before the history, the last count after today.</summary>
    public long Contacts(DateOnly date) =>
        date < Data.FirstDay || _contacts.Length == 0 ? BaseContacts : _contacts[Math.Min(date.DayNumber - Data.FirstDay.DayNumber, _contacts.Length - 1)];

    /// <summary>The UTC instant of local midnight at the start of <paramref name="date"/> (the first valid time when midnight is skipped).</summary>
    public static DateTimeOffset LocalMidnight(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

    public static DateOnly LocalDate(TimeZoneInfo zone, long hour) => LocalDate(zone, Instant(hour));

    public static long HourOf(DateTimeOffset instant) => (instant - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerHour;

    public static DateTimeOffset Instant(long hour) => DateTimeOffset.UnixEpoch.AddHours(hour);

    /// <summary>The hours with events whose local date is within <paramref name="first"/>..<paramref name="last"/>.</summary>
    private IEnumerable<(long Hour, long[] Counters)> Hours(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var from = HourOf(LocalMidnight(zone, first)) - 1;
        var to = HourOf(LocalMidnight(zone, last.AddDays(1))) + 1;
        for (var hour = from; hour <= to; hour++)
        {
            if (_timeline.TryGetValue(hour, out var counters) && LocalDate(zone, hour) is var date && date >= first && date <= last)
            {
                yield return (hour, counters);
            }
        }
    }

    /// <summary>The days, every <paramref name="cadence"/> days of the calendar, that campaigns go out (weekdays when spaced enough).</summary>
    private static IEnumerable<DateOnly> SendDays(DateOnly first, DateOnly last, int cadence)
    {
        var seen = new HashSet<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayNumber % cadence != 0)
            {
                continue;
            }

            // A weekend send day moves to the Monday after (never depending on the window, so a day keeps its campaign).
            var send = cadence >= 3 && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1)
                : day;

            if (send >= first && send <= last && seen.Add(send))
            {
                yield return send;
            }
        }
    }

    private ReportsCampaign Sent(DateOnly day)
    {
        var campaign = Describe(day, 0);
        var (id, scheduled) = (campaign.Id, campaign.ScheduledAt!.Value);
        var volume = 1_800 + (long)(Unit(id, 1) * 3_400);
        var d = Data.Final($"benchmark/{_account}/campaign/{id}", day, volume);
        var eventual = new long[Kinds];
        eventual[(int)ReportsCounter.Sent] = d.Requests - d.InvalidEmail;
        eventual[(int)ReportsCounter.Delivered] = d.Delivered;
        eventual[(int)ReportsCounter.HardBounces] = d.HardBounces;
        eventual[(int)ReportsCounter.SoftBounces] = d.Bounces - d.HardBounces + d.Blocks;
        eventual[(int)ReportsCounter.Opens] = d.Opens;
        eventual[(int)ReportsCounter.UniqueOpens] = d.UniqueOpens;
        eventual[(int)ReportsCounter.Clicks] = d.Clicks;
        eventual[(int)ReportsCounter.UniqueClicks] = d.UniqueClicks;
        eventual[(int)ReportsCounter.Complaints] = d.SpamReports;
        eventual[(int)ReportsCounter.Unsubscribes] = d.Unsubscribes;

        // Sends and bounces in the send hour; engagement decaying over four weeks, quieter at night (UTC).
        var sendHour = HourOf(scheduled);
        var weights = new double[EngagementHours];
        for (var k = 0; k < EngagementHours; k++)
        {
            var hourOfDay = (int)((sendHour + k) % 24);
            var diurnal = hourOfDay switch { < 6 => 0.25, < 12 => 1.0, < 18 => 1.1, _ => 0.6 };
            weights[k] = ((0.75 * Math.Exp(-k / 4.0)) + (0.25 * Math.Exp(-k / 60.0))) * diurnal;
        }

        var spread = new long[Kinds][];
        for (var kind = (int)ReportsCounter.Opens; kind < Kinds; kind++)
        {
            spread[kind] = Apportion(eventual[kind], weights);
        }

        var hours = new List<(long, long[])>();
        var totals = new long[Kinds];
        long lastOpenHour = -1, lastClickHour = -1;
        for (var k = 0; k < EngagementHours; k++)
        {
            // Sends and bounces are reported in the send hour; engagement as SandboxTime says.
            var maturity = SandboxTime.Maturity(Instant(sendHour + k), Now);
            if (maturity <= 0)
            {
                break;
            }

            var counters = new long[Kinds];
            for (var kind = 0; kind < Kinds; kind++)
            {
                counters[kind] = kind < (int)ReportsCounter.Opens ? (k == 0 ? eventual[kind] : 0) : SandboxTime.Scale(spread[kind][k], maturity);
                totals[kind] += counters[kind];
            }

            if (counters.Any(c => c != 0))
            {
                hours.Add((sendHour + k, counters));
                lastOpenHour = counters[(int)ReportsCounter.Opens] > 0 ? sendHour + k : lastOpenHour;
                lastClickHour = counters[(int)ReportsCounter.Clicks] > 0 ? sendHour + k : lastClickHour;
            }
        }

        // Clicks per link: the campaign's clicks split over 2 to 4 links (so the links add up to the campaign).
        var links = LinkPool.Take(2 + (int)(Unit(id, 2) * 3)).ToArray();
        var linkWeights = links.Select(l => l.Weight).ToArray();
        var linkTotals = Apportion(totals[(int)ReportsCounter.Clicks], linkWeights);
        var linkUniques = Apportion(totals[(int)ReportsCounter.UniqueClicks], linkWeights);

        return campaign with
        {
            Status = "sent",
            UpdatedAt = scheduled.AddMinutes(20 + (int)(Unit(id, 3) * 40)),
            Recipients = d.Requests,
            Failed = d.InvalidEmail,
            Totals = totals,
            Hours = hours,
            Links = [.. links.Select((l, j) => new ReportsLink(LinkId(id, j), l.Path, linkTotals[j], linkUniques[j]))],
            LastOpen = lastOpenHour < 0 ? null : Within(lastOpenHour, id, 4),
            LastClick = lastClickHour < 0 ? null : Within(lastClickHour, id, 5),
        };
    }

    private ReportsCampaign Scheduled(DateOnly day, DateTimeOffset created)
    {
        var campaign = Describe(day, 1, created);
        return campaign with
        {
            UpdatedAt = created.AddHours(2),
            Recipients = Contacts(DateOnly.FromDateTime(Now.UtcDateTime)),
            Links = [.. LinkPool.Take(3).Select((l, j) => new ReportsLink(LinkId(campaign.Id, j), l.Path, 0, 0))],
        };
    }

    private ReportsCampaign Draft(DateOnly created, int index)
    {
        var at = At(created, 11, 5 * index);
        var campaign = Describe(created, 1 + index, at);
        return campaign with
        {
            Name = "Draft: " + campaign.Name,
            Status = "draft",
            UpdatedAt = at.AddMinutes(45),
            ScheduledAt = null,
            Links = [.. LinkPool.Take(2).Select((l, j) => new ReportsLink(LinkId(campaign.Id, j), l.Path, 0, 0))],
        };
    }

    /// <summary>
    /// A campaign as scheduled: its id (a MongoDB-style object id: creation seconds, a fixed machine part, a counter), texts
    /// and times; the callers add what a sent campaign or a draft has besides.
    /// </summary>
    private ReportsCampaign Describe(DateOnly day, int kind, DateTimeOffset? createdAt = null)
    {
        var key = _account + "/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + kind.ToString(CultureInfo.InvariantCulture);
        var scheduled = At(day, 8 + (int)(Unit(key, 1) * 9), 15 * (int)(Unit(key, 2) * 4));
        var created = createdAt ?? At(day.AddDays(-2 - (int)(Unit(key, 3) * 4)), 10, 0);
        var seconds = created.ToUnixTimeSeconds();
        var id = string.Create(CultureInfo.InvariantCulture, $"{seconds:x8}5a9d0c3e1b{((day.DayNumber * 8) + kind) & 0xFFFFFF:x6}");
        var theme = Themes[day.DayNumber % Themes.Length];
        var date = day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return new ReportsCampaign
        {
            Id = id,
            Name = $"{theme} – {date}",
            Subject = $"{theme}: what's new this week",
            PreviewText = $"Our {theme.ToLowerInvariant()} for {date}",
            Status = "scheduled",
            CreatedAt = created,
            UpdatedAt = created,
            ScheduledAt = scheduled,
        };
    }

    private static string LinkId(string campaignId, int index) => campaignId[..8] + "7f21b84d" + campaignId[18..] + index.ToString("x2", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static DateTimeOffset Within(long hour, string id, int salt) => Instant(hour).AddMilliseconds((long)(Unit(id, salt) * 3_599_999));

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainders): the parts add up exactly.</summary>
    private static long[] Apportion(long total, double[] weights)
    {
        var parts = new long[weights.Length];
        var sum = weights.Sum();
        if (total <= 0 || sum <= 0)
        {
            return parts;
        }

        var remainders = new double[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (long)Math.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)(total - given)))
        {
            parts[i]++;
        }

        return parts;
    }

    /// <summary>A stable number in [0, 1) from a key and a salt (FNV-1a).</summary>
    private static double Unit(string key, int salt)
    {
        var hash = 2166136261u ^ (uint)salt;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash / 4294967296.0;
    }
}
