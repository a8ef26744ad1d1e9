using System.Net;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>Queued faults are served, observable by the caller, and consumed one request each.</summary>
public sealed class FaultTests : IClassFixture<SandboxServer>
{
    private readonly EmailStatsSandbox _sandbox;

    public FaultTests(SandboxServer server)
    {
        _sandbox = server.Sandbox;
        _sandbox.Faults.Clear();
    }

    private SendGridV2StatsClient Client(TimeSpan? timeout = null)
    {
        var options = new SendGridV2Options();
        _sandbox.Configure(options);
        return new SendGridV2StatsClient(new HttpClient(_sandbox.CreateHandler()) { Timeout = timeout ?? TimeSpan.FromSeconds(100) }, options);
    }

    [Fact]
    public async Task A_rate_limit_fault_is_a_429_with_retry_after_in_seconds_then_normal_answers()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV2, SandboxFault.RateLimited(TimeSpan.FromSeconds(7)));
        var client = Client();

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetAggregateAsync("acme-receipts"));
        var after = await client.GetAggregateAsync("acme-receipts");

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Contains("rate-limit", e.Errors[0], StringComparison.Ordinal);
        Assert.True(after.Requests > 0);
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.SendGridV2));
    }

    [Fact]
    public async Task A_rate_limit_fault_can_send_retry_after_as_an_http_date()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV2, SandboxFault.RateLimitedUntil(TimeSpan.FromSeconds(120)));

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetAggregateAsync("acme-receipts"));

        Assert.NotNull(e.RetryAfter);
        Assert.InRange(e.RetryAfter.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task Two_server_errors_then_success_through_the_di_pipeline_with_the_test_profile()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV2, SandboxFault.ServerError(), times: 2);
        var services = new ServiceCollection();
        services.AddSendGridV2StatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox).WithTestResilience();
        await using var provider = services.BuildServiceProvider();
        var before = _sandbox.RequestCount;

        var categories = await provider.GetRequiredService<ISendGridV2StatsClient>().GetCategoriesAsync("acme-receipts");

        Assert.Equal(3, categories.Count);
        Assert.Equal(3, _sandbox.RequestCount - before);
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.SendGridV2));
    }

    [Theory]
    [InlineData(EmailStatsProvider.SendGridV2)]
    [InlineData(EmailStatsProvider.JsonRpcMessages)]
    [InlineData(EmailStatsProvider.Mailgun)]
    [InlineData(EmailStatsProvider.Reports)]
    public async Task Every_provider_takes_faults_and_the_test_profile_retries_without_sleeping_on_retry_after(EmailStatsProvider provider)
    {
        // Under the standard profile a 20 s Retry-After fits the 30 s budget and is slept on; the test profile retries
        // after a few milliseconds. The token bounds the call well below 20 s, so a sleep would fail the test.
        _sandbox.Faults.Enqueue(provider, SandboxFault.RateLimited(TimeSpan.FromSeconds(20)));
        _sandbox.Faults.Enqueue(provider, SandboxFault.ServerError());
        var services = new ServiceCollection();
        Func<IServiceProvider, CancellationToken, Task<object>> call = provider switch
        {
            EmailStatsProvider.SendGridV2 => Register(services.AddSendGridV2StatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox),
                async (sp, ct) => await sp.GetRequiredService<ISendGridV2StatsClient>().GetAggregateAsync("acme-receipts", ct)),
            EmailStatsProvider.JsonRpcMessages => Register(services.AddMessageStatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox),
                async (sp, ct) => await sp.GetRequiredService<JsonRpcMessages.IMessageStatsClient>().GetMessageStatsAsync(JsonRpcMessages.MessageStatsQuery.ForMessage(_sandbox.GetResponse.NewsletterIds[0]), ct)),
            EmailStatsProvider.Mailgun => Register(services.AddMailgunStatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox),
                async (sp, ct) => await sp.GetRequiredService<Mailgun.IMailgunStatsClient>().GetAccountTotalsAsync(Mailgun.MailgunStatsQuery.ForEvents(Mailgun.MailgunEvent.Delivered), ct)),
            _ => Register(services.AddReportsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox),
                async (sp, ct) => await sp.GetRequiredService<Reports.IReportsClient>().GetEmailOverallAsync(Reports.ReportsQuery.PastDays(7), ct)),
        };
        await using var sp = services.BuildServiceProvider();
        var before = _sandbox.RequestCount;

        var answer = await call(sp, CancellationToken.None);

        Assert.NotNull(answer);
        Assert.Equal(3, _sandbox.RequestCount - before);
        Assert.Equal(0, _sandbox.Faults.Pending(provider));

        static Func<IServiceProvider, CancellationToken, Task<object>> Register(IHttpClientBuilder builder, Func<IServiceProvider, CancellationToken, Task<object>> call)
        {
            builder.WithTestResilience();
            return call;
        }
    }

    [Fact]
    public void The_test_profile_refuses_a_builder_that_is_no_emailstats_client()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHttpClient("other").WithTestResilience());

        Assert.Contains("'other' is not an EmailStats client", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_without_resilience_is_an_api_exception_with_its_status()
    {
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV2, SandboxFault.ServerError(HttpStatusCode.BadGateway));

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetCategoriesAsync("acme-receipts"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(["502 sandbox fault"], e.Errors);
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_client_timeout_is_a_transport_timeout()
    {
        // Warm the client path first (a cold first call can spend its JIT time inside the short timeout). The answer is
        // far slower than the timeout, and the timeout far longer than the sandbox needs to take the fault, so a loaded
        // machine changes neither; the sandbox counts a request as it arrives.
        await Client().GetCategoriesAsync("acme-receipts");
        var before = _sandbox.RequestCount;
        _sandbox.Faults.Enqueue(EmailStatsProvider.SendGridV2, SandboxFault.Slow(TimeSpan.FromMinutes(1)));

        var e = await Assert.ThrowsAsync<EmailStatsTransportException>(() => Client(TimeSpan.FromSeconds(2)).GetCategoriesAsync("acme-receipts"));

        Assert.Equal(TransportFailure.Timeout, e.Kind);
        Assert.Equal(0, _sandbox.Faults.Pending(EmailStatsProvider.SendGridV2));
        Assert.Equal(before + 1, _sandbox.RequestCount);
    }

    [Fact]
    public void Fault_arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.ServerError(HttpStatusCode.NotFound));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.RateLimited(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _sandbox.Faults.Enqueue(EmailStatsProvider.Mailgun, SandboxFault.ServerError(), times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmailStatsSandbox.Create(new SandboxOptions { HistoryDays = 0 }));
    }
}
