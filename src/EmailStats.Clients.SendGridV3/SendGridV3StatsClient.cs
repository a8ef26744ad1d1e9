using EmailStats.Clients.SendGridV3.Serialization;
using Microsoft.Extensions.Logging;
using Parts = EmailStats.Clients.SendGridV3.SendGridV3StatsQuery.Parts;

namespace EmailStats.Clients.SendGridV3;

/// <summary>The SendGrid v3 statistics client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class SendGridV3StatsClient : ISendGridV3StatsClient
{
    private const Parts Advanced = Parts.Paging;

    private readonly ISendGridV3StatsApi _api;
    private readonly ProviderCallPath _context;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set from the options (region or <see cref="SendGridV3Options.BaseAddress"/>) when it has none.</param>
    /// <param name="options">API key, region, base address and on-behalf-of; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public SendGridV3StatsClient(HttpClient httpClient, SendGridV3Options options, ILogger<SendGridV3StatsClient>? logger = null)
    {
        // SendGrid's X-RateLimit-Reset is the epoch second the window opens (the Core default).
        (_api, _context) = ProviderClient<ISendGridV3StatsApi>.Create(EmailStatsProvider.SendGridV3, httpClient, options, logger, SendGridV3ResponseReader.ReadError);
        OnBehalfOf = options.OnBehalfOf;
    }

    /// <inheritdoc />
    public string? OnBehalfOf { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetGlobalStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetGlobalStats", query, Parts.Paging, static (c, q, ct) => c._api.GlobalAsync(
            q.StartText, q.EndText, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetCategoryStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetCategoryStats", query, Parts.RequiresCategories, static (c, q, ct) => c._api.CategoriesAsync(
            q.StartText, q.EndText, q.Categories, q.AggregationText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<SendGridV3StatsDay> GetCategorySumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Sums("GetCategorySums", query, static (c, q, ct) => c._api.CategorySumsAsync(
            q.StartText, q.EndText, q.AggregationText, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetSubuserStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetSubuserStats", query, Parts.RequiresSubusers | Parts.Paging, static (c, q, ct) => c._api.SubusersAsync(
            q.StartText, q.EndText, q.Subusers, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<SendGridV3StatsDay> GetSubuserSumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Sums("GetSubuserSums", query, static (c, q, ct) => c._api.SubuserSumsAsync(
            q.StartText, q.EndText, q.AggregationText, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<SendGridV3StatsDay> GetSubuserMonthlyAsync(SendGridV3MonthlyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _context.SendAsync(
            "GetSubuserMonthly",
            (Client: this, Query: query),
            static (s, ct) => s.Query.Subuser is { } subuser
                ? s.Client._api.SubuserMonthlyAsync(
                    subuser, s.Query.DateText, s.Query.SortMetricText, s.Query.SortDirectionText, s.Query.PageSizeText, s.Query.OffsetText, ct)
                : s.Client._api.MonthlyAsync(
                    s.Query.DateText, s.Query.SubuserMatching, s.Query.SortMetricText, s.Query.SortDirectionText, s.Query.PageSizeText, s.Query.OffsetText, ct),
            response => SendGridV3ResponseReader.ReadSingleDay(response, query.Date),
            cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<SendGridSubuser> ListSubusersAsync(string? username = null, CancellationToken cancellationToken = default)
    {
        CheckFilter(username, nameof(username));
        return PagedCall.Create(_context, (Client: this, Filter: username, Size: ListPageSize), Subusers, cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<SendGridCategory> ListCategoriesAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        CheckFilter(prefix, nameof(prefix));
        return PagedCall.Create(_context, (Client: this, Filter: prefix, Size: ListPageSize), Categories, cancellationToken);
    }

    /// <inheritdoc />
    public EmailStatsPageable<SendGridV3StatsEntry> GetAllCategorySumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        WalkSums(CategorySums, query, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<SendGridV3StatsEntry> GetAllSubuserSumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        WalkSums(SubuserSums, query, cancellationToken);

    /// <inheritdoc />
    public EmailStatsPageable<SendGridV3StatsEntry> GetAllSubuserMonthlyAsync(SendGridV3MonthlyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RefuseOffset(query.Offset, "GetAllSubuserMonthlyAsync");
        return PagedCall.Create(_context, (Client: this, Query: query), Monthly, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetMailboxProviderStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetMailboxProviderStats", query, Advanced | Parts.MailboxProviders, static (c, q, ct) => c._api.MailboxProvidersAsync(
            q.StartText, q.EndText, q.MailboxProviders, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetBrowserStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetBrowserStats", query, Advanced | Parts.Browsers, static (c, q, ct) => c._api.BrowsersAsync(
            q.StartText, q.EndText, q.Browsers, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetDeviceStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetDeviceStats", query, Advanced, static (c, q, ct) => c._api.DevicesAsync(
            q.StartText, q.EndText, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetClientStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetClientStats", query, Parts.ClientType, static (c, q, ct) => q.ClientTypeText is { } type
            ? c._api.ClientTypeAsync(type, q.StartText, q.EndText, q.AggregationText, ct)
            : c._api.ClientsAsync(q.StartText, q.EndText, q.AggregationText, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridV3StatsDay>> GetGeoStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default) =>
        Days("GetGeoStats", query, Advanced | Parts.Country, static (c, q, ct) => c._api.GeoAsync(
            q.StartText, q.EndText, q.CountryText, q.AggregationText, q.PageSizeText, q.OffsetText, ct), cancellationToken);

    private Task<IReadOnlyList<SendGridV3StatsDay>> Days(
        string operation,
        SendGridV3StatsQuery query,
        Parts accepted,
        Func<SendGridV3StatsClient, SendGridV3StatsQuery, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Check(operation + "Async", accepted);
        return _context.SendAsync(operation, (Client: this, Query: query, Send: send), static (s, ct) => s.Send(s.Client, s.Query, ct), SendGridV3ResponseReader.ReadDays, cancellationToken);
    }

    /// <summary>The page size of the listing calls unless <see cref="EmailStatsPageable{T}.AsPages"/> asks for another.</summary>
    internal const int ListPageSize = 100;

    private static readonly PagedCallDefinition<(SendGridV3StatsClient Client, string? Filter, int Size), SendGridSubuser> Subusers = Listing(
        "ListSubusers",
        static (c, filter, size, offset, ct) => c._api.SubuserListAsync(filter, size, offset, ct),
        SendGridV3ListingReader.ReadSubusers,
        static s => s.Username);

    private static readonly PagedCallDefinition<(SendGridV3StatsClient Client, string? Filter, int Size), SendGridCategory> Categories = Listing(
        "ListCategories",
        static (c, filter, size, offset, ct) => c._api.CategoryListAsync(filter, size, offset, ct),
        SendGridV3ListingReader.ReadCategories,
        static c => c.Name);

    private static PagedCallDefinition<(SendGridV3StatsClient Client, string? Filter, int Size), T> Listing<T>(
        string operation,
        Func<SendGridV3StatsClient, string?, string, string, CancellationToken, Task<HttpResponseMessage>> send,
        Func<ProviderResponse, List<T>> read,
        Func<T, string?> key) => new(
        operation,
        PagePosition.Offset,
        static (s, size) => size >= 1 ? s with { Size = size } : throw new ArgumentOutOfRangeException("pageSizeHint", size, "A page holds at least one item."),
        static s => s.Size,
        (s, offset, ct) => send(s.Client, s.Filter, s.Size.ToString(CultureInfo.InvariantCulture), offset.ToString(CultureInfo.InvariantCulture), ct),
        (response, s, _) =>
        {
            var items = read(response);
            return new Page<T>(items, items.Count < s.Size);
        },
        key);

    private static void CheckFilter(string? value, string paramName)
    {
        if (value is not null && (value.Length == 0 || value.Trim().Length != value.Length))
        {
            throw new ArgumentException("A filter must not be empty or padded with white space; pass null for every item.", paramName);
        }
    }

    /// <summary>The page size of the every-page calls when the query sets none (SendGrid's own default is 5).</summary>
    internal const int WalkPageSize = 100;

    private static readonly PagedCallDefinition<(SendGridV3StatsClient Client, SendGridV3StatsQuery Query), SendGridV3StatsEntry> CategorySums = SumsWalk(
        "GetAllCategorySums",
        static (c, q, ct) => c._api.CategorySumsAsync(q.StartText, q.EndText, q.AggregationText, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct));

    private static readonly PagedCallDefinition<(SendGridV3StatsClient Client, SendGridV3StatsQuery Query), SendGridV3StatsEntry> SubuserSums = SumsWalk(
        "GetAllSubuserSums",
        static (c, q, ct) => c._api.SubuserSumsAsync(q.StartText, q.EndText, q.AggregationText, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct));

    private static readonly PagedCallDefinition<(SendGridV3StatsClient Client, SendGridV3MonthlyQuery Query), SendGridV3StatsEntry> Monthly = EntryWalk<SendGridV3MonthlyQuery>(
        "GetAllSubuserMonthly",
        static (q, size) => q.WithPageSize(size),
        static q => q.PageSize,
        static (q, offset) => q.AtOffset(offset),
        static q => q.Date,
        static (c, q, ct) => q.Subuser is { } subuser
            ? c._api.SubuserMonthlyAsync(subuser, q.DateText, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct)
            : c._api.MonthlyAsync(q.DateText, q.SubuserMatching, q.SortMetricText, q.SortDirectionText, q.PageSizeText, q.OffsetText, ct));

    private static PagedCallDefinition<(SendGridV3StatsClient Client, SendGridV3StatsQuery Query), SendGridV3StatsEntry> SumsWalk(
        string operation,
        Func<SendGridV3StatsClient, SendGridV3StatsQuery, CancellationToken, Task<HttpResponseMessage>> send) =>
        EntryWalk(operation, static (q, size) => q.WithPageSize(size), static q => q.PageSize, static (q, offset) => q.AtOffset(offset), static q => q.Start, send);

    /// <summary>A walk over the entries of a one-object answer (sums, a month), <c>limit</c> and <c>offset</c> moved page by page.</summary>
    private static PagedCallDefinition<(SendGridV3StatsClient Client, TQuery Query), SendGridV3StatsEntry> EntryWalk<TQuery>(
        string operation,
        Func<TQuery, int, TQuery> withPageSize,
        Func<TQuery, int?> pageSize,
        Func<TQuery, int, TQuery> atOffset,
        Func<TQuery, DateOnly> date,
        Func<SendGridV3StatsClient, TQuery, CancellationToken, Task<HttpResponseMessage>> send) => new(
        operation,
        PagePosition.Offset,
        (s, size) => (s.Client, withPageSize(s.Query, size)),
        s => pageSize(s.Query) ?? WalkPageSize,
        (s, offset, ct) => send(s.Client, atOffset(withPageSize(s.Query, pageSize(s.Query) ?? WalkPageSize), checked((int)offset)), ct),
        (response, s, _) =>
        {
            var day = SendGridV3ResponseReader.ReadSingleDay(response, date(s.Query));
            return new Page<SendGridV3StatsEntry>(day.Stats, day.Stats.Count < (pageSize(s.Query) ?? WalkPageSize));
        },
        static entry => entry.Name);

    private EmailStatsPageable<SendGridV3StatsEntry> WalkSums(
        PagedCallDefinition<(SendGridV3StatsClient Client, SendGridV3StatsQuery Query), SendGridV3StatsEntry> walk,
        SendGridV3StatsQuery query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Check(walk.Operation + "Async", Parts.Paging | Parts.Sort);
        RefuseOffset(query.Offset, walk.Operation + "Async");
        return PagedCall.Create(_context, (Client: this, Query: query), walk, cancellationToken);
    }

    private static void RefuseOffset(int? offset, string operation)
    {
        if (offset is not null)
        {
            throw new ArgumentException($"{operation} walks every page from the first: instead of an offset, resume it with AsPages(continuationToken).", "query");
        }
    }

    private Task<SendGridV3StatsDay> Sums(
        string operation,
        SendGridV3StatsQuery query,
        Func<SendGridV3StatsClient, SendGridV3StatsQuery, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Check(operation + "Async", Parts.Paging | Parts.Sort);
        return _context.SendAsync(
            operation,
            (Client: this, Query: query, Send: send),
            static (s, ct) => s.Send(s.Client, s.Query, ct),
            response => SendGridV3ResponseReader.ReadSingleDay(response, query.Start),
            cancellationToken);
    }
}
