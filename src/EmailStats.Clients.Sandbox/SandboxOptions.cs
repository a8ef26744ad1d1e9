namespace EmailStats.Clients.Sandbox;

/// <summary>How the sandbox starts.</summary>
public sealed class SandboxOptions
{
    /// <summary>The sandbox's "today": the last day with data. Defaults to the current UTC date.</summary>
    public DateOnly? Today { get; set; }

    /// <summary>How many days of history end at <see cref="Today"/> (1 to 3650; default 400).</summary>
    public int HistoryDays { get; set; } = 400;

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }
}
