namespace EmailStats.Clients.Testing;

/// <summary>The placeholder credentials the recorded fixtures accept (never a real secret).</summary>
public static class FixtureKeys
{
    /// <summary>The API key of every happy-path fixture.</summary>
    public const string ApiKey = "fixture-key-not-a-secret";
}
