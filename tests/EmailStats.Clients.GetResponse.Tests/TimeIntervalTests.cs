namespace EmailStats.Clients.GetResponse.Tests;

/// <summary><c>timeInterval</c>: ISO 8601 start and duration, calendar parts kept.</summary>
public sealed class TimeIntervalTests
{
    [Theory]
    [InlineData("2014-09-20T00:00:00+0000/P2M18DT10H0M0S", "2014-09-20T00:00:00+00:00", 0, 2, 18, 36000.0, "2014-12-08T10:00:00+00:00")]
    [InlineData("2026-01-31T00:00:00+0000/P1M", "2026-01-31T00:00:00+00:00", 0, 1, 0, 0.0, "2026-02-28T00:00:00+00:00")]
    [InlineData("2026-11-01T00:00:00Z/P1Y2W", "2026-11-01T00:00:00+00:00", 1, 0, 14, 0.0, "2027-11-15T00:00:00+00:00")]
    [InlineData("2026-11-01T05:00:00+02:00/PT30M", "2026-11-01T05:00:00+02:00", 0, 0, 0, 1800.0, "2026-11-01T05:30:00+02:00")]
    [InlineData("2026-11-01T00:00:00.250+0000/PT0.5S", "2026-11-01T00:00:00.25+00:00", 0, 0, 0, 0.5, "2026-11-01T00:00:00.75+00:00")]
    public void An_interval_is_read_as_a_start_and_a_calendar_length(string text, string start, int years, int months, int days, double seconds, string end)
    {
        var interval = GetResponseTimeInterval.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), interval.Start);
        Assert.Equal((years, months, days, TimeSpan.FromSeconds(seconds)), (interval.Years, interval.Months, interval.Days, interval.Time));
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), interval.End);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-01T00:00:00+0000")]
    [InlineData("2026-11-01T00:00:00+0000/")]
    [InlineData("2026-11-01T00:00:00+0000/P")]
    [InlineData("2026-11-01T00:00:00+0000/PT")]
    [InlineData("2026-11-01T00:00:00+0000/P1H")]
    [InlineData("2026-11-01T00:00:00+0000/1D")]
    [InlineData("2026-13-01T00:00:00+0000/P1D")]
    [InlineData("2026-11-01T00:00:00+0000/P1DT")]
    [InlineData("2026-11-01T00:00:00+0000/P9999999999D")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(GetResponseTimeInterval.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Contains("is not an ISO 8601 interval", Assert.Throws<FormatException>(() => GetResponseTimeInterval.Parse(text)).Message, StringComparison.Ordinal);
        }
    }
}
