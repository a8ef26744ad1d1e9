using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun.Tests;

/// <summary>Mailgun's times: sent as RFC 2822 in UTC, read with a zone name or a numeric offset.</summary>
public sealed class Rfc2822Tests
{
    [Theory]
    [InlineData("Tue, 14 Feb 2012 00:00:00 UTC", 2012, 2, 14, 0, 0, 0, 0)]
    [InlineData("Tue, 14 Feb 2012 00:00:00 GMT", 2012, 2, 14, 0, 0, 0, 0)]
    [InlineData("Tue, 14 Feb 2012 00:00:00 UT", 2012, 2, 14, 0, 0, 0, 0)]
    [InlineData("Tue, 14 Feb 2012 01:30:15 +0100", 2012, 2, 14, 1, 30, 15, 60)]
    [InlineData("Mon, 13 Feb 2012 19:00:00 -0500", 2012, 2, 13, 19, 0, 0, -300)]
    [InlineData("Tue, 14 Feb 2012 05:30:00 +05:30", 2012, 2, 14, 5, 30, 0, 330)]
    [InlineData("14 Feb 2012 00:00 UTC", 2012, 2, 14, 0, 0, 0, 0)]
    [InlineData("Tue,  4 feb 2012 00:00:00", 2012, 2, 4, 0, 0, 0, 0)]
    [InlineData("Tue, 14 Feb 12 00:00:00 EST", 2012, 2, 14, 0, 0, 0, -300)]
    public void Reads_zone_names_and_numeric_offsets(string text, int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        Assert.True(Rfc2822.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2012-02-14T00:00:00Z")]
    [InlineData("Tue, 30 Feb 2012 00:00:00 UTC")]
    [InlineData("Tue, 14 Foo 2012 00:00:00 UTC")]
    [InlineData("Tue, 14 Feb 2012 24:00:00 UTC")]
    [InlineData("Tue, 14 Feb 2012 00:00:00 +2500")]
    [InlineData("Tue, 14 Feb 2012 00:00:00 XYZ")]
    [InlineData("T1e, 14 Feb 2012 00:00:00 UTC")]
    public void Refuses_what_is_not_rfc2822(string text)
    {
        Assert.False(Rfc2822.TryParse(text, out _));
    }

    [Fact]
    public void Writes_utc_with_a_numeric_zone_to_the_second()
    {
        var local = new DateTimeOffset(2024, 9, 1, 2, 0, 0, 999, TimeSpan.FromHours(2));

        Assert.Equal("Sun, 01 Sep 2024 00:00:00 +0000", Rfc2822.Format(local));
        Assert.True(Rfc2822.TryParse(Rfc2822.Format(local), out var back));
        Assert.Equal(new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero), back);
    }
}
