using System.Net;

namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>Every error shape of DESIGN.md section 4, in JSON and XML, with 200 and with an error status.</summary>
public sealed class ErrorTests(SendGridServer server) : IClassFixture<SendGridServer>
{
    public static TheoryData<SendGridV2Format> Formats => new() { SendGridV2Format.Json, SendGridV2Format.Xml };

    private Task<IReadOnlyList<SendGridDailyStats>> StatsOf(string user, SendGridV2Format format) =>
        server.Client(SendGridV2Api.Reseller, format).GetStatsAsync(SendGridStatsQuery.ForUser(user).LastDays(3));

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_errors_list_sent_with_200_is_an_api_exception_with_every_message(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => StatsOf("unknown@example.com", format));

        Assert.Equal("SendGridV2", e.Provider);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Null(e.ErrorCode);
        Assert.Equal(["User unknown@example.com does not exist", "Check the user parameter"], e.Errors);
        Assert.Contains("User unknown@example.com does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_error_object_sent_with_200_carries_its_code(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => StatsOf("denied@example.com", format));

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("401", e.ErrorCode);
        Assert.Equal(["Permission denied, wrong credentials"], e.Errors);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_error_object_sent_with_401_carries_status_and_code(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => StatsOf("unauthorized@example.com", format));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("401", e.ErrorCode);
        Assert.Equal(["Permission denied, wrong credentials"], e.Errors);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Errors_are_recognised_by_every_operation(SendGridV2Format format)
    {
        var client = server.Client(SendGridV2Api.Reseller, format);

        var aggregate = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetAggregateAsync("unknown@example.com"));
        var categories = await Assert.ThrowsAsync<EmailStatsApiException>(() => client.GetCategoriesAsync("denied@example.com"));
        var categoryStats = await Assert.ThrowsAsync<EmailStatsApiException>(() =>
            client.GetCategoryStatsAsync(SendGridStatsQuery.ForUser("unknown@example.com").LastDays(1).WithCategories("a", "b")));

        Assert.Equal("Check the user parameter", aggregate.Errors[1]);
        Assert.Equal("401", categories.ErrorCode);
        Assert.Equal(2, categoryStats.Errors.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_429_carries_retry_after_and_the_message(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => StatsOf("ratelimited@example.com", format));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Equal(["Too many requests, slow down"], e.Errors);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_truncated_body_is_a_response_exception_with_a_snippet(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => StatsOf("malformed@example.com", format));

        Assert.Equal("SendGridV2", e.Provider);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Contains("2009-06-20", e.BodySnippet, StringComparison.Ordinal);
        Assert.True(e.InnerException is System.Text.Json.JsonException or System.Xml.XmlException);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_number_that_is_not_a_number_is_a_response_exception_not_a_zero(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => StatsOf("badnumber@example.com", format));

        Assert.Contains("12x", e.BodySnippet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_date_in_another_format_is_a_response_exception(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => StatsOf("baddate@example.com", format));

        Assert.Contains("20/06/2009", e.BodySnippet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_html_page_sent_with_200_is_a_response_exception(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => StatsOf("html@example.com", format));

        Assert.Equal("text/html", e.ContentType);
        Assert.Contains("HTML", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", e.BodySnippet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_html_page_sent_with_502_is_an_api_exception_with_the_reason_not_the_page(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsApiException>(() => StatsOf("gateway@example.com", format));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.DoesNotContain(e.Errors, m => m.Contains('<', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_empty_body_is_a_response_exception(SendGridV2Format format)
    {
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() => StatsOf("empty@example.com", format));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.Equal("", e.BodySnippet ?? "");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Numbers_as_strings_blocked_alias_missing_and_unknown_keys_are_read(SendGridV2Format format)
    {
        // The drift fixture is served as text/html on purpose: the body decides the format, not the header.
        var stats = await StatsOf("drift@example.com", format);

        Assert.Equal(2, stats.Count);
        var first = stats[0];
        Assert.Equal(new DateOnly(2009, 6, 20), first.Date);
        Assert.Equal(12342, first.Requests);
        Assert.Equal(12001, first.Delivered);
        Assert.Equal(4, first.Blocks);
        Assert.Equal(3, first.SpamDrop);
        Assert.Equal(9992, first.Opens);
        Assert.Equal(0, first.UniqueOpens);
        Assert.Equal(["deferred", "processed"], first.AdditionalData.Keys.Order());
        Assert.Equal("12338", first.AdditionalData["processed"].ToString());
        Assert.Equal("mailbox busy", first.AdditionalData["deferred"].GetProperty("reason").GetString());
        Assert.Equal(3, stats[1].Blocks);
        Assert.Equal(0, stats[1].Delivered);
        Assert.Empty(stats[1].AdditionalData);
    }
}
