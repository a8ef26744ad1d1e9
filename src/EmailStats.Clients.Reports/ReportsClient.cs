using EmailStats.Clients.Reports.Serialization;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Reports;

/// <summary>The Benchmark Email API v1 reports client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class ReportsClient : IReportsClient
{
    private readonly IReportsApi _api;
    private readonly ProviderCallPath _context;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set from the options when it has none.</param>
    /// <param name="options">The API key and your account's base address; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public ReportsClient(HttpClient httpClient, ReportsOptions options, ILogger<ReportsClient>? logger = null)
    {
        (_api, _context) = ProviderClient<IReportsApi>.Create(EmailStatsProvider.Reports, httpClient, options, logger, ReportsResponseReader.ReadError);
    }

    /// <inheritdoc />
    public Task<ReportsDashboard> GetDashboardAsync(ReportsQuery query, CancellationToken cancellationToken = default) =>
        SendWindowedAsync("GetDashboard", query, static (api, days, zone, ct) => api.GetDashboardAsync(days, zone, ct), ReportsResponseReader.ReadDashboard, cancellationToken);

    /// <inheritdoc />
    public Task<EmailOverallReport> GetEmailOverallAsync(ReportsQuery query, CancellationToken cancellationToken = default) =>
        SendWindowedAsync("GetEmailOverall", query, static (api, days, zone, ct) => api.GetEmailOverallAsync(days, zone, ct), ReportsResponseReader.ReadEmailOverall, cancellationToken);

    /// <inheritdoc />
    public Task<ReportHistogram> GetEmailHistogramAsync(ReportsQuery query, EmailEventType eventType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wireEventType = WireName.Of(eventType);
        return _context.SendAsync(
            "GetEmailHistogram",
            (Client: this, Query: query, EventType: wireEventType),
            static (s, ct) => s.Client._api.GetEmailHistogramAsync(s.Query.Days, s.EventType, s.Query.TimeZone, ct),
            ReportsResponseReader.ReadHistogram,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<CampaignReport> GetCampaignReportAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(campaignId, "campaign id");
        return _context.SendAsync(
            "GetCampaignReport",
            (Client: this, Id: campaignId),
            static (s, ct) => s.Client._api.GetCampaignReportAsync(s.Id, ct),
            ReportsResponseReader.ReadCampaignReport,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReportHistogram> GetCampaignEngagementAsync(string campaignId, EngagementPeriod period, string? timeZone = null, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(campaignId, "campaign id");
        var wirePeriod = WireName.Of(period);
        var zone = timeZone is null ? IanaTimeZone.Utc : IanaTimeZone.Validate(timeZone, nameof(timeZone));
        return _context.SendAsync(
            "GetCampaignEngagement",
            (Client: this, Id: campaignId, Period: wirePeriod, TimeZone: zone),
            static (s, ct) => s.Client._api.GetCampaignEngagementAsync(s.Id, s.Period, s.TimeZone, ct),
            ReportsResponseReader.ReadHistogram,
            cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<Campaign> ListCampaignsAsync(CampaignListQuery? query = null, CancellationToken cancellationToken = default) =>
        PagedCall.Create(_context, (Client: this, Query: query ?? new CampaignListQuery()), Campaigns, cancellationToken);

    private static readonly PagedCallDefinition<(ReportsClient Client, CampaignListQuery Query), Campaign> Campaigns = new(
        "ListCampaigns",
        PagePosition.Number,
        static (s, size) => (s.Client, s.Query.WithPageSize(size)),
        static s => s.Query.PageSize,
        static (s, page, ct) => s.Client._api.ListCampaignsAsync((int)page, s.Query.PageSize, s.Query.StatusesParameter, s.Query.Sort, ct),
        static (response, s, page) =>
        {
            var result = ReportsResponseReader.ReadCampaignPage(response);
            var records = result.Records!;
            var last = records.Count < s.Query.PageSize || (result.Total is { } total && page * s.Query.PageSize >= total);
            return new Page<Campaign>(records!, last);
        },
        static campaign => campaign.Id);

    /// <summary>One call over a window of past days in a time zone (the account-wide reports).</summary>
    private Task<T> SendWindowedAsync<T>(
        string operation,
        ReportsQuery query,
        Func<IReportsApi, int, string, CancellationToken, Task<HttpResponseMessage>> send,
        Func<ProviderResponse, T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _context.SendAsync(
            operation,
            (Client: this, Query: query, Send: send),
            static (s, ct) => s.Send(s.Client._api, s.Query.Days, s.Query.TimeZone, ct),
            read,
            cancellationToken);
    }
}
