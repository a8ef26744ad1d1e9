namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A sending domain of the account (<c>GET v4/domains</c>):
/// <c>{"id":"1","name":"mg.example.com","state":"active","type":"custom","created_at":"Mon, 02 Jan 2006 15:04:05 MST"}</c>.
/// </summary>
public sealed record MailgunDomain
{
    /// <summary>The domain's id (<c>id</c>); null when not sent.</summary>
    public string? Id { get; init; }

    /// <summary>The domain name (<c>name</c>), what the statistics calls take.</summary>
    public required string Name { get; init; }

    /// <summary>Its state (<c>state</c>: <c>active</c>, <c>unverified</c>, <c>disabled</c>); null when not sent.</summary>
    public string? State { get; init; }

    /// <summary>Its type (<c>type</c>: <c>custom</c> or <c>sandbox</c>); null when not sent.</summary>
    public string? Type { get; init; }

    /// <summary>When it was created (<c>created_at</c>, RFC 2822 as sent); null when not sent.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>The subaccount it belongs to (<c>subaccount_id</c>, with <c>include_subaccounts</c>); null when not sent.</summary>
    public string? SubaccountId { get; init; }

    /// <summary>Fields the provider sent that this model has no property for (<c>disabled</c>, <c>web_prefix</c>...), kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
