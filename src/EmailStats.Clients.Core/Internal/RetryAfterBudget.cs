using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace EmailStats.Clients.Internal;

/// <summary>
/// A provider's <c>Retry-After</c> is honoured only when the wait fits in what is left of the call's total timeout.
/// Otherwise the standard retry would sleep until the total timeout fired and the caller would get a transport
/// timeout, having waited for nothing and lost the provider's answer; instead the answer (a 429 or 503) is returned
/// at once and surfaces as <see cref="EmailStatsApiException"/> with its <see cref="EmailStatsApiException.RetryAfter"/>.
/// </summary>
internal static class RetryAfterBudget
{
    /// <summary>
    /// Wraps the retry predicate of <paramref name="options"/>; reads the total timeout when each answer arrives, so
    /// later configuration counts. The clock is the registration's <see cref="TimeProvider"/> (the one the resilience
    /// pipeline waits with).
    /// </summary>
    public static void Apply(HttpStandardResilienceOptions options, IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var shouldHandle = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = async args =>
            await shouldHandle(args).ConfigureAwait(false)
            && !ExceedsBudget(args.Outcome.Result, options.TotalRequestTimeout.Timeout, time.GetUtcNow());
    }

    /// <summary>Whether <paramref name="response"/> asks for a wait at least as long as the budget left.</summary>
    public static bool ExceedsBudget(HttpResponseMessage? response, TimeSpan totalTimeout, DateTimeOffset now)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        if (wait is not { } requested)
        {
            return false;
        }

        var elapsed = response!.RequestMessage?.Options.TryGetValue(ResponseBufferingHandler.FirstAttemptStarted, out var started) == true
            ? now - started
            : TimeSpan.Zero;
        return requested >= totalTimeout - elapsed;
    }
}
