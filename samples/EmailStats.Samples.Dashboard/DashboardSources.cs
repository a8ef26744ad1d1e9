using EmailStats.Clients;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmailStats.Samples.Dashboard;

/// <summary>The providers the dashboard shows, by their command-line names.</summary>
internal enum Provider
{
    SendGrid,
    GetResponse,
    Mailgun,
    Reports,
}

/// <summary>One provider to show: its neutral source, or why it could not be set up.</summary>
internal sealed record DashboardSource(Provider Provider, bool UsesSandbox, IEmailStatsSource? Source, string? Error);

/// <summary>The sources and the service provider that owns their clients.</summary>
internal sealed record DashboardSetup(IReadOnlyList<DashboardSource> Sources, ServiceProvider Services) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>
/// Builds each provider's <see cref="IEmailStatsSource"/>: from credentials in configuration (environment variables or
/// user secrets) when they are set, otherwise from the built-in sandbox.
/// </summary>
internal static class DashboardSources
{
    public static DashboardSetup Build(IConfiguration configuration, IServiceCollection services, IEnumerable<Provider> providers, Func<EmailStatsSandbox> sandbox)
    {
        var plans = new List<(Provider Provider, bool Sandbox, string? Error, Func<IServiceProvider, IEmailStatsSource>? Create)>();
        foreach (var provider in providers.Distinct())
        {
            try
            {
                plans.Add(provider switch
                {
                    Provider.SendGrid => SendGrid(configuration, services, sandbox),
                    Provider.GetResponse => GetResponse(configuration, services, sandbox),
                    Provider.Mailgun => Mailgun(configuration, services, sandbox),
                    _ => Reports(configuration, services, sandbox),
                });
            }
            catch (Exception e) when (e is ArgumentException or FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                plans.Add((provider, false, e.Message, null));
            }
        }

        var built = services.BuildServiceProvider();
        var sources = new List<DashboardSource>();
        foreach (var (provider, usesSandbox, error, create) in plans)
        {
            if (create is null)
            {
                sources.Add(new(provider, usesSandbox, null, error));
                continue;
            }

            try
            {
                sources.Add(new(provider, usesSandbox, create(built), null));
            }
            catch (Exception e) when (e is OptionsValidationException or ArgumentException)
            {
                sources.Add(new(provider, usesSandbox, null, e.Message));
            }
        }

        return new DashboardSetup(sources, built);
    }

    private static (Provider, bool, string?, Func<IServiceProvider, IEmailStatsSource>?) SendGrid(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "SENDGRID_API_KEY");
        var user = real ? Required(c, "SENDGRID_USER") : null;
        var categories = c["SENDGRID_CATEGORIES"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var zone = Zone(c["SENDGRID_TIME_ZONE"]);
        services.AddSendGridV2StatsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiUser = c["SENDGRID_API_USER"] ?? "";
            o.ApiKey = c["SENDGRID_API_KEY"]!;
            o.Api = string.Equals(c["SENDGRID_API"], "reseller", StringComparison.OrdinalIgnoreCase) ? SendGridV2Api.Reseller : SendGridV2Api.Subuser;
            if (c["SENDGRID_BASE_ADDRESS"] is { Length: > 0 } address)
            {
                o.BaseAddress = new Uri(address);
            }
        });
        return (Provider.SendGrid, !real, null, sp => new SendGridV2EmailStatsSource(
            sp.GetRequiredService<ISendGridV2StatsClient>(), user ?? sandbox().SendGridV2.Users[0], categories, zone, Clock(real, sandbox)));
    }

    private static (Provider, bool, string?, Func<IServiceProvider, IEmailStatsSource>?) GetResponse(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "GETRESPONSE_API_KEY");
        var message = real ? Required(c, "GETRESPONSE_MESSAGE_ID") : null;
        var zone = Zone(c["GETRESPONSE_TIME_ZONE"]);
        services.AddMessageStatsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["GETRESPONSE_API_KEY"]!;
            if (c["GETRESPONSE_ENDPOINT"] is { Length: > 0 } endpoint)
            {
                o.Endpoint = new Uri(endpoint);
            }
        });
        return (Provider.GetResponse, !real, null, sp => new MessageEmailStatsSource(
            sp.GetRequiredService<IMessageStatsClient>(), message ?? SandboxMessageId(sandbox()), zone, Clock(real, sandbox)));
    }

    private static (Provider, bool, string?, Func<IServiceProvider, IEmailStatsSource>?) Mailgun(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "MAILGUN_API_KEY");
        var domain = c["MAILGUN_DOMAIN"] is { Length: > 0 } d ? d : null;
        services.AddMailgunStatsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["MAILGUN_API_KEY"]!;
            o.Region = string.Equals(c["MAILGUN_REGION"], "eu", StringComparison.OrdinalIgnoreCase) ? MailgunRegion.EU : MailgunRegion.US;
            if (c["MAILGUN_BASE_ADDRESS"] is { Length: > 0 } address)
            {
                o.BaseAddress = new Uri(address);
            }
        });
        return (Provider.Mailgun, !real, null, sp => new MailgunEmailStatsSource(sp.GetRequiredService<IMailgunStatsClient>(), real ? domain : null, Clock(real, sandbox)));
    }

    private static (Provider, bool, string?, Func<IServiceProvider, IEmailStatsSource>?) Reports(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "REPORTS_API_KEY");
        var zone = c["REPORTS_TIME_ZONE"] is { Length: > 0 } z ? z : "UTC";
        services.AddReportsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["REPORTS_API_KEY"]!;
            o.BaseAddress = c["REPORTS_BASE_ADDRESS"] is { Length: > 0 } address ? new Uri(address) : null;
        });
        return (Provider.Reports, !real, null, sp => new ReportsEmailStatsSource(sp.GetRequiredService<IReportsClient>(), zone, Clock(real, sandbox)));
    }

    /// <summary>The newest sandbox message: the one still collecting activity in the last days.</summary>
    private static string SandboxMessageId(EmailStatsSandbox sandbox) => sandbox.JsonRpcMessages.SentAt.MaxBy(m => m.Value).Key;

    /// <summary>A live source reads the system clock; a sandboxed one the sandbox's, so that "today" is where its data ends.</summary>
    private static TimeProvider? Clock(bool real, Func<EmailStatsSandbox> sandbox) => real ? null : sandbox().Clock;

    private static bool Has(IConfiguration c, string key) => !string.IsNullOrWhiteSpace(c[key]);

    private static string Required(IConfiguration c, string key) =>
        c[key] is { Length: > 0 } value ? value : throw new ArgumentException($"{key} is required with real credentials.");

    private static TimeZoneInfo? Zone(string? id) => string.IsNullOrWhiteSpace(id) ? null : TimeZoneInfo.FindSystemTimeZoneById(id);
}
