namespace EmailStats.Clients.GetResponse;

/// <summary>
/// A query of GetResponse v3 statistics: the grouping (<c>query[groupBy]</c>), the days of activity to count
/// (<c>query[createdOn][from]</c>/<c>[to]</c>: the statistics' own dates, not the messages'), the messages or campaigns
/// of a collection (<c>query[newsletterId]</c>, <c>query[autoresponderId]</c>, <c>query[campaignId]</c>), the fields to
/// answer (<c>fields</c>) and the page (<c>page</c>, <c>perPage</c>). Immutable: every method returns a new query. Refused
/// before any request: a start after the end, a page size outside 1 to <see cref="MaxPageSize"/>, a page below 1, an empty,
/// repeated or comma-holding id; and, by each call, a part the endpoint does not take. Nothing is sent for what is not set.
/// </summary>
/// <example><code>
/// var november = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).CreatedBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
/// </code></example>
public sealed class GetResponseStatsQuery
{
    /// <summary>The largest page GetResponse answers (<c>perPage</c> maximum).</summary>
    public const int MaxPageSize = 1000;

    private GetResponseStatsQuery()
    {
    }

    /// <summary>The grouping (<c>query[groupBy]</c>); null for GetResponse's default.</summary>
    public GetResponseGrouping? Grouping { get; private set; }

    /// <summary>The first day of activity counted (<c>query[createdOn][from]</c>); null when not set.</summary>
    public DateOnly? CreatedFrom { get; private set; }

    /// <summary>The last day of activity counted (<c>query[createdOn][to]</c>); null when not set.</summary>
    public DateOnly? CreatedTo { get; private set; }

    /// <summary>The newsletters of a collection call (<c>query[newsletterId]</c>, comma-separated); empty when none.</summary>
    public IReadOnlyList<string> NewsletterIds { get; private set; } = [];

    /// <summary>The autoresponders of a collection call (<c>query[autoresponderId]</c>, comma-separated); empty when none.</summary>
    public IReadOnlyList<string> AutoresponderIds { get; private set; } = [];

    /// <summary>The campaigns (lists) of a collection call (<c>query[campaignId]</c>, comma-separated); empty when none.</summary>
    public IReadOnlyList<string> CampaignIds { get; private set; } = [];

    /// <summary>The fields to answer (<c>fields</c>, comma-separated); empty for every field.</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    /// <summary>The page size (<c>perPage</c>); null for GetResponse's default (100).</summary>
    public int? PageSize { get; private set; }

    /// <summary>The page to read by the one-page calls (<c>page</c>); null for the first. The all-pages calls set it themselves.</summary>
    public int? PageNumber { get; private set; }

    internal string? GroupingText => Grouping is { } g ? WireName.Of(g) : null;

    internal string? FromText => CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string? ToText => CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string? NewsletterIdsText => Join(NewsletterIds);

    internal string? AutoresponderIdsText => Join(AutoresponderIds);

    internal string? CampaignIdsText => Join(CampaignIds);

    internal string? FieldsText => Join(Fields);

    internal string? PageSizeText => PageSize?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The page size the all-pages calls use: the one set, or GetResponse's default of 100.</summary>
    internal int EffectivePageSize => PageSize ?? 100;

    /// <summary>A query with GetResponse's defaults (every message, one total), to narrow with the other methods.</summary>
    /// <returns>The query.</returns>
    /// <example><code>
    /// var everything = GetResponseStatsQuery.All().ForCampaigns("V");
    /// var hourly = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour);
    /// </code></example>
    public static GetResponseStatsQuery All() => new();

    /// <summary>Counts the activity of the days from <paramref name="from"/> to <paramref name="to"/> (<c>query[createdOn][from|to]</c>).</summary>
    /// <param name="from">The first day; null for no lower bound.</param>
    /// <param name="to">The last day; null for no upper bound.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The start is after the end, or a bound is <c>default(DateOnly)</c>.</exception>
    public GetResponseStatsQuery CreatedBetween(DateOnly? from, DateOnly? to)
    {
        if (from == default(DateOnly) || to == default(DateOnly))
        {
            throw new ArgumentOutOfRangeException(from == default(DateOnly) ? nameof(from) : nameof(to), "default(DateOnly) (0001-01-01) is not a day of statistics; pass null for no bound.");
        }

        if (from is { } f && to is { } t && t < f)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The end ({t:yyyy-MM-dd}) must not be before the start ({f:yyyy-MM-dd})."));
        }

        return With(q =>
        {
            q.CreatedFrom = from;
            q.CreatedTo = to;
        });
    }

    /// <summary>Groups the answer (<c>query[groupBy]</c>).</summary>
    /// <param name="grouping">Total, hour, day or month.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="GetResponseGrouping"/>.</exception>
    public GetResponseStatsQuery GroupedBy(GetResponseGrouping grouping) =>
        With(q => q.Grouping = WireName.Check(grouping));

    /// <summary>Names the newsletters of <see cref="IGetResponseStatsClient.GetNewslettersStatsAsync"/>.</summary>
    /// <param name="newsletterIds">Newsletter ids such as <c>N</c>.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, an empty, padded, repeated or comma-holding id.</exception>
    public GetResponseStatsQuery ForNewsletters(params IEnumerable<string> newsletterIds) =>
        With(q => q.NewsletterIds = Ids(newsletterIds, nameof(newsletterIds), "newsletter"));

    /// <summary>Names the autoresponders of <see cref="IGetResponseStatsClient.GetAutorespondersStatsAsync"/>.</summary>
    /// <param name="autoresponderIds">Autoresponder ids.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, an empty, padded, repeated or comma-holding id.</exception>
    public GetResponseStatsQuery ForAutoresponders(params IEnumerable<string> autoresponderIds) =>
        With(q => q.AutoresponderIds = Ids(autoresponderIds, nameof(autoresponderIds), "autoresponder"));

    /// <summary>Names the campaigns (lists) whose messages a collection call sums.</summary>
    /// <param name="campaignIds">Campaign ids such as <c>V</c>.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, an empty, padded, repeated or comma-holding id.</exception>
    public GetResponseStatsQuery ForCampaigns(params IEnumerable<string> campaignIds) =>
        With(q => q.CampaignIds = Ids(campaignIds, nameof(campaignIds), "campaign"));

    /// <summary>Answers only these fields (<c>fields</c>): the counters left out read as null.</summary>
    /// <param name="fields">Wire names such as <c>sent</c>, <c>uniqueOpened</c>.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">None, an empty, repeated or comma-holding name.</exception>
    public GetResponseStatsQuery WithFields(params IEnumerable<string> fields) =>
        With(q => q.Fields = Ids(fields, nameof(fields), "field"));

    /// <summary>Sets the page size (<c>perPage</c>, 1 to <see cref="MaxPageSize"/>).</summary>
    /// <param name="pageSize">Elements per page.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is outside 1 to <see cref="MaxPageSize"/>.</exception>
    public GetResponseStatsQuery WithPageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size (perPage) must be from 1 to {MaxPageSize} (GetResponse's maximum).");
        }

        return With(q => q.PageSize = pageSize);
    }

    /// <summary>The page the one-page calls read (<c>page</c>, 1 first); the every-page calls walk from their continuation token.</summary>
    /// <param name="page">1 or more.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1.</exception>
    public GetResponseStatsQuery AtPage(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return With(q => q.PageNumber = page);
    }

    /// <summary>Describes the query, for logs and test names.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        Add("groupBy", GroupingText);
        Add("createdOn", CreatedFrom is null && CreatedTo is null ? null : $"{FromText}..{ToText}");
        Add("newsletters", NewsletterIdsText);
        Add("autoresponders", AutoresponderIdsText);
        Add("campaigns", CampaignIdsText);
        Add("fields", FieldsText);
        Add("perPage", PageSizeText);
        Add("page", PageNumber?.ToString(CultureInfo.InvariantCulture));
        return $"GetResponseStatsQuery({string.Join(", ", parts)})";

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {value}");
            }
        }
    }

    /// <summary>Refuses the ids an endpoint does not take, naming the call.</summary>
    internal void Check(string operation, bool newsletters, bool autoresponders, bool campaigns)
    {
        Refuse(NewsletterIds.Count > 0 && !newsletters, "newsletter ids");
        Refuse(AutoresponderIds.Count > 0 && !autoresponders, "autoresponder ids");
        Refuse(CampaignIds.Count > 0 && !campaigns, "campaign ids");

        void Refuse(bool set, string what)
        {
            if (set)
            {
                throw new ArgumentException($"{operation} takes no {what}: the endpoint has no such filter, and a filter that is not sent must not look applied.", "query");
            }
        }
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(',', values);

    private static string[] Ids(IEnumerable<string> values, string parameter, string what) =>
        QueryNames.Check(values, parameter, what == "field" ? "field name" : what + " id", separator: ',');

    private GetResponseStatsQuery With(Action<GetResponseStatsQuery> change)
    {
        var copy = (GetResponseStatsQuery)MemberwiseClone();
        change(copy);
        return copy;
    }
}
