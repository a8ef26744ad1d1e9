namespace EmailStats.Clients.SendGridV3;

/// <summary>A subuser of the parent account (<c>GET v3/subusers</c>): <c>{"id":1234,"username":"shop","email":"...","disabled":false}</c>.</summary>
public sealed record SendGridSubuser
{
    /// <summary>The subuser's id (<c>id</c>); null when not sent.</summary>
    public long? Id { get; init; }

    /// <summary>The subuser's user name (<c>username</c>), what the statistics endpoints name it by.</summary>
    public required string Username { get; init; }

    /// <summary>The contact address (<c>email</c>); null when not sent.</summary>
    public string? Email { get; init; }

    /// <summary>Whether the subuser is disabled (<c>disabled</c>); false when not sent.</summary>
    public bool Disabled { get; init; }

    /// <summary>The region the subuser is pinned to (<c>region</c>, sent only on request); null when not sent.</summary>
    public string? Region { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>A category the account's mail has carried (<c>GET v3/categories</c>): <c>{"category":"newsletter"}</c>.</summary>
public sealed record SendGridCategory
{
    /// <summary>The category's name (<c>category</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
