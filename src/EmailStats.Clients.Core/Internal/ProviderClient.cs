using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Internal;

/// <summary>
/// What every provider's client is built on, written once: its options checked, the base address set when the
/// <see cref="HttpClient"/> has none, the provider's credentials attached to every request in one place (never a
/// parameter of a wire method), the generated Refit interface and the shared call path.
/// </summary>
/// <typeparam name="TApi">The provider's Refit interface.</typeparam>
internal sealed class ProviderClient<TApi>
    where TApi : class
{
    private ProviderClient(TApi api, ProviderCallPath call)
    {
        Api = api;
        Call = call;
    }

    /// <summary>The generated wire.</summary>
    public TApi Api { get; }

    /// <summary>The call path every operation goes through.</summary>
    public ProviderCallPath Call { get; }

    /// <summary>Builds a client's plumbing, or refuses its options with an <see cref="ArgumentException"/> naming every broken rule.</summary>
    /// <param name="provider">Whose client it is.</param>
    /// <param name="httpClient">The caller's (or the factory's) client; its base address is set from the options when it has none.</param>
    /// <param name="options">The client's options, checked here before anything else reads them.</param>
    /// <param name="logger">Receives one line per call; none when null.</param>
    /// <param name="readError">The provider's error-envelope reader.</param>
    /// <param name="rateLimitReset">What the provider's <c>X-RateLimit-Reset</c> header holds.</param>
    public static ProviderClient<TApi> Create<TOptions>(
        EmailStatsProvider provider,
        HttpClient httpClient,
        TOptions options,
        ILogger? logger,
        Func<ProviderResponse, ProviderError?> readError,
        RateLimitReset rateLimitReset = RateLimitReset.UnixSeconds)
        where TOptions : class, IEmailStatsOptions
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        OptionsGuard.ThrowIfInvalid(options, nameof(options));
        httpClient.BaseAddress ??= options.ResolveBaseAddress();
        var wire = options.Credentials() is { } credentials
            ? new HttpClient(new CredentialsHandler(httpClient, credentials)) { BaseAddress = httpClient.BaseAddress, Timeout = Timeout.InfiniteTimeSpan }
            : httpClient;
        var call = new ProviderCallPath(provider.ToString(), options.Secrets(), readError, logger, rateLimitReset: rateLimitReset);
        return new ProviderClient<TApi>(RefitDefaults.Create<TApi>(wire), call);
    }

    /// <summary>The wire and the call path, as a client keeps them.</summary>
    public void Deconstruct(out TApi api, out ProviderCallPath call)
    {
        api = Api;
        call = Call;
    }

    /// <summary>
    /// Sends each request through the caller's <see cref="HttpClient"/> (its pipeline, timeout and handler) as a copy
    /// carrying the provider's credentials: the copy, because an <see cref="HttpClient"/> refuses a request another one
    /// has sent.
    /// </summary>
    private sealed class CredentialsHandler(HttpClient inner, Action<HttpRequestHeaders> credentials) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content,
                Version = request.Version,
                VersionPolicy = request.VersionPolicy,
            };
            foreach (var (name, values) in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(name, values);
            }

            foreach (var (key, value) in request.Options)
            {
                copy.Options.Set(new HttpRequestOptionsKey<object?>(key), value);
            }

            credentials(copy.Headers);
            return inner.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
    }
}
