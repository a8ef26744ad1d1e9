using EmailStats.Clients.DependencyInjection;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SendGrid v2 statistics client.</summary>
public static class SendGridV2ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISendGridV2StatsClient"/> as a typed <see cref="HttpClient"/> client with validated
    /// options (checked at start-up), redacted HTTP logging and the standard resilience pipeline (retries with
    /// back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the credentials, API and format.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddSendGridV2StatsClient(options =&gt;
    /// {
    ///     options.ApiUser = configuration["SendGrid:ApiUser"]!;
    ///     options.ApiKey = configuration["SendGrid:ApiKey"]!;
    ///     options.Api = SendGridV2Api.Reseller;
    /// });
    /// // then inject ISendGridV2StatsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddSendGridV2StatsClient(this IServiceCollection services, Action<SendGridV2Options> configure) =>
        EmailStatsClientRegistration.AddEmailStatsClient<ISendGridV2StatsClient, SendGridV2StatsClient, SendGridV2Options>(
            services,
            configure,
            static (http, options, sp) => new SendGridV2StatsClient(http, options, sp.GetService<ILogger<SendGridV2StatsClient>>()));
}
