namespace EmailStats.Clients.Sandbox;

/// <summary>
/// A GetResponse account of the sandbox, served through both APIs: API 1.5 JSON-RPC at <c>/getresponse</c>
/// (<c>get_message_stats</c> per hour, day, month or year) and API v3 under <c>/getresponse/v3/</c> (newsletter and
/// autoresponder statistics). Its newsletters are the JSON-RPC messages (the same ids and the same activity, hour by
/// hour), each sent once on a day of the sandbox's history; opens, clicks, bounces and complaints keep arriving for
/// weeks after, fewer every day and fewer at night. Two autoresponders send every day to new contacts.
/// </summary>
public sealed class GetResponseSandboxAccount : SandboxAccount
{
    private static readonly string[] CampaignIds = ["cmp-news", "cmp-promo"];

    internal GetResponseSandboxAccount(string name, Uri root, int? newsletters, SandboxData data, DateOnly startDay)
        : base(name, root)
    {
        Messages = new JsonRpcMessagesSandboxData(data, name, newsletters, startDay);
        NewsletterIds = [.. Messages.Messages.Select(m => m.Id)];
        Subjects = Messages.Messages.ToDictionary(m => m.Id, m => m.Subject, StringComparer.Ordinal).AsReadOnly();
        SentAt = Messages.Messages.ToDictionary(m => m.Id, m => m.SentAt, StringComparer.Ordinal).AsReadOnly();
        Autoresponders = [("ar-welcome", "cmp-news", 120), ("ar-onboarding", "cmp-news", 80)];
        AutoresponderIds = [.. Autoresponders.Select(a => a.Id)];

        // The default account's newsletters go to the campaigns it always had; a generated account's alternate.
        string[] defaultCampaigns = ["cmp-news", "cmp-promo", "cmp-promo", "cmp-promo", "cmp-news"];
        Campaigns = NewsletterIds.Select((id, i) => (Id: id, Campaign: newsletters is null ? defaultCampaigns[i] : CampaignIds[i % CampaignIds.Length]))
            .Concat(Autoresponders.Select(a => (a.Id, a.Campaign)))
            .GroupBy(m => m.Campaign, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(m => m.Id)], StringComparer.Ordinal)
            .AsReadOnly();
    }

    /// <summary>The address to give <see cref="JsonRpcMessagesOptions.Endpoint"/> (API 1.5).</summary>
    public Uri JsonRpcEndpoint => new(Root, "getresponse/");

    /// <summary>The address to give <see cref="GetResponseOptions.BaseAddress"/> (API v3).</summary>
    public Uri BaseAddress => new(Root, "getresponse/v3/");

    /// <summary>The API key the account accepts, in JSON-RPC's first param and as <c>X-Auth-Token: api-key {key}</c> (a placeholder, not a secret).</summary>
    public override string ApiKey => $"sandbox-getresponse-{Name}-key";

    /// <summary>
    /// The newsletters (JSON-RPC messages) with statistics, oldest first. The default account's are <c>sbx-newsletter</c>,
    /// <c>sbx-launch</c>, <c>sbx-flash-sale</c>, <c>sbx-webinar</c> and <c>sbx-digest</c>; an added one's
    /// <c>{name}-nl-001</c> and on, spread evenly over the history.
    /// </summary>
    public IReadOnlyList<string> NewsletterIds { get; }

    /// <summary>Each newsletter's subject, by id.</summary>
    public IReadOnlyDictionary<string, string> Subjects { get; }

    /// <summary>
    /// When each newsletter's sending started, by id: a whole hour of a day within the sandbox's history, on the API's
    /// clock (<see cref="DateTimeKind.Unspecified"/>, like <see cref="MessageStatsPeriod.Start"/>). Its first period with
    /// activity starts then; sending takes one to four hours.
    /// </summary>
    public IReadOnlyDictionary<string, DateTime> SentAt { get; }

    /// <summary>The autoresponders with statistics (v3 only).</summary>
    public IReadOnlyList<string> AutoresponderIds { get; }

    /// <summary>The campaigns (lists) and the newsletters and autoresponders of each, keyed by campaign id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Campaigns { get; }

    internal JsonRpcMessagesSandboxData Messages { get; }

    internal (string Id, string Campaign, long Volume)[] Autoresponders { get; }

    /// <summary>Points API 1.5 options at the account: endpoint and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(JsonRpcMessagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint = JsonRpcEndpoint;
        options.ApiKey = ApiKey;
    }

    /// <summary>Points API v3 options at the account: address and key (the domain is left as set).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(GetResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    /// <summary>The stream of an autoresponder's daily sending.</summary>
    internal string AutoresponderStream(string id) => $"getresponse/{Name}/autoresponder/{id}";
}
