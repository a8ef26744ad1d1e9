namespace EmailStats.Clients.Mailgun;

/// <summary>One page of a Metrics API answer (<see cref="IMailgunStatsClient.QueryMetricsAsync"/>).</summary>
public sealed record MailgunMetricsPage
{
    /// <summary>The start of the period (<c>start</c>); null when not sent.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The end of the period (<c>end</c>); null when not sent.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The resolution (<c>resolution</c>); null when not sent or unknown.</summary>
    public MailgunResolution? Resolution { get; init; }

    /// <summary>The duration as sent (<c>duration</c>); null when not sent.</summary>
    public string? Duration { get; init; }

    /// <summary>The dimensions the items are grouped by (<c>dimensions</c>); empty when none.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>Where this page stands in the result (<c>pagination</c>); null when not sent.</summary>
    public MailgunMetricsPagination? Pagination { get; init; }

    /// <summary>The items of this page, in order (<c>items</c>); never null.</summary>
    public IReadOnlyList<MailgunMetricsItem> Items { get; init; } = [];

    /// <summary>The totals over the whole result (<c>aggregates.metrics</c>) when asked for; null otherwise.</summary>
    public MailgunMetricValues? Aggregates { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>The position of a page: <c>{"sort","skip","limit","total"}</c>.</summary>
/// <param name="Sort">The sort as sent, for example <c>timestamp:asc</c>; null when not sent.</param>
/// <param name="Skip">How many items come before this page.</param>
/// <param name="Limit">The page size.</param>
/// <param name="Total">How many items the whole result holds; null when not sent.</param>
public sealed record MailgunMetricsPagination(string? Sort, long Skip, long Limit, long? Total);

/// <summary>One item: its dimension values and its metrics (<c>{"dimensions":[...],"metrics":{...}}</c>).</summary>
public sealed record MailgunMetricsItem
{
    /// <summary>The item's value of each dimension of the query, in order; empty for account totals.</summary>
    public IReadOnlyList<MailgunDimensionValue> Dimensions { get; init; } = [];

    /// <summary>The item's metrics.</summary>
    public MailgunMetricValues Metrics { get; init; } = MailgunMetricValues.None;

    /// <summary>The value of <paramref name="dimension"/>, or null when the item has none.</summary>
    /// <param name="dimension">A dimension of the query.</param>
    /// <returns>The value, or null.</returns>
    public MailgunDimensionValue? this[MailgunDimension dimension] => Dimensions.FirstOrDefault(d => d.Dimension == dimension.Name);

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>One dimension value of an item: <c>{"dimension":"time","value":"...","display_value":"..."}</c>.</summary>
/// <param name="Dimension">The dimension's name (<c>dimension</c>).</param>
/// <param name="Value">The value as sent (<c>value</c>).</param>
/// <param name="DisplayValue">The value for people (<c>display_value</c>); the value when not sent.</param>
/// <param name="Time">For the time dimension, the value read as RFC 2822; otherwise null.</param>
public sealed record MailgunDimensionValue(string Dimension, string Value, string DisplayValue, DateTimeOffset? Time);

/// <summary>
/// The metrics of an item or of the aggregates: counts as <see cref="long"/>, rates (sent as strings such as
/// <c>"0.8300"</c>) as <see cref="double"/>, null where Mailgun sent null; metrics this package has no constant for are
/// kept under their names.
/// </summary>
public sealed record MailgunMetricValues
{
    // Shared read-only empties (declared before None, which uses them): an item without rates, or without metrics, costs no dictionaries.
    internal static readonly IReadOnlyDictionary<string, long?> NoCounts = new Dictionary<string, long?>(StringComparer.Ordinal).AsReadOnly();
    internal static readonly IReadOnlyDictionary<string, double?> NoRates = new Dictionary<string, double?>(StringComparer.Ordinal).AsReadOnly();
    internal static readonly MailgunMetricValues None = new();

    /// <summary>Every count sent (<c>..._count</c> and any other whole number), by name; null values as sent.</summary>
    public IReadOnlyDictionary<string, long?> Counts { get; init; } = NoCounts;

    /// <summary>Every rate sent (<c>..._rate</c>), by name; null values as sent.</summary>
    public IReadOnlyDictionary<string, double?> Rates { get; init; } = NoRates;

    /// <summary>Fields that are neither counts nor rates, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;

    /// <summary>The count of <paramref name="metric"/>, or null when not sent (or sent as null).</summary>
    /// <param name="metric">A count metric.</param>
    /// <returns>The count, or null.</returns>
    public long? Count(MailgunMetric metric) => metric.Name is { } name && Counts.TryGetValue(name, out var value) ? value : null;

    /// <summary>The rate of <paramref name="metric"/>, or null when not sent (or sent as null).</summary>
    /// <param name="metric">A rate metric.</param>
    /// <returns>The rate, or null.</returns>
    public double? Rate(MailgunMetric metric) => metric.Name is { } name && Rates.TryGetValue(name, out var value) ? value : null;
}
