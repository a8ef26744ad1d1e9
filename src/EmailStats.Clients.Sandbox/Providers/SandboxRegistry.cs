using System.Collections.Concurrent;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>The sandbox's accounts, found by the key a request carries (every key names its provider and account).</summary>
internal sealed class SandboxRegistry
{
    private readonly ConcurrentDictionary<string, SandboxAccount> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Type, string), SandboxAccount> _byName = new();

    public IEnumerable<SandboxAccount> All => _byName.Values;

    public TAccount Add<TAccount>(TAccount account)
        where TAccount : SandboxAccount
    {
        if (!_byName.TryAdd((typeof(TAccount), account.Name), account))
        {
            throw new ArgumentException($"The sandbox has a {account} already: each account needs a name of its own.", "name");
        }

        _byKey[account.ApiKey] = account;
        return account;
    }

    /// <summary>The account of type <typeparamref name="TAccount"/> that accepts <paramref name="key"/>, or null.</summary>
    public TAccount? Find<TAccount>(string? key)
        where TAccount : SandboxAccount =>
        key is not null && _byKey.TryGetValue(key, out var account) ? account as TAccount : null;
}
