using Microsoft.Extensions.DependencyInjection;

namespace EmailStats.Clients.Sync;

/// <summary>
/// Builds any provider's <see cref="IEmailStatsSource"/> from its provider-neutral description, over the account's
/// named client (DESIGN.md section 9.1: no caller writes a switch over seven constructors), and finds an account's
/// sources again through the providers' listing calls. The clock is the services' <see cref="TimeProvider"/>.
/// </summary>
public sealed class EmailStatsSourceFactory
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, EmailStatsAccount> _accounts;

    /// <summary>Creates the factory over the registered accounts' named clients.</summary>
    /// <param name="services">The services holding the named clients (<c>IEmailStatsClientFactory&lt;T&gt;</c>).</param>
    /// <param name="accounts">The accounts, for their provider settings (SendGrid v2's user).</param>
    /// <param name="timeProvider">The clock of every source; the system clock when null.</param>
    public EmailStatsSourceFactory(IServiceProvider services, IEnumerable<EmailStatsAccount> accounts, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(accounts);
        _services = services;
        _accounts = accounts.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The source a descriptor names.</summary>
    /// <param name="source">The description.</param>
    /// <returns>The source, over its account's named client.</returns>
    /// <exception cref="ArgumentException">The account is unknown or invalid, or the kind is not its provider's.</exception>
    /// <example>
    /// <code>
    /// var source = factory.Create(EmailStatsSourceDescriptor.Parse("acme-sendgrid", EmailStatsProvider.SendGridV3, "subuser:shop"));
    /// var days = await source.GetDailyMetricsAsync(from, to, ct);
    /// </code>
    /// </example>
    public IEmailStatsSource Create(EmailStatsSourceDescriptor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var account = Account(source.Account);
        var zone = source.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;
        return (source.Provider, source.Kind) switch
        {
            (EmailStatsProvider.SendGridV2, SourceKinds.User) => new SendGridV2EmailStatsSource(Client<ISendGridV2StatsClient>(source), SendGridUser(account), null, zone, _time),
            (EmailStatsProvider.SendGridV2, SourceKinds.Category) => new SendGridV2EmailStatsSource(Client<ISendGridV2StatsClient>(source), SendGridUser(account), source.Name, zone, _time),
            (EmailStatsProvider.SendGridV3, SourceKinds.Global) => new SendGridV3EmailStatsSource(Client<ISendGridV3StatsClient>(source), timeZone: zone, timeProvider: _time),
            (EmailStatsProvider.SendGridV3, SourceKinds.Subuser) => new SendGridV3EmailStatsSource(Client<ISendGridV3StatsClient>(source), subusers: [source.Name!], timeZone: zone, timeProvider: _time),
            (EmailStatsProvider.SendGridV3, SourceKinds.Category) => new SendGridV3EmailStatsSource(Client<ISendGridV3StatsClient>(source), category: source.Name, timeZone: zone, timeProvider: _time),
            (EmailStatsProvider.JsonRpcMessages, SourceKinds.Message) => new MessageEmailStatsSource(Client<IMessageStatsClient>(source), source.Name!, zone, _time),
            (EmailStatsProvider.GetResponse, SourceKinds.Newsletters) => new GetResponseEmailStatsSource(Client<IGetResponseStatsClient>(source), null, zone, _time),
            (EmailStatsProvider.GetResponse, SourceKinds.Newsletter) => new GetResponseEmailStatsSource(Client<IGetResponseStatsClient>(source), source.Name, zone, _time),
            (EmailStatsProvider.Mailgun, SourceKinds.Account) => new MailgunEmailStatsSource(Client<IMailgunStatsClient>(source), null, _time),
            (EmailStatsProvider.Mailgun, SourceKinds.Domain) => new MailgunEmailStatsSource(Client<IMailgunStatsClient>(source), source.Name, _time),
            (EmailStatsProvider.Reports, SourceKinds.Account) => new ReportsEmailStatsSource(Client<IReportsClient>(source), source.TimeZone ?? "UTC", _time),
            _ => throw new ArgumentException($"Account '{source.Account}': {source.Provider} has no '{source.Kind}' source.", nameof(source)),
        };
    }

    /// <summary>
    /// The account's sources: those configured, then those its listing calls find now (every subuser, category, domain or
    /// newsletter), each once, in that order.
    /// </summary>
    /// <param name="accountName">The account.</param>
    /// <param name="cancellationToken">Cancels the listing calls.</param>
    /// <returns>The sources.</returns>
    /// <exception cref="ArgumentException">The account is unknown or invalid.</exception>
    /// <exception cref="EmailStatsException">A listing call failed.</exception>
    public async Task<IReadOnlyList<EmailStatsSourceDescriptor>> GetSourcesAsync(string accountName, CancellationToken cancellationToken = default)
    {
        var account = Account(accountName);
        var provider = account.Provider!.Value;
        var sources = new List<EmailStatsSourceDescriptor>(account.Sources);
        var seen = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var what in account.Discover)
        {
            var kind = SourceKinds.Discoverable[(provider, what)];
            await foreach (var name in ListAsync(account, what, cancellationToken).ConfigureAwait(false))
            {
                var found = new EmailStatsSourceDescriptor(account.Name, provider, kind, name, account.TimeZone);
                if (seen.Add(found.Id))
                {
                    sources.Add(found);
                }
            }
        }

        return sources;
    }

    private IAsyncEnumerable<string> ListAsync(EmailStatsAccount account, string what, CancellationToken cancellationToken) => (account.Provider, what) switch
    {
        (EmailStatsProvider.SendGridV3, "subusers") => Names(Client<ISendGridV3StatsClient>(account.Name).ListSubusersAsync(cancellationToken: cancellationToken), s => s.Disabled ? null : s.Username),
        (EmailStatsProvider.SendGridV3, "categories") => Names(Client<ISendGridV3StatsClient>(account.Name).ListCategoriesAsync(cancellationToken: cancellationToken), c => c.Name),
        (EmailStatsProvider.Mailgun, "domains") => Names(Client<IMailgunStatsClient>(account.Name).ListDomainsAsync(cancellationToken: cancellationToken), d => d.Name),
        (EmailStatsProvider.GetResponse, "newsletters") => Names(Client<IGetResponseStatsClient>(account.Name).ListNewslettersAsync(cancellationToken: cancellationToken), n => n.NewsletterId),
        _ => throw new ArgumentException($"Account '{account.Name}': {account.Provider} cannot discover '{what}'."),
    };

    private static async IAsyncEnumerable<string> Names<T>(IAsyncEnumerable<T> items, Func<T, string?> name)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (name(item) is { } value)
            {
                yield return value;
            }
        }
    }

    private EmailStatsAccount Account(string name) =>
        _accounts.TryGetValue(name, out var account) && account.IsValid
            ? account
            : throw new ArgumentException(_accounts.ContainsKey(name) ? $"Account '{name}' is not valid: {string.Join(" ", _accounts[name].Errors)}" : $"No account named '{name}' is configured.");

    private static string SendGridUser(EmailStatsAccount account) =>
        account.User ?? throw new ArgumentException($"Account '{account.Name}': User is required.");

    private T Client<T>(EmailStatsSourceDescriptor source)
        where T : class => Client<T>(source.Account);

    private T Client<T>(string account)
        where T : class => _services.GetRequiredService<IEmailStatsClientFactory<T>>().CreateClient(account);
}
