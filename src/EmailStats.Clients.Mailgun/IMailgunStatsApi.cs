using Refit;

namespace EmailStats.Clients.Mailgun;

/// <summary>
/// The Mailgun v3 statistics wire: GET endpoints with query parameters (each event its own <c>event</c>
/// parameter; null parameters are left out). HTTP Basic authentication as the user <c>api</c> is attached to every
/// request by the client's plumbing (<c>ProviderClient</c>), never passed here.
/// The client builds the parameters; the shared call path reads the answer.
/// </summary>
internal interface IMailgunStatsApi
{
    /// <summary><c>GET v4/domains</c>: the account's domains, a page at a time.</summary>
    [Get("/v4/domains")]
    Task<HttpResponseMessage> DomainListAsync(
        [AliasAs("search")] string? search,
        [AliasAs("limit")] string limit,
        [AliasAs("skip")] string skip,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/stats/total</c>: totals of the whole account.</summary>
    [Get("/v3/stats/total")]
    Task<HttpResponseMessage> AccountTotalsAsync(
        [Query(CollectionFormat.Multi)][AliasAs("event")] IEnumerable<string> events,
        [AliasAs("start")] string? start,
        [AliasAs("end")] string? end,
        [AliasAs("resolution")] string? resolution,
        [AliasAs("duration")] string? duration,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/{domain}/stats/total</c>: totals of one domain.</summary>
    [Get("/v3/{domain}/stats/total")]
    Task<HttpResponseMessage> DomainTotalsAsync(
        string domain,
        [Query(CollectionFormat.Multi)][AliasAs("event")] IEnumerable<string> events,
        [AliasAs("start")] string? start,
        [AliasAs("end")] string? end,
        [AliasAs("resolution")] string? resolution,
        [AliasAs("duration")] string? duration,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/stats/filter</c>: filtered and grouped totals of the account.</summary>
    [Get("/v3/stats/filter")]
    Task<HttpResponseMessage> FilteredTotalsAsync(
        [Query(CollectionFormat.Multi)][AliasAs("event")] IEnumerable<string> events,
        [AliasAs("start")] string? start,
        [AliasAs("end")] string? end,
        [AliasAs("resolution")] string? resolution,
        [AliasAs("duration")] string? duration,
        [AliasAs("filter")] string? filter,
        [AliasAs("group")] string? group,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/stats/total/domains</c>: totals of every domain of the account for one resolution period.</summary>
    [Get("/v3/stats/total/domains")]
    Task<HttpResponseMessage> TotalsByDomainAsync(
        [Query(CollectionFormat.Multi)][AliasAs("event")] IEnumerable<string> events,
        [AliasAs("timestamp")] string timestamp,
        [AliasAs("limit")] string? limit,
        [AliasAs("resolution")] string? resolution,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/{domain}/aggregates/providers</c>: counts per email service provider.</summary>
    [Get("/v3/{domain}/aggregates/providers")]
    Task<HttpResponseMessage> ProviderAggregatesAsync(string domain, CancellationToken cancellationToken);

    /// <summary><c>GET v3/{domain}/aggregates/devices</c>: counts per device type.</summary>
    [Get("/v3/{domain}/aggregates/devices")]
    Task<HttpResponseMessage> DeviceAggregatesAsync(string domain, CancellationToken cancellationToken);

    /// <summary><c>GET v3/{domain}/aggregates/countries</c>: counts per country.</summary>
    [Get("/v3/{domain}/aggregates/countries")]
    Task<HttpResponseMessage> CountryAggregatesAsync(string domain, CancellationToken cancellationToken);

    /// <summary><c>POST v1/analytics/metrics</c>: sending metrics, the query as the JSON body.</summary>
    [Post("/v1/analytics/metrics")]
    Task<HttpResponseMessage> MetricsAsync([Body] HttpContent query, CancellationToken cancellationToken);

    /// <summary><c>POST v1/analytics/usage/metrics</c>: usage metrics, the query as the JSON body.</summary>
    [Post("/v1/analytics/usage/metrics")]
    Task<HttpResponseMessage> UsageMetricsAsync([Body] HttpContent query, CancellationToken cancellationToken);
}
