using System.Diagnostics.CodeAnalysis;
using EmailStats.Clients.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.DependencyInjection;

/// <summary>
/// The registration every provider's <c>AddXxxClient</c> delegates to: options with validation at start-up,
/// a typed client from <c>IHttpClientFactory</c>, header values redacted from the factory's logs except for
/// an allow-list, and the standard resilience pipeline, whose retries honour <c>Retry-After</c> only when the wait
/// fits the call's total timeout (<see cref="RetryAfterBudget"/>). Bodies are read inside the pipeline, attempt by
/// attempt (<see cref="ResponseBufferingHandler"/>, always the innermost handler).
/// </summary>
internal static class EmailStatsClientRegistration
{
    /// <summary>Headers whose values may appear in HTTP logs; every other value is redacted.</summary>
    internal static readonly HashSet<string> LoggedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Accept", "User-Agent", "Date", "Retry-After",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    };

    public static IHttpClientBuilder AddEmailStatsClient<TClient, TImplementation, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        Action<TOptions> configure,
        Func<HttpClient, TOptions, IServiceProvider, TImplementation> create)
        where TClient : class
        where TImplementation : class, TClient
        where TOptions : class, IEmailStatsOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, EmailStatsOptionsValidator<TOptions>>());

        var builder = services
            .AddHttpClient<TClient, TImplementation>((http, sp) => create(http, sp.GetRequiredService<IOptions<TOptions>>().Value, sp))
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<TOptions>>().Value.ResolveBaseAddress())
            .RedactLoggedHeaders(name => !LoggedHeaders.Contains(name));
        var pipeline = builder.AddStandardResilienceHandler().Configure(RetryAfterBudget.Apply);
        services.AddSingleton(new EmailStatsClientName(builder.Name, pipeline.PipelineName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResponseBufferingFilter>());
        return builder;
    }
}
