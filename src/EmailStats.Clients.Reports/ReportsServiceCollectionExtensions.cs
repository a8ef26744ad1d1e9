namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Benchmark Email API v1 reports client.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmailStats.Clients.Reports.IReportsClient"/> as a typed <see cref="HttpClient"/> client with validated options
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
    public static IHttpClientBuilder AddReportsClient(this IServiceCollection services, Action<EmailStats.Clients.Reports.ReportsOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.Reports.IReportsClient, EmailStats.Clients.Reports.ReportsClient, EmailStats.Clients.Reports.ReportsOptions>(services, null, configure);

    /// <summary>
    /// Registers one of several Benchmark Email accounts under <paramref name="name"/>: its own options (validated at start-up), its
    /// own <see cref="HttpClient"/> and resilience pipeline. Create its client with
    /// <see cref="EmailStats.Clients.IEmailStatsClientFactory{TClient}.CreateClient"/> of
    /// <c>IEmailStatsClientFactory&lt;IReportsClient&gt;</c>; the unnamed registration is not affected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <example>
    /// <code>
    /// services.AddReportsClient("client-a", o =&gt; { o.ApiKey = keyA; o.BaseAddress = addressA; });
    /// services.AddReportsClient("client-b", o =&gt; { o.ApiKey = keyB; o.BaseAddress = addressB; });
    /// // then, from an injected IEmailStatsClientFactory&lt;IReportsClient&gt; factory:
    /// IReportsClient client = factory.CreateClient("client-a");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddReportsClient(this IServiceCollection services, string name, Action<EmailStats.Clients.Reports.ReportsOptions> configure) => EmailStatsClientRegistration.Add<EmailStats.Clients.Reports.IReportsClient, EmailStats.Clients.Reports.ReportsClient, EmailStats.Clients.Reports.ReportsOptions>(services, name ?? throw new ArgumentNullException(nameof(name)), configure);

    /// <summary>
    /// Registers one of several Benchmark Email accounts under <paramref name="name"/>, its options bound from
    /// <paramref name="configuration"/> (an <c>IConfiguration</c> section: appsettings, environment, user secrets, a vault;
    /// keys named as the <see cref="EmailStats.Clients.Reports.ReportsOptions"/> properties) and validated at start-up, naming the account. Create its
    /// client with <c>IEmailStatsClientFactory&lt;IReportsClient&gt;.CreateClient(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name, unique for this provider.</param>
    /// <param name="configuration">The account's section.</param>
    /// <returns>This account's HttpClient builder, to add handlers or reconfigure its resilience.</returns>
    /// <exception cref="ArgumentException">The name is empty or registered already.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddReportsClient(this IServiceCollection services, string name, IConfiguration configuration) => AddReportsClient(services, name, EmailStatsClientRegistration.From<EmailStats.Clients.Reports.ReportsOptions>(configuration, static (c, o) => c.Bind(o)));
}
