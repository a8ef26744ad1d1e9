using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Sandbox.Providers;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// The sandbox's Mailgun account: where it is served, the key it accepts and the domains it knows. Every domain has
/// months of daily data (split into hours by a business-hours curve) and fixed breakdowns by tag, sending IP,
/// mailbox provider, country and device, so that the parts always sum to the domain and the domains to the account.
/// </summary>
public sealed class MailgunSandbox
{
    internal MailgunSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="MailgunOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts (a placeholder, not a secret), sent as the Basic-auth password of the user <c>api</c>.</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>The sending domains with data, busiest sender of transactional mail first: <c>mg.acme.example</c>, <c>news.acme.example</c>, <c>eu.acme.example</c>.</summary>
    public IReadOnlyList<string> Domains { get; } = [.. MailgunSandboxCatalog.Domains.Select(d => d.Name)];

    /// <summary>The tags each domain sends with (for <c>filter=tag:...</c> and <c>group=tag</c> of the filtered totals), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; } = ByDomain(d => d.Tags);

    /// <summary>The dedicated sending IPs of each domain (for <c>filter=ip:...</c> and <c>group=ip</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ips { get; } = ByDomain(d => d.Ips);

    /// <summary>The mailbox providers each domain's recipients use (the keys of the provider aggregates and of <c>group=provider</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Providers { get; } = ByDomain(d => d.Providers);

    /// <summary>The recipients' countries of each domain, as lower-case ISO codes (the keys of the country aggregates and of <c>group=country</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Countries { get; } = ByDomain(d => d.Countries);

    /// <summary>
    /// Whether a totals query's <c>end</c> closes the period before it when it falls on a period boundary. Mailgun's
    /// documented answers include the period that starts at <c>end</c> (an <c>end</c> of 1 April with month resolution
    /// answers an item for April), so the sandbox does too; tests set this to prove that a client is right under the
    /// other reading as well.
    /// </summary>
    internal bool EndIsExclusive { get; set; }

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key (the region is left as set; the address overrides it).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(MailgunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ByDomain(Func<MailgunSandboxDomain, MailgunShare[]> select) =>
        MailgunSandboxCatalog.Domains
            .ToDictionary(d => d.Name, d => (IReadOnlyList<string>)[.. select(d).Select(s => s.Key)], StringComparer.Ordinal)
            .AsReadOnly();
}
