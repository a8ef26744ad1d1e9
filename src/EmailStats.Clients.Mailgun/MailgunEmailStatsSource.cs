namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A Mailgun account's or domain's daily metrics in provider-neutral form (days in UTC, as Mailgun counts them), read
/// from the Metrics API by default (the time dimension at day resolution, a domain filter for a domain) or from the
/// deprecated v3 stats totals (<see cref="MailgunStatsRoute.V3Stats"/>); both give the same rows. Each call asks up to
/// midnight after its last day and keeps only its own days, so the rows are the same whether Mailgun's <c>end</c> is
/// inclusive or exclusive. Bounces are Mailgun's own <c>bounced</c>: permanent failures minus the messages it
/// suppressed itself; the Metrics API splits them into hard and soft, the v3 stats do not (the split is null there).
/// The mapping is in the package README.
/// </summary>
public sealed class MailgunEmailStatsSource : EmailStatsSource
{
    private static readonly MailgunEvent[] Events =
    [
        MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed, MailgunEvent.Opened,
        MailgunEvent.Clicked, MailgunEvent.Unsubscribed, MailgunEvent.Complained,
    ];

    /// <summary>Mailgun's suppression reasons: messages it dropped itself, which are not bounces.</summary>
    private static readonly string[] SuppressionReasons = ["suppress-bounce", "suppress-unsubscribe", "suppress-complaint"];

    /// <summary>The Metrics API metrics of DESIGN.md section 7, in the order of <see cref="DailyEmailMetrics"/>.</summary>
    private static readonly MailgunMetric[] Asked =
    [
        MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.OpenedCount, MailgunMetric.UniqueOpenedCount,
        MailgunMetric.ClickedCount, MailgunMetric.UniqueClickedCount, MailgunMetric.HardBouncesCount, MailgunMetric.SoftBouncesCount,
        MailgunMetric.ComplainedCount, MailgunMetric.UnsubscribedCount,
    ];

    private readonly IMailgunStatsClient _client;
    private readonly string? _domain;
    private readonly MailgunStatsRoute _route;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="domain">The sending domain, or null for the whole account.</param>
    /// <param name="timeProvider">The clock that says which day is today (UTC); the system clock when null.</param>
    /// <param name="route">The Metrics API (the default) or the deprecated v3 stats.</param>
    /// <exception cref="ArgumentException">The domain is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The route is not defined.</exception>
    public MailgunEmailStatsSource(IMailgunStatsClient client, string? domain = null, TimeProvider? timeProvider = null, MailgunStatsRoute route = MailgunStatsRoute.Metrics)
        : base(timeProvider)
    {
        if (!Enum.IsDefined(route))
        {
            throw new ArgumentOutOfRangeException(nameof(route), route, "Use Metrics or V3Stats.");
        }

        _route = route;
        ArgumentNullException.ThrowIfNull(client);
        if (domain is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        }

        _client = client;
        _domain = domain;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.Mailgun);

    /// <inheritdoc />
    public override string Name => _domain is null ? "account" : $"domain {_domain}";

    /// <summary>Every metric from the Metrics API; the v3 stats give bounces as a total only.</summary>
    public override EmailMetric Metrics => _route == MailgunStatsRoute.Metrics
        ? EmailMetric.All
        : EmailMetric.All & ~(EmailMetric.HardBounces | EmailMetric.SoftBounces);

    /// <summary>A quarter per call keeps each daily answer small (Mailgun documents no limit for day resolution).</summary>
    protected override int MaxDaysPerCall => 90;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // Up to midnight after the last day: an exclusive end then still covers it, an inclusive one adds a day the
        // base drops.
        if (_route == MailgunStatsRoute.Metrics)
        {
            var metrics = MailgunMetricsQuery.ForMetrics(Asked)
                .Between(Midnight(from), Midnight(to.AddDays(1)))
                .WithResolution(MailgunResolution.Day)
                .By(MailgunDimension.Time);
            if (_domain is not null)
            {
                metrics = metrics.Where(MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, _domain));
            }

            var rows = new List<DailyEmailMetrics>();
            await foreach (var item in _client.QueryAllMetricsAsync(metrics, cancellationToken).ConfigureAwait(false))
            {
                if (item[MailgunDimension.Time]?.Time is { } time)
                {
                    rows.Add(Map(DateOnly.FromDateTime(time.UtcDateTime), item.Metrics));
                }
            }

            return rows;
        }

        var query = MailgunStatsQuery.ForEvents(Events)
            .Between(Midnight(from), Midnight(to.AddDays(1)))
            .WithResolution(MailgunResolution.Day);
        var result = _domain is null
            ? await _client.GetAccountTotalsAsync(query, cancellationToken).ConfigureAwait(false)
            : await _client.GetDomainTotalsAsync(_domain, query, cancellationToken).ConfigureAwait(false);
        return result.Stats.Where(item => item.Time is not null).Select(Map);
    }

    /// <summary>A day of the Metrics API; a count Mailgun sends as null had no events.</summary>
    private DailyEmailMetrics Map(DateOnly day, MailgunMetricValues values) => Row(day) with
    {
        Sent = values.Count(MailgunMetric.AcceptedOutgoingCount) ?? 0,
        Delivered = values.Count(MailgunMetric.DeliveredCount) ?? 0,
        Opens = values.Count(MailgunMetric.OpenedCount) ?? 0,
        UniqueOpens = values.Count(MailgunMetric.UniqueOpenedCount) ?? 0,
        Clicks = values.Count(MailgunMetric.ClickedCount) ?? 0,
        UniqueClicks = values.Count(MailgunMetric.UniqueClickedCount) ?? 0,
        HardBounces = values.Count(MailgunMetric.HardBouncesCount) ?? 0,
        SoftBounces = values.Count(MailgunMetric.SoftBouncesCount) ?? 0,
        Complaints = values.Count(MailgunMetric.ComplainedCount) ?? 0,
        Unsubscribes = values.Count(MailgunMetric.UnsubscribedCount) ?? 0,
    };

    /// <summary>A day of the v3 totals; bounces as Mailgun defines <c>bounced_count</c>.</summary>
    private DailyEmailMetrics Map(MailgunStatsItem item) => Row(DateOnly.FromDateTime(item.Time!.Value.UtcDateTime)) with
    {
        Sent = item.Accepted?.Outgoing ?? 0,
        Delivered = item.Delivered?.Total ?? 0,
        Opens = item.Opened?.Total ?? 0,
        UniqueOpens = item.Opened?.Unique ?? 0,
        Clicks = item.Clicked?.Total ?? 0,
        UniqueClicks = item.Clicked?.Unique ?? 0,
        Bounces = Bounced(item.Failed?.Permanent),
        Complaints = item.Complained?.Total ?? 0,
        Unsubscribes = item.Unsubscribed?.Total ?? 0,
    };

    /// <summary>
    /// Mailgun's own definition of bounces ("permanent failures minus suppressions"): the <c>suppress-*</c> reasons are
    /// messages Mailgun dropped itself, not bounces; temporary failures are still being retried.
    /// </summary>
    private static long Bounced(MailgunFailureStats? permanent)
    {
        if (permanent is null)
        {
            return 0;
        }

        var bounced = permanent.Total;
        foreach (var reason in SuppressionReasons)
        {
            bounced -= permanent[reason];
        }

        return bounced;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>Which Mailgun API <see cref="MailgunEmailStatsSource"/> reads.</summary>
public enum MailgunStatsRoute
{
    /// <summary>The Metrics API (<c>POST v1/analytics/metrics</c>), the current one.</summary>
    Metrics,

    /// <summary>The v3 stats totals (<c>GET v3/.../stats/total</c>), deprecated by Mailgun.</summary>
    V3Stats,
}
