using System.Net;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>Two sandboxes: two accounts of one provider, each reached by its own named client.</summary>
public sealed class TwoSandboxes : IDisposable
{
    public EmailStatsSandbox First { get; } = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 60 });

    public EmailStatsSandbox Second { get; } = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 60 });

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
    }
}

/// <summary>
/// Named clients (DESIGN.md section 8.4) for every provider: each name has its own options, server and key, beside the
/// unnamed registration; an unknown name, a repeated name and invalid options are clear errors.
/// </summary>
public sealed class NamedClientTests(TwoSandboxes sandboxes) : IClassFixture<TwoSandboxes>
{
    public static TheoryData<EmailStatsProvider> Providers => new(Enum.GetValues<EmailStatsProvider>());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_accounts_reach_their_own_servers_with_their_own_keys_beside_the_unnamed_client(EmailStatsProvider provider)
    {
        var services = new ServiceCollection();
        Register(services, provider, null, sandboxes.First, key: null);
        Register(services, provider, "first", sandboxes.First, key: null);
        Register(services, provider, "second", sandboxes.Second, key: "a-key-the-second-account-refuses");
        await using var sp = services.BuildServiceProvider();
        var (first, second) = (sandboxes.First.RequestCount, sandboxes.Second.RequestCount);

        Assert.True(await CallAsync(sp, provider, "first"));
        Assert.Equal((first + 1, second), (sandboxes.First.RequestCount, sandboxes.Second.RequestCount));

        var refused = await Assert.ThrowsAsync<EmailStatsApiException>(() => CallAsync(sp, provider, "second"));
        if (provider == EmailStatsProvider.JsonRpcMessages)
        {
            // GetResponse answers a wrong key with 200 and JSON-RPC error -1.
            Assert.Equal("-1", refused.ErrorCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal((first + 1, second + 1), (sandboxes.First.RequestCount, sandboxes.Second.RequestCount));
        Assert.DoesNotContain("a-key-the-second-account-refuses", refused.ToString(), StringComparison.Ordinal);

        Assert.True(await CallAsync(sp, provider, null));
        Assert.Equal((first + 2, second + 1), (sandboxes.First.RequestCount, sandboxes.Second.RequestCount));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unknown_name_a_repeated_name_and_invalid_options_are_clear_errors(EmailStatsProvider provider)
    {
        var services = new ServiceCollection();
        Register(services, provider, "shop", sandboxes.First, key: null);
        Register(services, provider, "broken", sandboxes.First, key: "");

        var repeated = Assert.Throws<ArgumentException>(() => Register(services, provider, "shop", sandboxes.First, key: null));
        Assert.Contains("named 'shop' is registered already", repeated.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Register(services, provider, " ", sandboxes.First, key: null));

        await using var sp = services.BuildServiceProvider();
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(sp, provider, "shopp"));
        Assert.Contains("named 'shopp' is registered (registered: 'broken', 'shop')", unknown.Message, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => CallAsync(sp, provider, "broken"));
        Assert.Equal("broken", invalid.OptionsName);
        Assert.Contains("ApiKey", invalid.Message, StringComparison.Ordinal);
    }

    /// <summary>Registers the provider's client, unnamed when <paramref name="name"/> is null, against a sandbox; <paramref name="key"/> replaces its key.</summary>
    private static void Register(IServiceCollection services, EmailStatsProvider provider, string? name, EmailStatsSandbox sandbox, string? key)
    {
        IHttpClientBuilder builder = provider switch
        {
            EmailStatsProvider.SendGridV2 => name is null
                ? services.AddSendGridV2StatsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddSendGridV2StatsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
            EmailStatsProvider.JsonRpcMessages => name is null
                ? services.AddMessageStatsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddMessageStatsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
            EmailStatsProvider.SendGridV3 => name is null
                ? services.AddSendGridV3StatsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddSendGridV3StatsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
            EmailStatsProvider.GetResponse => name is null
                ? services.AddGetResponseStatsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddGetResponseStatsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
            EmailStatsProvider.Mailgun => name is null
                ? services.AddMailgunStatsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddMailgunStatsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
            _ => name is null
                ? services.AddReportsClient(o => Set(o, sandbox.Configure, k => o.ApiKey = k, key))
                : services.AddReportsClient(name, o => Set(o, sandbox.Configure, k => o.ApiKey = k, key)),
        };
        builder.UseSandbox(sandbox).WithTestResilience();

        static void Set<T>(T options, Action<T> configure, Action<string> setKey, string? key)
        {
            configure(options);
            if (key is not null)
            {
                setKey(key);
            }
        }
    }

    /// <summary>One call through the named client (the unnamed one when <paramref name="name"/> is null); true when it answered with data.</summary>
    private async Task<bool> CallAsync(IServiceProvider sp, EmailStatsProvider provider, string? name)
    {
        T Client<T>()
            where T : class => name is null ? sp.GetRequiredService<T>() : sp.GetRequiredService<IEmailStatsClientFactory<T>>().CreateClient(name);

        switch (provider)
        {
            case EmailStatsProvider.SendGridV2:
                return (await Client<ISendGridV2StatsClient>().GetAggregateAsync("acme-receipts")).Requests > 0;
            case EmailStatsProvider.JsonRpcMessages:
                return (await Client<IMessageStatsClient>().GetMessageStatsAsync(MessageStatsQuery.ForMessage(sandboxes.First.GetResponse.NewsletterIds[^1]))).Count > 0;
            case EmailStatsProvider.SendGridV3:
                return (await Client<ISendGridV3StatsClient>().GetGlobalStatsAsync(SendGridV3StatsQuery.Between(SandboxServer.Today.AddDays(-2)))).Count > 0;
            case EmailStatsProvider.GetResponse:
                return (await Client<IGetResponseStatsClient>().GetNewsletterStatsAsync(sandboxes.First.GetResponse.NewsletterIds[^1], GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total))).Items.Count > 0;
            case EmailStatsProvider.Mailgun:
                return (await Client<IMailgunStatsClient>().GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered))).Stats.Count > 0;
            default:
                return (await Client<IReportsClient>().GetEmailOverallAsync(ReportsQuery.PastDays(30))).Stats.Sent.Count.Value > 0;
        }
    }
}
