using EmailStats.Clients.DependencyInjection;
using EmailStats.Clients.JsonRpcMessages;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the JSON-RPC message statistics client.</summary>
public static class JsonRpcMessagesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMessageStatsClient"/> as a typed <see cref="HttpClient"/> client with validated
    /// options (checked at start-up), redacted HTTP logging and the standard resilience pipeline (retries with
    /// back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and, for enterprise accounts, the endpoint.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddMessageStatsClient(options =&gt; options.ApiKey = configuration["GetResponse:ApiKey"]!);
    /// // then inject IMessageStatsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddMessageStatsClient(this IServiceCollection services, Action<JsonRpcMessagesOptions> configure) =>
        EmailStatsClientRegistration.AddEmailStatsClient<IMessageStatsClient, MessageStatsClient, JsonRpcMessagesOptions>(
            services,
            configure,
            static (http, options, sp) => new MessageStatsClient(http, options, sp.GetService<ILogger<MessageStatsClient>>()));
}
