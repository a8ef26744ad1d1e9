using System.Net;
using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>
/// Proof that the fixture mappings discriminate: the same call with another key, event set, date, duration or
/// parameter set is not matched (WireMock answers 404), so a passing wire test means the client sent the right request.
/// </summary>
public sealed class RequestMatchingTests(MailgunServer server) : IClassFixture<MailgunServer>
{
    private static MailgunStatsQuery MonthlyRange(params MailgunEvent[] events) =>
        MailgunStatsQuery.ForEvents(events).Between(Utc(2012, 2, 14), Utc(2012, 4, 1)).WithResolution(MailgunResolution.Month);

    private async Task AssertUnmatched(Func<MailgunStatsClient, Task> call, MailgunStatsClient? client = null)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => call(client ?? server.CreateClient()));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.False(server.LastRequestMatched);
    }

    [Fact]
    public async Task The_right_call_matches()
    {
        await server.CreateClient().GetAccountTotalsAsync(MonthlyRange(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed));

        Assert.True(server.LastRequestMatched);
        var request = server.Requests[^1].RequestMessage;
        Assert.Equal("Basic " + BasicValue, request.Headers!["Authorization"].Single());
        Assert.Equal(["accepted", "delivered", "failed"], request.Query!["event"]);
    }

    [Fact]
    public Task Another_api_key_is_not_matched() =>
        AssertUnmatched(
            c => c.GetAccountTotalsAsync(MonthlyRange(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed)),
            server.CreateClient("another-key-not-a-secret"));

    [Fact]
    public Task A_missing_event_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(MonthlyRange(MailgunEvent.Accepted, MailgunEvent.Delivered)));

    [Fact]
    public Task An_extra_event_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(MonthlyRange(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed, MailgunEvent.Opened)));

    [Fact]
    public Task Another_date_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(
            MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed)
                .Between(Utc(2012, 2, 14).AddSeconds(1), Utc(2012, 4, 1))
                .WithResolution(MailgunResolution.Month)));

    [Fact]
    public Task Another_resolution_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(
            MailgunStatsQuery.ForEvents(MailgunEvent.Accepted, MailgunEvent.Delivered, MailgunEvent.Failed)
                .Between(Utc(2012, 2, 14), Utc(2012, 4, 1))
                .WithResolution(MailgunResolution.Day)));

    [Fact]
    public Task Days_instead_of_months_are_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(MailgunStatsQuery.ForEvents(MailgunEvent.Stored).Last(MailgunDuration.Days(3))));

    [Fact]
    public Task A_missing_parameter_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(
            MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Clicked).Last(MailgunDuration.Days(7)).Ending(Utc(2024, 9, 8))));

    [Fact]
    public Task An_extra_parameter_is_not_matched() =>
        AssertUnmatched(c => c.GetAccountTotalsAsync(
            MailgunStatsQuery.ForEvents(MailgunEvent.Stored).Last(MailgunDuration.Months(3)).WithResolution(MailgunResolution.Month)));

    [Fact]
    public Task Another_group_is_not_matched() =>
        AssertUnmatched(c => c.GetFilteredTotalsAsync(
            MailgunStatsQuery.ForEvents(MailgunEvent.Clicked).Last(MailgunDuration.Months(1)).GroupBy(MailgunGroup.Provider)));

    [Fact]
    public Task Totals_by_domain_without_the_expected_limit_are_not_matched() =>
        AssertUnmatched(c => c.GetTotalsByDomainAsync(
            MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Failed).At(Utc(2024, 9, 1)).WithResolution(MailgunResolution.Month)));

    [Fact]
    public Task Another_domain_is_not_matched() =>
        AssertUnmatched(c => c.GetDeviceAggregatesAsync("other.example.com"));
}
