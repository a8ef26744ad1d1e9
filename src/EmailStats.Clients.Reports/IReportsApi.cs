using Refit;

namespace EmailStats.Clients.Reports;

/// <summary>
/// The Benchmark Email API v1 reports wire: GET endpoints with query parameters. The <c>X-API-Key</c> header is attached
/// to every call by the client's plumbing (<c>ProviderClient</c>). The client validates and formats the arguments; the
/// shared call path reads the answer.
/// </summary>
internal interface IReportsApi
{
    /// <summary><c>GET api/reports/dashboard?pastDays=&amp;timezone=</c>.</summary>
    [Get("/api/reports/dashboard")]
    Task<HttpResponseMessage> GetDashboardAsync(
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/overall?pastDays=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/overall")]
    Task<HttpResponseMessage> GetEmailOverallAsync(
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/overall/histogram?pastDays=&amp;eventType=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/overall/histogram")]
    Task<HttpResponseMessage> GetEmailHistogramAsync(
        [Query][AliasAs("pastDays")] int pastDays,
        [Query][AliasAs("eventType")] string eventType,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/{id}</c> (the id is path-escaped by Refit).</summary>
    [Get("/api/reports/email/{id}")]
    Task<HttpResponseMessage> GetCampaignReportAsync(
        string id,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/reports/email/{id}/engagement?period=&amp;timezone=</c>.</summary>
    [Get("/api/reports/email/{id}/engagement")]
    Task<HttpResponseMessage> GetCampaignEngagementAsync(
        string id,
        [Query][AliasAs("period")] string period,
        [Query][AliasAs("timezone")] string timeZone,
        CancellationToken cancellationToken);

    /// <summary><c>GET api/email/campaign?page=&amp;size=&amp;statuses=&amp;sort=</c> (null parameters are left out).</summary>
    [Get("/api/email/campaign")]
    Task<HttpResponseMessage> ListCampaignsAsync(
        [Query][AliasAs("page")] int page,
        [Query][AliasAs("size")] int size,
        [Query][AliasAs("statuses")] string? statuses,
        [Query][AliasAs("sort")] string? sort,
        CancellationToken cancellationToken);
}
