using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace EmailStats.Clients.Internal;

/// <summary>
/// Reads every answer's body inside the resilience pipeline, attempt by attempt, into a pooled buffer (the same
/// bounded read as <see cref="ResponseBody.ReadAsync"/>). Refit returns as soon as the headers arrive, so without it
/// the body was read after the pipeline had finished: a connection broken mid-body was not retried, and a body that
/// stopped after the headers escaped the attempt and total timeouts and hung the call until the caller cancelled.
/// Here the attempt's token bounds the read, a broken body is a transient <see cref="HttpRequestException"/>, and a
/// body over the limit is refused (not retried). It also notes when the first attempt started, for
/// <see cref="RetryAfterBudget"/>.
/// </summary>
internal sealed class ResponseBufferingHandler(int maxBytes, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>When the call's first attempt started, by the registration's <see cref="TimeProvider"/>.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> FirstAttemptStarted = new("EmailStats.Clients.FirstAttemptStarted");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(FirstAttemptStarted, out _))
        {
            request.Options.Set(FirstAttemptStarted, timeProvider.GetUtcNow());
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null or BufferedResponseContent)
        {
            return response;
        }

        try
        {
            var body = await ResponseBody.ReadAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
            var original = response.Content;
            response.Content = new BufferedResponseContent(body, original.Headers);
            original.Dispose();
            return response;
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new ResponseBodyException(e);
        }
        catch (IOException e)
        {
            // The attempt's timeout or the caller cancelled mid-read: report it as the cancellation it is, so that the
            // timeout strategy sees its own token and the caller's cancellation stays an OperationCanceledException.
            response.Dispose();
            throw new OperationCanceledException("The response body read was cancelled.", e, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

/// <summary>The name under which a provider's typed client is registered, so that <see cref="ResponseBufferingFilter"/> finds it.</summary>
internal sealed record EmailStatsClientName(string Name, string PipelineName);

/// <summary>
/// Adds <see cref="ResponseBufferingHandler"/> as the innermost handler of every EmailStats client, after every
/// handler the registration or the caller added: it stays inside the resilience pipeline even when the caller
/// removes the standard handler and adds their own.
/// </summary>
internal sealed class ResponseBufferingFilter(IEnumerable<EmailStatsClientName> clients, IServiceProvider services) : IHttpMessageHandlerBuilderFilter
{
    private readonly HashSet<string> _names = clients.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && _names.Contains(name))
        {
            builder.AdditionalHandlers.Add(new ResponseBufferingHandler(ResponseBody.DefaultMaxBytes, services.GetService<TimeProvider>() ?? TimeProvider.System));
        }
    };
}
