using EmailStats.Clients.DependencyInjection;
using EmailStats.Clients.Mailgun;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mailgun statistics client.</summary>
public static class MailgunServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailgunStatsClient"/> as a typed <see cref="HttpClient"/> client with validated
    /// options (checked at start-up), redacted HTTP logging and the standard resilience pipeline (retries with
    /// back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and the region or base address.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddMailgunStatsClient(options =&gt;
    /// {
    ///     options.ApiKey = configuration["Mailgun:ApiKey"]!;
    ///     options.Region = MailgunRegion.EU;
    /// });
    /// // then inject IMailgunStatsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddMailgunStatsClient(this IServiceCollection services, Action<MailgunOptions> configure) =>
        EmailStatsClientRegistration.AddEmailStatsClient<IMailgunStatsClient, MailgunStatsClient, MailgunOptions>(
            services,
            configure,
            static (http, options, sp) => new MailgunStatsClient(http, options, sp.GetService<ILogger<MailgunStatsClient>>()));
}
