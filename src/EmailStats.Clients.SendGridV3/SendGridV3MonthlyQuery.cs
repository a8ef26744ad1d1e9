namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// A query of the monthly subuser statistics (<c>v3/subusers/stats/monthly</c> and <c>v3/subusers/{name}/stats/monthly</c>):
/// the month (<c>date</c>, any day of it), a substring of the subusers' names (all subusers only), the order
/// (<c>sort_by_metric</c>, <c>sort_by_direction</c>) and paging (<c>limit</c>, <c>offset</c>). Immutable. Refused before
/// any request: a metric SendGrid cannot sort the monthly statistics by (<see cref="SendGridV3Metric.SortsMonthly"/>), a
/// limit below 1, an offset below 0, an empty substring.
/// </summary>
/// <example><code>
/// var november = SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 11, 1)).SortBy(SendGridV3Metric.Requests).WithPageSize(20);
/// </code></example>
public sealed class SendGridV3MonthlyQuery
{
    private SendGridV3MonthlyQuery(DateOnly date) => Date = date;

    /// <summary>The day that names the month (<c>date</c>, <c>YYYY-MM-DD</c>).</summary>
    public DateOnly Date { get; }

    /// <summary>The one subuser to read (<c>v3/subusers/{subuser_name}/stats/monthly</c>); null for every subuser.</summary>
    public string? Subuser { get; private set; }

    /// <summary>A substring the subusers' names must hold (<c>subuser</c>); null for every subuser.</summary>
    public string? SubuserMatching { get; private set; }

    /// <summary>The metric to sort by (<c>sort_by_metric</c>); null for SendGrid's default (<c>delivered</c>).</summary>
    public SendGridV3Metric? SortMetric { get; private set; }

    /// <summary>The direction of the sort (<c>sort_by_direction</c>); null for SendGrid's default (descending).</summary>
    public SendGridSortDirection? SortDirection { get; private set; }

    /// <summary>How many subusers to answer (<c>limit</c>); null for SendGrid's default (5).</summary>
    public int? PageSize { get; private set; }

    /// <summary>How many subusers to skip (<c>offset</c>); null for SendGrid's default (0).</summary>
    public int? Offset { get; private set; }

    internal string DateText => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal string? SortMetricText => SortMetric?.Name;

    internal string? SortDirectionText => SortDirection is { } d ? WireName.Of(d) : null;

    internal string? PageSizeText => PageSize?.ToString(CultureInfo.InvariantCulture);

    internal string? OffsetText => Offset?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts a query of the month that holds <paramref name="date"/>.</summary>
    /// <param name="date">Any day of the month; sent as is (SendGrid reads its month).</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date is <c>default(DateOnly)</c>.</exception>
    /// <example><code>
    /// var november = SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 11, 1));
    /// var oneSubuser = november.ForSubuser("shop-eu");
    /// </code></example>
    public static SendGridV3MonthlyQuery ForMonth(DateOnly date)
    {
        if (date == default)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "date is required: pass a day of the month to read (default(DateOnly), 0001-01-01, is not one).");
        }

        return new SendGridV3MonthlyQuery(date);
    }

    /// <summary>Keeps the subusers whose names hold <paramref name="substring"/> (<c>subuser</c>; all subusers only).</summary>
    /// <param name="substring">Part of a subuser name.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">The substring is empty, or the query names one subuser already.</exception>
    public SendGridV3MonthlyQuery Matching(string substring)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(substring);
        if (Subuser is not null)
        {
            throw new ArgumentException("The query reads one subuser (ForSubuser); a name substring applies to every subuser only.", nameof(substring));
        }

        return With(q => q.SubuserMatching = substring);
    }

    /// <summary>Reads one subuser (<c>v3/subusers/{subuser_name}/stats/monthly</c>) instead of every subuser.</summary>
    /// <param name="subuser">The subuser's user name; one path segment.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">The name is empty, is not one path segment, or the query has a name substring.</exception>
    public SendGridV3MonthlyQuery ForSubuser(string subuser)
    {
        PathSegment.Check(subuser, "subuser name");

        if (SubuserMatching is not null)
        {
            throw new ArgumentException("The query has a name substring (Matching), which applies to every subuser only; read one subuser without it.", nameof(subuser));
        }

        return With(q => q.Subuser = subuser);
    }

    /// <summary>Orders the subusers by a metric.</summary>
    /// <param name="metric">The metric; one SendGrid sorts monthly statistics by (<see cref="SendGridV3Metric.SortsMonthly"/>).</param>
    /// <param name="direction">The direction; descending (SendGrid's default) when not given.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">The metric is default or one SendGrid does not sort monthly statistics by.</exception>
    public SendGridV3MonthlyQuery SortBy(SendGridV3Metric metric, SendGridSortDirection direction = SendGridSortDirection.Descending)
    {
        SendGridV3StatsQuery.CheckSort(metric, direction);
        if (!metric.SortsMonthly)
        {
            throw new ArgumentException(
                $"SendGrid cannot sort monthly statistics by '{metric.Name}'; sort by blocks, bounces, clicks, delivered, opens, requests, unique_clicks, unique_opens or unsubscribes.",
                nameof(metric));
        }

        return With(q =>
        {
            q.SortMetric = metric;
            q.SortDirection = direction;
        });
    }

    /// <summary>How many subusers one page answers (<c>limit</c>).</summary>
    /// <param name="pageSize">At least 1.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is below 1.</exception>
    public SendGridV3MonthlyQuery WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return With(q => q.PageSize = pageSize);
    }

    /// <summary>How many subusers the one-page calls skip (<c>offset</c>); the every-page calls walk from their continuation token.</summary>
    /// <param name="offset">At least 0.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is below 0.</exception>
    public SendGridV3MonthlyQuery AtOffset(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return With(q => q.Offset = offset);
    }

    /// <summary>Describes the query, for logs and test names.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"SendGridV3MonthlyQuery({DateText}{(Subuser is null ? "" : $", subuser {Subuser}")}{(SubuserMatching is null ? "" : $", subuser ~{SubuserMatching}")}{(SortMetric is { } m ? $", sort {m.Name} {SortDirectionText}" : "")}{(PageSize is null ? "" : $", limit {PageSizeText}")}{(Offset is null ? "" : $", offset {OffsetText}")})";

    private SendGridV3MonthlyQuery With(Action<SendGridV3MonthlyQuery> change)
    {
        var copy = (SendGridV3MonthlyQuery)MemberwiseClone();
        change(copy);
        return copy;
    }
}
