namespace EmailStats.Clients.Sandbox;

/// <summary>
/// A Benchmark Email account of the sandbox, served under <c>/benchmark/</c> (the v1 reports and the campaign list):
/// about 30 campaigns sent over the six months before the sandbox started, one every few days after that, two
/// scheduled and three drafts. Every report (dashboard, overall, histograms, campaign reports and engagement) and the
/// campaign list are generated from the same campaigns, so they agree with one another.
/// </summary>
public sealed class BenchmarkSandboxAccount : SandboxAccount
{
    private readonly SandboxData _data;
    private readonly DateOnly _startDay;
    private readonly Lock _gate = new();
    private ReportsSandboxData? _latest;

    internal BenchmarkSandboxAccount(string name, Uri root, SandboxData data, DateOnly startDay)
        : base(name, root)
    {
        _data = data;
        _startDay = startDay;
    }

    /// <summary>The address to give <see cref="ReportsOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress => new(Root, "benchmark/");

    /// <summary>The API key the account accepts in <c>X-API-Key</c> (a placeholder, not a secret); any other key gets a 401 <c>UnauthorizedError</c>.</summary>
    public override string ApiKey => $"sandbox-benchmark-{Name}-key";

    /// <summary>Every campaign id at the sandbox's now (sent, scheduled and draft), newest created first, as the campaign list sorts by default.</summary>
    public IReadOnlyList<string> CampaignIds => [.. Snapshot().Campaigns.Select(c => c.Id)];

    /// <summary>The ids of the campaigns sent by the sandbox's now, most recently sent first: the campaigns with a report and engagement.</summary>
    public IReadOnlyList<string> SentCampaignIds => [.. Snapshot().Campaigns.Where(c => c.IsSent).OrderByDescending(c => c.ScheduledAt).Select(c => c.Id)];

    /// <summary>Points <paramref name="options"/> at the account: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    /// <summary>The account at the sandbox's now (built once per instant: a clock that stands still builds it once).</summary>
    internal ReportsSandboxData Snapshot()
    {
        var now = _data.Now;
        lock (_gate)
        {
            if (_latest is null || _latest.Now != now)
            {
                _latest = new ReportsSandboxData(_data, Name, _startDay, now);
            }

            return _latest;
        }
    }
}
