namespace EmailStats.Clients.Mailgun;

/// <summary>
/// Reads Mailgun v3 statistics: totals per event for the account, a domain, a filter or grouping, every domain at
/// one timestamp, and a domain's counts per email service provider, device and country. Register with
/// <c>services.AddMailgunStatsClient(...)</c> or build <see cref="MailgunStatsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>), and reports what
/// happens after with <see cref="EmailStatsApiException"/> (Mailgun refused: the status and Mailgun's message,
/// with <see cref="EmailStatsApiException.RetryAfter"/> on 429), <see cref="EmailStatsResponseException"/>
/// (unreadable answer) or <see cref="EmailStatsTransportException"/> (no answer).
/// </remarks>
public interface IMailgunStatsClient
{
    /// <summary>Reads the totals of the whole account (<c>GET v3/stats/total</c>).</summary>
    /// <param name="query">Events, period and resolution; no filter or group (use <see cref="GetFilteredTotalsAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The period and one item per resolution step.</returns>
    /// <example>
    /// <code>
    /// var query = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered).Last(MailgunDuration.Days(30));
    /// MailgunStatsResult result = await client.GetAccountTotalsAsync(query, ct);
    /// Console.WriteLine($"{result.Stats.Sum(i =&gt; i.Delivered?.Total ?? 0)} delivered in 30 days");
    /// </code>
    /// </example>
    Task<MailgunStatsResult> GetAccountTotalsAsync(MailgunStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the totals of one domain (<c>GET v3/{domain}/stats/total</c>).</summary>
    /// <param name="domain">The sending domain, for example <c>mg.example.com</c>; not empty, no <c>/</c>.</param>
    /// <param name="query">Events, period and resolution; no filter or group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The period and one item per resolution step.</returns>
    /// <example>
    /// <code>
    /// var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened)
    ///     .Between(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero))
    ///     .WithResolution(MailgunResolution.Day);
    /// var january = await client.GetDomainTotalsAsync("mg.example.com", query, ct);
    /// </code>
    /// </example>
    Task<MailgunStatsResult> GetDomainTotalsAsync(string domain, MailgunStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads filtered and grouped totals of the account (<c>GET v3/stats/filter</c>).</summary>
    /// <param name="query">Events, period, resolution, and optionally <see cref="MailgunStatsQuery.WithFilter"/> and <see cref="MailgunStatsQuery.GroupBy"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The period and one item per group; grouping keys Mailgun adds to an item are in its <see cref="MailgunStatsItem.AdditionalData"/>.</returns>
    /// <example>
    /// <code>
    /// var byTag = await client.GetFilteredTotalsAsync(
    ///     MailgunStatsQuery.ForEvents(MailgunEvent.Clicked).Last(MailgunDuration.Days(7)).WithFilter("domain:mg.example.com").GroupBy(MailgunGroup.Tag), ct);
    /// </code>
    /// </example>
    Task<MailgunStatsResult> GetFilteredTotalsAsync(MailgunStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the totals of every domain of the account for one resolution period (<c>GET v3/stats/total/domains</c>).</summary>
    /// <param name="query">Events, the timestamp (<see cref="MailgunDomainTotalsQuery.At"/>, required), resolution and limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The period and the items as Mailgun sent them.</returns>
    /// <example>
    /// <code>
    /// var yesterday = await client.GetTotalsByDomainAsync(
    ///     MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered).At(DateTimeOffset.UtcNow.AddDays(-1)), ct);
    /// </code>
    /// </example>
    Task<MailgunStatsResult> GetTotalsByDomainAsync(MailgunDomainTotalsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads a domain's counts per email service provider (<c>GET v3/{domain}/aggregates/providers</c>).</summary>
    /// <param name="domain">The sending domain; not empty, no <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts keyed by provider (for example <c>gmail.com</c>), as sent; empty when there are none.</returns>
    /// <example>
    /// <code>
    /// var providers = await client.GetProviderAggregatesAsync("mg.example.com", ct);
    /// Console.WriteLine($"gmail.com: {providers["gmail.com"].UniqueOpened} unique opens");
    /// </code>
    /// </example>
    Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetProviderAggregatesAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Reads a domain's counts per device type (<c>GET v3/{domain}/aggregates/devices</c>).</summary>
    /// <param name="domain">The sending domain; not empty, no <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts keyed by device type (<c>desktop</c>, <c>mobile</c>, <c>tablet</c>, <c>unknown</c>), as sent.</returns>
    /// <example>
    /// <code>
    /// var devices = await client.GetDeviceAggregatesAsync("mg.example.com", ct);
    /// Console.WriteLine($"mobile: {devices["mobile"].Clicked} clicks");
    /// </code>
    /// </example>
    Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetDeviceAggregatesAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Reads a domain's counts per country (<c>GET v3/{domain}/aggregates/countries</c>).</summary>
    /// <param name="domain">The sending domain; not empty, no <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts keyed by country code as sent (for example <c>us</c>, <c>ru</c>).</returns>
    /// <example>
    /// <code>
    /// var countries = await client.GetCountryAggregatesAsync("mg.example.com", ct);
    /// Console.WriteLine($"us: {countries["us"].Opened} opens");
    /// </code>
    /// </example>
    Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetCountryAggregatesAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the account's sending domains (<c>GET v4/domains</c>), page after page (<c>limit</c> 1,000, <c>skip</c> moved
    /// by it, stopping at <c>total_count</c>): the names the domain statistics take.
    /// </summary>
    /// <param name="search">Only domains whose name contains this text (Mailgun's <c>search</c>); null for every domain.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The domains, in Mailgun's order.</returns>
    /// <exception cref="ArgumentException">The search is empty or padded.</exception>
    /// <example>
    /// <code>
    /// await foreach (var domain in client.ListDomainsAsync(cancellationToken: ct))
    /// {
    ///     Console.WriteLine($"{domain.Name} ({domain.State})");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<MailgunDomain> ListDomainsAsync(string? search = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of sending metrics (<c>POST v1/analytics/metrics</c>), the successor of the v3 stats: the items of
    /// the query's dimensions with their metrics, and the page's position (<see cref="MailgunMetricsPage.Pagination"/>).
    /// </summary>
    /// <param name="query">The metrics, period, dimensions, filter and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The first page (use <see cref="QueryAllMetricsAsync"/> for every page).</returns>
    /// <exception cref="ArgumentException">The query asks for more than <see cref="MailgunMetricsQuery.MaxMetrics"/> metrics (nothing is sent).</exception>
    /// <example>
    /// <code>
    /// var page = await client.QueryMetricsAsync(
    ///     MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount, MailgunMetric.OpenedRate).Last(MailgunDuration.Days(7)).By(MailgunDimension.Time), ct);
    /// foreach (var item in page.Items)
    /// {
    ///     Console.WriteLine($"{item[MailgunDimension.Time]?.Time:yyyy-MM-dd}: {item.Metrics.Count(MailgunMetric.DeliveredCount)} delivered");
    /// }
    /// </code>
    /// </example>
    Task<MailgunMetricsPage> QueryMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every item of a metrics query, page after page (<c>pagination.skip</c> moved by the page size), stopping
    /// after a short page or at <see cref="MailgunMetricsPagination.Total"/>; a server that repeats a page stops the walk
    /// with <see cref="EmailStatsResponseException"/>.
    /// </summary>
    /// <param name="query">The query; its page size is the step (the largest allowed when not set).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The items, in order.</returns>
    /// <exception cref="ArgumentException">The query asks for more than <see cref="MailgunMetricsQuery.MaxMetrics"/> metrics (nothing is sent).</exception>
    /// <example>
    /// <code>
    /// var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount).Last(MailgunDuration.Days(30)).By(MailgunDimension.Domain);
    /// await foreach (var item in client.QueryAllMetricsAsync(query, ct))
    /// {
    ///     Console.WriteLine($"{item[MailgunDimension.Domain]?.Value}: {item.Metrics.Count(MailgunMetric.DeliveredCount)}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<MailgunMetricsItem> QueryAllMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads usage metrics (<c>POST v1/analytics/usage/metrics</c>): validations, previews, blocklist checks. Any number
    /// of metrics per query (the 10-metric limit is the sending metrics endpoint's).
    /// </summary>
    /// <param name="query">The usage metrics (for example <see cref="MailgunMetric.EmailValidationCount"/>) and period.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <example>
    /// <code>
    /// var usage = await client.QueryUsageMetricsAsync(MailgunMetricsQuery.ForMetrics(MailgunMetric.EmailValidationCount).Last(MailgunDuration.Months(1)), ct);
    /// </code>
    /// </example>
    Task<MailgunMetricsPage> QueryUsageMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default);
}
