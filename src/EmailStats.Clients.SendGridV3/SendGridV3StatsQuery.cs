namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// A query of SendGrid v3 statistics: the days (<c>start_date</c>, <c>end_date</c>), the grouping (<c>aggregated_by</c>),
/// the segments to read (categories, subusers, mailbox providers, browsers, a country), paging (<c>limit</c>,
/// <c>offset</c>) and the order of sums (<c>sort_by_metric</c>, <c>sort_by_direction</c>). Immutable: every method
/// returns a new query. Refused before any request: a start after the end, more than <see cref="MaxSegments"/> names of
/// one kind, an empty or repeated name, a limit below 1, an offset below 0; and, by each call, a part the endpoint does
/// not take (categories for the global statistics, for example). Nothing is sent for what is not set (SendGrid's
/// defaults apply: the end is today, one entry per day).
/// </summary>
/// <example><code>
/// var november = SendGridV3StatsQuery.Between(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))
///     .AggregatedBy(SendGridAggregation.Week)
///     .ForCategories("newsletter", "receipts");
/// </code></example>
public sealed class SendGridV3StatsQuery
{
    /// <summary>The most categories, subusers, mailbox providers or browsers one query may name (SendGrid's limit).</summary>
    public const int MaxSegments = 10;

    private SendGridV3StatsQuery(DateOnly start, DateOnly? end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The first day (<c>start_date</c>, <c>YYYY-MM-DD</c>).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day, included (<c>end_date</c>); null to end today (SendGrid's default).</summary>
    public DateOnly? End { get; }

    /// <summary>The grouping (<c>aggregated_by</c>); null for SendGrid's default, one entry per day.</summary>
    public SendGridAggregation? Aggregation { get; private set; }

    /// <summary>The categories to read (<c>categories</c>, one parameter each); empty when none.</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>The subusers to read (<c>subusers</c>, one parameter each); empty when none.</summary>
    public IReadOnlyList<string> Subusers { get; private set; } = [];

    /// <summary>The mailbox providers to read (<c>mailbox_providers</c>, one parameter each); empty for all.</summary>
    public IReadOnlyList<string> MailboxProviders { get; private set; } = [];

    /// <summary>The browsers to read (<c>browsers</c>, one parameter each); empty for all.</summary>
    public IReadOnlyList<string> Browsers { get; private set; } = [];

    /// <summary>The country of the geographic statistics (<c>country</c>); null for every country.</summary>
    public SendGridCountry? Country { get; private set; }

    /// <summary>The client type of the client statistics (<c>v3/clients/{client_type}/stats</c>); null for every client.</summary>
    public SendGridClientType? ClientType { get; private set; }

    /// <summary>How many entries to answer (<c>limit</c>); null for SendGrid's default.</summary>
    public int? PageSize { get; private set; }

    /// <summary>How many entries to skip (<c>offset</c>); null for SendGrid's default (0).</summary>
    public int? Offset { get; private set; }

    /// <summary>The metric the sums are sorted by (<c>sort_by_metric</c>); null for SendGrid's default (<c>delivered</c>).</summary>
    public SendGridV3Metric? SortMetric { get; private set; }

    /// <summary>The direction of the sort (<c>sort_by_direction</c>); null for SendGrid's default (descending).</summary>
    public SendGridSortDirection? SortDirection { get; private set; }

    internal string StartText => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string? EndText => End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string? AggregationText => Aggregation is { } a ? WireName.Of(a) : null;

    internal string? CountryText => Country is { } c ? WireName.Of(c) : null;

    internal string? ClientTypeText => ClientType is { } t ? WireName.Of(t) : null;

    internal string? PageSizeText => PageSize?.ToString(CultureInfo.InvariantCulture);

    internal string? OffsetText => Offset?.ToString(CultureInfo.InvariantCulture);

    internal string? SortMetricText => SortMetric?.Name;

    internal string? SortDirectionText => SortDirection is { } d ? WireName.Of(d) : null;

    /// <summary>Starts a query of the days from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    /// <param name="start">The first day; required by every statistics endpoint.</param>
    /// <param name="end">The last day; null to end today (SendGrid's default).</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The start is <c>default(DateOnly)</c>, or after the end.</exception>
    /// <example><code>
    /// var lastWeek = SendGridV3StatsQuery.Between(today.AddDays(-6), today);
    /// </code></example>
    public static SendGridV3StatsQuery Between(DateOnly start, DateOnly? end = null)
    {
        if (start == default)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "start_date is required: pass the first day to read (default(DateOnly), 0001-01-01, is not one).");
        }

        if (end is { } last && last < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, string.Create(CultureInfo.InvariantCulture, $"The end ({last:yyyy-MM-dd}) must not be before the start ({start:yyyy-MM-dd})."));
        }

        return new SendGridV3StatsQuery(start, end);
    }

    /// <summary>Groups the answer by day, week or month (<c>aggregated_by</c>).</summary>
    /// <param name="aggregation">The grouping.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="SendGridAggregation"/>.</exception>
    public SendGridV3StatsQuery AggregatedBy(SendGridAggregation aggregation) =>
        With(q => q.Aggregation = WireName.Check(aggregation));

    /// <summary>Names the categories of <see cref="ISendGridV3StatsClient.GetCategoryStatsAsync"/> (1 to 10).</summary>
    /// <param name="categories">The category names.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, more than <see cref="MaxSegments"/>, an empty or a repeated name.</exception>
    public SendGridV3StatsQuery ForCategories(params IEnumerable<string> categories) =>
        With(q => q.Categories = Names(categories, nameof(categories), "category"));

    /// <summary>Names the subusers of <see cref="ISendGridV3StatsClient.GetSubuserStatsAsync"/> (1 to 10).</summary>
    /// <param name="subusers">The subusers' user names.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, more than <see cref="MaxSegments"/>, an empty or a repeated name.</exception>
    public SendGridV3StatsQuery ForSubusers(params IEnumerable<string> subusers) =>
        With(q => q.Subusers = Names(subusers, nameof(subusers), "subuser"));

    /// <summary>Narrows <see cref="ISendGridV3StatsClient.GetMailboxProviderStatsAsync"/> to some mailbox providers (1 to 10), such as <c>Gmail</c>.</summary>
    /// <param name="mailboxProviders">The providers as SendGrid names them.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, more than <see cref="MaxSegments"/>, an empty or a repeated name.</exception>
    public SendGridV3StatsQuery ForMailboxProviders(params IEnumerable<string> mailboxProviders) =>
        With(q => q.MailboxProviders = Names(mailboxProviders, nameof(mailboxProviders), "mailbox provider"));

    /// <summary>Narrows <see cref="ISendGridV3StatsClient.GetBrowserStatsAsync"/> to some browsers (1 to 10), such as <c>Chrome</c>.</summary>
    /// <param name="browsers">The browsers as SendGrid names them.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, more than <see cref="MaxSegments"/>, an empty or a repeated name.</exception>
    public SendGridV3StatsQuery ForBrowsers(params IEnumerable<string> browsers) =>
        With(q => q.Browsers = Names(browsers, nameof(browsers), "browser"));

    /// <summary>Narrows <see cref="ISendGridV3StatsClient.GetGeoStatsAsync"/> to one country's states or provinces.</summary>
    /// <param name="country">US or CA, the two SendGrid supports.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="SendGridCountry"/>.</exception>
    public SendGridV3StatsQuery InCountry(SendGridCountry country) =>
        With(q => q.Country = WireName.Check(country));

    /// <summary>Narrows <see cref="ISendGridV3StatsClient.GetClientStatsAsync"/> to the clients of one type (<c>v3/clients/{client_type}/stats</c>).</summary>
    /// <param name="clientType">Phone, tablet, webmail or desktop.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="SendGridClientType"/>.</exception>
    public SendGridV3StatsQuery ForClientType(SendGridClientType clientType) =>
        With(q => q.ClientType = WireName.Check(clientType));

    /// <summary>How many entries one page answers (<c>limit</c>).</summary>
    /// <param name="pageSize">At least 1.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is below 1.</exception>
    public SendGridV3StatsQuery WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return With(q => q.PageSize = pageSize);
    }

    /// <summary>How many entries the one-page calls skip (<c>offset</c>); the every-page calls walk from their continuation token.</summary>
    /// <param name="offset">At least 0.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is below 0.</exception>
    public SendGridV3StatsQuery AtOffset(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return With(q => q.Offset = offset);
    }

    /// <summary>Orders the sums by a metric (<c>sort_by_metric</c>, <c>sort_by_direction</c>).</summary>
    /// <param name="metric">The metric to sort by.</param>
    /// <param name="direction">The direction; descending (SendGrid's default) when not given.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">The metric is <c>default</c>, or the direction is not defined.</exception>
    public SendGridV3StatsQuery SortBy(SendGridV3Metric metric, SendGridSortDirection direction = SendGridSortDirection.Descending)
    {
        CheckSort(metric, direction);
        return With(q =>
        {
            q.SortMetric = metric;
            q.SortDirection = direction;
        });
    }

    /// <summary>Describes the query (the days, grouping, segments and paging), for logs and test names.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}..{(End is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "today")}") };
        Add(parts, "by", AggregationText);
        Add(parts, "categories", Categories.Count > 0 ? string.Join(",", Categories) : null);
        Add(parts, "subusers", Subusers.Count > 0 ? string.Join(",", Subusers) : null);
        Add(parts, "mailbox_providers", MailboxProviders.Count > 0 ? string.Join(",", MailboxProviders) : null);
        Add(parts, "browsers", Browsers.Count > 0 ? string.Join(",", Browsers) : null);
        Add(parts, "country", CountryText);
        Add(parts, "client_type", ClientTypeText);
        Add(parts, "limit", PageSizeText);
        Add(parts, "offset", OffsetText);
        Add(parts, "sort", SortMetric is { } m ? $"{m.Name} {SortDirectionText}" : null);
        return $"SendGridV3StatsQuery({string.Join(", ", parts)})";

        static void Add(List<string> parts, string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {value}");
            }
        }
    }

    /// <summary>Refuses the parts an endpoint does not take, naming the call and what to use instead.</summary>
    internal void Check(string operation, Parts accepted)
    {
        Refuse(Categories.Count > 0 && !accepted.HasFlag(Parts.Categories), "categories", "GetCategoryStatsAsync");
        Refuse(Subusers.Count > 0 && !accepted.HasFlag(Parts.Subusers), "subusers", "GetSubuserStatsAsync");
        Refuse(MailboxProviders.Count > 0 && !accepted.HasFlag(Parts.MailboxProviders), "mailbox providers", "GetMailboxProviderStatsAsync");
        Refuse(Browsers.Count > 0 && !accepted.HasFlag(Parts.Browsers), "browsers", "GetBrowserStatsAsync");
        Refuse(Country is not null && !accepted.HasFlag(Parts.Country), "country", "GetGeoStatsAsync");
        Refuse(ClientType is not null && !accepted.HasFlag(Parts.ClientType), "client type", "GetClientStatsAsync");
        Refuse((PageSize ?? Offset) is not null && !accepted.HasFlag(Parts.Paging), "paging (limit and offset)", null);
        Refuse(SortMetric is not null && !accepted.HasFlag(Parts.Sort), "sort order", "GetCategorySumsAsync or GetSubuserSumsAsync");
        if (accepted.HasFlag(Parts.RequiresCategories) && Categories.Count == 0)
        {
            throw new ArgumentException($"{operation} needs 1 to {MaxSegments} categories: call ForCategories(...) on the query.", "query");
        }

        if (accepted.HasFlag(Parts.RequiresSubusers) && Subusers.Count == 0)
        {
            throw new ArgumentException($"{operation} needs 1 to {MaxSegments} subusers: call ForSubusers(...) on the query.", "query");
        }

        void Refuse(bool set, string what, string? instead)
        {
            if (set)
            {
                throw new ArgumentException(
                    $"{operation} takes no {what}{(instead is null ? "" : $"; use {instead}")}: SendGrid's endpoint has no such parameter, and a query part that is not sent must not look applied.",
                    "query");
            }
        }
    }

    internal static void CheckSort(SendGridV3Metric metric, SendGridSortDirection direction)
    {
        if (metric.Name is null)
        {
            throw new ArgumentException("The sort metric is default(SendGridV3Metric); use a constant such as SendGridV3Metric.Delivered or SendGridV3Metric.Of(name).", nameof(metric));
        }

        _ = WireName.Of(direction);
    }

    private static string[] Names(IEnumerable<string> values, string parameter, string what) =>
        QueryNames.Check(values, parameter, what + " name", MaxSegments);

    private SendGridV3StatsQuery With(Action<SendGridV3StatsQuery> change)
    {
        var copy = (SendGridV3StatsQuery)MemberwiseClone();
        change(copy);
        return copy;
    }

    /// <summary>What an endpoint takes beyond the days and the grouping.</summary>
    [Flags]
    internal enum Parts
    {
        None = 0,
        Categories = 1,
        Subusers = 2,
        MailboxProviders = 4,
        Browsers = 8,
        Country = 16,
        Paging = 32,
        Sort = 64,
        ClientType = 512,
        RequiresCategories = 128 | Categories,
        RequiresSubusers = 256 | Subusers,
    }
}
