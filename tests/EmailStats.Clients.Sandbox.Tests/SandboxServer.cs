namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>One sandbox per test class, with a fixed "today" so that every value is reproducible.</summary>
public sealed class SandboxServer : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    public EmailStatsSandbox Sandbox { get; } = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 120 });

    public void Dispose() => Sandbox.Dispose();
}
