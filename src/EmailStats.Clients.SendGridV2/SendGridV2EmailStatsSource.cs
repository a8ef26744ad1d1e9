namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// A SendGrid v2 user's daily metrics in provider-neutral form: the user's totals, or the sum of the named categories.
/// User totals and reseller category statistics report every metric of <see cref="DailyEmailMetrics"/>; subuser
/// category statistics carry only requests, bounces, clicks, opens and spam reports, so there
/// <see cref="DailyEmailMetrics.Delivered"/>, the unique counts and <see cref="DailyEmailMetrics.Unsubscribes"/> are
/// null. The mapping is in the package README.
/// </summary>
public sealed class SendGridV2EmailStatsSource : EmailStatsSource
{
    private readonly ISendGridV2StatsClient _client;
    private readonly string _user;
    private readonly string[] _categories;
    private readonly TimeZoneInfo _timeZone;
    private readonly bool _partial;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to call.</param>
    /// <param name="user">The reseller customer or subuser.</param>
    /// <param name="categories">Categories to sum instead of the user's totals; none for the totals.</param>
    /// <param name="timeZone">The zone the SendGrid account counts days in (its account setting); UTC when null.</param>
    /// <param name="timeProvider">The clock that says which day is today in that zone; the system clock when null.</param>
    /// <exception cref="ArgumentException">The user or a category is empty.</exception>
    public SendGridV2EmailStatsSource(
        ISendGridV2StatsClient client,
        string user,
        IEnumerable<string>? categories = null,
        TimeZoneInfo? timeZone = null,
        TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _ = SendGridStatsQuery.ForUser(user);
        _categories = categories?.ToArray() ?? [];
        if (_categories.Length > 0)
        {
            _ = SendGridStatsQuery.ForUser(user).WithCategories(_categories);
        }

        _client = client;
        _user = user;
        _timeZone = timeZone ?? TimeZoneInfo.Utc;

        // Seed 001: the subuser API's category statistics carry requests, bounces, clicks, opens and spamreports only.
        _partial = _categories.Length > 0 && client.Api == SendGridV2Api.Subuser;
    }

    /// <inheritdoc />
    public override string Provider => nameof(EmailStatsProvider.SendGridV2);

    /// <inheritdoc />
    public override string Name => _categories.Length == 0 ? $"user {_user}" : $"user {_user} [{string.Join(", ", _categories)}]";

    /// <inheritdoc />
    public override TimeZoneInfo TimeZone => _timeZone;

    /// <summary>SendGrid v2 documents no limit; a year per call keeps each answer bounded.</summary>
    protected override int MaxDaysPerCall => 365;

    /// <inheritdoc />
    protected override async Task<IEnumerable<DailyEmailMetrics>> FetchAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var query = SendGridStatsQuery.ForUser(_user).Between(from, to);
        IEnumerable<SendGridDailyStats> days = _categories.Length == 0
            ? await _client.GetStatsAsync(query, cancellationToken).ConfigureAwait(false)
            : await _client.GetCategoryStatsAsync(query.WithCategories(_categories), cancellationToken).ConfigureAwait(false);
        return days.Select(Map);
    }

    /// <inheritdoc />
    protected override DailyEmailMetrics Empty(DateOnly date) => Map(new SendGridDailyStats { Date = date });

    private DailyEmailMetrics Map(SendGridDailyStats day) => new()
    {
        Provider = Provider,
        Source = Name,
        Date = day.Date,
        Sent = day.Requests,
        Delivered = _partial ? null : day.Delivered,
        Opens = day.Opens,
        UniqueOpens = _partial ? null : day.UniqueOpens,
        Clicks = day.Clicks,
        UniqueClicks = _partial ? null : day.UniqueClicks,
        Bounces = day.Bounces,
        Complaints = day.SpamReports,
        Unsubscribes = _partial ? null : day.Unsubscribes,
    };
}
