using Refit;

namespace EmailStats.Clients.GetResponse;

/// <summary>
/// The GetResponse API v3 statistics wire: GET endpoints with <c>query[...]</c> parameters (null ones left out). The key
/// (<c>X-Auth-Token: api-key {key}</c>) and, for GetResponse MAX, <c>X-Domain</c> are attached to every call by the
/// client's plumbing (<c>ProviderClient</c>).
/// </summary>
internal interface IGetResponseStatsApi
{
    /// <summary><c>GET newsletters</c>: the account's newsletters, a page at a time.</summary>
    [Get("/newsletters")]
    Task<HttpResponseMessage> NewsletterListAsync(
        [AliasAs("query[campaignId]")] string? campaignId,
        [AliasAs("perPage")] string perPage,
        [AliasAs("page")] string page,
        CancellationToken cancellationToken);

    /// <summary><c>GET newsletters/{newsletterId}/statistics</c>.</summary>
    [Get("/newsletters/{id}/statistics")]
    Task<HttpResponseMessage> NewsletterAsync(
        string id,
        [AliasAs("query[groupBy]")] string? groupBy,
        [AliasAs("query[createdOn][from]")] string? from,
        [AliasAs("query[createdOn][to]")] string? to,
        [AliasAs("fields")] string? fields,
        [AliasAs("perPage")] string? perPage,
        [AliasAs("page")] string? page,
        CancellationToken cancellationToken);

    /// <summary><c>GET newsletters/statistics</c>.</summary>
    [Get("/newsletters/statistics")]
    Task<HttpResponseMessage> NewslettersAsync(
        [AliasAs("query[groupBy]")] string? groupBy,
        [AliasAs("query[newsletterId]")] string? newsletterIds,
        [AliasAs("query[campaignId]")] string? campaignIds,
        [AliasAs("query[createdOn][from]")] string? from,
        [AliasAs("query[createdOn][to]")] string? to,
        [AliasAs("fields")] string? fields,
        [AliasAs("perPage")] string? perPage,
        [AliasAs("page")] string? page,
        CancellationToken cancellationToken);

    /// <summary><c>GET autoresponders/{autoresponderId}/statistics</c>.</summary>
    [Get("/autoresponders/{id}/statistics")]
    Task<HttpResponseMessage> AutoresponderAsync(
        string id,
        [AliasAs("query[groupBy]")] string? groupBy,
        [AliasAs("query[createdOn][from]")] string? from,
        [AliasAs("query[createdOn][to]")] string? to,
        [AliasAs("fields")] string? fields,
        [AliasAs("perPage")] string? perPage,
        [AliasAs("page")] string? page,
        CancellationToken cancellationToken);

    /// <summary><c>GET autoresponders/statistics</c>.</summary>
    [Get("/autoresponders/statistics")]
    Task<HttpResponseMessage> AutorespondersAsync(
        [AliasAs("query[groupBy]")] string? groupBy,
        [AliasAs("query[autoresponderId]")] string? autoresponderIds,
        [AliasAs("query[campaignId]")] string? campaignIds,
        [AliasAs("query[createdOn][from]")] string? from,
        [AliasAs("query[createdOn][to]")] string? to,
        [AliasAs("fields")] string? fields,
        [AliasAs("perPage")] string? perPage,
        [AliasAs("page")] string? page,
        CancellationToken cancellationToken);
}
