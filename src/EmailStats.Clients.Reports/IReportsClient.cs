namespace EmailStats.Clients.Reports;

/// <summary>
/// Reads Benchmark Email API v1 reports: the dashboard, overall email performance and its histograms, and per-campaign
/// reports and engagement; lists campaigns for their ids. Register with <c>services.AddReportsClient(...)</c> or build
/// <see cref="ReportsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>), and reports what
/// happens after with <see cref="EmailStatsApiException"/> (the provider refused: <see cref="EmailStatsApiException.ErrorCode"/>
/// is its <c>errorType</c>, for example <c>UnauthorizedError</c>, <c>ForbiddenError</c>, <c>ValidationError</c>,
/// <c>RecordNotFound</c> or <c>TooManyRequestsError</c>, with <see cref="EmailStatsApiException.RetryAfter"/> and
/// <see cref="EmailStatsApiException.RateLimit"/> when sent), <see cref="EmailStatsResponseException"/> (unreadable
/// answer) or <see cref="EmailStatsTransportException"/> (no answer).
/// </remarks>
public interface IReportsClient
{
    /// <summary>Reads the dashboard snapshot of campaigns and contacts (<c>GET api/reports/dashboard</c>).</summary>
    /// <param name="query">The number of days and the time zone, for example <c>ReportsQuery.PastDays(30)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <example>
    /// <code>
    /// var dashboard = await client.GetDashboardAsync(ReportsQuery.PastDays(30).InTimeZone("Europe/Paris"), ct);
    /// Console.WriteLine($"{dashboard.Campaign.Sent.Count} sent ({dashboard.Campaign.Sent.Diff:+0.0;-0.0} % on the 30 days before)");
    /// </code>
    /// </example>
    Task<ReportsDashboard> GetDashboardAsync(ReportsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads aggregate email performance across campaigns (<c>GET api/reports/email/overall</c>).</summary>
    /// <param name="query">The number of days and the time zone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <example>
    /// <code>
    /// var overall = await client.GetEmailOverallAsync(ReportsQuery.PastDays(90), ct);
    /// Console.WriteLine($"{overall.Stats.Delivered.Count.Value} delivered, {overall.Stats.TotalBounces.Rate?.Value} % bounced");
    /// </code>
    /// </example>
    Task<EmailOverallReport> GetEmailOverallAsync(ReportsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the time series of one campaign event across campaigns (<c>GET api/reports/email/overall/histogram</c>).</summary>
    /// <param name="query">The number of days and the time zone.</param>
    /// <param name="eventType">The event to count, sent as <c>eventType</c> (for example <c>email-bounced</c>, whose points carry hard/soft detail).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eventType"/> is not a defined value.</exception>
    /// <example>
    /// <code>
    /// var opens = await client.GetEmailHistogramAsync(ReportsQuery.PastDays(14), EmailEventType.FirstEmailOpened, ct);
    /// foreach (var point in opens.Histogram)
    /// {
    ///     Console.WriteLine($"{point.Date:yyyy-MM-dd}: {point.Total} first opens");
    /// }
    /// </code>
    /// </example>
    Task<ReportHistogram> GetEmailHistogramAsync(ReportsQuery query, EmailEventType eventType, CancellationToken cancellationToken = default);

    /// <summary>Reads one campaign's report: counters, rates and clicks per link (<c>GET api/reports/email/{id}</c>).</summary>
    /// <param name="campaignId">The campaign id (from <see cref="ListCampaignsAsync"/>); not empty; path-escaped when sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="campaignId"/> is empty, white space, <c>.</c> or <c>..</c>.</exception>
    /// <example>
    /// <code>
    /// var report = await client.GetCampaignReportAsync("66f1a6e4698f1bca60424808", ct);
    /// Console.WriteLine($"{report.Stats.Sent} sent, {report.Stats.Opens.Unique} unique opens");
    /// </code>
    /// </example>
    Task<CampaignReport> GetCampaignReportAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Reads when recipients opened and clicked one campaign (<c>GET api/reports/email/{id}/engagement</c>).</summary>
    /// <param name="campaignId">The campaign id; not empty; path-escaped when sent.</param>
    /// <param name="period">The window after sending, sent as <c>period</c> (<c>24hours</c>, <c>week</c> or <c>month</c>).</param>
    /// <param name="timeZone">An IANA time zone id such as <c>Europe/Paris</c>; null for UTC. Validated like <see cref="ReportsQuery.InTimeZone"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The campaign id is empty, or the time zone is not an IANA id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a defined value.</exception>
    /// <example>
    /// <code>
    /// var firstDay = await client.GetCampaignEngagementAsync("66f1a6e4698f1bca60424808", EngagementPeriod.TwentyFourHours, "Europe/Paris", ct);
    /// </code>
    /// </example>
    Task<ReportHistogram> GetCampaignEngagementAsync(string campaignId, EngagementPeriod period, string? timeZone = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists campaigns (<c>GET api/email/campaign</c>), walking the pages lazily: the next page is requested only when
    /// the previous one has been consumed, and the walk ends after the last page (<c>total</c> reached, or a short or
    /// empty page). Needs the <c>campaigns:read</c> scope.
    /// </summary>
    /// <param name="query">Page size, status filter and sort order; null for every campaign, 25 per page.</param>
    /// <param name="cancellationToken">Cancels the walk (also honoured when passed through <c>WithCancellation</c>).</param>
    /// <example>
    /// <code>
    /// await foreach (var campaign in client.ListCampaignsAsync(cancellationToken: ct))
    /// {
    ///     Console.WriteLine($"{campaign.Id} {campaign.Name}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<Campaign> ListCampaignsAsync(CampaignListQuery? query = null, CancellationToken cancellationToken = default);
}
