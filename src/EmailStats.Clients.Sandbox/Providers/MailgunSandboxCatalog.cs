namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>A key of a breakdown (a tag, an IP, a provider, a country, a device) and its relative weight.</summary>
internal readonly record struct MailgunShare(string Key, int Weight);

/// <summary>One sending domain of the sandbox's Mailgun account: its daily volume and how its mail breaks down.</summary>
internal sealed record MailgunSandboxDomain(
    string Account,
    string Name,
    long Volume,
    MailgunShare[] Tags,
    MailgunShare[] Ips,
    MailgunShare[] Providers,
    MailgunShare[] Countries)
{
    /// <summary>The <see cref="Data.SandboxData"/> stream of the domain.</summary>
    public string Stream => $"mailgun/{Account}/{Name}";

    /// <summary>The breakdown by a grouping or filter key (<c>tag</c>, <c>ip</c>, <c>provider</c>, <c>country</c>, <c>device</c>).</summary>
    public MailgunShare[] SharesOf(string dimension) => dimension switch
    {
        "tag" => Tags,
        "ip" => Ips,
        "provider" => Providers,
        "country" => Countries,
        "device" => MailgunSandboxCatalog.Devices,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a breakdown."),
    };
}

/// <summary>
/// The breakdowns every Mailgun account of the sandbox uses: device shares, and the pools generated domains draw their
/// tags, IPs, mailbox providers and countries from. Every breakdown is a fixed proportion of the domain's numbers, so
/// that the parts always sum to the whole.
/// </summary>
internal static class MailgunSandboxCatalog
{
    /// <summary>Opens and clicks per device type, the same for every domain.</summary>
    public static readonly MailgunShare[] Devices = [new("desktop", 41), new("mobile", 48), new("tablet", 8), new("unknown", 3)];

    /// <summary>The default account's domains.</summary>
    public static MailgunSandboxDomain[] DefaultDomains(string account) =>
    [
        new(
            account,
            "mg.acme.example",
            5200,
            [new("receipts", 5), new("shipping", 3), new("password-reset", 2)],
            [new("198.51.100.10", 1), new("198.51.100.11", 1)],
            [new("gmail.com", 40), new("outlook.com", 20), new("yahoo.com", 12), new("icloud.com", 10), new("aol.com", 4), new("comcast.net", 3)],
            [new("us", 48), new("gb", 12), new("ca", 9), new("in", 8), new("br", 7), new("de", 6), new("fr", 5), new("au", 5)]),
        new(
            account,
            "news.acme.example",
            14000,
            [new("newsletter", 6), new("product-updates", 3), new("onboarding", 1)],
            [new("198.51.100.20", 1), new("198.51.100.21", 1), new("198.51.100.22", 1)],
            [new("gmail.com", 44), new("outlook.com", 17), new("yahoo.com", 14), new("icloud.com", 9), new("aol.com", 5), new("hotmail.co.uk", 4)],
            [new("us", 52), new("gb", 14), new("ca", 10), new("au", 7), new("in", 6), new("de", 4)]),
        new(
            account,
            "eu.acme.example",
            2600,
            [new("receipts", 4), new("newsletter", 3)],
            [new("203.0.113.5", 1)],
            [new("gmail.com", 35), new("gmx.de", 15), new("outlook.com", 14), new("web.de", 12), new("t-online.de", 9), new("orange.fr", 6), new("yahoo.com", 5)],
            [new("de", 40), new("fr", 18), new("nl", 10), new("es", 9), new("it", 8), new("pl", 6), new("at", 5)]),
    ];

    /// <summary>Domain <paramref name="index"/> (1 first) of a generated account: <c>d001.{account}.example</c>, with its own volume and audience.</summary>
    public static MailgunSandboxDomain Generated(string account, int index)
    {
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"d{index:D3}.{account}.example");
        var octet = 1 + (index % 250);
        return new MailgunSandboxDomain(
            account,
            name,
            300 + (long)(Data.SandboxTime.Unit(name, 0, 1) * 6000),
            Pick(name, 2, Tags, 1, 3),
            [new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"192.0.2.{octet}"), 1)],
            Pick(name, 3, Providers, 3, 3),
            Pick(name, 4, Countries, 2, 4));
    }

    private static readonly string[] Tags = ["newsletter", "receipts", "shipping", "password-reset", "promotions", "alerts"];
    private static readonly string[] Providers = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "aol.com", "gmx.de", "web.de", "orange.fr"];
    private static readonly string[] Countries = ["us", "gb", "ca", "de", "fr", "in", "br", "au", "nl", "es"];

    /// <summary>A stable choice of <paramref name="min"/> to <paramref name="min"/> + <paramref name="extra"/> - 1 keys from a pool, each with a weight.</summary>
    private static MailgunShare[] Pick(string key, int salt, string[] pool, int min, int extra)
    {
        var count = min + (int)(Data.SandboxTime.Unit(key, 0, salt) * extra);
        var first = (int)(Data.SandboxTime.Unit(key, 1, salt) * pool.Length);
        return [.. Enumerable.Range(0, count).Select(k => new MailgunShare(pool[(first + k) % pool.Length], 1 + (int)(Data.SandboxTime.Unit(key, 2 + k, salt) * 9)))];
    }
}
