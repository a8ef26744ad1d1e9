using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.DependencyInjection;

/// <summary>
/// The registration every provider's <c>AddXxxClient</c> overloads are one line over: options with validation at
/// start-up (naming the account of a named client), a typed client from <c>IHttpClientFactory</c>, header values redacted
/// from the factory's logs except for an allow-list, and the standard resilience pipeline, whose retries honour
/// <c>Retry-After</c> only when the wait fits the call's total timeout (<see cref="RetryAfterBudget"/>). Bodies are read
/// inside the pipeline, attempt by attempt (<see cref="ResponseBufferingHandler"/>, always the innermost handler).
/// </summary>
internal static class EmailStatsClientRegistration
{
    /// <summary>Headers whose values may appear in HTTP logs; every other value is redacted.</summary>
    internal static readonly HashSet<string> LoggedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Accept", "User-Agent", "Date", "Retry-After",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    };

    /// <summary>
    /// Registers a provider's client: unnamed (<paramref name="name"/> null) as a typed client over the default options,
    /// or named (several accounts of one provider) with its own options (<c>IOptionsMonitor.Get(name)</c>), its own
    /// <see cref="HttpClient"/> and pipeline, created by <see cref="IEmailStatsClientFactory{TClient}.CreateClient"/>.
    /// </summary>
    public static IHttpClientBuilder Add<TClient, TImplementation, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string? name,
        Action<TOptions> configure)
        where TClient : class
        where TImplementation : class, TClient
        where TOptions : class, IEmailStatsOptions<TImplementation>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        IHttpClientBuilder builder;
        if (name is null)
        {
            services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
            builder = services
                .AddHttpClient<TClient, TImplementation>((http, sp) => sp.GetRequiredService<IOptions<TOptions>>().Value.CreateClient(http, sp))
                .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<TOptions>>().Value.ResolveBaseAddress());
        }
        else
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (services.Any(d => d.ImplementationInstance is NamedEmailStatsClient<TClient> named && named.Name == name))
            {
                throw new ArgumentException($"A {typeof(TClient).Name} named '{name}' is registered already: each account needs a name of its own.", nameof(name));
            }

            services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
            var httpClientName = $"EmailStats.{typeof(TClient).Name}.{name}";
            builder = services
                .AddHttpClient(httpClientName)
                .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).ResolveBaseAddress());
            services.AddSingleton(new NamedEmailStatsClient<TClient>(
                name,
                (sp, http) => sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).CreateClient(http, sp),
                httpClientName));
            services.TryAddSingleton<IEmailStatsClientFactory<TClient>, EmailStatsClientFactory<TClient>>();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, EmailStatsOptionsValidator<TOptions>>());
        builder.RedactLoggedHeaders(header => !LoggedHeaders.Contains(header));
        var pipeline = builder.AddStandardResilienceHandler().Configure(RetryAfterBudget.Apply);
        services.AddSingleton(new EmailStatsClientName(builder.Name, pipeline.PipelineName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResponseBufferingFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<Polly.Telemetry.TelemetryOptions>, ResilienceLogLevels>());
        return builder;
    }

    /// <summary>
    /// The options of a named account from a configuration section, bound by <paramref name="bind"/> (a provider's
    /// <c>configuration.Bind(options)</c>, which the binding generator compiles for its options type).
    /// </summary>
    public static Action<TOptions> From<TOptions>(IConfiguration configuration, Action<IConfiguration, TOptions> bind)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return options => bind(configuration, options);
    }
}

/// <summary>One named registration: how to build its client over its own <see cref="HttpClient"/>.</summary>
internal sealed record NamedEmailStatsClient<TClient>(string Name, Func<IServiceProvider, HttpClient, TClient> Create, string HttpClientName)
    where TClient : class;

/// <summary>Creates the clients registered by name, each over its own HttpClient, options and pipeline.</summary>
internal sealed class EmailStatsClientFactory<TClient>(
    IServiceProvider services,
    IHttpClientFactory httpClients,
    IEnumerable<NamedEmailStatsClient<TClient>> registrations) : IEmailStatsClientFactory<TClient>
    where TClient : class
{
    private readonly Dictionary<string, NamedEmailStatsClient<TClient>> _byName = registrations.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public TClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_byName.TryGetValue(name, out var registration))
        {
            var known = _byName.Count == 0 ? "none" : string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
            throw new InvalidOperationException($"No {typeof(TClient).Name} named '{name}' is registered (registered: {known}); register it with the provider's AddXxxClient(\"{name}\", ...) overload.");
        }

        return registration.Create(services, httpClients.CreateClient(registration.HttpClientName));
    }
}
