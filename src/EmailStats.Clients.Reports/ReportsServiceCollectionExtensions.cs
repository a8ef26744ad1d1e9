using EmailStats.Clients.DependencyInjection;
using EmailStats.Clients.Reports;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Benchmark Email API v1 reports client.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReportsClient"/> as a typed <see cref="HttpClient"/> client with validated options
    /// (checked at start-up: the API key and your account's base address, from Settings &gt; API Keys, are both
    /// required), redacted HTTP logging (the <c>X-API-Key</c> header never appears) and the standard resilience
    /// pipeline (retries with back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and base address.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddReportsClient(options =&gt;
    /// {
    ///     options.ApiKey = configuration["Benchmark:ApiKey"]!;
    ///     options.BaseAddress = new Uri(configuration["Benchmark:BaseAddress"]!); // Settings &gt; API Keys
    /// });
    /// // then inject IReportsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddReportsClient(this IServiceCollection services, Action<ReportsOptions> configure) =>
        EmailStatsClientRegistration.AddEmailStatsClient<IReportsClient, ReportsClient, ReportsOptions>(
            services,
            configure,
            static (http, options, sp) => new ReportsClient(http, options, sp.GetService<ILogger<ReportsClient>>()));
}
