namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>The same data in JSON and in XML parses to equal models, for every operation.</summary>
public sealed class FormatEquivalenceTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    [Theory]
    [InlineData(SendGridV2Api.Reseller)]
    [InlineData(SendGridV2Api.Subuser)]
    public async Task Daily_stats_are_equal_in_json_and_xml(SendGridV2Api api)
    {
        var query = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).LastDays(3);

        var json = await server.Client(api, SendGridV2Format.Json).GetStatsAsync(query);
        var xml = await server.Client(api, SendGridV2Format.Xml).GetStatsAsync(query);

        Assert.Equal(3, json.Count);
        Assert.Equal(json, xml);
    }

    [Theory]
    [InlineData(SendGridV2Api.Reseller)]
    [InlineData(SendGridV2Api.Subuser)]
    public async Task Aggregates_are_equal_in_json_and_xml(SendGridV2Api api)
    {
        var json = await server.Client(api, SendGridV2Format.Json).GetAggregateAsync(SendGridServer.UserOf(api));
        var xml = await server.Client(api, SendGridV2Format.Xml).GetAggregateAsync(SendGridServer.UserOf(api));

        Assert.Equal(97026, json.Requests);
        Assert.Equal(json, xml);
    }

    [Theory]
    [InlineData(SendGridV2Api.Reseller)]
    [InlineData(SendGridV2Api.Subuser)]
    public async Task Category_lists_are_equal_in_json_and_xml(SendGridV2Api api)
    {
        var json = await server.Client(api, SendGridV2Format.Json).GetCategoriesAsync(SendGridServer.UserOf(api));
        var xml = await server.Client(api, SendGridV2Format.Xml).GetCategoriesAsync(SendGridServer.UserOf(api));

        Assert.Equal(3, json.Count);
        Assert.Equal(json, xml);
    }

    [Theory]
    [InlineData(SendGridV2Api.Reseller)]
    [InlineData(SendGridV2Api.Subuser)]
    public async Task Category_stats_are_equal_in_json_and_xml(SendGridV2Api api)
    {
        var single = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).Between(new DateOnly(2009, 6, 20), new DateOnly(2009, 6, 21)).WithCategories("categoryA");
        var several = SendGridStatsQuery.ForUser(SendGridServer.UserOf(api)).LastDays(7).WithCategories("categoryA", "categoryB");
        var jsonClient = server.Client(api, SendGridV2Format.Json);
        var xmlClient = server.Client(api, SendGridV2Format.Xml);

        Assert.Equal(await jsonClient.GetCategoryStatsAsync(single), await xmlClient.GetCategoryStatsAsync(single));
        Assert.Equal(await jsonClient.GetCategoryStatsAsync(several), await xmlClient.GetCategoryStatsAsync(several));
        Assert.Equal(2, (await xmlClient.GetCategoryStatsAsync(several)).Count);
    }

    [Fact]
    public async Task Drifted_answers_are_equal_in_json_and_xml_extra_keys_included()
    {
        var query = SendGridStatsQuery.ForUser("drift@example.com").LastDays(2);

        var json = await server.Client(format: SendGridV2Format.Json).GetStatsAsync(query);
        var xml = await server.Client(format: SendGridV2Format.Xml).GetStatsAsync(query);

        Assert.Equal(json[1], xml[1]);
        Assert.Equal(json[0] with { AdditionalData = null! }, xml[0] with { AdditionalData = null! });
        Assert.Equal(json[0].AdditionalData.Keys.Order(), xml[0].AdditionalData.Keys.Order());
    }
}
