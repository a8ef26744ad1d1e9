using Refit;

namespace EmailStats.Clients.Reports;

/// <summary>
/// The Benchmark Email API v1 reports wire: GET endpoints with query parameters, the API key in the <c>X-API-Key</c>
/// header of every call. The client validates and formats the arguments; the shared call path reads the answer.
/// </summary>
internal interface IReportsApi
{
    /// <summary><c>GET api/reports/dashboard?pastDays=&amp;timezone=</c>.</summary>
    [Get("/api/reports/dashboard")]
    Task<HttpResponseMessage> GetDashboardAsync(
        [Header("X-API-Key")] string apiKey,
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/overall?pastDays=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/overall")]
    Task<HttpResponseMessage> GetEmailOverallAsync(
        [Header("X-API-Key")] string apiKey,
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/overall/histogram?pastDays=&amp;eventType=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/overall/histogram")]
    Task<HttpResponseMessage> GetEmailHistogramAsync(
        [Header("X-API-Key")] string apiKey,
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("eventType")] string eventType,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/{id}</c> (the id is path-escaped by Refit).</summary>
    [Get("/api/reports/email/{id}")]
    Task<HttpResponseMessage> GetCampaignReportAsync(
        [Header("X-API-Key")] string apiKey,
        string id,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/{id}/engagement?period=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/{id}/engagement")]
    Task<HttpResponseMessage> GetCampaignEngagementAsync(
        [Header("X-API-Key")] string apiKey,
        string id,
        [Query][AliasAs("period")] string period,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/email/campaign?page=&amp;size=&amp;statuses=&amp;sort=</c> (null parameters are left out).</summary>
    [Get("/api/email/campaign")]
    Task<HttpResponseMessage> ListCampaignsAsync(
        [Header("X-API-Key")] string apiKey,
        [Query][AliasAs("page")] int page,
        [Query][AliasAs("size")] int size,
        [Query][AliasAs("statuses")] string? statuses,
        [Query][AliasAs("sort")] string? sort,
        CancellationToken cancellationToken);
}
