using EmailStats.Clients.Reports;

namespace EmailStats.Clients.Sandbox;

/// <summary>The sandbox's Benchmark Email reports account: where it is served and the credentials it accepts.</summary>
public sealed class ReportsSandbox
{
    internal ReportsSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="ReportsOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }
}
