using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace EmailStats.Clients.Testing;

/// <summary>
/// The contract every provider's registration keeps, written once: each provider's test project runs it by deriving
/// a <c>ContractTests</c> class that says how to register, configure and call its client. DI registration, start-up
/// validation, options <c>ToString</c> redaction, secret-free logs, the standard pipeline (present and removable) and
/// named clients.
/// </summary>
/// <typeparam name="TClient">The provider's client interface.</typeparam>
/// <typeparam name="TOptions">The provider's options.</typeparam>
public abstract class ProviderContractTests<TClient, TOptions> : IDisposable
    where TClient : class
    where TOptions : class, new()
{
    /// <summary>A key that looks live, to be found nowhere but in the requests.</summary>
    protected const string Key = "contract-key-0123456789abcdef";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
    private int _failuresLeft;

    protected ProviderContractTests()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(request =>
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return new WireMock.ResponseMessage { StatusCode = 503 };
            }

            var answer = new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsString = SuccessBody(request), DetectedBodyType = WireMock.Types.BodyType.String } };
            answer.AddHeader("Content-Type", "application/json");
            return answer;
        }));
    }

    /// <summary>The fake server's address.</summary>
    protected Uri ServerAddress => new(_server.Url!.TrimEnd('/') + "/");

    /// <summary>The name of the option <see cref="Break"/> breaks, as the validation message names it.</summary>
    protected abstract string BrokenOption { get; }

    /// <summary>A success body the client reads, for <paramref name="request"/> (served for every request).</summary>
    protected abstract string SuccessBody(IRequestMessage request);

    /// <summary>Registers the client, unnamed when <paramref name="name"/> is null, and returns the registration's builder.</summary>
    protected abstract IHttpClientBuilder Register(IServiceCollection services, string? name, Action<TOptions> configure);

    /// <summary>Registers a named client bound from a configuration section (<c>AddXxxClient(name, IConfiguration)</c>).</summary>
    protected abstract IHttpClientBuilder Register(IServiceCollection services, string name, IConfiguration configuration);

    /// <summary>The configuration keys (the options' property names) that point at <paramref name="baseAddress"/> with <paramref name="key"/>.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseAddress, string key);

    /// <summary>Makes the options valid, pointing at <paramref name="baseAddress"/> with <paramref name="key"/>.</summary>
    protected abstract void Configure(TOptions options, Uri baseAddress, string key);

    /// <summary>Breaks one rule of valid options (<see cref="BrokenOption"/>).</summary>
    protected abstract void Break(TOptions options);

    /// <summary>One call; it must succeed on <see cref="SuccessBody"/>.</summary>
    protected abstract Task CallAsync(TClient client);

    public void Dispose()
    {
        _server.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_registration_resolves_a_client_that_calls_the_configured_address_with_the_key()
    {
        await using var sp = Services(null, Key);

        await CallAsync(sp.GetRequiredService<TClient>());

        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.True(Carries(request, Key), "the request carries the configured key");
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_up_naming_the_option()
    {
        var services = new ServiceCollection();
        Register(services, null, o =>
        {
            Configure(o, ServerAddress, Key);
            Break(o);
        });
        await using var sp = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(BrokenOption, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_named_account_bound_from_configuration_calls_with_its_own_key_and_a_broken_one_is_named_at_start_up()
    {
        var services = new ServiceCollection();
        var section = new ConfigurationBuilder().AddInMemoryCollection(Settings(ServerAddress, Key + "-configured")).Build();
        Register(services, "from-config", section);
        Register(services, "broken-shop", o =>
        {
            Configure(o, ServerAddress, Key);
            Break(o);
        });
        await using var sp = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        await CallAsync(sp.GetRequiredService<IEmailStatsClientFactory<TClient>>().CreateClient("from-config"));

        Assert.Equal("broken-shop", e.OptionsName);
        Assert.Contains($"Account 'broken-shop': {BrokenOption}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("from-config", e.Message, StringComparison.Ordinal);
        Assert.True(Carries(Assert.Single(_server.LogEntries).RequestMessage, Key + "-configured"), "the configured account's request carries its key");
    }

    [Fact]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new TOptions();
        Configure(options, ServerAddress, Key);

        var text = options.ToString()!;

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains(typeof(TOptions).Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_of_a_success_a_retried_failure_and_an_unreachable_server_never_hold_the_key()
    {
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        Fast(Register(services, null, o => Configure(o, ServerAddress, Key)));
        Fast(Register(services, "unreachable", o => Configure(o, new Uri("http://127.0.0.1:9/"), Key)));
        await using var sp = services.BuildServiceProvider();
        _failuresLeft = 1;

        await CallAsync(sp.GetRequiredService<TClient>());
        var e = await Assert.ThrowsAsync<EmailStatsTransportException>(() => CallAsync(sp.GetRequiredService<IEmailStatsClientFactory<TClient>>().CreateClient("unreachable")));

        Assert.Equal(2, _server.LogEntries.Count());
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(Key, line, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_pipeline_retries_a_503_and_can_be_removed()
    {
        var services = new ServiceCollection();
        Fast(Register(services, null, o => Configure(o, ServerAddress, Key)));
        Register(services, "bare", o => Configure(o, ServerAddress, Key)).RemoveAllResilienceHandlers();
        await using var sp = services.BuildServiceProvider();

        _failuresLeft = 1;
        await CallAsync(sp.GetRequiredService<TClient>());
        Assert.Equal(2, _server.LogEntries.Count());

        _failuresLeft = 1;
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => CallAsync(sp.GetRequiredService<IEmailStatsClientFactory<TClient>>().CreateClient("bare")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(3, _server.LogEntries.Count());
    }

    [Fact]
    public async Task Named_clients_have_their_own_options_and_an_unknown_name_is_a_clear_error()
    {
        var services = new ServiceCollection();
        Register(services, "first", o => Configure(o, ServerAddress, Key + "-first"));
        Register(services, "second", o => Configure(o, ServerAddress, Key + "-second"));
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IEmailStatsClientFactory<TClient>>();

        await CallAsync(factory.CreateClient("second"));
        await CallAsync(factory.CreateClient("first"));
        var unknown = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("third"));

        var requests = _server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.True(Carries(requests[0], Key + "-second") && !Carries(requests[0], Key + "-first"), "the second account's request carries its own key");
        Assert.True(Carries(requests[1], Key + "-first") && !Carries(requests[1], Key + "-second"), "the first account's request carries its own key");
        Assert.Contains("named 'third' is registered (registered: 'first', 'second')", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Register(services, "first", o => Configure(o, ServerAddress, Key)));
    }

    private ServiceProvider Services(string? name, string key)
    {
        var services = new ServiceCollection();
        Register(services, name, o => Configure(o, ServerAddress, key));
        return services.BuildServiceProvider();
    }

    /// <summary>Tiny back-off: the contract checks what is retried, not how long it waits.</summary>
    private static void Fast(IHttpClientBuilder builder) =>
        builder.Services.Configure<HttpStandardResilienceOptions>($"{builder.Name}-standard", o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.BackoffType = DelayBackoffType.Constant;
            o.Retry.UseJitter = false;
        });

    /// <summary>Whether a request carries <paramref name="key"/>: in its URL, a header (Basic credentials decoded) or its body.</summary>
    private static bool Carries(IRequestMessage request, string key)
    {
        var text = new StringBuilder(request.Url).Append('\n').Append(request.Body);
        foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            foreach (var value in values)
            {
                text.Append('\n').Append(name).Append(": ").Append(value);
                if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                {
                    try
                    {
                        text.Append('\n').Append(Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim())));
                    }
                    catch (FormatException)
                    {
                    }
                }
            }
        }

        return text.ToString().Contains(key, StringComparison.Ordinal);
    }
}
