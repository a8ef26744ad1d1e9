namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the JSON-RPC message statistics client.</summary>
public static class JsonRpcMessagesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.JsonRpcMessages.IMessageStatsClient"/> as a typed <see cref="HttpClient"/> client with validated
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
    public static IHttpClientBuilder AddMessageStatsClient(this IServiceCollection services, Action<EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.JsonRpcMessages.IMessageStatsClient, EmailStats.Clients.JsonRpcMessages.MessageStatsClient, EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions>(services, null, configure);

    /// <summary>
    /// Registers one of several GetResponse JSON-RPC accounts under <paramref name="name"/>: its own options (validated at start-up), its
    /// own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;IMessageStatsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddMessageStatsClient("brand-1", o =&gt; o.ApiKey = configuration["GetResponse:Brand1:ApiKey"]!);
    /// services.AddMessageStatsClient("brand-2", o =&gt; o.ApiKey = configuration["GetResponse:Brand2:ApiKey"]!);
    /// // then, from an injected IEmailStatsClientFactory&lt;IMessageStatsClient&gt; factory:
    /// IMessageStatsClient client = factory.CreateClient("brand-1");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddMessageStatsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.JsonRpcMessages.IMessageStatsClient, EmailStats.Clients.JsonRpcMessages.MessageStatsClient, EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several GetResponse API 1.5 accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;IMessageStatsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddMessageStatsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddMessageStatsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.JsonRpcMessages.JsonRpcMessagesOptions>(configuration, static (c, o) => c.Bind(o)));
}
