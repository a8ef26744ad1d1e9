namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GetResponse API v3 statistics client.</summary>
public static class GetResponseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.GetResponse.IGetResponseStatsClient"/> as a typed <see cref="HttpClient"/> client with validated
    /// options (checked at start-up), redacted HTTP logging and the standard resilience pipeline (retries with
    /// back-off on 408/429/5xx honouring Retry-After, timeouts, circuit breaker).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key, and for GetResponse MAX the base address and domain.</param>
    /// <returns>The HttpClient builder, to add handlers or reconfigure resilience (for example <c>RemoveAllResilienceHandlers()</c>).</returns>
    /// <example>
    /// <code>
    /// services.AddGetResponseStatsClient(options =&gt;
    /// {
    ///     options.ApiKey = configuration["GetResponse:ApiKey"]!;
    ///     // GetResponse MAX: options.BaseAddress = GetResponseOptions.MaxUsBaseAddress; options.Domain = "example.com";
    /// });
    /// // then inject IGetResponseStatsClient
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddGetResponseStatsClient(this IServiceCollection services, Action<EmailStats.Clients.GetResponse.GetResponseOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.GetResponse.IGetResponseStatsClient, EmailStats.Clients.GetResponse.GetResponseStatsClient, EmailStats.Clients.GetResponse.GetResponseOptions>(services, null, configure);

    /// <summary>
    /// Registers one of several GetResponse accounts under <paramref name="name"/>: its own
    /// options (validated at start-up), its own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;IGetResponseStatsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddGetResponseStatsClient("shop", o =&gt; o.ApiKey = shopKey);
    /// services.AddGetResponseStatsClient("max", o =&gt; { o.ApiKey = maxKey; o.BaseAddress = GetResponseOptions.MaxPlBaseAddress; o.Domain = "example.pl"; });
    /// // then, from an injected IEmailStatsClientFactory&lt;IGetResponseStatsClient&gt; factory:
    /// IGetResponseStatsClient client = factory.CreateClient("max");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddGetResponseStatsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.GetResponse.GetResponseOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.GetResponse.IGetResponseStatsClient, EmailStats.Clients.GetResponse.GetResponseStatsClient, EmailStats.Clients.GetResponse.GetResponseOptions>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several GetResponse accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.GetResponse.GetResponseOptions"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;IGetResponseStatsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddGetResponseStatsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddGetResponseStatsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.GetResponse.GetResponseOptions>(configuration, static (c, o) => c.Bind(o)));
}
