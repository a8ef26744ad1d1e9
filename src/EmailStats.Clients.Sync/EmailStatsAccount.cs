namespace EmailStats.Clients.Sync;

/// <summary>
/// One account of the sync (DESIGN.md section 9.1): one set of credentials at one provider, under a unique name that is
/// also its named client. Read from an <c>Accounts:{name}</c> configuration section: <c>Provider</c>, the provider's
/// options (<c>ApiKey</c>, <c>Region</c>...), <c>TimeZone</c>, <c>Sources</c> (<c>kind</c> or <c>kind:name</c>) and
/// <c>Discover</c> (what to find again on every run: <c>subusers</c>, <c>categories</c>, <c>domains</c>,
/// <c>newsletters</c>). An account that breaks a rule is kept with its <see cref="Errors"/>: it is reported on every run
/// and does not stop the others.
/// </summary>
public sealed record EmailStatsAccount
{
    /// <summary>The account's name: unique, the key of its named client and the first part of its sources' ids.</summary>
    public required string Name { get; init; }

    /// <summary>The provider API; null when the setting is missing or unknown (see <see cref="Errors"/>).</summary>
    public EmailStatsProvider? Provider { get; init; }

    /// <summary>SendGrid v2 only: the reseller customer or subuser whose statistics the account reads (<c>User</c>).</summary>
    public string? User { get; init; }

    /// <summary>The IANA zone the account counts days in; null for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The sources named in configuration.</summary>
    public IReadOnlyList<EmailStatsSourceDescriptor> Sources { get; init; } = [];

    /// <summary>What is listed again on every run (<c>subusers</c>, <c>categories</c>, <c>domains</c>, <c>newsletters</c>).</summary>
    public IReadOnlyList<string> Discover { get; init; } = [];

    /// <summary>Why the account cannot be synced, each naming the account and the setting at fault; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Whether the account can be synced.</summary>
    public bool IsValid => Errors.Count == 0 && Provider is not null;

    /// <summary>Reads every account under <paramref name="accounts"/> (its children, one per account), validating each.</summary>
    /// <param name="accounts">The <c>Accounts</c> section.</param>
    /// <returns>The accounts, in configuration order; the invalid ones with their errors.</returns>
    public static IReadOnlyList<EmailStatsAccount> ReadAll(IConfiguration accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return [.. accounts.GetChildren().Select(Read)];
    }

    /// <summary>Reads and validates one account section (its key is the account's name).</summary>
    /// <param name="section">The account's section.</param>
    /// <returns>The account, with its errors if it breaks a rule.</returns>
    public static EmailStatsAccount Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var name = section.Key;
        var errors = new List<string>();
        if (name.Trim().Length == 0 || name.Trim() != name || name.Any(c => c is '/' or '\\' || char.IsControl(c)))
        {
            // The name is the first segment of every source id (account/kind/name) and names the account's HTTP client.
            errors.Add($"Account '{name}': an account name is the first part of its sources' ids; use one without '/', '\\', spaces at either end or control characters.");
        }

        var zone = section["TimeZone"] is { Length: > 0 } z ? z.Trim() : null;
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add($"Account '{name}': TimeZone '{zone}' is not a time zone known here (use an IANA id such as Europe/Berlin).");
        }

        EmailStatsProvider? provider = null;
        if (section["Provider"] is not { Length: > 0 } providerText)
        {
            errors.Add($"Account '{name}': Provider is required ({string.Join(", ", Enum.GetNames<EmailStatsProvider>())}).");
        }
        else if (Enum.TryParse<EmailStatsProvider>(providerText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            provider = parsed;
        }
        else
        {
            errors.Add($"Account '{name}': Provider '{providerText}' is not one of {string.Join(", ", Enum.GetNames<EmailStatsProvider>())}.");
        }

        var sources = new List<EmailStatsSourceDescriptor>();
        var discover = new List<string>();
        if (provider is { } p)
        {
            errors.AddRange(OptionsErrors(p, section).Select(e => $"Account '{name}': {e}"));
            foreach (var text in List(section.GetSection("Sources")))
            {
                try
                {
                    sources.Add(EmailStatsSourceDescriptor.Parse(name, p, text, zone));
                }
                catch (ArgumentException e)
                {
                    errors.Add(e.Message.Split(" (Parameter", 2)[0]);
                }
            }

            foreach (var what in List(section.GetSection("Discover")).Select(d => d.Trim().ToLowerInvariant()))
            {
                if (SourceKinds.Discoverable.ContainsKey((p, what)))
                {
                    discover.Add(what);
                }
                else
                {
                    var allowed = SourceKinds.Discoverable.Keys.Where(k => k.Provider == p).Select(k => k.Discover).ToList();
                    errors.Add($"Account '{name}': {p} cannot discover '{what}' ({(allowed.Count == 0 ? "it lists nothing" : "use " + string.Join(" or ", allowed))}).");
                }
            }

            if (p == EmailStatsProvider.Mailgun && zone is not null && zone != "UTC" && zone != "Etc/UTC")
            {
                errors.Add($"Account '{name}': Mailgun counts days in UTC only; leave TimeZone out.");
            }

            if (sources.Count == 0 && discover.Count == 0 && errors.Count == 0)
            {
                errors.Add($"Account '{name}': name at least one source (Sources) or something to discover (Discover).");
            }

            if (sources.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                errors.Add($"Account '{name}': the source '{twice.Key}' is named twice.");
            }
        }

        return new EmailStatsAccount
        {
            Name = name,
            Provider = provider,
            User = section["User"] is { Length: > 0 } user ? user.Trim() : null,
            TimeZone = zone,
            Sources = sources,
            Discover = discover,
            Errors = errors,
        };
    }

    /// <summary>
    /// A list in configuration: indexed children (<c>Sources:0</c>, from JSON arrays or environment variables) or one
    /// comma-separated value.
    /// </summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        section.Value is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0);

    /// <summary>The provider options bound from the section, validated by the provider's own rules.</summary>
    private static IEnumerable<string> OptionsErrors(EmailStatsProvider provider, IConfiguration section) => provider switch
    {
        EmailStatsProvider.SendGridV2 => Validate<SendGridV2Options>(section, static (c, o) => c.Bind(o))
            .Concat(section["User"] is { Length: > 0 } ? [] : ["User is required (the reseller customer or subuser to read)."]),
        EmailStatsProvider.SendGridV3 => Validate<SendGridV3Options>(section, static (c, o) => c.Bind(o)),
        EmailStatsProvider.JsonRpcMessages => Validate<JsonRpcMessagesOptions>(section, static (c, o) => c.Bind(o)),
        EmailStatsProvider.GetResponse => Validate<GetResponseOptions>(section, static (c, o) => c.Bind(o)),
        EmailStatsProvider.Mailgun => Validate<MailgunOptions>(section, static (c, o) => c.Bind(o)),
        EmailStatsProvider.Reports => Validate<ReportsOptions>(section, static (c, o) => c.Bind(o)),
        _ => [$"Provider {provider} is not supported."],
    };

    private static IEnumerable<string> Validate<TOptions>(IConfiguration section, Action<IConfiguration, TOptions> bind)
        where TOptions : IEmailStatsOptions, new()
    {
        var options = new TOptions();
        try
        {
            bind(section, options);
        }
        catch (InvalidOperationException e)
        {
            // A value the binder cannot convert (an unknown region, an address that is no URI).
            return [e.Message];
        }

        return options.Validate();
    }
}
