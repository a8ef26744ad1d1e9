using EmailStats.Clients.Sandbox;

namespace EmailStats.Samples.Sync;

/// <summary>
/// The estate the sample syncs when no account is configured: several accounts of every provider in the built-in
/// sandbox, hundreds of sources, each account configured exactly as a real one would be (its provider, key, address,
/// what to discover), so the sync cannot tell it from the real thing.
/// </summary>
internal static class SandboxEstate
{
    /// <summary>Adds the accounts to <paramref name="sandbox"/> and returns their configuration (<c>EmailStats:Accounts:...</c>).</summary>
    public static Dictionary<string, string?> Configure(EmailStatsSandbox sandbox)
    {
        var settings = new Dictionary<string, string?>();
        void Account(string name, string provider, Uri baseAddress, string apiKey, params (string Key, string Value)[] more)
        {
            var prefix = $"EmailStats:Accounts:{name}:";
            settings[prefix + "Provider"] = provider;
            settings[prefix + "ApiKey"] = apiKey;
            settings[prefix + (provider == "JsonRpcMessages" ? "Endpoint" : "BaseAddress")] = baseAddress.ToString();
            foreach (var (key, value) in more)
            {
                settings[prefix + key] = value;
            }
        }

        var agency = sandbox.AddSendGridAccount("agency", subusers: 120);
        var reseller = sandbox.AddSendGridAccount("reseller", subusers: 60);
        Account("agency-sendgrid", "SendGridV3", agency.BaseAddress, agency.ApiKey, ("Discover:0", "subusers"), ("Sources:0", "global"));
        Account("reseller-sendgrid", "SendGridV3", reseller.BaseAddress, reseller.ApiKey, ("Discover:0", "subusers"), ("Discover:1", "categories"), ("TimeZone", "Europe/Berlin"));
        Account("legacy-sendgrid", "SendGridV2", sandbox.SendGrid.BaseAddress, sandbox.SendGrid.ApiKey, ("ApiUser", sandbox.SendGrid.ApiUser), ("User", sandbox.SendGrid.Subusers[0]), ("Sources:0", "user"));

        var shops = sandbox.AddMailgunAccount("shops", domains: 50);
        var brands = sandbox.AddMailgunAccount("brands", domains: 30);
        Account("shops-mailgun", "Mailgun", shops.BaseAddress, shops.ApiKey, ("Discover:0", "domains"), ("Sources:0", "account"));
        Account("brands-mailgun", "Mailgun", brands.BaseAddress, brands.ApiKey, ("Discover:0", "domains"));

        var news = sandbox.AddGetResponseAccount("news", newsletters: 30);
        var offers = sandbox.AddGetResponseAccount("offers", newsletters: 20);
        Account("news-getresponse", "GetResponse", news.BaseAddress, news.ApiKey, ("Discover:0", "newsletters"), ("Sources:0", "newsletters"));
        Account("offers-getresponse", "GetResponse", offers.BaseAddress, offers.ApiKey, ("Discover:0", "newsletters"), ("TimeZone", "America/New_York"));
        Account("news-jsonrpc", "JsonRpcMessages", news.JsonRpcEndpoint, news.ApiKey, ("Sources:0", "message:" + news.NewsletterIds[^1]));

        var benchmark = sandbox.AddBenchmarkAccount("studio");
        Account("studio-benchmark", "Reports", benchmark.BaseAddress, benchmark.ApiKey, ("Sources:0", "account"), ("TimeZone", "Europe/Paris"));
        Account("main-benchmark", "Reports", sandbox.Benchmark.BaseAddress, sandbox.Benchmark.ApiKey, ("Sources:0", "account"));
        return settings;
    }
}
