using EmailStats.Clients.Internal;
using System.Net;

namespace EmailStats.Clients.Reports.Tests;

public sealed class EmailHistogramTests(ReportsServer server) : ReportsTestBase(server), IClassFixture<ReportsServer>
{
    public static TheoryData<EmailEventType, string, long> EventTypes => new()
    {
        { EmailEventType.EmailSent, "email-sent", 101 },
        { EmailEventType.EmailDelivered, "email-delivered", 102 },
        { EmailEventType.EmailBounced, "email-bounced", 4 },
        { EmailEventType.FirstContactUnsubscribed, "first-contact-unsubscribed", 104 },
        { EmailEventType.FirstEmailComplaint, "first-email-complaint", 105 },
        { EmailEventType.FirstEmailOpened, "first-email-opened", 106 },
        { EmailEventType.FirstEmailClicked, "first-email-clicked", 107 },
    };

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Sends_each_event_type_with_its_wire_string(EmailEventType eventType, string wire, long expectedTotal)
    {
        Assert.Equal(wire, WireName.Of(eventType));

        var histogram = await NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(14), eventType);

        Assert.True(Server.LastRequestMatched);
        Assert.Equal($"/api/reports/email/overall/histogram?pastDays=14&eventType={wire}&timezone=UTC", LastUrl);
        Assert.Equal(Fixture.Utc(2024, 9, 23, 17), histogram.Start);
        Assert.Equal(Fixture.Utc(2024, 9, 24, 17), histogram.End);
        Assert.Equal(2, histogram.Histogram.Count);
        Assert.Equal(expectedTotal, histogram.Histogram[0].Total);
        Assert.Equal(Fixture.Utc(2024, 9, 23, 17), histogram.Histogram[0].Date);
        Assert.Equal(expectedTotal, histogram.Peak!.Total);
    }

    [Fact]
    public async Task Bounces_carry_the_hard_and_soft_detail_and_the_bucket_form_of_the_peak()
    {
        var histogram = await NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(14), EmailEventType.EmailBounced);

        var detail = histogram.Histogram[0].Detail!;
        Assert.Equal(3, detail.Hard);
        Assert.Equal(1, detail.Soft);
        Assert.Null(detail.UniqueOpens);
        Assert.Null(detail.UniqueClicks);
        Assert.Equal(0, histogram.Histogram[1].Detail!.Hard);

        var peak = histogram.Peak!;
        Assert.Null(peak.Date);
        Assert.Equal(Fixture.Utc(2024, 9, 23, 17), peak.StartDate);
        Assert.Equal(Fixture.Utc(2024, 9, 23, 18), peak.EndDate);
        Assert.Equal(peak.StartDate, peak.PeriodStart);
        Assert.Equal(peak.EndDate, peak.PeriodEnd);
    }

    [Fact]
    public async Task Other_event_types_have_no_detail()
    {
        var histogram = await NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(14), EmailEventType.FirstEmailOpened);

        Assert.All(histogram.Histogram, point => Assert.Null(point.Detail));
    }

    [Fact]
    public async Task A_null_point_is_refused_not_dropped()
    {
        // One policy for every provider: a null item is a typed exception; dropped, the day would read as 0.
        var e = await Assert.ThrowsAsync<EmailStatsResponseException>(() =>
            NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(60).InTimeZone("Asia/Tokyo"), EmailEventType.FirstEmailOpened));

        Assert.True(Server.LastRequestMatched);
        Assert.Contains("null item", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"histogram\"", e.BodySnippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_envelope_sent_with_200_is_an_api_exception()
    {
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(() => NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(1), EmailEventType.EmailSent));

        Assert.True(Server.LastRequestMatched);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(["pastDays must be a number"], error.Errors);
    }

    [Fact]
    public async Task Another_event_type_than_the_mapping_gets_no_match()
    {
        // 60 days in Tokyo is only mapped for first-email-opened.
        var error = await Assert.ThrowsAsync<EmailStatsApiException>(
            () => NewClient().GetEmailHistogramAsync(ReportsQuery.PastDays(60).InTimeZone("Asia/Tokyo"), EmailEventType.FirstEmailClicked));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(Server.LastRequestMatched);
    }
}
