using EmailStats.Clients.Reports;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// The sandbox's Benchmark Email reports account: where it is served, the key it accepts and the campaigns it holds.
/// Every report (dashboard, overall, histograms, campaign reports and engagement) and the campaign list are generated
/// from the same campaigns, so they agree with one another.
/// </summary>
public sealed class ReportsSandbox
{
    internal ReportsSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="ReportsOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key of the generated account (a placeholder, not a secret); any other key gets a 401 <c>UnauthorizedError</c>.</summary>
    public string ApiKey => "sandbox-key-not-a-secret";

    /// <summary>
    /// The key of the recorded fixtures (a placeholder, not a secret): with it, the requests the package's tests
    /// recorded get their recorded answers, including fixed errors and drift; it is not a key of the generated account.
    /// </summary>
    public string FixtureApiKey => "fixture-key-not-a-secret";

    /// <summary>Every campaign id of the generated account (sent, scheduled and draft), newest created first, as the campaign list sorts by default.</summary>
    public IReadOnlyList<string> CampaignIds { get; private set; } = [];

    /// <summary>The ids of the sent campaigns, most recently sent first: the campaigns with a report and engagement.</summary>
    public IReadOnlyList<string> SentCampaignIds { get; private set; } = [];

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    internal void SetCampaigns(IReadOnlyList<string> all, IReadOnlyList<string> sent)
    {
        CampaignIds = all;
        SentCampaignIds = sent;
    }
}
