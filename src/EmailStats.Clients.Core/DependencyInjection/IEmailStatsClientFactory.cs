namespace EmailStats.Clients;

/// <summary>
/// Creates the clients of one provider registered by name, for applications that hold several accounts of the same
/// provider (an agency, a reseller). Each name has its own options (validated at start-up), its own
/// <see cref="HttpClient"/> and its own resilience pipeline. Register with the provider's
/// <c>AddXxxClient(name, configure)</c> overload and inject this factory.
/// </summary>
/// <typeparam name="TClient">The provider's client interface, for example <c>IMailgunStatsClient</c>.</typeparam>
public interface IEmailStatsClientFactory<TClient>
    where TClient : class
{
    /// <summary>Creates the client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given at registration (case-sensitive).</param>
    /// <returns>A client for that account; cheap to create, safe to use from several threads.</returns>
    /// <exception cref="InvalidOperationException">No client of this provider is registered under that name.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options of that name break a rule.</exception>
    /// <example>
    /// <code>
    /// services.AddMailgunStatsClient("eu-shop", o => { o.ApiKey = euKey; o.Region = MailgunRegion.EU; });
    /// services.AddMailgunStatsClient("us-shop", o => o.ApiKey = usKey);
    /// // later, from an injected IEmailStatsClientFactory&lt;IMailgunStatsClient&gt; factory:
    /// var eu = factory.CreateClient("eu-shop");
    /// </code>
    /// </example>
    TClient CreateClient(string name);
}
