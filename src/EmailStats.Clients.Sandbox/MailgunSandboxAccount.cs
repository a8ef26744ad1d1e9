namespace EmailStats.Clients.Sandbox;

/// <summary>
/// A Mailgun account of the sandbox, served under <c>/mailgun/</c> (v3 stats and aggregates, and the Metrics API):
/// its sending domains, each with months of daily data (split into hours by a business-hours curve) and fixed
/// breakdowns by tag, sending IP, mailbox provider, country and device, so that the parts always sum to the domain
/// and the domains to the account.
/// </summary>
public sealed class MailgunSandboxAccount : SandboxAccount
{
    private readonly Dictionary<string, MailgunSandboxDomain> _byName;

    internal MailgunSandboxAccount(string name, Uri root, int? domains)
        : base(name, root)
    {
        DomainCatalog = domains is { } count
            ? [.. Enumerable.Range(1, count).Select(i => MailgunSandboxCatalog.Generated(name, i))]
            : MailgunSandboxCatalog.DefaultDomains(name);
        _byName = DomainCatalog.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        Domains = [.. DomainCatalog.Select(d => d.Name)];
        Tags = ByDomain(d => d.Tags);
        Ips = ByDomain(d => d.Ips);
        Providers = ByDomain(d => d.Providers);
        Countries = ByDomain(d => d.Countries);
    }

    /// <summary>The address to give <see cref="MailgunOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress => new(Root, "mailgun/");

    /// <summary>The API key the account accepts (a placeholder, not a secret), sent as the Basic-auth password of the user <c>api</c>.</summary>
    public override string ApiKey => $"sandbox-mailgun-{Name}-key";

    /// <summary>
    /// The sending domains with data. The default account has <c>mg.acme.example</c>, <c>news.acme.example</c> and
    /// <c>eu.acme.example</c>; an added one <c>d001.{name}.example</c> and on.
    /// </summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>The tags each domain sends with (for <c>filter=tag:...</c> and <c>group=tag</c> of the filtered totals), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; }

    /// <summary>The dedicated sending IPs of each domain (for <c>filter=ip:...</c> and <c>group=ip</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ips { get; }

    /// <summary>The mailbox providers each domain's recipients use (the keys of the provider aggregates and of <c>group=provider</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Providers { get; }

    /// <summary>The recipients' countries of each domain, as lower-case ISO codes (the keys of the country aggregates and of <c>group=country</c>), keyed by domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Countries { get; }

    /// <summary>
    /// Whether a totals query's <c>end</c> closes the period before it when it falls on a period boundary. Mailgun's
    /// documented answers include the period that starts at <c>end</c> (an <c>end</c> of 1 April with month resolution
    /// answers an item for April), so the sandbox does too; tests set this to prove that a client is right under the
    /// other reading as well.
    /// </summary>
    internal bool EndIsExclusive { get; set; }

    internal MailgunSandboxDomain[] DomainCatalog { get; }

    /// <summary>Points <paramref name="options"/> at the account: address and key (the region is left as set; the address overrides it).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(MailgunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    internal MailgunSandboxDomain? Find(string domain) => _byName.GetValueOrDefault(domain);

    private IReadOnlyDictionary<string, IReadOnlyList<string>> ByDomain(Func<MailgunSandboxDomain, MailgunShare[]> select) =>
        DomainCatalog
            .ToDictionary(d => d.Name, d => (IReadOnlyList<string>)[.. select(d).Select(s => s.Key)], StringComparer.Ordinal)
            .AsReadOnly();
}
