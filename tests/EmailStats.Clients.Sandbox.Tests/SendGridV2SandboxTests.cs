using System.Net;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>The SendGrid v2 client against the sandbox: every operation, consistent data, recorded fixtures, refusals.</summary>
public sealed class SendGridV2SandboxTests(SandboxServer server) : IClassFixture<SandboxServer>
{
    private readonly EmailStatsSandbox _sandbox = server.Sandbox;

    public static TheoryData<SendGridV2Api, SendGridV2Format> ApisAndFormats => new()
    {
        { SendGridV2Api.Reseller, SendGridV2Format.Json },
        { SendGridV2Api.Reseller, SendGridV2Format.Xml },
        { SendGridV2Api.Subuser, SendGridV2Format.Json },
        { SendGridV2Api.Subuser, SendGridV2Format.Xml },
    };

    private SendGridV2StatsClient Client(SendGridV2Api api = SendGridV2Api.Subuser, SendGridV2Format format = SendGridV2Format.Json)
    {
        var options = new SendGridV2Options { Api = api, Format = format };
        _sandbox.Configure(options);
        return new SendGridV2StatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task The_last_days_end_today_one_row_per_day(SendGridV2Api api, SendGridV2Format format)
    {
        var stats = await Client(api, format).GetStatsAsync(SendGridStatsQuery.ForUser("acme-newsletters").LastDays(14));

        Assert.Equal(14, stats.Count);
        Assert.Equal(SandboxServer.Today, stats[^1].Date);
        Assert.Equal(SandboxServer.Today.AddDays(-13), stats[0].Date);
        Assert.All(stats, day =>
        {
            Assert.True(day.Requests > 0);
            Assert.Equal(day.Requests, day.Delivered + day.Bounces + day.Blocks + day.InvalidEmail);
            Assert.InRange(day.UniqueOpens, 1, day.Opens);
            Assert.InRange(day.UniqueClicks, 0, day.Clicks);
        });
    }

    [Theory]
    [MemberData(nameof(ApisAndFormats))]
    public async Task Every_operation_answers_with_the_same_data_in_both_apis_and_formats(SendGridV2Api api, SendGridV2Format format)
    {
        var reference = Client();
        var client = Client(api, format);
        var range = SendGridStatsQuery.ForUser("acme-receipts").Between(SandboxServer.Today.AddDays(-6), SandboxServer.Today);

        Assert.Equal(await reference.GetStatsAsync(range), await client.GetStatsAsync(range));
        Assert.Equal(await reference.GetAggregateAsync("acme-receipts"), await client.GetAggregateAsync("acme-receipts"));
        Assert.Equal(["receipts", "password-reset", "shipping"], await client.GetCategoriesAsync("acme-receipts"));
        var byCategory = range.WithCategories("receipts", "shipping");
        var expected = await reference.GetCategoryStatsAsync(byCategory);
        var actual = await client.GetCategoryStatsAsync(byCategory);
        Assert.Equal(expected.Select(Documented), actual.Select(Documented));

        // Seed 001: subuser category statistics carry requests, bounces, clicks, opens and spamreports only (the
        // model reads the others as 0); the reseller's carry every counter.
        Assert.All(actual, day => Assert.Equal(api == SendGridV2Api.Reseller, day.Delivered > 0 && day.UniqueOpens > 0));

        static (DateOnly, string, long, long, long, long, long) Documented(SendGridCategoryStats d) =>
            (d.Date, d.Category, d.Requests, d.Bounces, d.Clicks, d.Opens, d.SpamReports);
    }

    [Fact]
    public async Task The_aggregate_equals_the_sum_of_every_day_of_history()
    {
        var client = Client();
        var history = SendGridStatsQuery.ForUser("acme-newsletters").Between(SandboxServer.Today.AddDays(-119), SandboxServer.Today);

        var days = await client.GetStatsAsync(history);
        var total = await client.GetAggregateAsync("acme-newsletters");

        Assert.Equal(120, days.Count);
        Assert.Equal(days.Sum(d => d.Requests), total.Requests);
        Assert.Equal(days.Sum(d => d.Delivered), total.Delivered);
        Assert.Equal(days.Sum(d => d.UniqueOpens), total.UniqueOpens);
        Assert.Equal(days.Sum(d => d.Clicks), total.Clicks);
        Assert.Equal(days.Sum(d => d.Unsubscribes), total.Unsubscribes);
    }

    [Fact]
    public async Task A_users_day_is_the_sum_of_its_categories()
    {
        var client = Client(SendGridV2Api.Reseller, SendGridV2Format.Xml);
        var week = SendGridStatsQuery.ForUser("acme-newsletters").LastDays(7);

        var days = await client.GetStatsAsync(week);
        var categories = await client.GetCategoryStatsAsync(week.WithCategories([.. await client.GetCategoriesAsync("acme-newsletters")]));

        Assert.Equal(21, categories.Count);
        foreach (var day in days)
        {
            var parts = categories.Where(c => c.Date == day.Date).ToList();
            Assert.Equal(3, parts.Count);
            Assert.Equal(day.Requests, parts.Sum(p => p.Requests));
            Assert.Equal(day.Opens, parts.Sum(p => p.Opens));
        }
    }

    [Fact]
    public async Task Days_before_the_history_read_as_zero_and_answers_are_reproducible()
    {
        var old = SendGridStatsQuery.ForUser("acme-newsletters").Between(SandboxServer.Today.AddDays(-125), SandboxServer.Today.AddDays(-118));

        var first = await Client().GetStatsAsync(old);
        using var other = EmailStatsSandbox.Create(new SandboxOptions { Today = SandboxServer.Today, HistoryDays = 120 });
        var options = new SendGridV2Options();
        other.Configure(options);
        var second = await new SendGridV2StatsClient(new HttpClient(other.CreateHandler()), options).GetStatsAsync(old);

        Assert.Equal(first, second);
        Assert.Equal(0, first[0].Requests);
        Assert.Equal(0, first[5].Requests);
        Assert.True(first[6].Requests > 0, "the first day of history has data");
    }

    [Fact]
    public async Task Wrong_credentials_an_unknown_user_and_bad_dates_are_refused_like_sendgrid_does()
    {
        var options = new SendGridV2Options();
        _sandbox.Configure(options);
        options.ApiKey = "wrong";
        var wrongKey = new SendGridV2StatsClient(new HttpClient(_sandbox.CreateHandler()), options);

        var denied = await Assert.ThrowsAsync<EmailStatsApiException>(() => wrongKey.GetAggregateAsync("acme-receipts"));
        var unknown = await Assert.ThrowsAsync<EmailStatsApiException>(() => Client().GetAggregateAsync("nobody"));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("401", denied.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(["User nobody does not exist"], unknown.Errors);
    }

    [Fact]
    public async Task One_line_of_wiring_points_the_di_client_at_the_sandbox()
    {
        var services = new ServiceCollection();
        services.AddSendGridV2StatsClient(o => _sandbox.Configure(o)).UseSandbox(_sandbox);
        await using var provider = services.BuildServiceProvider();

        var categories = await provider.GetRequiredService<ISendGridV2StatsClient>().GetCategoriesAsync("acme-newsletters");

        Assert.Equal(["newsletter", "product-updates", "onboarding"], categories);
    }
}
