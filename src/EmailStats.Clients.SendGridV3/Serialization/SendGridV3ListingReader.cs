namespace EmailStats.Clients.SendGridV3.Serialization;

/// <summary>The listing answers: a JSON array of subusers or of categories.</summary>
internal static class SendGridV3ListingReader
{
    public static List<SendGridSubuser> ReadSubusers(ProviderResponse response) =>
        ListingJson.ReadItems(response, null, "subuser", static item => new SendGridSubuser
        {
            Id = ListingJson.Int64(item, "id"),
            Username = ListingJson.Required(item, "username", "subuser"),
            Email = ListingJson.String(item, "email"),
            Disabled = ListingJson.Boolean(item, "disabled") ?? false,
            Region = ListingJson.String(item, "region"),
            AdditionalData = ListingJson.Rest(item, "id", "username", "email", "disabled", "region"),
        });

    public static List<SendGridCategory> ReadCategories(ProviderResponse response) =>
        ListingJson.ReadItems(response, null, "category", static item => new SendGridCategory
        {
            Name = ListingJson.Required(item, "category", "category"),
            AdditionalData = ListingJson.Rest(item, "category"),
        });
}
