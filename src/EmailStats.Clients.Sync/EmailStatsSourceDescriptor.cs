namespace EmailStats.Clients.Sync;

/// <summary>The kinds of source an account can hold (DESIGN.md section 9.1), as written in configuration.</summary>
public static class SourceKinds
{
    /// <summary>SendGrid v3: the parent account's own global statistics (or a subuser's, with <c>OnBehalfOf</c>).</summary>
    public const string Global = "global";

    /// <summary>SendGrid v3: one subuser, named, read with the parent's key.</summary>
    public const string Subuser = "subuser";

    /// <summary>SendGrid v2 and v3: one category, named (categories overlap: each is its own series).</summary>
    public const string Category = "category";

    /// <summary>SendGrid v2: the account's user (its <c>User</c> setting) as a whole.</summary>
    public const string User = "user";

    /// <summary>GetResponse API 1.5: one message, named by its id.</summary>
    public const string Message = "message";

    /// <summary>GetResponse v3: every newsletter of the account, summed.</summary>
    public const string Newsletters = "newsletters";

    /// <summary>GetResponse v3: one newsletter, named by its id.</summary>
    public const string Newsletter = "newsletter";

    /// <summary>Mailgun and Benchmark Email: the whole account.</summary>
    public const string Account = "account";

    /// <summary>Mailgun: one sending domain, named.</summary>
    public const string Domain = "domain";

    /// <summary>The kinds each provider serves, and whether the kind takes a name.</summary>
    internal static readonly IReadOnlyDictionary<EmailStatsProvider, (string Kind, bool Named)[]> ByProvider = new Dictionary<EmailStatsProvider, (string, bool)[]>
    {
        [EmailStatsProvider.SendGridV2] = [(User, false), (Category, true)],
        [EmailStatsProvider.SendGridV3] = [(Global, false), (Subuser, true), (Category, true)],
        [EmailStatsProvider.JsonRpcMessages] = [(Message, true)],
        [EmailStatsProvider.GetResponse] = [(Newsletters, false), (Newsletter, true)],
        [EmailStatsProvider.Mailgun] = [(Account, false), (Domain, true)],
        [EmailStatsProvider.Reports] = [(Account, false)],
    };

    /// <summary>
    /// The oldest day a provider serves for a kind of source, where its documents say: SendGrid keeps category statistics
    /// for the previous thirteen months ("Category statistics are available for the previous thirteen months only", the
    /// v3 statistics reference). Null where no limit is documented (the sources' own range limit then holds).
    /// </summary>
    internal static DateOnly? OldestServed(EmailStatsProvider provider, string kind, DateOnly today) => (provider, kind) switch
    {
        (EmailStatsProvider.SendGridV3, Category) => today.AddMonths(-13).AddDays(1),
        _ => null,
    };

    /// <summary>What each provider can discover on every run (a listing call), and the kind each found item becomes.</summary>
    internal static readonly IReadOnlyDictionary<(EmailStatsProvider Provider, string Discover), string> Discoverable = new Dictionary<(EmailStatsProvider, string), string>
    {
        [(EmailStatsProvider.SendGridV3, "subusers")] = Subuser,
        [(EmailStatsProvider.SendGridV3, "categories")] = Category,
        [(EmailStatsProvider.Mailgun, "domains")] = Domain,
        [(EmailStatsProvider.GetResponse, "newsletters")] = Newsletter,
    };
}

/// <summary>
/// What one source is, provider-neutral: the account it belongs to, the provider, its kind and name, and the zone its
/// days are counted in. <see cref="Id"/> is its stable key (for example <c>acme-sendgrid/subuser/shop</c>): the same on
/// every run and machine, the key of its rows in the store.
/// </summary>
/// <param name="Account">The account's name (its named client).</param>
/// <param name="Provider">The provider API.</param>
/// <param name="Kind">One of <see cref="SourceKinds"/>.</param>
/// <param name="Name">The subuser, category, message, newsletter or domain; null for a whole account.</param>
/// <param name="TimeZone">The IANA zone the source counts days in; null for UTC.</param>
public sealed record EmailStatsSourceDescriptor(string Account, EmailStatsProvider Provider, string Kind, string? Name = null, string? TimeZone = null)
{
    /// <summary>The stable id: <c>account/kind</c> or <c>account/kind/name</c>.</summary>
    public string Id => Name is null ? $"{Account}/{Kind}" : $"{Account}/{Kind}/{Name}";

    /// <summary>Reads a source as configuration writes it: <c>kind</c> or <c>kind:name</c> (<c>subuser:shop-eu</c>).</summary>
    /// <param name="account">The account's name.</param>
    /// <param name="provider">The account's provider.</param>
    /// <param name="text">The source.</param>
    /// <param name="timeZone">The account's zone.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">A kind the provider does not serve, a name missing or not one clean value.</exception>
    public static EmailStatsSourceDescriptor Parse(string account, EmailStatsProvider provider, string text, string? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var name = colon < 0 ? null : text[(colon + 1)..];
        if (!SourceKinds.ByProvider.TryGetValue(provider, out var kinds) || kinds.FirstOrDefault(k => k.Kind == kind) is not { Kind: not null } known)
        {
            var allowed = SourceKinds.ByProvider.TryGetValue(provider, out var list) ? string.Join(", ", list.Select(k => k.Named ? k.Kind + ":NAME" : k.Kind)) : "none";
            throw new ArgumentException($"Account '{account}': '{text}' is not a {provider} source; use {allowed}.", nameof(text));
        }

        if (known.Named != (name is not null))
        {
            throw new ArgumentException(
                known.Named ? $"Account '{account}': a {kind} source names its {kind} ({kind}:NAME)." : $"Account '{account}': a {kind} source takes no name.",
                nameof(text));
        }

        if (name is not null)
        {
            PathSegment.Check(name, $"{kind} name", nameof(text));
        }

        return new EmailStatsSourceDescriptor(account, provider, kind, name, timeZone);
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
