using Refit;

namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// The SendGrid v3 statistics wire: GET endpoints with query parameters (a list is one parameter per value; null
/// parameters are left out). <c>Authorization: Bearer {key}</c> and the optional <c>on-behalf-of</c> header are attached
/// to every call by the client's plumbing (<c>ProviderClient</c>). The client builds the parameters; the shared call
/// path reads the answer.
/// </summary>
internal interface ISendGridV3StatsApi
{
    /// <summary><c>GET v3/subusers</c>: the parent's subusers, a page at a time.</summary>
    [Get("/v3/subusers")]
    Task<HttpResponseMessage> SubuserListAsync(
        [AliasAs("username")] string? username,
        [AliasAs("limit")] string limit,
        [AliasAs("offset")] string offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/categories</c>: the account's categories, a page at a time.</summary>
    [Get("/v3/categories")]
    Task<HttpResponseMessage> CategoryListAsync(
        [AliasAs("category")] string? prefix,
        [AliasAs("limit")] string limit,
        [AliasAs("offset")] string offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/stats</c>: global statistics.</summary>
    [Get("/v3/stats")]
    Task<HttpResponseMessage> GlobalAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/categories/stats</c>: statistics of 1 to 10 categories.</summary>
    [Get("/v3/categories/stats")]
    Task<HttpResponseMessage> CategoriesAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [Query(CollectionFormat.Multi)][AliasAs("categories")] IEnumerable<string> categories,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/categories/stats/sums</c>: the sum of each metric per category.</summary>
    [Get("/v3/categories/stats/sums")]
    Task<HttpResponseMessage> CategorySumsAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("sort_by_metric")] string? sortByMetric,
        [AliasAs("sort_by_direction")] string? sortByDirection,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/subusers/stats</c>: statistics of 1 to 10 subusers.</summary>
    [Get("/v3/subusers/stats")]
    Task<HttpResponseMessage> SubusersAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [Query(CollectionFormat.Multi)][AliasAs("subusers")] IEnumerable<string> subusers,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/subusers/stats/sums</c>: the sum of each metric per subuser.</summary>
    [Get("/v3/subusers/stats/sums")]
    Task<HttpResponseMessage> SubuserSumsAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("sort_by_metric")] string? sortByMetric,
        [AliasAs("sort_by_direction")] string? sortByDirection,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/subusers/stats/monthly</c>: one month of every subuser.</summary>
    [Get("/v3/subusers/stats/monthly")]
    Task<HttpResponseMessage> MonthlyAsync(
        [AliasAs("date")] string date,
        [AliasAs("subuser")] string? subuser,
        [AliasAs("sort_by_metric")] string? sortByMetric,
        [AliasAs("sort_by_direction")] string? sortByDirection,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/subusers/{subuser_name}/stats/monthly</c>: one month of one subuser.</summary>
    [Get("/v3/subusers/{subuser}/stats/monthly")]
    Task<HttpResponseMessage> SubuserMonthlyAsync(
        string subuser,
        [AliasAs("date")] string date,
        [AliasAs("sort_by_metric")] string? sortByMetric,
        [AliasAs("sort_by_direction")] string? sortByDirection,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/mailbox_providers/stats</c>: statistics per mailbox provider.</summary>
    [Get("/v3/mailbox_providers/stats")]
    Task<HttpResponseMessage> MailboxProvidersAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [Query(CollectionFormat.Multi)][AliasAs("mailbox_providers")] IEnumerable<string> mailboxProviders,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/browsers/stats</c>: clicks per browser.</summary>
    [Get("/v3/browsers/stats")]
    Task<HttpResponseMessage> BrowsersAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [Query(CollectionFormat.Multi)][AliasAs("browsers")] IEnumerable<string> browsers,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/devices/stats</c>: opens per device type.</summary>
    [Get("/v3/devices/stats")]
    Task<HttpResponseMessage> DevicesAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/clients/stats</c>: opens per mail client.</summary>
    [Get("/v3/clients/stats")]
    Task<HttpResponseMessage> ClientsAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/clients/{client_type}/stats</c>: opens per mail client of one client type.</summary>
    [Get("/v3/clients/{clientType}/stats")]
    Task<HttpResponseMessage> ClientTypeAsync(
        string clientType,
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        CancellationToken cancellationToken);

    /// <summary><c>GET v3/geo/stats</c>: opens and clicks per country, or per state or province of one country.</summary>
    [Get("/v3/geo/stats")]
    Task<HttpResponseMessage> GeoAsync(
        [AliasAs("start_date")] string start,
        [AliasAs("end_date")] string? end,
        [AliasAs("country")] string? country,
        [AliasAs("aggregated_by")] string? aggregatedBy,
        [AliasAs("limit")] string? limit,
        [AliasAs("offset")] string? offset,
        CancellationToken cancellationToken);
}
