namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SendGrid v2 statistics client.</summary>
public static class SendGridV2ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.SendGridV2.ISendGridV2StatsClient"/> as a typed <see cref="HttpClient"/> client with validated
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
    public static IHttpClientBuilder AddSendGridV2StatsClient(this IServiceCollection services, Action<EmailStats.Clients.SendGridV2.SendGridV2Options> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.SendGridV2.ISendGridV2StatsClient, EmailStats.Clients.SendGridV2.SendGridV2StatsClient, EmailStats.Clients.SendGridV2.SendGridV2Options>(services, null, configure);

    /// <summary>
    /// Registers one of several SendGrid v2 accounts under <paramref name="name"/>: its own options (validated at start-up), its
    /// own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;ISendGridV2StatsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddSendGridV2StatsClient("agency", o =&gt; { o.ApiUser = userA; o.ApiKey = keyA; });
    /// services.AddSendGridV2StatsClient("reseller", o =&gt; { o.ApiUser = userB; o.ApiKey = keyB; o.Api = SendGridV2Api.Reseller; });
    /// // then, from an injected IEmailStatsClientFactory&lt;ISendGridV2StatsClient&gt; factory:
    /// ISendGridV2StatsClient client = factory.CreateClient("agency");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddSendGridV2StatsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.SendGridV2.SendGridV2Options> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.SendGridV2.ISendGridV2StatsClient, EmailStats.Clients.SendGridV2.SendGridV2StatsClient, EmailStats.Clients.SendGridV2.SendGridV2Options>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several SendGrid accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.SendGridV2.SendGridV2Options"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;ISendGridV2StatsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddSendGridV2StatsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddSendGridV2StatsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.SendGridV2.SendGridV2Options>(configuration, static (c, o) => c.Bind(o)));
}
