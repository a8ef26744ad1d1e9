using EmailStats.Clients.GetResponse.Serialization;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.GetResponse;

/// <summary>The GetResponse API v3 statistics client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class GetResponseStatsClient : IGetResponseStatsClient
{
    private readonly IGetResponseStatsApi _api;
    private readonly ProviderCallPath _context;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set from the options when it has none.</param>
    /// <param name="options">API key, base address and domain; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public GetResponseStatsClient(HttpClient httpClient, GetResponseOptions options, ILogger<GetResponseStatsClient>? logger = null)
    {
        // GetResponse's X-RateLimit-Reset is the time left in the window ("432 seconds").
        (_api, _context) = ProviderClient<IGetResponseStatsApi>.Create(EmailStatsProvider.GetResponse, httpClient, options, logger, GetResponseResponseReader.ReadError, RateLimitReset.SecondsLeft);
    }

    /// <inheritdoc />
    public EmailStatsPageable<GetResponseNewsletter> ListNewslettersAsync(string? campaignId = null, CancellationToken cancellationToken = default)
    {
        if (campaignId is not null)
        {
            PathSegment.Check(campaignId, "campaign id");
        }

        return PagedCall.Create(_context, (Client: this, Campaign: campaignId, Size: GetResponseStatsQuery.MaxPageSize), Newsletters, cancellationToken);
    }

    private static readonly PagedCallDefinition<(GetResponseStatsClient Client, string? Campaign, int Size), GetResponseNewsletter> Newsletters = new(
        "ListNewsletters",
        PagePosition.Number,
        static (s, size) => size is >= 1 and <= GetResponseStatsQuery.MaxPageSize ? s with { Size = size } : throw new ArgumentOutOfRangeException("pageSizeHint", size, $"A page holds 1 to {GetResponseStatsQuery.MaxPageSize} newsletters."),
        static s => s.Size,
        static (s, page, ct) => s.Client._api.NewsletterListAsync(s.Campaign, s.Size.ToString(CultureInfo.InvariantCulture), page.ToString(CultureInfo.InvariantCulture), ct),
        static (response, s, page) =>
        {
            var (items, totalPages) = GetResponseResponseReader.ReadNewsletters(response);
            return new Page<GetResponseNewsletter>(items, totalPages is { } total ? page >= total : items.Count < s.Size);
        },
        static newsletter => newsletter.NewsletterId);

    /// <inheritdoc />
    public Task<GetResponseStatsPage> GetNewsletterStatsAsync(string newsletterId, GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        One("GetNewsletterStats", Single(newsletterId, query, nameof(newsletterId)), SendNewsletter, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<GetResponseStatsPeriod> GetAllNewsletterStatsAsync(string newsletterId, GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        All("GetAllNewsletterStats", Single(newsletterId, query, nameof(newsletterId)), SendNewsletter, cancellationToken);

    /// <inheritdoc />
    public Task<GetResponseStatsPage> GetNewslettersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        One("GetNewslettersStats", Collection(query, newsletters: true), SendNewsletters, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<GetResponseStatsPeriod> GetAllNewslettersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        All("GetAllNewslettersStats", Collection(query, newsletters: true), SendNewsletters, cancellationToken);

    /// <inheritdoc />
    public Task<GetResponseStatsPage> GetAutoresponderStatsAsync(string autoresponderId, GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        One("GetAutoresponderStats", Single(autoresponderId, query, nameof(autoresponderId)), SendAutoresponder, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<GetResponseStatsPeriod> GetAllAutoresponderStatsAsync(string autoresponderId, GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        All("GetAllAutoresponderStats", Single(autoresponderId, query, nameof(autoresponderId)), SendAutoresponder, cancellationToken);

    /// <inheritdoc />
    public Task<GetResponseStatsPage> GetAutorespondersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        One("GetAutorespondersStats", Collection(query, newsletters: false), SendAutoresponders, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<GetResponseStatsPeriod> GetAllAutorespondersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default) =>
        All("GetAllAutorespondersStats", Collection(query, newsletters: false), SendAutoresponders, cancellationToken);

    private delegate Task<HttpResponseMessage> Send(GetResponseStatsClient client, string? id, GetResponseStatsQuery query, string? page, CancellationToken cancellationToken);

    // One send per endpoint, shared by its one-page and every-page operations.
    private static readonly Send SendNewsletter = static (c, id, q, page, ct) => c._api.NewsletterAsync(
        id!, q.GroupingText, q.FromText, q.ToText, q.FieldsText, q.PageSizeText, page, ct);

    private static readonly Send SendNewsletters = static (c, _, q, page, ct) => c._api.NewslettersAsync(
        q.GroupingText, q.NewsletterIdsText, q.CampaignIdsText, q.FromText, q.ToText, q.FieldsText, q.PageSizeText, page, ct);

    private static readonly Send SendAutoresponder = static (c, id, q, page, ct) => c._api.AutoresponderAsync(
        id!, q.GroupingText, q.FromText, q.ToText, q.FieldsText, q.PageSizeText, page, ct);

    private static readonly Send SendAutoresponders = static (c, _, q, page, ct) => c._api.AutorespondersAsync(
        q.GroupingText, q.AutoresponderIdsText, q.CampaignIdsText, q.FromText, q.ToText, q.FieldsText, q.PageSizeText, page, ct);

    private static (string? Id, GetResponseStatsQuery Query) Single(string id, GetResponseStatsQuery query, string parameter)
    {
        PathSegment.Check(id, "message id", parameter);

        ArgumentNullException.ThrowIfNull(query);
        query.Check("A single message's statistics", newsletters: false, autoresponders: false, campaigns: false);
        return (id, query);
    }

    private static (string? Id, GetResponseStatsQuery Query) Collection(GetResponseStatsQuery query, bool newsletters)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Check(newsletters ? "The newsletters collection" : "The autoresponders collection", newsletters, autoresponders: !newsletters, campaigns: true);
        if (!newsletters && query.AutoresponderIds.Count == 0 && query.CampaignIds.Count == 0)
        {
            throw new ArgumentException(
                "The autoresponders collection needs autoresponder or campaign ids (GetResponse: \"You must specify at least one of autoresponderId, campaignId\"): call ForAutoresponders(...) or ForCampaigns(...).",
                nameof(query));
        }

        return (null, query);
    }

    private Task<GetResponseStatsPage> One(string operation, (string? Id, GetResponseStatsQuery Query) call, Send send, CancellationToken cancellationToken) =>
        _context.SendAsync(
            operation,
            (Client: this, call.Id, call.Query, Send: send),
            static (s, ct) => s.Send(s.Client, s.Id, s.Query, s.Query.PageNumber?.ToString(CultureInfo.InvariantCulture), ct),
            GetResponseResponseReader.ReadPage,
            cancellationToken);

    private EmailStatsPageable<GetResponseStatsPeriod> All(string operation, (string? Id, GetResponseStatsQuery Query) call, Send send, CancellationToken cancellationToken) =>
        call.Query.PageNumber is not null
            ? throw new ArgumentException($"{operation}Async walks every page from the first: instead of AtPage, resume it with AsPages(continuationToken).", "query")
            : PagedCall.Create(
            _context,
            (Client: this, call.Id, call.Query, Send: send),
            new PagedCallDefinition<(GetResponseStatsClient Client, string? Id, GetResponseStatsQuery Query, Send Send), GetResponseStatsPeriod>(
                operation,
                PagePosition.Number,
                static (s, size) => s with { Query = s.Query.WithPageSize(size) },
                static s => s.Query.EffectivePageSize,
                static (s, page, ct) => s.Send(s.Client, s.Id, s.Query, page.ToString(CultureInfo.InvariantCulture), ct),
                static (response, s, page) =>
                {
                    var result = GetResponseResponseReader.ReadPage(response);
                    var last = result.TotalPages is { } total ? page >= total : result.Items.Count < s.Query.EffectivePageSize;
                    return new Page<GetResponseStatsPeriod>(result.Items, last);
                },
                static period => period.TimeInterval.ToString()),
            cancellationToken);
}
