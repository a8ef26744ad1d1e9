using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>Every one-view source over a sandbox's default accounts, by name, with clients that call the sandbox in process.</summary>
internal static class SandboxSources
{
    public static readonly string[] Names =
    [
        "sendgrid-user-berlin", "sendgrid-reseller-categories", "sendgrid-subuser-categories", "getresponse-newest",
        "getresponse-older-new-york", "sendgrid-v3-global-berlin", "sendgrid-v3-categories", "sendgrid-v3-subusers", "getresponse-v3-all",
        "getresponse-v3-newsletter-berlin", "mailgun-account", "mailgun-domain", "mailgun-v3-account", "mailgun-v3-domain", "reports-utc",
        "reports-berlin", "reports-auckland",
    ];

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static EmailStatsSource Create(string name, EmailStatsSandbox sandbox) => name switch
    {
        "sendgrid-user-berlin" => new SendGridV2EmailStatsSource(SendGridClient(sandbox, SendGridV2Api.Subuser), "acme-newsletters", null, Berlin, sandbox.Clock),
        "sendgrid-reseller-categories" => new SendGridV2EmailStatsSource(SendGridClient(sandbox, SendGridV2Api.Reseller), "acme-receipts", "shipping", null, sandbox.Clock),
        "sendgrid-subuser-categories" => new SendGridV2EmailStatsSource(SendGridClient(sandbox, SendGridV2Api.Subuser), "acme-receipts", "receipts", null, sandbox.Clock),
        "sendgrid-v3-global-berlin" => new SendGridV3EmailStatsSource(SendGridV3Client(sandbox), timeZone: Berlin, timeProvider: sandbox.Clock),
        "sendgrid-v3-categories" => new SendGridV3EmailStatsSource(SendGridV3Client(sandbox), category: "shipping", timeProvider: sandbox.Clock),
        "sendgrid-v3-subusers" => new SendGridV3EmailStatsSource(SendGridV3Client(sandbox), subusers: ["acme-newsletters", "acme-receipts"], timeProvider: sandbox.Clock),
        "getresponse-v3-all" => new GetResponseEmailStatsSource(GetResponseClient(sandbox), timeProvider: sandbox.Clock),
        "getresponse-v3-newsletter-berlin" => new GetResponseEmailStatsSource(GetResponseClient(sandbox), sandbox.GetResponse.NewsletterIds[^2], Berlin, sandbox.Clock),
        "getresponse-newest" => new MessageEmailStatsSource(MessageClient(sandbox), sandbox.GetResponse.NewsletterIds[^1], null, sandbox.Clock),
        "getresponse-older-new-york" => new MessageEmailStatsSource(
            MessageClient(sandbox), sandbox.GetResponse.NewsletterIds[^2], TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), sandbox.Clock),
        "mailgun-account" => Mailgun(sandbox, null),
        "mailgun-domain" => Mailgun(sandbox, "eu.acme.example"),
        "mailgun-v3-account" => new MailgunEmailStatsSource(MailgunClient(sandbox), null, sandbox.Clock, MailgunStatsRoute.V3Stats),
        "mailgun-v3-domain" => new MailgunEmailStatsSource(MailgunClient(sandbox), "eu.acme.example", sandbox.Clock, MailgunStatsRoute.V3Stats),
        "reports-utc" => new ReportsEmailStatsSource(ReportsClient(sandbox), "UTC", sandbox.Clock),
        "reports-berlin" => new ReportsEmailStatsSource(ReportsClient(sandbox), "Europe/Berlin", sandbox.Clock),
        "reports-auckland" => new ReportsEmailStatsSource(ReportsClient(sandbox), "Pacific/Auckland", sandbox.Clock),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown source"),
    };

    public static MailgunEmailStatsSource Mailgun(EmailStatsSandbox sandbox, string? domain) => new(MailgunClient(sandbox), domain, sandbox.Clock);

    public static SendGridV2StatsClient SendGridClient(EmailStatsSandbox sandbox, SendGridV2Api api)
    {
        var options = new SendGridV2Options { Api = api };
        sandbox.Configure(options);
        return new SendGridV2StatsClient(new HttpClient(sandbox.CreateHandler()), options);
    }

    public static SendGridV3StatsClient SendGridV3Client(EmailStatsSandbox sandbox, string? onBehalfOf = null)
    {
        var options = new SendGridV3Options { OnBehalfOf = onBehalfOf };
        sandbox.Configure(options);
        return new SendGridV3StatsClient(new HttpClient(sandbox.CreateHandler()), options);
    }

    public static GetResponseStatsClient GetResponseClient(EmailStatsSandbox sandbox)
    {
        var options = new GetResponseOptions();
        sandbox.Configure(options);
        return new GetResponseStatsClient(new HttpClient(sandbox.CreateHandler()), options);
    }

    public static MessageStatsClient MessageClient(EmailStatsSandbox sandbox)
    {
        var options = new JsonRpcMessagesOptions();
        sandbox.Configure(options);
        return new MessageStatsClient(new HttpClient(sandbox.CreateHandler()), options);
    }

    public static MailgunStatsClient MailgunClient(EmailStatsSandbox sandbox)
    {
        var options = new MailgunOptions();
        sandbox.Configure(options);
        return new MailgunStatsClient(new HttpClient(sandbox.CreateHandler()), options);
    }

    public static ReportsClient ReportsClient(EmailStatsSandbox sandbox)
    {
        var options = new ReportsOptions();
        sandbox.Configure(options);
        return new ReportsClient(new HttpClient(sandbox.CreateHandler()), options);
    }
}
