using System.Diagnostics;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace EmailStats.Clients.Internal;

/// <summary>
/// The one call path every provider uses: send through Refit, read the body once, turn refusals and
/// unreadable bodies into typed exceptions, and parse. Providers supply only their error-envelope reader
/// and one parser per operation.
/// </summary>
internal sealed class ProviderCallPath
{
    private static readonly ActivitySource Source = new(EmailStatsTelemetry.ActivitySourceName);

    private readonly Func<ProviderResponse, ProviderError?> _readError;

    public ProviderCallPath(
        string provider,
        Secrets secrets,
        Func<ProviderResponse, ProviderError?> readError,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        RateLimitReset rateLimitReset = RateLimitReset.UnixSeconds)
    {
        Provider = provider;
        Secrets = secrets;
        _readError = readError;
        Logger = logger ?? NullLogger.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
        RateLimitReset = rateLimitReset;
    }

    public string Provider { get; }

    public Secrets Secrets { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The largest body read (<see cref="ResponseBody.DefaultMaxBytes"/>).</summary>
    public int MaxResponseBytes => ResponseBody.DefaultMaxBytes;

    /// <summary>What the provider's <c>X-RateLimit-Reset</c> header holds.</summary>
    public RateLimitReset RateLimitReset { get; }

    /// <summary>Sends one request and parses its answer.</summary>
    /// <param name="operation">The public operation name, for logs and traces (never a parameter value).</param>
    /// <param name="state">What <paramref name="send"/> needs, passed through to avoid a closure.</param>
    /// <param name="send">Issues the request through the Refit interface.</param>
    /// <param name="parse">Reads a success answer; may throw <see cref="ProviderResponse.ApiError"/> for error envelopes sent with 2xx.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<T> SendAsync<TState, T>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        Func<ProviderResponse, T> parse,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = Source.StartActivity($"{Provider} {operation}", ActivityKind.Client);
        activity?.SetTag("emailstats.provider", Provider);
        activity?.SetTag("emailstats.operation", operation);
        Log.Sending(Logger, Provider, operation);
        var started = TimeProvider.GetTimestamp();

        try
        {
            using var message = await send(state, cancellationToken).ConfigureAwait(false);
            using var body = await ResponseBody.ReadAsync(message.Content, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)message.StatusCode);
            Log.Answered(Logger, Provider, operation, (int)message.StatusCode, TimeProvider.GetElapsedTime(started).TotalMilliseconds);

            var response = new ProviderResponse(this, message, body);
            if (!response.IsSuccessStatusCode)
            {
                throw response.ApiError(ReadError(response) ?? FallbackError(response));
            }

            try
            {
                return parse(response);
            }
            catch (Exception e) when (e is JsonException or XmlException or FormatException or OverflowException or InvalidOperationException or NotSupportedException)
            {
                throw response.Unreadable(e is JsonException or XmlException ? Describe(e) : "the body does not have the expected shape", e);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        catch (EmailStatsException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Log.Failed(Logger, Provider, operation, e.Message);
            throw;
        }
        catch (Exception e) when (ToTransportFailure(e) is { } failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.Kind.ToString());
            Log.Failed(Logger, Provider, operation, failure.Message);
            throw failure;
        }
    }

    /// <summary>Reads the provider's error envelope, or null when the body is not one (or not readable).</summary>
    public ProviderError? ReadError(ProviderResponse response)
    {
        if (response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            return _readError(response);
        }
        catch (Exception e) when (e is JsonException or XmlException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ProviderError FallbackError(ProviderResponse response)
    {
        // A refusal without a readable envelope: keep a short plain-text body (Mailgun sends "Forbidden"),
        // never an HTML page; otherwise the reason phrase.
        if (response.Body.Length is > 0 and <= 1024 && !response.LooksLikeHtml())
        {
            var first = Serialization.JsonProbe.FirstSignificantByte(response.Body.Span);
            if (first is not ((byte)'{' or (byte)'[' or (byte)'<'))
            {
                var text = response.BodySnippet().Trim();
                if (text.Length > 0)
                {
                    return new ProviderError(null, [text]);
                }
            }
        }

        var reason = response.Message.ReasonPhrase;
        return new ProviderError(null, string.IsNullOrWhiteSpace(reason) ? [] : [reason]);
    }

    private EmailStatsTransportException? ToTransportFailure(Exception e) => e switch
    {
        ResponseTooLargeException tooLarge => new(Provider, TransportFailure.ResponseTooLarge, tooLarge.Message, e),
        BrokenCircuitException => new(Provider, TransportFailure.CircuitOpen, $"{Provider} was not called: the circuit breaker is open after repeated failures.", e),
        RateLimiterRejectedException => new(Provider, TransportFailure.ConcurrencyLimit, $"{Provider} was not called: too many calls were under way at once (the pipeline's concurrency limiter refused this one).", e),
        TimeoutRejectedException => new(Provider, TransportFailure.Timeout, $"{Provider} did not answer within the timeout.", e),
        OperationCanceledException => new(Provider, TransportFailure.Timeout, $"{Provider} did not answer within the HttpClient timeout.", e),
        ResponseBodyException body => new(Provider, TransportFailure.Network, $"{Provider} broke the connection while sending the answer: {Secrets.Scrub(body.InnerException?.Message)}", e),
        HttpRequestException http => new(Provider, TransportFailure.Network, $"{Provider} could not be reached: {Secrets.Scrub(WithCause(http))}", e),
        IOException io => new(Provider, TransportFailure.Network, $"{Provider} broke the connection: {Secrets.Scrub(io.Message)}", e),
        _ => null,
    };

    /// <summary>The message, with the inner exception's instead of "see inner exception" (TLS and proxy failures say only that).</summary>
    private static string WithCause(Exception e)
    {
        const string SeeInner = "see inner exception";
        var message = e.Message;
        if (e.InnerException is { } inner && message.Contains(SeeInner, StringComparison.OrdinalIgnoreCase))
        {
            var index = message.IndexOf(SeeInner, StringComparison.OrdinalIgnoreCase);
            message = message[..index].TrimEnd(' ', ',', ';', '.') + ": " + inner.Message;
        }

        return message;
    }

    private string Describe(Exception e)
    {
        var text = e switch
        {
            JsonException j when j.Path is not null => $"{j.Message}",
            _ => e.Message,
        };
        return Secrets.Scrub(text)!;
    }
}

/// <summary>What a provider's <c>X-RateLimit-Reset</c> header holds.</summary>
internal enum RateLimitReset
{
    /// <summary>The instant of the reset, in Unix seconds (Benchmark Email, SendGrid v3).</summary>
    UnixSeconds,

    /// <summary>The seconds left until the reset (optionally followed by <c>seconds</c>).</summary>
    SecondsLeft,
}
