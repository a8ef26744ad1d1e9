using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox;

/// <summary>Sends a registered client's requests to the sandbox, in process.</summary>
public static class SandboxHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes <paramref name="sandbox"/> the primary handler of the client an <c>AddXxxClient</c> registration returned:
    /// its requests are answered in process (no socket), through the client's whole pipeline (logging, resilience).
    /// Point the client's options at a sandbox account too (<c>sandbox.Configure(options)</c> or an account's
    /// <c>Configure</c>).
    /// </summary>
    /// <param name="builder">The builder an EmailStats client registration returned.</param>
    /// <param name="sandbox">The sandbox to answer.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// services.AddMailgunStatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
    /// </code>
    /// </example>
    public static IHttpClientBuilder UseSandbox(this IHttpClientBuilder builder, EmailStatsSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sandbox);
        return builder.ConfigurePrimaryHttpMessageHandler(sandbox.CreateHandler);
    }
}
