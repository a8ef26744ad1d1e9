using System.Collections.Concurrent;
using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>
/// One scenario run against one provider: a WireMock server of its own, the provider's DI client registered against
/// it (or against another address) with the standard resilience pipeline as shipped, only its delays and timeouts
/// shortened, every log line captured at Trace level, and every exception the caller saw kept. <see cref="Done"/>
/// scans all of it, and every trace tag of the process, for the provider's secrets, then records the outcome for
/// RELIABILITY.md.
/// </summary>
public sealed class Harness : IAsyncDisposable
{
    /// <summary>No call of the suite may take longer: a call that would hang fails its test instead.</summary>
    public static readonly TimeSpan CallGuard = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly List<Exception> _exceptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _telemetryMark = Telemetry.Count;
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempts;
    private int _clientAttempts;

    static Harness() => Telemetry.EnsureStarted();

    public Harness(
        string provider,
        Action<HttpStandardResilienceOptions>? resilience = null,
        Uri? baseAddress = null,
        Action<IHttpClientBuilder>? configureClient = null)
    {
        Driver = Drivers.Drivers.Get(provider);
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
        });

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var builder = Driver.Register(services, baseAddress ?? ServerAddress);
        ClientName = builder.Name;

        // The pipeline the registration installed, kept as it is (order, predicates, handlers): only its timings
        // are shortened, through the named options the standard handler reads.
        services.Configure<HttpStandardResilienceOptions>($"{builder.Name}-standard", o =>
        {
            Fast(o);
            resilience?.Invoke(o);
            var onRetry = o.Retry.OnRetry;
            o.Retry.OnRetry = async args =>
            {
                RetryDelays.Enqueue(args.RetryDelay);
                if (onRetry is not null)
                {
                    await onRetry(args);
                }
            };
        });
        builder.AddHttpMessageHandler(() => new AttemptCounter(this));
        configureClient?.Invoke(builder);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public ProviderDriver Driver { get; }

    public WireMockServer Server { get; }

    public Uri ServerAddress => new(Server.Url!.TrimEnd('/') + "/");

    public IServiceProvider Services => _services;

    /// <summary>The typed client's name in the HttpClient factory (its options are named after it).</summary>
    public string ClientName { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The requests <see cref="Serve"/> answered.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The attempts the client's resilience pipeline made (counted inside it, whether or not the server saw them).</summary>
    public int ClientAttempts => Volatile.Read(ref _clientAttempts);

    /// <summary>Every wait the retry strategy scheduled, in order.</summary>
    public ConcurrentQueue<TimeSpan> RetryDelays { get; } = new();

    /// <summary>The test timings: tiny back-off, no jitter, generous timeouts (a loaded CI machine must not trip them).</summary>
    public static void Fast(HttpStandardResilienceOptions o)
    {
        o.Retry.Delay = TimeSpan.FromMilliseconds(20);
        o.Retry.BackoffType = DelayBackoffType.Constant;
        o.Retry.UseJitter = false;
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
    }

    /// <summary>Completes when the server has received its first request.</summary>
    public Task FirstRequest => _firstRequest.Task;

    /// <summary>Matches the main call (every path but the probe of the external-entity test), for WireMock's own builders.</summary>
    public static IRequestBuilder MainCall() => Request.Create().UsingAnyMethod().WithPath(new RegexMatcher("^/(?!xxe)"));

    /// <summary>The driver's success body for a request as WireMock hands it to a dynamic body.</summary>
    public string SuccessBody(WireMock.IRequestMessage message) => Driver.SuccessBody(ToWireRequest(message));

    /// <summary>The requests the server has answered, whatever mapping answered them.</summary>
    public int ServerRequests => Server.LogEntries.Count();

    /// <summary>Answers every request with <paramref name="respond"/> (given the request and its number, 0 first).</summary>
    public void Serve(Func<WireRequest, int, Reply> respond) =>
        Server.Given(MainCall())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(async message =>
            {
                var request = ToWireRequest(message);
                var attempt = Interlocked.Increment(ref _attempts) - 1;
                _firstRequest.TrySetResult();
                var reply = Driver.TagOf(request) is null
                    ? Reply.Refusal(HttpStatusCode.Unauthorized, Driver.ErrorBody("the request lacks its tag or its credentials"))
                    : respond(request, attempt);
                if (reply.Delay > TimeSpan.Zero)
                {
                    // Cut short when the test ends, so that stopping the server does not wait for late answers.
                    await Task.WhenAny(Task.Delay(reply.Delay, _stopping.Token));
                }

                return reply.ToResponseMessage();
            }));

    /// <summary>Answers every request with the driver's success body.</summary>
    public void ServeSuccess() => Serve((request, _) => Reply.Json(Driver.SuccessBody(request)));

    /// <summary>Makes the main call with <paramref name="tag"/>; never waits longer than <see cref="CallGuard"/>.</summary>
    public async Task<long> CallAsync(int tag, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Driver.CallAsync(_services, tag, cancellationToken).WaitAsync(CallGuard, CancellationToken.None);
        }
        catch (Exception e)
        {
            lock (_exceptions)
            {
                _exceptions.Add(e);
            }

            throw;
        }
    }

    /// <summary>Makes the main call and returns the exception it must fail with (exactly <typeparamref name="T"/> or, for cancellation, a subclass).</summary>
    public async Task<T> FailsWith<T>(int tag, CancellationToken cancellationToken = default)
        where T : Exception
    {
        var e = await Record.ExceptionAsync(() => CallAsync(tag, cancellationToken));
        Assert.NotNull(e);
        if (typeof(T) == typeof(OperationCanceledException))
        {
            Assert.IsAssignableFrom<T>(e);
        }
        else
        {
            Assert.IsType<T>(e);
        }

        return (T)e;
    }

    /// <summary>
    /// Scans every exception the caller saw, every log line and every trace text for the provider's secrets, then
    /// records <paramref name="outcome"/> as the provider's cell of <paramref name="scenario"/>.
    /// </summary>
    public void Done(string scenario, string outcome)
    {
        AssertNoSecrets();
        ReliabilityReport.Record(scenario, Driver.Name, outcome);
    }

    /// <summary>
    /// Scans every exception the caller saw, every log line and every trace text recorded while this harness lived
    /// (its own and those of tests running alongside) for the provider's secrets.
    /// </summary>
    public void AssertNoSecrets()
    {
        Exception[] exceptions;
        lock (_exceptions)
        {
            exceptions = [.. _exceptions];
        }

        var logs = Logs.Lines;
        Assert.NotEmpty(logs);
        SecretAssert.NotIn(exceptions.SelectMany(SecretAssert.TextsOf), [.. Driver.Secrets]);
        SecretAssert.NotIn(logs, [.. Driver.Secrets]);
        var traces = Telemetry.Since(_telemetryMark);
        Assert.Contains(traces, t => t.StartsWith(EmailStatsTelemetry.ActivitySourceName + " ", StringComparison.Ordinal));
        SecretAssert.NotIn(traces, [.. Driver.Secrets]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Counts the attempts inside the resilience pipeline (added after it, so it sees each one).</summary>
    private sealed class AttemptCounter(Harness harness) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref harness._clientAttempts);
            return base.SendAsync(request, cancellationToken);
        }
    }

    internal static WireRequest ToWireRequest(WireMock.IRequestMessage message) => new(
        message.Method,
        new Uri(message.Url).PathAndQuery,
        (message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
        message.Body ?? "");
}
