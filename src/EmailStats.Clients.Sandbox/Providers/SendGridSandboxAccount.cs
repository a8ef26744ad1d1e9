using EmailStats.Clients.Sandbox.Data;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// The one SendGrid account both APIs serve: its users (v2 reseller customers and subusers; v3 subusers of the parent
/// account) and each user's categories, one data stream per user and category. The v2 and the v3 hosts read the same
/// streams, so the same user's day has the same numbers in both APIs.
/// </summary>
internal static class SendGridSandboxAccount
{
    /// <summary>The users with data, and the categories each sends with.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["acme-newsletters"] = ["newsletter", "product-updates", "onboarding"],
        ["acme-receipts"] = ["receipts", "password-reset", "shipping"],
    }.AsReadOnly();

    /// <summary>Each user's first and last name (the v3 monthly statistics send them).</summary>
    public static IReadOnlyDictionary<string, (string First, string Last)> Names { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["acme-newsletters"] = ("Nora", "Lindqvist"),
        ["acme-receipts"] = ("Ravi", "Menon"),
    }.AsReadOnly();

    /// <summary>The stream of one user's mail in one category.</summary>
    public static string Stream(string user, string category) => $"sendgrid/{user}/{category}";

    /// <summary>A category's typical daily requests.</summary>
    public static long Volume(string category) => 400 + (long)(Math.Abs(StableHash(category)) % 4000);

    /// <summary>Every stream of a user.</summary>
    public static (string Stream, long Volume)[] Streams(string user) => [.. Categories[user].Select(c => (Stream(user, c), Volume(c)))];

    /// <summary>One user's day in one category.</summary>
    public static SandboxDay Day(SandboxData data, string user, string category, DateOnly date) => data.Day(Stream(user, category), date, Volume(category));

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
