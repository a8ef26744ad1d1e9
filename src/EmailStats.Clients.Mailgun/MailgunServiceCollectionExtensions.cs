namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mailgun statistics client.</summary>
public static class MailgunServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.Mailgun.IMailgunStatsClient"/> as a typed <see cref="HttpClient"/> client with validated
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
    public static IHttpClientBuilder AddMailgunStatsClient(this IServiceCollection services, Action<EmailStats.Clients.Mailgun.MailgunOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.Mailgun.IMailgunStatsClient, EmailStats.Clients.Mailgun.MailgunStatsClient, EmailStats.Clients.Mailgun.MailgunOptions>(services, null, configure);

    /// <summary>
    /// Registers one of several Mailgun accounts under <paramref name="name"/>: its own options (validated at start-up), its
    /// own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;IMailgunStatsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddMailgunStatsClient("eu-shop", o =&gt; { o.ApiKey = euKey; o.Region = MailgunRegion.EU; });
    /// services.AddMailgunStatsClient("us-shop", o =&gt; o.ApiKey = usKey);
    /// // then, from an injected IEmailStatsClientFactory&lt;IMailgunStatsClient&gt; factory:
    /// IMailgunStatsClient client = factory.CreateClient("eu-shop");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddMailgunStatsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.Mailgun.MailgunOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.Mailgun.IMailgunStatsClient, EmailStats.Clients.Mailgun.MailgunStatsClient, EmailStats.Clients.Mailgun.MailgunOptions>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several Mailgun accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.Mailgun.MailgunOptions"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;IMailgunStatsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddMailgunStatsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddMailgunStatsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.Mailgun.MailgunOptions>(configuration, static (c, o) => c.Bind(o)));
}
