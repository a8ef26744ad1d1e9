using EmailStats.Clients.Mailgun.Serialization;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Mailgun;

/// <summary>The Mailgun v3 statistics client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class MailgunStatsClient : IMailgunStatsClient
{
    private readonly IMailgunStatsApi _api;
    private readonly ProviderCallPath _context;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set from the options (region or <see cref="MailgunOptions.BaseAddress"/>) when it has none.</param>
    /// <param name="options">API key, region and base address; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public MailgunStatsClient(HttpClient httpClient, MailgunOptions options, ILogger<MailgunStatsClient>? logger = null)
    {
        (_api, _context) = ProviderClient<IMailgunStatsApi>.Create(EmailStatsProvider.Mailgun, httpClient, options, logger, MailgunResponseReader.ReadError);
    }

    /// <inheritdoc />
    public Task<MailgunStatsResult> GetAccountTotalsAsync(MailgunStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RefuseFilterAndGroup(query, nameof(GetAccountTotalsAsync));
        return _context.SendAsync(
            "GetAccountTotals",
            (Client: this, Query: query),
            static (s, ct) => s.Client._api.AccountTotalsAsync(
                s.Query.EventNames(), s.Query.StartText, s.Query.EndText, s.Query.ResolutionText, s.Query.DurationText, ct),
            MailgunResponseReader.ReadStats,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MailgunStatsResult> GetDomainTotalsAsync(string domain, MailgunStatsQuery query, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(domain, "Mailgun domain");
        ArgumentNullException.ThrowIfNull(query);
        RefuseFilterAndGroup(query, nameof(GetDomainTotalsAsync));
        return _context.SendAsync(
            "GetDomainTotals",
            (Client: this, Domain: domain, Query: query),
            static (s, ct) => s.Client._api.DomainTotalsAsync(
                s.Domain, s.Query.EventNames(), s.Query.StartText, s.Query.EndText, s.Query.ResolutionText, s.Query.DurationText, ct),
            MailgunResponseReader.ReadStats,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MailgunStatsResult> GetFilteredTotalsAsync(MailgunStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _context.SendAsync(
            "GetFilteredTotals",
            (Client: this, Query: query),
            static (s, ct) => s.Client._api.FilteredTotalsAsync(
                s.Query.EventNames(), s.Query.StartText, s.Query.EndText, s.Query.ResolutionText, s.Query.DurationText,
                s.Query.Filter, s.Query.GroupText, ct),
            MailgunResponseReader.ReadStats,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MailgunStatsResult> GetTotalsByDomainAsync(MailgunDomainTotalsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Timestamp is not { } timestamp)
        {
            throw new ArgumentException("Totals by domain need the timestamp of the period to read: call At(timestamp) on the query.", nameof(query));
        }

        return _context.SendAsync(
            "GetTotalsByDomain",
            (Client: this, Query: query, Timestamp: Rfc2822.Format(timestamp)),
            static (s, ct) => s.Client._api.TotalsByDomainAsync(
                s.Query.EventNames(), s.Timestamp, s.Query.LimitText, s.Query.ResolutionText, ct),
            MailgunResponseReader.ReadStats,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetProviderAggregatesAsync(string domain, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(domain, "Mailgun domain");
        return _context.SendAsync(
            "GetProviderAggregates",
            (Client: this, Domain: domain),
            static (s, ct) => s.Client._api.ProviderAggregatesAsync(s.Domain, ct),
            MailgunResponseReader.ReadProviders,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetDeviceAggregatesAsync(string domain, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(domain, "Mailgun domain");
        return _context.SendAsync(
            "GetDeviceAggregates",
            (Client: this, Domain: domain),
            static (s, ct) => s.Client._api.DeviceAggregatesAsync(s.Domain, ct),
            MailgunResponseReader.ReadDevices,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, MailgunAggregateCounts>> GetCountryAggregatesAsync(string domain, CancellationToken cancellationToken = default)
    {
        PathSegment.Check(domain, "Mailgun domain");
        return _context.SendAsync(
            "GetCountryAggregates",
            (Client: this, Domain: domain),
            static (s, ct) => s.Client._api.CountryAggregatesAsync(s.Domain, ct),
            MailgunResponseReader.ReadCountries,
            cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<MailgunDomain> ListDomainsAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        if (search is not null && (search.Length == 0 || search.Trim().Length != search.Length))
        {
            throw new ArgumentException("A search must not be empty or padded with white space; pass null for every domain.", nameof(search));
        }

        return PagedCall.Create(_context, (Client: this, Search: search, Size: MaxDomainPageSize), Domains, cancellationToken);
    }

    /// <summary>Mailgun's largest domain page ("Max: 1000").</summary>
    internal const int MaxDomainPageSize = 1000;

    private static readonly PagedCallDefinition<(MailgunStatsClient Client, string? Search, int Size), MailgunDomain> Domains = new(
        "ListDomains",
        PagePosition.Offset,
        static (s, size) => size is >= 1 and <= MaxDomainPageSize ? s with { Size = size } : throw new ArgumentOutOfRangeException("pageSizeHint", size, $"A page of domains holds 1 to {MaxDomainPageSize}."),
        static s => s.Size,
        static (s, skip, ct) => s.Client._api.DomainListAsync(s.Search, s.Size.ToString(CultureInfo.InvariantCulture), skip.ToString(CultureInfo.InvariantCulture), ct),
        static (response, s, skip) =>
        {
            var (items, total) = MailgunResponseReader.ReadDomains(response);
            return new Page<MailgunDomain>(items, items.Count < s.Size || (total is { } t && skip + items.Count >= t));
        },
        static domain => domain.Name);

    /// <inheritdoc />
    public Task<MailgunMetricsPage> QueryMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default)
    {
        CheckMetricsCount(query);
        return SendMetricsAsync("QueryMetrics", query.ToJson(skip: null), usage: false, MailgunResponseReader.ReadMetricsPage, cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<MailgunMetricsItem> QueryAllMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default)
    {
        CheckMetricsCount(query);
        return PagedCall.Create(_context, (Client: this, Query: query), AllMetrics, cancellationToken);
    }

    private static readonly PagedCallDefinition<(MailgunStatsClient Client, MailgunMetricsQuery Query), MailgunMetricsItem> AllMetrics = new(
        "QueryAllMetrics",
        PagePosition.Offset,
        static (s, size) => (s.Client, s.Query.WithPageSize(size)),
        static s => s.Query.EffectivePageSize,
        static (s, skip, ct) => s.Client.PostMetricsAsync(s.Query.ToJson(skip: skip), usage: false, ct),
        static (response, s, skip) =>
        {
            var result = MailgunResponseReader.ReadMetricsPage(response);
            var size = s.Query.EffectivePageSize;
            var seen = skip + result.Items.Count;
            return new Page<MailgunMetricsItem>(result.Items, result.Items.Count < size || (result.Pagination?.Total is { } total && seen >= total));
        },
        static item => string.Join('\u001f', item.Dimensions.Select(d => d.Value)));

    /// <inheritdoc />
    public Task<MailgunMetricsPage> QueryUsageMetricsAsync(MailgunMetricsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendMetricsAsync("QueryUsageMetrics", query.ToJson(skip: null), usage: true, MailgunResponseReader.ReadMetricsPage, cancellationToken);
    }

    /// <summary><c>v1/analytics/metrics</c> answers at most <see cref="MailgunMetricsQuery.MaxMetrics"/> metrics per query; the usage endpoint more.</summary>
    private static void CheckMetricsCount(MailgunMetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Metrics.Count > MailgunMetricsQuery.MaxMetrics)
        {
            throw new ArgumentException(
                $"v1/analytics/metrics answers at most {MailgunMetricsQuery.MaxMetrics} metrics per query, not {query.Metrics.Count}: split the metrics over several queries (usage metrics have no such limit).",
                nameof(query));
        }
    }

    private Task<T> SendMetricsAsync<T>(string operation, byte[] body, bool usage, Func<ProviderResponse, T> read, CancellationToken cancellationToken) =>
        _context.SendAsync(
            operation,
            (Client: this, Body: body, Usage: usage),
            static (s, ct) => s.Client.PostMetricsAsync(s.Body, s.Usage, ct),
            read,
            cancellationToken);

    private async Task<HttpResponseMessage> PostMetricsAsync(byte[] body, bool usage, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return usage
            ? await _api.UsageMetricsAsync(content, cancellationToken).ConfigureAwait(false)
            : await _api.MetricsAsync(content, cancellationToken).ConfigureAwait(false);
    }

    private static void RefuseFilterAndGroup(MailgunStatsQuery query, string operation)
    {
        if (query.Filter is not null || query.Group is not null)
        {
            throw new ArgumentException($"{operation} takes no filter or group; use GetFilteredTotalsAsync (v3/stats/filter) for filtered or grouped totals.", nameof(query));
        }
    }

    /// <summary>The Basic credentials of the user <c>api</c>.</summary>
    private static string Basic(MailgunOptions options) => Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + options.ApiKey));
}
