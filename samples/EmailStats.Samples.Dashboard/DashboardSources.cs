using EmailStats.Clients;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.Sandbox;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Samples.Dashboard;

/// <summary>The providers the dashboard shows.</summary>
internal enum Provider
{
    SendGrid,
    GetResponse,
    Mailgun,
    BenchmarkEmail,
}

/// <summary>The providers' names: on screen, in exports and on the command line.</summary>
internal static class Providers
{
    /// <summary>The names <c>--provider</c> takes, first the canonical one.</summary>
    private static readonly (string Name, Provider Provider)[] Names =
    [
        ("sendgrid", Provider.SendGrid), ("getresponse", Provider.GetResponse), ("mailgun", Provider.Mailgun),
        ("benchmark", Provider.BenchmarkEmail), ("benchmark-email", Provider.BenchmarkEmail), ("reports", Provider.BenchmarkEmail),
    ];

    public static IReadOnlyList<Provider> All { get; } = Enum.GetValues<Provider>();

    /// <summary>The valid names, for messages: <c>sendgrid, getresponse, mailgun, benchmark (or reports)</c>.</summary>
    public static string Valid => "sendgrid, getresponse, mailgun, benchmark (alias: reports)";

    public static string Display(Provider provider) => provider switch
    {
        Provider.SendGrid => "SendGrid",
        Provider.GetResponse => "GetResponse",
        Provider.Mailgun => "Mailgun",
        _ => "Benchmark Email",
    };

    public static bool TryParse(string name, out Provider provider)
    {
        foreach (var (known, value) in Names)
        {
            if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                provider = value;
                return true;
            }
        }

        provider = default;
        return false;
    }
}

/// <summary>
/// One provider to show: its neutral source, or why it could not be set up; and the settings a failure should name
/// (<paramref name="Credentials"/> on a refusal, <paramref name="Address"/> when the server cannot be reached).
/// </summary>
internal sealed record DashboardSource(Provider Provider, bool UsesSandbox, IEmailStatsSource? Source, string? Error, string Credentials, string Address);

/// <summary>The sources and the service provider that owns their clients.</summary>
internal sealed record DashboardSetup(IReadOnlyList<DashboardSource> Sources, ServiceProvider Services) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>
/// Builds each provider's <see cref="IEmailStatsSource"/>: from credentials in configuration (environment variables or
/// user secrets) when they are set, otherwise from the built-in sandbox. Settings are read with
/// <see cref="SampleSettings"/>, exactly as the per-provider samples read them: a malformed one is that provider's
/// one-line error, never a crash and never ignored.
/// </summary>
internal static class DashboardSources
{
    private sealed record Plan(Provider Provider, bool Sandbox, string Credentials, string Address, Func<IServiceProvider, IEmailStatsSource>? Create, string? Error = null);

    public static DashboardSetup Build(IConfiguration configuration, IServiceCollection services, IEnumerable<Provider> providers, Func<EmailStatsSandbox> sandbox)
    {
        var plans = new List<Plan>();
        foreach (var provider in providers.Distinct())
        {
            var (credentials, address) = Settings(provider);
            try
            {
                plans.Add(provider switch
                {
                    Provider.SendGrid => SendGrid(configuration, services, sandbox),
                    Provider.GetResponse => GetResponse(configuration, services, sandbox),
                    Provider.Mailgun => Mailgun(configuration, services, sandbox),
                    _ => Benchmark(configuration, services, sandbox),
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                plans.Add(new(provider, false, credentials, address, null, SampleErrors.OneLine(e)));
            }
        }

        var built = services.BuildServiceProvider();
        var sources = new List<DashboardSource>();
        foreach (var plan in plans)
        {
            if (plan.Create is null)
            {
                sources.Add(new(plan.Provider, plan.Sandbox, null, plan.Error, plan.Credentials, plan.Address));
                continue;
            }

            try
            {
                sources.Add(new(plan.Provider, plan.Sandbox, plan.Create(built), null, plan.Credentials, plan.Address));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sources.Add(new(plan.Provider, plan.Sandbox, null, SampleErrors.OneLine(e, plan.Credentials), plan.Credentials, plan.Address));
            }
        }

        return new DashboardSetup(sources, built);
    }

    private static (string Credentials, string Address) Settings(Provider provider) => provider switch
    {
        Provider.SendGrid => ("SENDGRID_API_USER and SENDGRID_API_KEY", "SENDGRID_BASE_ADDRESS"),
        Provider.GetResponse => ("GETRESPONSE_API_KEY", "GETRESPONSE_ENDPOINT"),
        Provider.Mailgun => ("MAILGUN_API_KEY", "MAILGUN_BASE_ADDRESS or MAILGUN_REGION"),
        _ => ("REPORTS_API_KEY", "REPORTS_BASE_ADDRESS"),
    };

    private static Plan SendGrid(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        // A v3 key (what SendGrid accounts answer today) wins over v2 credentials: v2 is deprecated.
        if (Has(c, "SENDGRID_V3_API_KEY"))
        {
            return SendGridV3(c, services);
        }

        var real = Has(c, "SENDGRID_API_KEY");
        var (credentials, address) = Settings(Provider.SendGrid);
        var zone = SampleSettings.Zone(c["SENDGRID_TIME_ZONE"], "SENDGRID_TIME_ZONE");
        var category = Category(c);
        var api = SampleSettings.Choice(c["SENDGRID_API"], "SENDGRID_API", SendGridV2Api.Subuser, ("subuser", SendGridV2Api.Subuser), ("reseller", SendGridV2Api.Reseller));
        var baseAddress = SampleSettings.Url(c["SENDGRID_BASE_ADDRESS"], "SENDGRID_BASE_ADDRESS");
        string? user = null;
        if (real)
        {
            user = SampleSettings.Required(c["SENDGRID_USER"], "SENDGRID_USER", "with SENDGRID_API_KEY (the customer or subuser to show)");
            _ = SampleSettings.Required(c["SENDGRID_API_USER"], "SENDGRID_API_USER", "with SENDGRID_API_KEY");
        }

        var registration = services.AddSendGridV2StatsClient(o =>
        {
            o.Api = api;
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiUser = c["SENDGRID_API_USER"]!.Trim();
            o.ApiKey = c["SENDGRID_API_KEY"]!.Trim();
            o.BaseAddress = baseAddress ?? o.BaseAddress;
        });
        if (!real)
        {
            registration.UseSandbox(sandbox());
        }

        return new(Provider.SendGrid, !real, credentials, address, sp => new SendGridV2EmailStatsSource(
            sp.GetRequiredService<ISendGridV2StatsClient>(), user ?? sandbox().SendGrid.Subusers[0], category, zone, Clock(real, sandbox)));
    }

    private static Plan SendGridV3(IConfiguration c, IServiceCollection services)
    {
        const string Credentials = "SENDGRID_V3_API_KEY";
        const string Address = "SENDGRID_BASE_ADDRESS or SENDGRID_REGION";
        var zone = SampleSettings.Zone(c["SENDGRID_TIME_ZONE"], "SENDGRID_TIME_ZONE");
        var region = SampleSettings.Choice(c["SENDGRID_REGION"], "SENDGRID_REGION", SendGridRegion.Global, ("global", SendGridRegion.Global), ("eu", SendGridRegion.EU));
        var baseAddress = SampleSettings.Url(c["SENDGRID_BASE_ADDRESS"], "SENDGRID_BASE_ADDRESS");
        var category = Category(c);
        var subusers = c["SENDGRID_SUBUSERS"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (category is not null && subusers.Length > 0)
        {
            throw new SettingException("SENDGRID_SUBUSERS", "Set SENDGRID_CATEGORY or SENDGRID_SUBUSERS, not both: SendGrid reads them from different endpoints.");
        }

        var onBehalfOf = c["SENDGRID_ON_BEHALF_OF"] is { Length: > 0 } who ? who.Trim() : null;
        services.AddSendGridV3StatsClient(o =>
        {
            o.ApiKey = c["SENDGRID_V3_API_KEY"]!.Trim();
            o.Region = region;
            o.BaseAddress = baseAddress;
            o.OnBehalfOf = onBehalfOf;
        });
        return new(Provider.SendGrid, false, Credentials, Address, sp => new SendGridV3EmailStatsSource(
            sp.GetRequiredService<ISendGridV3StatsClient>(), category, subusers, zone));
    }

    /// <summary>One category: a message can carry several, so categories overlap and are never added up.</summary>
    private static string? Category(IConfiguration c) => c["SENDGRID_CATEGORY"] is { Length: > 0 } category
        ? category.Contains(',', StringComparison.Ordinal)
            ? throw new SettingException("SENDGRID_CATEGORY", "Name one category: categories overlap (a message can carry several), so they are never added up.")
            : category.Trim()
        : null;

    private static Plan GetResponse(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        // A v3 key (what GetResponse accounts answer today) wins over the JSON-RPC 1.5 settings.
        if (Has(c, "GETRESPONSE_V3_API_KEY"))
        {
            return GetResponseV3(c, services);
        }

        var real = Has(c, "GETRESPONSE_API_KEY");
        var (credentials, address) = Settings(Provider.GetResponse);
        var zone = SampleSettings.Zone(c["GETRESPONSE_TIME_ZONE"], "GETRESPONSE_TIME_ZONE");
        var endpoint = SampleSettings.Url(c["GETRESPONSE_ENDPOINT"], "GETRESPONSE_ENDPOINT");
        var message = real ? SampleSettings.Required(c["GETRESPONSE_MESSAGE_ID"], "GETRESPONSE_MESSAGE_ID", "with GETRESPONSE_API_KEY (the message to show)") : null;

        var registration = services.AddMessageStatsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["GETRESPONSE_API_KEY"]!.Trim();
            o.Endpoint = endpoint ?? o.Endpoint;
        });
        if (!real)
        {
            registration.UseSandbox(sandbox());
        }

        return new(Provider.GetResponse, !real, credentials, address, sp => new MessageEmailStatsSource(
            sp.GetRequiredService<IMessageStatsClient>(), message ?? SandboxMessageId(sandbox()), zone, Clock(real, sandbox)));
    }

    private static Plan GetResponseV3(IConfiguration c, IServiceCollection services)
    {
        const string Credentials = "GETRESPONSE_V3_API_KEY";
        const string Address = "GETRESPONSE_BASE_ADDRESS";
        var zone = SampleSettings.Zone(c["GETRESPONSE_TIME_ZONE"], "GETRESPONSE_TIME_ZONE");
        var baseAddress = SampleSettings.Url(c["GETRESPONSE_BASE_ADDRESS"], "GETRESPONSE_BASE_ADDRESS");
        var newsletter = c["GETRESPONSE_NEWSLETTER_ID"] is { Length: > 0 } id ? id.Trim() : null;
        var domain = c["GETRESPONSE_DOMAIN"] is { Length: > 0 } d ? d.Trim() : null;
        services.AddGetResponseStatsClient(o =>
        {
            o.ApiKey = c["GETRESPONSE_V3_API_KEY"]!.Trim();
            o.BaseAddress = baseAddress ?? o.BaseAddress;
            o.Domain = domain;
        });
        return new(Provider.GetResponse, false, Credentials, Address, sp =>
        {
            try
            {
                return new GetResponseEmailStatsSource(sp.GetRequiredService<IGetResponseStatsClient>(), newsletter, zone);
            }
            catch (ArgumentException e) when (e.ParamName == "timeZone")
            {
                throw new SettingException("GETRESPONSE_TIME_ZONE", $"GETRESPONSE_TIME_ZONE: {e.Message.Split(" (Parameter", 2)[0]}");
            }
        });
    }

    private static Plan Mailgun(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "MAILGUN_API_KEY");
        var (credentials, address) = Settings(Provider.Mailgun);
        var region = SampleSettings.Choice(c["MAILGUN_REGION"], "MAILGUN_REGION", MailgunRegion.US, ("us", MailgunRegion.US), ("eu", MailgunRegion.EU));
        var baseAddress = SampleSettings.Url(c["MAILGUN_BASE_ADDRESS"], "MAILGUN_BASE_ADDRESS");
        var domain = c["MAILGUN_DOMAIN"] is { Length: > 0 } d ? d.Trim() : null;
        var registration = services.AddMailgunStatsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["MAILGUN_API_KEY"]!.Trim();
            o.Region = region;
            o.BaseAddress = baseAddress;
        });
        if (!real)
        {
            registration.UseSandbox(sandbox());
        }

        return new(Provider.Mailgun, !real, credentials, address, sp => new MailgunEmailStatsSource(
            sp.GetRequiredService<IMailgunStatsClient>(), real ? domain : null, Clock(real, sandbox)));
    }

    private static Plan Benchmark(IConfiguration c, IServiceCollection services, Func<EmailStatsSandbox> sandbox)
    {
        var real = Has(c, "REPORTS_API_KEY");
        var (credentials, address) = Settings(Provider.BenchmarkEmail);
        var zone = SampleSettings.Zone(c["REPORTS_TIME_ZONE"], "REPORTS_TIME_ZONE")?.Id ?? "UTC";
        var baseAddress = SampleSettings.Url(c["REPORTS_BASE_ADDRESS"], "REPORTS_BASE_ADDRESS");
        if (real && baseAddress is null)
        {
            throw new SettingException("REPORTS_BASE_ADDRESS", "REPORTS_BASE_ADDRESS is required with REPORTS_API_KEY (your account's API address, Settings > API Keys).");
        }
        var registration = services.AddReportsClient(o =>
        {
            if (!real)
            {
                sandbox().Configure(o);
                return;
            }

            o.ApiKey = c["REPORTS_API_KEY"]!.Trim();
            o.BaseAddress = baseAddress;
        });
        if (!real)
        {
            registration.UseSandbox(sandbox());
        }

        return new(Provider.BenchmarkEmail, !real, credentials, address, sp =>
        {
            try
            {
                return new ReportsEmailStatsSource(sp.GetRequiredService<IReportsClient>(), zone, Clock(real, sandbox));
            }
            catch (ArgumentException e)
            {
                throw new SettingException("REPORTS_TIME_ZONE", $"REPORTS_TIME_ZONE must be an IANA time zone such as Europe/Paris: {e.Message}");
            }
        });
    }

    /// <summary>The newest sandbox message: the one still collecting activity in the last days.</summary>
    private static string SandboxMessageId(EmailStatsSandbox sandbox) => sandbox.GetResponse.SentAt.MaxBy(m => m.Value).Key;

    /// <summary>A live source reads the system clock; a sandboxed one the sandbox's, so that "today" is where its data ends.</summary>
    private static TimeProvider? Clock(bool real, Func<EmailStatsSandbox> sandbox) => real ? null : sandbox().Clock;

    private static bool Has(IConfiguration c, string key) => !string.IsNullOrWhiteSpace(c[key]);
}
