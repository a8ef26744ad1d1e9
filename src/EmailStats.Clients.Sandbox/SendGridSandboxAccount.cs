namespace EmailStats.Clients.Sandbox;

/// <summary>
/// A SendGrid account of the sandbox, served through both APIs under <c>/sendgrid/</c>: the Web API v2 (its subusers
/// are the reseller's customers and the <c>customer.stats</c> users) and v3 (a parent account with these subusers). A
/// subuser sends in each of its categories; its day is the sum of its categories' days, the parent's day the sum of
/// its subusers', the same in v2 and v3. Advanced statistics break every day down by fixed shares of mailbox
/// provider, browser, device, client and region.
/// </summary>
public sealed class SendGridSandboxAccount : SandboxAccount
{
    private static readonly string[] CategoryPool =
    [
        "newsletter", "product-updates", "onboarding", "receipts", "password-reset", "shipping", "promotions", "alerts",
        "digest", "welcome", "invoices", "reminders",
    ];

    private static readonly string[] FirstNames = ["Nora", "Ravi", "Amara", "Jonas", "Mei", "Tomás", "Leila", "Kofi", "Ines", "Yuki"];
    private static readonly string[] LastNames = ["Lindqvist", "Menon", "Okafor", "Brandt", "Chen", "Alves", "Haddad", "Mensah", "Duarte", "Sato"];

    private readonly Dictionary<string, (string First, string Last)> _names;

    internal SendGridSandboxAccount(string name, Uri root, int? subusers)
        : base(name, root)
    {
        var categories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        _names = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (subusers is null)
        {
            // The default account: two subusers, one for marketing mail and one for transactional mail.
            categories["acme-newsletters"] = ["newsletter", "product-updates", "onboarding"];
            categories["acme-receipts"] = ["receipts", "password-reset", "shipping"];
            _names["acme-newsletters"] = ("Nora", "Lindqvist");
            _names["acme-receipts"] = ("Ravi", "Menon");
        }
        else
        {
            for (var i = 1; i <= subusers; i++)
            {
                var subuser = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}-{i:D4}");
                var first = (int)(SandboxTime.Unit(subuser, 0, 1) * CategoryPool.Length);
                var count = 1 + (int)(SandboxTime.Unit(subuser, 0, 2) * 3);
                categories[subuser] = [.. Enumerable.Range(0, count).Select(k => CategoryPool[(first + (k * 5)) % CategoryPool.Length])];
                _names[subuser] = (FirstNames[(int)(SandboxTime.Unit(subuser, 0, 3) * FirstNames.Length)], LastNames[(int)(SandboxTime.Unit(subuser, 0, 4) * LastNames.Length)]);
            }
        }

        Categories = categories.AsReadOnly();
        Subusers = [.. categories.Keys];
    }

    /// <summary>The address to give <see cref="SendGridV2Options.BaseAddress"/> and <see cref="SendGridV3Options.BaseAddress"/> (one root, like SendGrid's).</summary>
    public Uri BaseAddress => new(Root, "sendgrid/");

    /// <summary>The v2 <c>api_user</c> the account accepts: <c>sandbox-{name}</c>.</summary>
    public string ApiUser => "sandbox-" + Name;

    /// <summary>The v2 <c>api_key</c> and the v3 Bearer key the account accepts (a placeholder, not a secret).</summary>
    public override string ApiKey => $"sandbox-sendgrid-{Name}-key";

    /// <summary>The subusers (v2 users, v3 subusers and the names <c>on-behalf-of</c> takes), in order.</summary>
    public IReadOnlyList<string> Subusers { get; }

    /// <summary>The categories each subuser sends with, keyed by subuser.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; }

    /// <summary>The mailbox providers of the advanced statistics, as SendGrid names them.</summary>
    public IReadOnlyList<string> MailboxProviders => [.. SendGridV3SandboxShares.MailboxProviders.Select(s => s.Name)];

    /// <summary>The browsers of the advanced statistics.</summary>
    public IReadOnlyList<string> Browsers => [.. SendGridV3SandboxShares.Browsers.Select(s => s.Name)];

    /// <summary>Points SendGrid v2 options at the account: base address and credentials (API and format are left as set).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV2Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiUser = ApiUser;
        options.ApiKey = ApiKey;
    }

    /// <summary>Points SendGrid v3 options at the account: address and key (region and on-behalf-of are left as set; the address overrides the region).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    /// <summary>A subuser's first and last name (the v3 monthly statistics send them).</summary>
    internal (string First, string Last) NameOf(string subuser) => _names[subuser];

    /// <summary>The stream of one subuser's mail in one category.</summary>
    internal string Stream(string subuser, string category) => $"sendgrid/{Name}/{subuser}/{category}";

    /// <summary>A category's typical daily requests.</summary>
    internal static long Volume(string category) => 400 + (long)(SandboxTime.Unit(category, 0, 7) * 4000);

    /// <summary>Every stream of a subuser.</summary>
    internal (string Stream, long Volume)[] Streams(string subuser) => [.. Categories[subuser].Select(c => (Stream(subuser, c), Volume(c)))];

    /// <summary>One subuser's day in one category.</summary>
    internal SandboxDay Day(SandboxData data, string subuser, string category, DateOnly date) => data.Day(Stream(subuser, category), date, Volume(category));
}
