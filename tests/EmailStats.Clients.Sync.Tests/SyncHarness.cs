using EmailStats.Clients.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// A sync over the in-process sandbox whose clock the test moves: accounts configured as a user configures them
/// (<c>EmailStats:Accounts</c>), the clients sent to the sandbox, the sources' days counted on the sandbox's clock.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SyncHarness(ServiceProvider services, EmailStatsSandbox sandbox, FakeTimeProvider clock, EmailStatsSyncBuilder builder)
    {
        _services = services;
        Sandbox = sandbox;
        Clock = clock;
        Builder = builder;
    }

    public EmailStatsSandbox Sandbox { get; }

    public FakeTimeProvider Clock { get; }

    public EmailStatsSyncBuilder Builder { get; }

    public EmailStatsSync Sync => _services.GetRequiredService<EmailStatsSync>();

    public IEmailStatsStore Store => _services.GetRequiredService<IEmailStatsStore>();

    public EmailStatsSourceFactory Sources => _services.GetRequiredService<EmailStatsSourceFactory>();

    /// <summary>
    /// Runs the sync and kills it when it is about to commit its <paramref name="afterWrites"/>-th source (that write
    /// never commits), as a process that dies mid-run would.
    /// </summary>
    /// <returns>Whether the run was killed (false when it had fewer sources).</returns>
    public async Task<bool> KilledRunAsync(int afterWrites)
    {
        var kill = _services.GetRequiredService<KillSwitch>();
        using var run = new CancellationTokenSource();
        kill.Arm(afterWrites, run);
        try
        {
            await Sync.RunAsync(run.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        finally
        {
            kill.Disarm();
        }
    }

    /// <summary>A small estate of every provider (about 30 sources), in several zones, with discovery.</summary>
    public static Dictionary<string, string?> SmallEstate(EmailStatsSandbox sandbox)
    {
        var parent = sandbox.AddSendGridAccount("prop", subusers: 5);
        var domains = sandbox.AddMailgunAccount("prop", domains: 4);
        var letters = sandbox.AddGetResponseAccount("prop", newsletters: 4);
        var studio = sandbox.AddBenchmarkAccount("prop");
        return new Dictionary<string, string?>
        {
            ["EmailStats:Accounts:sendgrid:Provider"] = "SendGridV3",
            ["EmailStats:Accounts:sendgrid:ApiKey"] = parent.ApiKey,
            ["EmailStats:Accounts:sendgrid:BaseAddress"] = parent.BaseAddress.ToString(),
            ["EmailStats:Accounts:sendgrid:TimeZone"] = "Europe/Berlin",
            ["EmailStats:Accounts:sendgrid:Sources:0"] = "global",
            ["EmailStats:Accounts:sendgrid:Discover:0"] = "subusers",
            ["EmailStats:Accounts:sendgrid:Discover:1"] = "categories",
            ["EmailStats:Accounts:legacy:Provider"] = "SendGridV2",
            ["EmailStats:Accounts:legacy:ApiUser"] = parent.ApiUser,
            ["EmailStats:Accounts:legacy:ApiKey"] = parent.ApiKey,
            ["EmailStats:Accounts:legacy:BaseAddress"] = parent.BaseAddress.ToString(),
            ["EmailStats:Accounts:legacy:User"] = parent.Subusers[1],
            ["EmailStats:Accounts:legacy:Sources"] = "user",
            ["EmailStats:Accounts:mailgun:Provider"] = "Mailgun",
            ["EmailStats:Accounts:mailgun:ApiKey"] = domains.ApiKey,
            ["EmailStats:Accounts:mailgun:BaseAddress"] = domains.BaseAddress.ToString(),
            ["EmailStats:Accounts:mailgun:Sources:0"] = "account",
            ["EmailStats:Accounts:mailgun:Discover:0"] = "domains",
            ["EmailStats:Accounts:getresponse:Provider"] = "GetResponse",
            ["EmailStats:Accounts:getresponse:ApiKey"] = letters.ApiKey,
            ["EmailStats:Accounts:getresponse:BaseAddress"] = letters.BaseAddress.ToString(),
            ["EmailStats:Accounts:getresponse:TimeZone"] = "America/New_York",
            ["EmailStats:Accounts:getresponse:Sources:0"] = "newsletters",
            ["EmailStats:Accounts:getresponse:Discover:0"] = "newsletters",
            ["EmailStats:Accounts:jsonrpc:Provider"] = "JsonRpcMessages",
            ["EmailStats:Accounts:jsonrpc:ApiKey"] = letters.ApiKey,
            ["EmailStats:Accounts:jsonrpc:Endpoint"] = letters.JsonRpcEndpoint.ToString(),
            ["EmailStats:Accounts:jsonrpc:TimeZone"] = "Asia/Tokyo",
            ["EmailStats:Accounts:jsonrpc:Sources:0"] = "message:" + letters.NewsletterIds[^1],
            ["EmailStats:Accounts:benchmark:Provider"] = "Reports",
            ["EmailStats:Accounts:benchmark:ApiKey"] = studio.ApiKey,
            ["EmailStats:Accounts:benchmark:BaseAddress"] = studio.BaseAddress.ToString(),
            ["EmailStats:Accounts:benchmark:TimeZone"] = "Pacific/Auckland",
            ["EmailStats:Accounts:benchmark:Sources:0"] = "account",
        };
    }

    public static SyncHarness Create(
        DateTimeOffset now,
        Func<EmailStatsSandbox, Dictionary<string, string?>> estate,
        Func<IServiceProvider, IEmailStatsStore> store,
        int historyDays = 120,
        Action<Dictionary<string, string?>>? settings = null,
        Action<EmailStatsSyncBuilder>? configure = null)
    {
        var clock = new FakeTimeProvider(now);
        var sandbox = EmailStatsSandbox.Create(new SandboxOptions { TimeProvider = clock, HistoryDays = historyDays });
        var values = estate(sandbox);
        values["EmailStats:Sync:ReReadDays"] = "3";
        values["EmailStats:Sync:BackfillDays"] = "20";
        values["EmailStats:Sync:MaxConcurrency"] = "4";
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var kill = new KillSwitch();
        services.AddSingleton(kill);
        var builder = services.AddEmailStatsSync(configuration.GetSection("EmailStats"))
            .UseStore(sp => new KillableStore(store(sp), kill))
            .UseSourceClock(clock)
            .ConfigureClients((_, client) => client.UseSandbox(sandbox).WithTestResilience());
        configure?.Invoke(builder);
        return new SyncHarness(services.BuildServiceProvider(), sandbox, clock, builder);
    }

    /// <summary>
    /// Every stored source's rows next to a fresh read of it now, from its first stored day through today: what one clean
    /// read of every source on this day gives.
    /// </summary>
    public async Task<List<(string Source, IReadOnlyList<DailyEmailMetrics> Stored, IReadOnlyList<DailyEmailMetrics> Fresh)>> CompareWithFreshReadAsync()
    {
        var pairs = new List<(string, IReadOnlyList<DailyEmailMetrics>, IReadOnlyList<DailyEmailMetrics>)>();
        foreach (var stored in await Store.GetSourcesAsync())
        {
            var descriptor = new EmailStatsSourceDescriptor(stored.Account, stored.Provider, stored.Kind, stored.Name, stored.TimeZone == "UTC" ? null : stored.TimeZone);
            var source = Sources.Create(descriptor);
            var today = source.GetToday();
            var rows = await Store.ReadAsync(stored.Id, today.AddDays(-EmailStatsSource.MaxRangeDays + 1), today);
            var fresh = await source.GetDailyMetricsAsync(rows[0].Metrics.Date, today);
            pairs.Add((stored.Id, [.. rows.Select(r => r.Metrics)], [.. fresh.Where(d => d.IsReported)]));
        }

        return pairs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services.GetService<IEmailStatsStore>() is KillableStore { Inner: IAsyncDisposable disposable })
        {
            await disposable.DisposeAsync();
        }

        await _services.DisposeAsync();
        Sandbox.Dispose();
    }
}

/// <summary>When to kill a run: at the n-th source write, the run's token is cancelled before that write commits.</summary>
public sealed class KillSwitch
{
    private int _left = -1;
    private CancellationTokenSource? _run;

    public void Arm(int afterWrites, CancellationTokenSource run)
    {
        _run = run;
        Volatile.Write(ref _left, afterWrites);
    }

    public void Disarm() => Volatile.Write(ref _left, -1);

    /// <summary>True for the write that dies (its token is cancelled before it starts).</summary>
    public bool Dies()
    {
        if (Volatile.Read(ref _left) < 0)
        {
            return false;
        }

        if (Interlocked.Decrement(ref _left) == 0)
        {
            _run?.Cancel();
            return true;
        }

        return false;
    }
}

/// <summary>A store whose writes die when the <see cref="KillSwitch"/> says so; everything else goes to the real store.</summary>
public sealed class KillableStore(IEmailStatsStore inner, KillSwitch kill) : IEmailStatsStore
{
    public IEmailStatsStore Inner => inner;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<DateOnly?> GetCheckpointAsync(string sourceId, CancellationToken cancellationToken = default) => inner.GetCheckpointAsync(sourceId, cancellationToken);

    public Task<StoreWriteResult> WriteAsync(StoredSource source, IReadOnlyList<DailyEmailMetrics> days, DateOnly? checkpoint, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default) =>
        kill.Dies() ? Task.FromCanceled<StoreWriteResult>(new CancellationToken(canceled: true)) : inner.WriteAsync(source, days, checkpoint, fetchedAt, cancellationToken);

    public Task<IReadOnlyList<StoredSource>> GetSourcesAsync(CancellationToken cancellationToken = default) => inner.GetSourcesAsync(cancellationToken);

    public Task<IReadOnlyList<StoredDay>> ReadAsync(string sourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) => inner.ReadAsync(sourceId, from, to, cancellationToken);

    public Task WriteRunAsync(SyncRunReport report, CancellationToken cancellationToken = default) => inner.WriteRunAsync(report, cancellationToken);

    public Task<IReadOnlyList<SyncRunReport>> ReadRunsAsync(int count, CancellationToken cancellationToken = default) => inner.ReadRunsAsync(count, cancellationToken);
}
