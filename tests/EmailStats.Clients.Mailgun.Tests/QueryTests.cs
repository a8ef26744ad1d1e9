using static EmailStats.Clients.Mailgun.Tests.Fixture;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>The query builders: what they send and what they refuse (always before any request).</summary>
public sealed class QueryTests
{
    [Fact]
    public void Events_are_kept_in_order_once_each_and_sent_by_wire_name()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Delivered, MailgunEvent.Unsubscribed);

        Assert.Equal([MailgunEvent.Delivered, MailgunEvent.Opened, MailgunEvent.Unsubscribed], query.Events);
        Assert.Equal(["delivered", "opened", "unsubscribed"], query.EventNames());
    }

    [Fact]
    public void Every_event_has_its_wire_name()
    {
        var query = MailgunStatsQuery.ForEvents(Enum.GetValues<MailgunEvent>());

        Assert.Equal(["accepted", "delivered", "failed", "opened", "clicked", "unsubscribed", "complained", "stored"], query.EventNames());
    }

    [Fact]
    public void No_event_is_refused()
    {
        var empty = Assert.Throws<ArgumentException>(() => MailgunStatsQuery.ForEvents());
        Assert.Equal("events", empty.ParamName);
        Assert.Contains("at least one event", empty.Message);

        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => MailgunStatsQuery.ForEvents(null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentException>(() => MailgunDomainTotalsQuery.ForEvents()).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentOutOfRangeException>(() => MailgunStatsQuery.ForEvents((MailgunEvent)42)).ParamName);
    }

    [Fact]
    public void Between_sends_both_dates_as_rfc2822_in_utc()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Accepted)
            .Between(new DateTimeOffset(2012, 2, 14, 2, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2012, 3, 31, 19, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal("Tue, 14 Feb 2012 00:00:00 +0000", query.StartText);
        Assert.Equal("Sun, 01 Apr 2012 00:00:00 +0000", query.EndText);
        Assert.Null(query.DurationText);
    }

    [Fact]
    public void Start_after_end_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Between(Utc(2024, 9, 2), Utc(2024, 9, 1)));

        Assert.Equal("start", e.ParamName);
        Assert.Contains("must not be after the end (Sun, 01 Sep 2024 00:00:00 +0000)", e.Message);
    }

    [Fact]
    public void Ending_before_the_start_is_refused()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Between(Utc(2024, 9, 1), Utc(2024, 9, 3));

        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => query.Ending(Utc(2024, 8, 31))).ParamName);
        Assert.Equal("Mon, 02 Sep 2024 00:00:00 +0000", query.Ending(Utc(2024, 9, 2)).EndText);
    }

    [Fact]
    public void A_start_and_a_duration_exclude_each_other_in_either_order()
    {
        var withDuration = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(7));
        var withStart = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Between(Utc(2024, 9, 1), Utc(2024, 9, 8));

        var first = Assert.Throws<ArgumentException>(() => withDuration.Between(Utc(2024, 9, 1), Utc(2024, 9, 8)));
        var second = Assert.Throws<ArgumentException>(() => withStart.Last(MailgunDuration.Days(7)));

        Assert.Equal("start", first.ParamName);
        Assert.Equal("duration", second.ParamName);
        Assert.Contains("either a start or a duration", first.Message);
        Assert.Contains("either a start or a duration", second.Message);
    }

    [Fact]
    public void A_zero_duration_is_refused()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => MailgunDuration.Days(0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => MailgunDuration.Hours(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => MailgunDuration.Parse("0m"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(default));
        Assert.Equal("duration", e.ParamName);
        Assert.Contains("at least one hour, day or month", e.Message);
    }

    [Fact]
    public void Durations_follow_mailguns_syntax_where_m_is_months()
    {
        Assert.Equal("24h", MailgunDuration.Hours(24).ToString());
        Assert.Equal("7d", MailgunDuration.Days(7).ToString());
        Assert.Equal("3m", MailgunDuration.Months(3).ToString());
        Assert.Equal(MailgunDuration.Months(2), MailgunDuration.Parse("2m"));
        Assert.Equal(MailgunResolution.Month, MailgunDuration.Parse("2m").Unit);
        Assert.Equal(36, MailgunDuration.Parse("36h").Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("7")]
    [InlineData("7w")]
    [InlineData("7D")]
    [InlineData("-1d")]
    [InlineData("+1d")]
    [InlineData("7 d")]
    [InlineData("1.5d")]
    [InlineData("99999999999d")]
    public void Durations_outside_the_syntax_are_refused(string text)
    {
        Assert.False(MailgunDuration.TryParse(text, out _));
        var e = Assert.Throws<ArgumentException>(() => MailgunDuration.Parse(text));
        Assert.Equal("text", e.ParamName);
    }

    [Fact]
    public void Last_with_ending_sends_duration_and_end_but_no_start()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered).Last(MailgunDuration.Days(7)).Ending(Utc(2024, 9, 8)).WithResolution(MailgunResolution.Day);

        Assert.Equal("7d", query.DurationText);
        Assert.Equal("Sun, 08 Sep 2024 00:00:00 +0000", query.EndText);
        Assert.Null(query.StartText);
        Assert.Equal("day", query.ResolutionText);
        Assert.Equal("Mailgun stats of [delivered], last 7d ending Sun, 08 Sep 2024 00:00:00 +0000, day", query.ToString());
    }

    [Fact]
    public void Filter_and_group_are_sent_as_given()
    {
        var query = MailgunStatsQuery.ForEvents(MailgunEvent.Clicked).WithFilter("domain:mg.example.com").GroupBy(MailgunGroup.Ip);

        Assert.Equal("domain:mg.example.com", query.Filter);
        Assert.Equal("ip", query.GroupText);
        Assert.Equal(
            ["total", "time", "day", "month", "domain", "ip", "provider", "tag", "country"],
            Enum.GetValues<MailgunGroup>().Select(g => MailgunStatsQuery.ForEvents(MailgunEvent.Clicked).GroupBy(g).GroupText));
        Assert.Equal("filter", Assert.Throws<ArgumentException>(() => query.WithFilter(" ")).ParamName);
        Assert.Equal("group", Assert.Throws<ArgumentOutOfRangeException>(() => query.GroupBy((MailgunGroup)99)).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentOutOfRangeException>(() => query.WithResolution((MailgunResolution)9)).ParamName);
    }

    [Fact]
    public void Queries_are_immutable()
    {
        var start = MailgunStatsQuery.ForEvents(MailgunEvent.Delivered);
        var later = start.Last(MailgunDuration.Days(1)).WithResolution(MailgunResolution.Hour);

        Assert.Null(start.Duration);
        Assert.Null(start.Resolution);
        Assert.Equal(MailgunDuration.Days(1), later.Duration);
        Assert.Equal(MailgunResolution.Hour, later.Resolution);
    }

    [Fact]
    public void Domain_totals_query_carries_timestamp_limit_and_resolution()
    {
        var query = MailgunDomainTotalsQuery.ForEvents(MailgunEvent.Delivered).At(Utc(2024, 9, 1)).WithLimit(2).WithResolution(MailgunResolution.Month);

        Assert.Equal(Utc(2024, 9, 1), query.Timestamp);
        Assert.Equal("2", query.LimitText);
        Assert.Equal("month", query.ResolutionText);
        Assert.Equal("Mailgun totals by domain of [delivered], at Sun, 01 Sep 2024 00:00:00 +0000, month, limit 2", query.ToString());
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => query.WithLimit(0)).ParamName);
    }
}
