namespace EmailStats.Clients.GetResponse;

/// <summary>
/// A newsletter of the account (<c>GET newsletters</c>):
/// <c>{"newsletterId":"N","name":"Annual report","subject":"...","type":"broadcast","status":"enabled","sendOn":"...","createdOn":"...","campaign":{"campaignId":"C"}}</c>.
/// </summary>
public sealed record GetResponseNewsletter
{
    /// <summary>The newsletter's id (<c>newsletterId</c>), what the statistics calls take.</summary>
    public required string NewsletterId { get; init; }

    /// <summary>Its name (<c>name</c>); null when not sent.</summary>
    public string? Name { get; init; }

    /// <summary>Its subject (<c>subject</c>); null when not sent.</summary>
    public string? Subject { get; init; }

    /// <summary>Its type (<c>type</c>: <c>broadcast</c>, <c>draft</c>, <c>splittest</c>, <c>automation</c>); null when not sent.</summary>
    public string? Type { get; init; }

    /// <summary>Its status (<c>status</c>: <c>enabled</c> or <c>disabled</c>); null when not sent.</summary>
    public string? Status { get; init; }

    /// <summary>When it was (or will be) sent (<c>sendOn</c>, ISO 8601 as sent); null when not sent.</summary>
    public string? SendOn { get; init; }

    /// <summary>When it was created (<c>createdOn</c>, ISO 8601 as sent); null when not sent.</summary>
    public string? CreatedOn { get; init; }

    /// <summary>The campaign (list) it went to (<c>campaign.campaignId</c>); null when not sent.</summary>
    public string? CampaignId { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
