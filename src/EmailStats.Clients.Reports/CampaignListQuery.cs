namespace EmailStats.Clients.Reports;

/// <summary>
/// Which campaigns <see cref="IReportsClient.ListCampaignsAsync"/> walks (<c>GET api/email/campaign</c>): the page size,
/// optional status filter and sort order. Immutable: every method returns a new query. Every rule is checked here,
/// before any request is sent.
/// </summary>
/// <example><code>
/// var query = new CampaignListQuery().WithStatuses("sent").OrderByDescending("updatedAt").WithPageSize(50);
/// </code></example>
public sealed class CampaignListQuery
{
    /// <summary>The page size used unless <see cref="WithPageSize"/> changes it (the provider's documented example size).</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page size this client asks for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates a query for every campaign, in the provider's default order, <see cref="DefaultPageSize"/> per page.</summary>
    public CampaignListQuery()
        : this(DefaultPageSize, [], null)
    {
    }

    private CampaignListQuery(int pageSize, string[] statuses, string? sort)
    {
        PageSize = pageSize;
        Statuses = statuses;
        Sort = sort;
    }

    /// <summary>How many campaigns each request asks for (query parameter <c>size</c>).</summary>
    public int PageSize { get; }

    /// <summary>The statuses to keep (query parameter <c>statuses</c>, comma-separated); empty for every status.</summary>
    public IReadOnlyList<string> Statuses { get; }

    /// <summary>The sort order as sent (query parameter <c>sort</c>, <c>field:asc</c> or <c>field:desc</c>); null for the provider's default.</summary>
    public string? Sort { get; }

    /// <summary>Asks for <paramref name="pageSize"/> campaigns per request.</summary>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is below 1 or above <see cref="MaxPageSize"/>.</exception>
    public CampaignListQuery WithPageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size (size) must be between 1 and {MaxPageSize}.");
        }

        return new CampaignListQuery(pageSize, (string[])Statuses, Sort);
    }

    /// <summary>Keeps only campaigns in one of <paramref name="statuses"/> (for example <c>draft</c>, <c>sent</c>); replaces any set before.</summary>
    /// <param name="statuses">One or more status names as the provider spells them; none empty, none with a comma.</param>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    /// <exception cref="ArgumentException">No status, an empty one, or one containing a comma.</exception>
    public CampaignListQuery WithStatuses(params IEnumerable<string> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var given = statuses.ToArray();
        if (given.Length == 0)
        {
            throw new ArgumentException("Name at least one status (for example \"sent\").", nameof(statuses));
        }

        foreach (var status in given)
        {
            if (string.IsNullOrWhiteSpace(status))
            {
                throw new ArgumentException("A status must not be null, empty or white space.", nameof(statuses));
            }

            if (status.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A status must not contain a comma (the statuses are sent comma-separated): '{status}'.", nameof(statuses));
            }
        }

        return new CampaignListQuery(PageSize, given.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray(), Sort);
    }

    /// <summary>Sorts by <paramref name="field"/>, smallest first (<c>sort=field:asc</c>).</summary>
    /// <param name="field">A campaign field such as <c>createdAt</c>, <c>updatedAt</c> or <c>name</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty or contains <c>:</c>, <c>,</c> or white space.</exception>
    public CampaignListQuery OrderBy(string field) => new(PageSize, (string[])Statuses, CheckField(field) + ":asc");

    /// <summary>Sorts by <paramref name="field"/>, largest (newest) first (<c>sort=field:desc</c>).</summary>
    /// <param name="field">A campaign field such as <c>createdAt</c>, <c>updatedAt</c> or <c>name</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty or contains <c>:</c>, <c>,</c> or white space.</exception>
    public CampaignListQuery OrderByDescending(string field) => new(PageSize, (string[])Statuses, CheckField(field) + ":desc");

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString()
    {
        var statuses = Statuses.Count == 0 ? "any status" : "statuses " + string.Join(",", Statuses);
        return $"campaigns, {statuses}, sort {Sort ?? "default"}, {PageSize.ToString(CultureInfo.InvariantCulture)} per page";
    }

    /// <summary>The <c>statuses</c> parameter, or null when no filter is set (the parameter is then left out).</summary>
    internal string? StatusesParameter => Statuses.Count == 0 ? null : string.Join(",", Statuses);

    private static string CheckField(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (field.Any(c => c is ':' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"A sort field is a single campaign field name such as updatedAt, without ':', ',' or white space: '{field}'.", nameof(field));
        }

        return field;
    }
}
