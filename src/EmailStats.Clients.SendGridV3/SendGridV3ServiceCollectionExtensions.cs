namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SendGrid v3 statistics client.</summary>
public static class SendGridV3ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.SendGridV3.ISendGridV3StatsClient"/> as a typed <see cref="HttpClient"/> client with validated
    /// options (checked at start-up), redacted HTTP logging and the standard resilience pipeline (retries with
    /// back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key, the region or base address, and optionally on-behalf-of.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddSendGridV3StatsClient(options =&gt;
    /// {
    ///     options.ApiKey = configuration["SendGrid:ApiKey"]!;
    ///     options.Region = SendGridRegion.EU;
    /// });
    /// // then inject ISendGridV3StatsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddSendGridV3StatsClient(this IServiceCollection services, Action<EmailStats.Clients.SendGridV3.SendGridV3Options> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.SendGridV3.ISendGridV3StatsClient, EmailStats.Clients.SendGridV3.SendGridV3StatsClient, EmailStats.Clients.SendGridV3.SendGridV3Options>(services, null, configure);

    /// <summary>
    /// Registers one of several SendGrid accounts (or subusers read on behalf of) under <paramref name="name"/>: its own
    /// options (validated at start-up), its own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;ISendGridV3StatsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddSendGridV3StatsClient("parent", o =&gt; o.ApiKey = parentKey);
    /// services.AddSendGridV3StatsClient("shop-eu", o =&gt; { o.ApiKey = parentKey; o.OnBehalfOf = "shop-eu"; });
    /// // then, from an injected IEmailStatsClientFactory&lt;ISendGridV3StatsClient&gt; factory:
    /// ISendGridV3StatsClient client = factory.CreateClient("shop-eu");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddSendGridV3StatsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.SendGridV3.SendGridV3Options> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.SendGridV3.ISendGridV3StatsClient, EmailStats.Clients.SendGridV3.SendGridV3StatsClient, EmailStats.Clients.SendGridV3.SendGridV3Options>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several SendGrid v3 accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.SendGridV3.SendGridV3Options"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;ISendGridV3StatsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddSendGridV3StatsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddSendGridV3StatsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.SendGridV3.SendGridV3Options>(configuration, static (c, o) => c.Bind(o)));
}
