using System.Buffers;
using System.Text.Encodings.Web;
using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A query of Mailgun's Metrics API (<c>POST v1/analytics/metrics</c> and <c>v1/analytics/usage/metrics</c>), sent as
/// its JSON body. Immutable: every method returns a new query. Refused before any request: no metric, more than
/// <see cref="MaxMetrics"/> metrics for <c>v1/analytics/metrics</c> (the usage endpoint takes more), more than
/// <see cref="MaxDimensions"/> dimensions, a page size above the documented
/// maximum (<see cref="MaxPageSizeByTime"/> with the time dimension, <see cref="MaxPageSize"/> otherwise), a start after
/// the end, and a start together with a duration. Nothing is sent for what is not set (Mailgun's defaults apply:
/// the last 7 days, day resolution); a default date is never sent as a value.
/// </summary>
/// <example><code>
/// var lastMonth = MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.ClickedRate)
///     .Last(MailgunDuration.Days(30))
///     .WithResolution(MailgunResolution.Day)
///     .By(MailgunDimension.Time)
///     .Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, "mg.example.com"));
/// </code></example>
public sealed class MailgunMetricsQuery
{
    /// <summary>
    /// The most metrics one query of <c>v1/analytics/metrics</c> may ask for (<see cref="IMailgunStatsClient.QueryMetricsAsync"/>,
    /// <see cref="IMailgunStatsClient.QueryAllMetricsAsync"/>). The usage endpoint has no such limit: Mailgun's own usage
    /// example asks for 21 metrics in one query.
    /// </summary>
    public const int MaxMetrics = 10;

    /// <summary>The most dimensions one query may group by.</summary>
    public const int MaxDimensions = 3;

    /// <summary>The largest page with the <see cref="MailgunDimension.Time"/> dimension.</summary>
    public const int MaxPageSizeByTime = 1500;

    /// <summary>The largest page without it.</summary>
    public const int MaxPageSize = 1000;

    private readonly MailgunMetric[] _metrics;
    private readonly MailgunDimension[] _dimensions;

    private MailgunMetricsQuery(MailgunMetric[] metrics, MailgunDimension[] dimensions)
    {
        _metrics = metrics;
        _dimensions = dimensions;
    }

    /// <summary>The metrics asked for, in order, each once.</summary>
    public IReadOnlyList<MailgunMetric> Metrics => _metrics;

    /// <summary>The dimensions to group by, in order, each once; empty for account totals.</summary>
    public IReadOnlyList<MailgunDimension> Dimensions => _dimensions;

    /// <summary>The start (<c>start</c>); null when not set.</summary>
    public DateTimeOffset? Start { get; private init; }

    /// <summary>The end (<c>end</c>); null when not set (Mailgun uses the current time).</summary>
    public DateTimeOffset? End { get; private init; }

    /// <summary>The period counted back from the end (<c>duration</c>); null when not set.</summary>
    public MailgunDuration? Duration { get; private init; }

    /// <summary>The resolution (<c>resolution</c>); null when not set (Mailgun uses days).</summary>
    public MailgunResolution? Resolution { get; private init; }

    /// <summary>The filter (<c>filter</c>); null when not set.</summary>
    public MailgunMetricFilter? Filter { get; private init; }

    /// <summary>Whether subaccounts' numbers are included (<c>include_subaccounts</c>).</summary>
    public bool IncludesSubaccounts { get; private init; }

    /// <summary>Whether the answer carries totals over the whole result (<c>include_aggregates</c>).</summary>
    public bool IncludesAggregates { get; private init; }

    /// <summary>The page size (<c>pagination.limit</c>); null for Mailgun's default.</summary>
    public int? PageSize { get; private init; }

    /// <summary>Starts a query for one or more metrics (at most <see cref="MaxMetrics"/> for <c>v1/analytics/metrics</c>).</summary>
    /// <param name="metrics">The metrics; repeats are asked once.</param>
    /// <returns>A query over Mailgun's default period.</returns>
    /// <exception cref="ArgumentException">No metric or a default value.</exception>
    /// <example><code>
    /// var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.BouncedCount).Last(MailgunDuration.Days(7));
    /// </code></example>
    public static MailgunMetricsQuery ForMetrics(params IEnumerable<MailgunMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var given = metrics.ToArray();
        if (given.Length == 0)
        {
            throw new ArgumentException("A metrics query needs at least one metric.", nameof(metrics));
        }

        if (given.Any(m => m.Name is null))
        {
            throw new ArgumentException("A metric must be one of the MailgunMetric constants or MailgunMetric.Of(name), not its default value.", nameof(metrics));
        }

        return new MailgunMetricsQuery([.. given.Distinct()], []);
    }

    /// <summary>The period from <paramref name="start"/> to <paramref name="end"/> (both sent in RFC 2822).</summary>
    /// <param name="start">The start; not after the end.</param>
    /// <param name="end">The end.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The start is after the end.</exception>
    /// <exception cref="InvalidOperationException">A duration is set already (Mailgun would let it override the start).</exception>
    public MailgunMetricsQuery Between(DateTimeOffset start, DateTimeOffset end)
    {
        if (start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"The start must not be after the end ({Rfc2822.Format(end)}).");
        }

        if (Duration is not null)
        {
            throw new InvalidOperationException("The query has a duration: a start and a duration together are refused (Mailgun lets the duration override the start).");
        }

        return With(start: start, end: end);
    }

    /// <summary>The period of <paramref name="duration"/> up to the end (the current time unless <see cref="Ending"/> sets one).</summary>
    /// <param name="duration">Hours, days or months; not zero.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is zero.</exception>
    /// <exception cref="InvalidOperationException">A start is set already.</exception>
    public MailgunMetricsQuery Last(MailgunDuration duration)
    {
        if (duration.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be at least one hour, day or month.");
        }

        if (Start is not null)
        {
            throw new InvalidOperationException("The query has a start: a start and a duration together are refused (Mailgun lets the duration override the start).");
        }

        return With(duration: duration);
    }

    /// <summary>The end of a <see cref="Last"/> period.</summary>
    /// <param name="end">The end.</param>
    /// <returns>A new query.</returns>
    public MailgunMetricsQuery Ending(DateTimeOffset end) =>
        Start is { } start && start > end
            ? throw new ArgumentOutOfRangeException(nameof(end), end, $"The end must not be before the start ({Rfc2822.Format(start)}).")
            : With(end: end);

    /// <summary>The resolution of the time dimension.</summary>
    /// <param name="resolution">Hour, day or month.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The resolution is not defined.</exception>
    public MailgunMetricsQuery WithResolution(MailgunResolution resolution) =>
        Enum.IsDefined(resolution) ? With(resolution: resolution) : throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Use Hour, Day or Month.");

    /// <summary>Groups the metrics by up to three dimensions (<see cref="MailgunDimension.Time"/> for one item per period).</summary>
    /// <param name="dimensions">The dimensions; repeats are sent once.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentException">A default value, or more than <see cref="MaxDimensions"/>, or a page size too large for them.</exception>
    public MailgunMetricsQuery By(params IEnumerable<MailgunDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var given = dimensions.ToArray();
        if (given.Any(d => d.Name is null))
        {
            throw new ArgumentException("A dimension must be one of the MailgunDimension constants or MailgunDimension.Of(name), not its default value.", nameof(dimensions));
        }

        var distinct = given.Distinct().ToArray();
        if (distinct.Length > MaxDimensions)
        {
            throw new ArgumentException($"A metrics query groups by at most {MaxDimensions} dimensions, not {distinct.Length}.", nameof(dimensions));
        }

        var query = new MailgunMetricsQuery(_metrics, distinct) { Start = Start, End = End, Duration = Duration, Resolution = Resolution, Filter = Filter, IncludesSubaccounts = IncludesSubaccounts, IncludesAggregates = IncludesAggregates, PageSize = PageSize };
        if (PageSize is { } size)
        {
            CheckPageSize(size, distinct, nameof(dimensions));
        }

        return query;
    }

    /// <summary>Keeps only what <paramref name="filter"/> matches.</summary>
    /// <param name="filter">The predicates, all of which must hold.</param>
    /// <returns>A new query.</returns>
    public MailgunMetricsQuery Where(MailgunMetricFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return With(filter: filter);
    }

    /// <summary>Includes the subaccounts' numbers (<c>include_subaccounts</c>).</summary>
    /// <returns>A new query.</returns>
    public MailgunMetricsQuery IncludeSubaccounts() => With(subaccounts: true);

    /// <summary>Asks for totals over the whole result beside the items (<c>include_aggregates</c>).</summary>
    /// <returns>A new query.</returns>
    public MailgunMetricsQuery IncludeAggregates() => With(aggregates: true);

    /// <summary>The number of items per page (<c>pagination.limit</c>).</summary>
    /// <param name="pageSize">1 to <see cref="MaxPageSizeByTime"/> with the time dimension, to <see cref="MaxPageSize"/> otherwise.</param>
    /// <returns>A new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is out of range for the query's dimensions.</exception>
    public MailgunMetricsQuery WithPageSize(int pageSize)
    {
        CheckPageSize(pageSize, _dimensions, nameof(pageSize));
        return With(size: pageSize);
    }

    /// <summary>The page size the walk over all pages uses: the one set, or the largest allowed.</summary>
    internal int EffectivePageSize => PageSize ?? (_dimensions.Contains(MailgunDimension.Time) ? MaxPageSizeByTime : MaxPageSize);

    /// <summary>The JSON body of the page that skips <paramref name="skip"/> items (no pagination when null).</summary>
    internal byte[] ToJson(long? skip)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        // Relaxed escaping: "+0000" stays as written (the default encoder sends "\u002B0000", valid but unlike Mailgun's examples).
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (Start is { } start)
            {
                writer.WriteString("start", Rfc2822.Format(start));
            }

            if (End is { } end)
            {
                writer.WriteString("end", Rfc2822.Format(end));
            }

            if (Resolution is { } resolution)
            {
                writer.WriteString("resolution", WireName.Of(resolution));
            }

            if (Duration is { } duration)
            {
                writer.WriteString("duration", duration.ToString());
            }

            writer.WriteStartArray("dimensions");
            foreach (var dimension in _dimensions)
            {
                writer.WriteStringValue(dimension.Name);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("metrics");
            foreach (var metric in _metrics)
            {
                writer.WriteStringValue(metric.Name);
            }

            writer.WriteEndArray();
            Filter?.Write(writer);
            writer.WriteBoolean("include_subaccounts", IncludesSubaccounts);
            writer.WriteBoolean("include_aggregates", IncludesAggregates);
            if (skip is not null || PageSize is not null)
            {
                writer.WriteStartObject("pagination");
                writer.WriteNumber("skip", skip ?? 0);
                writer.WriteNumber("limit", skip is null ? PageSize!.Value : EffectivePageSize);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void CheckPageSize(int size, MailgunDimension[] dimensions, string paramName)
    {
        var max = dimensions.Contains(MailgunDimension.Time) ? MaxPageSizeByTime : MaxPageSize;
        if (size < 1 || size > max)
        {
            throw new ArgumentOutOfRangeException(paramName, size, $"A page holds 1 to {max} items {(max == MaxPageSizeByTime ? "with" : "without")} the time dimension.");
        }
    }

    private MailgunMetricsQuery With(
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        MailgunDuration? duration = null,
        MailgunResolution? resolution = null,
        MailgunMetricFilter? filter = null,
        bool? subaccounts = null,
        bool? aggregates = null,
        int? size = null) => new(_metrics, _dimensions)
    {
        Start = start ?? Start,
        End = end ?? End,
        Duration = duration ?? Duration,
        Resolution = resolution ?? Resolution,
        Filter = filter ?? Filter,
        IncludesSubaccounts = subaccounts ?? IncludesSubaccounts,
        IncludesAggregates = aggregates ?? IncludesAggregates,
        PageSize = size ?? PageSize,
    };
}
