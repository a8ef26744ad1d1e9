namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A Mailgun account's or domain's daily metrics in provider-neutral form (days in UTC, as Mailgun counts them), read
/// from the v3 stats totals at day resolution. Each call asks up to midnight after its last day and keeps only its own
/// days, so the rows are the same whether Mailgun's <c>end</c> is inclusive or exclusive. Bounces are Mailgun's
/// permanent failures minus the messages it suppressed itself. The mapping is in the package README.
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

    private readonly IMailgunStatsClient _client;
    private readonly string? _domain;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="domain">The sending domain, or null for the whole account.</param>
    /// <param name="timeProvider">The clock that says which day is today (UTC); the system clock when null.</param>
    /// <exception cref="ArgumentException">The domain is empty or white space.</exception>
    public MailgunEmailStatsSource(IMailgunStatsClient client, string? domain = null, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (domain is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        }

        _client = client;
        _domain = domain;
    }

    /// <inheritdoc />
    public override string Provider => MailgunStatsClient.ProviderName;

    /// <inheritdoc />
    public override string Name => _domain is null ? "account" : $"domain {_domain}";

    /// <summary>A quarter per call keeps each daily answer small (Mailgun documents no limit for day resolution).</summary>
    protected override int MaxDaysPerCall => 90;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // Up to midnight after the last day: an exclusive end then still covers it, an inclusive one adds a day the
        // base drops.
        var query = MailgunStatsQuery.ForEvents(Events)
            .Between(Midnight(from), Midnight(to.AddDays(1)))
            .WithResolution(MailgunResolution.Day);
        var result = _domain is null
            ? await _client.GetAccountTotalsAsync(query, cancellationToken).ConfigureAwait(false)
            : await _client.GetDomainTotalsAsync(_domain, query, cancellationToken).ConfigureAwait(false);
        return result.Stats.Where(item => item.Time is not null).Select(Map);
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => new()
    {
        Provider = Provider, Source = Name, Date = date,
        Sent = 0, Delivered = 0, Opens = 0, UniqueOpens = 0, Clicks = 0, UniqueClicks = 0, Bounces = 0, Complaints = 0, Unsubscribes = 0,
    };

    private DailyEmailMetrics Map(MailgunStatsItem item) => Empty(DateOnly.FromDateTime(item.Time!.Value.UtcDateTime)) with
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

    /// <summary>Mailgun's own definition: permanent failures minus suppressed bounces, unsubscribes and complaints.</summary>
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
