using EmailStats.Clients.SendGridV2.Serialization;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.SendGridV2;

/// <summary>The SendGrid Web API v2 statistics client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class SendGridV2StatsClient : ISendGridV2StatsClient
{
    private readonly ISendGridV2Api _api;
    private readonly ProviderCallPath _context;
    private readonly string _apiUser;
    private readonly string _apiKey;
    private readonly SendGridV2Api _apiKind;
    private readonly string _format;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set from the options when it has none.</param>
    /// <param name="options">Credentials, API and format; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public SendGridV2StatsClient(HttpClient httpClient, SendGridV2Options options, ILogger<SendGridV2StatsClient>? logger = null)
    {
        // The credentials travel in the form body, which FormFields builds for every call.
        (_api, _context) = ProviderClient<ISendGridV2Api>.Create(EmailStatsProvider.SendGridV2, httpClient, options, logger, SendGridResponseReader.ReadError);
        _apiUser = options.ApiUser;
        _apiKey = options.ApiKey;
        _apiKind = options.Api;
        _format = WireName.Of(options.Format);
    }

    /// <inheritdoc />
    public SendGridV2Api Api => _apiKind;

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridDailyStats>> GetStatsAsync(SendGridStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Categories.Count > 0)
        {
            throw new ArgumentException("GetStatsAsync reads a user's totals per day and takes no categories; use GetCategoryStatsAsync for category statistics.", nameof(query));
        }

        var form = NewForm(query.User);
        query.AppendTo(form, includeCategories: false);
        return SendAsync("GetStats", form, SendGridResponseReader.ReadDailyStats, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SendGridAggregateStats> GetAggregateAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var form = NewForm(user);
        form.Add(new("aggregate", "1"));
        return SendAsync("GetAggregate", form, SendGridResponseReader.ReadAggregate, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetCategoriesAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var form = NewForm(user);
        form.Add(new("list", "true"));
        return SendAsync("GetCategories", form, SendGridResponseReader.ReadCategories, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SendGridCategoryStats>> GetCategoryStatsAsync(SendGridStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Categories.Count == 0)
        {
            throw new ArgumentException("Category statistics need at least one category: call WithCategories on the query.", nameof(query));
        }

        var form = NewForm(query.User);
        query.AppendTo(form, includeCategories: true);
        return SendAsync("GetCategoryStats", form, SendGridResponseReader.ReadCategoryStats, cancellationToken);
    }

    private List<KeyValuePair<string, string>> NewForm(string user)
    {
        var form = new List<KeyValuePair<string, string>>(8)
        {
            new("api_user", _apiUser),
            new("api_key", _apiKey),
        };
        if (_apiKind == SendGridV2Api.Reseller)
        {
            form.Add(new("method", "stats"));
        }

        form.Add(new("user", user));
        return form;
    }

    private Task<T> SendAsync<T>(string operation, List<KeyValuePair<string, string>> form, Func<ProviderResponse, T> parse, CancellationToken cancellationToken) =>
        _context.SendAsync(operation, (Client: this, Form: form), static async (state, ct) =>
        {
            using var content = new FormUrlEncodedContent(state.Form);
            var api = state.Client._api;
            return state.Client._apiKind == SendGridV2Api.Reseller
                ? await api.ResellerStatsAsync(state.Client._format, content, ct).ConfigureAwait(false)
                : await api.SubuserStatsAsync(state.Client._format, content, ct).ConfigureAwait(false);
        }, parse, cancellationToken);
}
