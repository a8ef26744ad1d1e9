using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EmailStats.Clients.Sandbox;

/// <summary>The test profile of the EmailStats clients' resilience pipeline, for tests against the sandbox.</summary>
public static class SandboxResilience
{
    /// <summary>The wait between attempts under the test profile.</summary>
    public static readonly TimeSpan TestRetryDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Keeps the standard pipeline of an EmailStats client (the same retries on the same answers, the same timeouts, the
    /// same circuit breaker and the same exceptions at the end) but waits only <see cref="TestRetryDelay"/> between
    /// attempts, without jitter, and does not sleep on a <c>Retry-After</c>: a test of a 503 or 429 path runs in
    /// milliseconds instead of seconds. Call it on the builder an <c>AddXxxClient</c> returned; nothing else is needed.
    /// </summary>
    /// <param name="builder">The builder returned by an EmailStats client registration.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">The builder is not an EmailStats client's.</exception>
    /// <example>
    /// <code>
    /// services.AddMailgunStatsClient(o => sandbox.Configure(o)).WithTestResilience();
    /// sandbox.Faults.Enqueue(EmailStatsProvider.Mailgun, SandboxFault.ServerError(), times: 2); // retried at once
    /// </code>
    /// </example>
    public static IHttpClientBuilder WithTestResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var client = builder.Services
            .Where(d => d.ServiceType == typeof(EmailStatsClientName) && d.ImplementationInstance is EmailStatsClientName)
            .Select(d => (EmailStatsClientName)d.ImplementationInstance!)
            .LastOrDefault(c => c.Name == builder.Name)
            ?? throw new InvalidOperationException($"The HttpClient '{builder.Name}' is not an EmailStats client: call WithTestResilience on the builder an AddXxxClient registration returned.");

        builder.Services.Configure<HttpStandardResilienceOptions>(client.PipelineName, options =>
        {
            options.Retry.Delay = TestRetryDelay;
            options.Retry.BackoffType = DelayBackoffType.Constant;
            options.Retry.UseJitter = false;
            options.Retry.ShouldRetryAfterHeader = false;
        });
        return builder;
    }
}
