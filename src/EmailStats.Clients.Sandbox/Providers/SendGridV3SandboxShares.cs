namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>One part of a breakdown and its weight (parts of one breakdown split a count exactly).</summary>
internal readonly record struct SandboxShare(string Name, int Weight);

/// <summary>The sandbox's fixed breakdowns of SendGrid's advanced statistics.</summary>
internal static class SendGridV3SandboxShares
{
    public static readonly SandboxShare[] MailboxProviders = [new("Gmail", 45), new("Outlook.com", 20), new("Yahoo", 15), new("Apple iCloud", 14), new("AOL", 6)];

    public static readonly SandboxShare[] Browsers = [new("Chrome", 55), new("Safari", 25), new("Firefox", 11), new("Edge", 9)];

    public static readonly SandboxShare[] Devices = [new("Desktop", 30), new("Webmail", 25), new("Phone", 35), new("Tablet", 8), new("Other", 2)];

    /// <summary>The clients of each client type (<c>v3/clients/{client_type}/stats</c>), by the device they split.</summary>
    public static readonly IReadOnlyDictionary<string, SandboxShare[]> Clients = new Dictionary<string, SandboxShare[]>(StringComparer.Ordinal)
    {
        ["Desktop"] = [new("Apple Mail", 50), new("Outlook", 50)],
        ["Webmail"] = [new("Gmail", 70), new("Yahoo Mail", 30)],
        ["Phone"] = [new("iPhone", 60), new("Android", 40)],
        ["Tablet"] = [new("iPad", 80), new("Android Tablet", 20)],
    };

    public static readonly SandboxShare[] Countries = [new("US", 60), new("CA", 10), new("DE", 15), new("GB", 15)];

    public static readonly IReadOnlyDictionary<string, SandboxShare[]> Provinces = new Dictionary<string, SandboxShare[]>(StringComparer.Ordinal)
    {
        ["US"] = [new("CA", 30), new("TX", 25), new("NY", 25), new("WA", 20)],
        ["CA"] = [new("ON", 45), new("QC", 30), new("BC", 25)],
    };

    /// <summary>
    /// <paramref name="total"/> split by the weights, exactly: each part gets its floor and the remainder goes one by one
    /// to the parts with the largest fractions (the first on ties), so the parts always add up to the total.
    /// </summary>
    public static long[] Split(long total, SandboxShare[] shares)
    {
        var sum = shares.Sum(s => (long)s.Weight);
        var parts = new long[shares.Length];
        var fractions = new long[shares.Length];
        long given = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            parts[i] = Math.DivRem(total * shares[i].Weight, sum, out fractions[i]);
            given += parts[i];
        }

        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).Take((int)(total - given)))
        {
            parts[i]++;
        }

        return parts;
    }
}
