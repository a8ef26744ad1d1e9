using EmailStats.Clients.Mailgun;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The package README's xunit example, as written there: it must compile and pass.</summary>
public sealed class ReadmeSandboxFixture : IDisposable
{
    public EmailStatsSandbox Sandbox { get; } = EmailStatsSandbox.Create(new SandboxOptions { Today = new DateOnly(2026, 11, 20) });

    public void Dispose() => Sandbox.Dispose();
}

public sealed class ReadmeExampleTests(ReadmeSandboxFixture fixture) : IClassFixture<ReadmeSandboxFixture>
{
    private IMailgunStatsClient Client()
    {
        var services = new ServiceCollection();
        services.AddMailgunStatsClient(o => fixture.Sandbox.Configure(o)).UseSandbox(fixture.Sandbox)
            .WithTestResilience();
        return services.BuildServiceProvider().GetRequiredService<IMailgunStatsClient>();
    }

    [Fact]
    public async Task Survives_two_server_errors()
    {
        fixture.Sandbox.Faults.Enqueue(EmailStatsProvider.Mailgun, SandboxFault.ServerError(), times: 2);

        var totals = await Client().GetDomainTotalsAsync("mg.acme.example", MailgunStatsQuery.ForEvents(MailgunEvent.Delivered));

        Assert.NotEmpty(totals.Stats);
        Assert.Equal(0, fixture.Sandbox.Faults.Pending(EmailStatsProvider.Mailgun));
    }

    [Fact]
    public async Task Reports_a_refused_key()
    {
        var options = new MailgunOptions();
        fixture.Sandbox.Configure(options);
        options.ApiKey = "wrong";
        var client = new MailgunStatsClient(new HttpClient(fixture.Sandbox.CreateHandler()), options);

        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Delivered)));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, e.StatusCode);
    }
}
