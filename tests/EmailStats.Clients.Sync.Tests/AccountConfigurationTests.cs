using System.Text;
using Microsoft.Extensions.Configuration;

namespace EmailStats.Clients.Sync.Tests;

/// <summary>
/// Accounts as configuration writes them (appsettings JSON, environment variables): every provider's account read with
/// its sources and stable ids; every broken rule reported with the account's name and the rule, never the key.
/// </summary>
public sealed class AccountConfigurationTests
{
    private const string Secret = "key-0123456789abcdef-secret";

    private static IReadOnlyList<EmailStatsAccount> Read(string json) =>
        EmailStatsAccount.ReadAll(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Accounts"));

    private static EmailStatsAccount One(string account) => Assert.Single(Read($$"""{ "Accounts": { "a": {{account}} } }"""));

    [Fact]
    public void Every_providers_account_is_read_with_its_sources_zone_and_stable_ids()
    {
        var accounts = Read($$"""
        {
          "Accounts": {
            "agency-sendgrid": { "Provider": "SendGridV3", "ApiKey": "{{Secret}}", "Sources": [ "global", "subuser:shop-eu" ], "Discover": [ "subusers", "Categories" ], "TimeZone": "Europe/Berlin" },
            "legacy": { "Provider": "sendgridv2", "ApiUser": "u", "ApiKey": "{{Secret}}", "User": "customer-1", "Sources": "user, category:weekly" },
            "news": { "Provider": "GetResponse", "ApiKey": "{{Secret}}", "Sources": [ "newsletters" ], "Discover": [ "newsletters" ] },
            "news-rpc": { "Provider": "JsonRpcMessages", "ApiKey": "{{Secret}}", "Sources": [ "message:42" ] },
            "shops": { "Provider": "Mailgun", "ApiKey": "{{Secret}}", "Region": "EU", "Sources": [ "account", "domain:mail.example.com" ] },
            "studio": { "Provider": "Reports", "ApiKey": "{{Secret}}", "BaseAddress": "https://api.example.com/v1/", "Sources": [ "account" ], "TimeZone": "America/New_York" }
          }
        }
        """);

        Assert.All(accounts, a => Assert.Empty(a.Errors));
        Assert.All(accounts, a => Assert.True(a.IsValid));
        Assert.Equal(
            ["agency-sendgrid/global", "agency-sendgrid/subuser/shop-eu", "legacy/user", "legacy/category/weekly", "news/newsletters", "news-rpc/message/42", "shops/account", "shops/domain/mail.example.com", "studio/account"],
            accounts.SelectMany(a => a.Sources).Select(s => s.Id));
        Assert.Equal(["subusers", "categories"], accounts[0].Discover);
        Assert.Equal("Europe/Berlin", accounts[0].Sources[1].TimeZone);
        Assert.Equal(EmailStatsProvider.SendGridV2, accounts[1].Provider);
        Assert.Equal("customer-1", accounts[1].User);
    }

    [Theory]
    [InlineData("""{ "ApiKey": "K", "Sources": [ "account" ] }""", "Account 'a': Provider is required (SendGridV2, SendGridV3, JsonRpcMessages, GetResponse, Mailgun, Reports).")]
    [InlineData("""{ "Provider": "Mailchimp", "ApiKey": "K" }""", "Account 'a': Provider 'Mailchimp' is not one of")]
    [InlineData("""{ "Provider": "Reports", "ApiKey": "K", "Sources": [ "account" ], "TimeZone": "Mars/Olympus" }""", "Account 'a': TimeZone 'Mars/Olympus' is not a time zone known here")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "account" ], "TimeZone": "Europe/Berlin" }""", "Account 'a': Mailgun counts days in UTC only")]
    [InlineData("""{ "Provider": "Reports", "ApiKey": "K", "Discover": [ "domains" ] }""", "Account 'a': Reports cannot discover 'domains' (it lists nothing).")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Discover": [ "subusers" ] }""", "Account 'a': Mailgun cannot discover 'subusers' (use domains).")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K" }""", "Account 'a': name at least one source (Sources) or something to discover (Discover).")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "subuser:shop" ] }""", "Account 'a': 'subuser:shop' is not a Mailgun source; use account, domain:NAME.")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "domain" ] }""", "Account 'a': a domain source names its domain (domain:NAME).")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "account:x" ] }""", "Account 'a': a account source takes no name.")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "domain:a/b" ] }""", "domain name")]
    [InlineData("""{ "Provider": "Mailgun", "ApiKey": "K", "Sources": [ "domain:x", "domain:x" ] }""", "Account 'a': the source 'a/domain/x' is named twice.")]
    [InlineData("""{ "Provider": "SendGridV2", "ApiUser": "u", "ApiKey": "K", "Sources": [ "user" ] }""", "Account 'a': User is required")]
    [InlineData("""{ "Provider": "Mailgun", "Sources": [ "account" ] }""", "Account 'a': ")]
    public void A_broken_rule_is_reported_with_the_account_and_the_rule(string account, string expected)
    {
        var read = One(account);

        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_account_name_that_is_not_one_clean_segment_is_refused_because_it_starts_every_source_id()
    {
        var read = Assert.Single(Read("""{ "Accounts": { "a/b": { "Provider": "Reports", "ApiKey": "K", "BaseAddress": "https://api.example.com/v1/", "Sources": [ "account" ] } } }"""));

        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.StartsWith("Account 'a/b': an account name is the first part of its sources' ids", StringComparison.Ordinal));
    }

    [Fact]
    public void No_error_shows_the_key()
    {
        var read = Read($$"""
        {
          "Accounts": {
            "a": { "Provider": "Mailgun", "ApiKey": "{{Secret}}", "Region": "Moon", "Sources": [ "nothing" ] },
            "b": { "Provider": "SendGridV3", "ApiKey": "{{Secret}}", "BaseAddress": "not a uri", "Discover": [ "domains" ] }
          }
        }
        """);

        Assert.All(read, a => Assert.NotEmpty(a.Errors));
        Assert.All(read.SelectMany(a => a.Errors), e => Assert.DoesNotContain(Secret, e, StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_written_as_environment_variables_read_the_same_as_json()
    {
        var env = EmailStatsAccount.ReadAll(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:shops:Provider"] = "Mailgun",
            ["Accounts:shops:ApiKey"] = "K",
            ["Accounts:shops:Sources:0"] = "account",
            ["Accounts:shops:Sources:1"] = "domain:mail.example.com",
        }).Build().GetSection("Accounts"));
        var json = Read("""{ "Accounts": { "shops": { "Provider": "Mailgun", "ApiKey": "K", "Sources": "account,domain:mail.example.com" } } }""");

        Assert.Equal(json.Single().Sources, env.Single().Sources);
    }
}
