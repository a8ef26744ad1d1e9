using Refit;

namespace EmailStats.Clients.Internal;

/// <summary>The Refit settings every provider's generated interface is created with.</summary>
internal static class RefitDefaults
{
    /// <summary>
    /// Refit describes the wire only: every method returns the raw <see cref="HttpResponseMessage"/> and the
    /// shared call path classifies it. Refit neither throws for error statuses nor wraps transport failures
    /// (its wrapper would capture the request, whose form body or headers hold credentials).
    /// </summary>
    public static RefitSettings Settings { get; } = new()
    {
        ExceptionFactory = static _ => ValueTask.FromResult<Exception?>(null),
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    /// <summary>Creates the generated implementation of <typeparamref name="TApi"/> over <paramref name="http"/>.</summary>
    public static TApi Create<TApi>(HttpClient http) where TApi : class => RestService.ForGenerated<TApi>(http, Settings);
}
