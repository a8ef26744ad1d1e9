namespace EmailStats.Clients.SendGridV2.Tests;

/// <summary>The values the fixtures hold, written out once so that every test asserts the same numbers.</summary>
internal static class Expected
{
    public static readonly SendGridDailyStats Day1 = new()
    {
        Date = new DateOnly(2009, 6, 20), Requests = 12342, Delivered = 12001, Bounces = 12, RepeatBounces = 1, Unsubscribes = 3,
        RepeatUnsubscribes = 0, Clicks = 10223, Opens = 9992, SpamReports = 5, RepeatSpamReports = 0, InvalidEmail = 2, Blocks = 4,
        UniqueClicks = 801, UniqueOpens = 2203,
    };

    public static readonly SendGridDailyStats Day2 = new()
    {
        Date = new DateOnly(2009, 6, 21), Requests = 32342, Delivered = 31990, Bounces = 10, RepeatBounces = 0, Unsubscribes = 7,
        RepeatUnsubscribes = 1, Clicks = 14323, Opens = 10995, SpamReports = 7, RepeatSpamReports = 1, InvalidEmail = 0, Blocks = 3,
        UniqueClicks = 1200, UniqueOpens = 4100,
    };

    public static readonly SendGridDailyStats Day3 = new()
    {
        Date = new DateOnly(2009, 6, 22), Requests = 52342, Delivered = 51876, Bounces = 11, RepeatBounces = 2, Unsubscribes = 9,
        RepeatUnsubscribes = 0, Clicks = 19223, Opens = 12992, SpamReports = 2, RepeatSpamReports = 0, InvalidEmail = 1, Blocks = 5,
        UniqueClicks = 1766, UniqueOpens = 5872,
    };

    public static readonly SendGridDailyStats[] Days = [Day1, Day2, Day3];

    /// <summary>The fixtures' all-time totals are the sums of their three days.</summary>
    public static readonly SendGridAggregateStats Aggregate = new()
    {
        Requests = 97026, Delivered = 95867, Bounces = 33, RepeatBounces = 3, Unsubscribes = 19, RepeatUnsubscribes = 1,
        Clicks = 43769, Opens = 33979, SpamReports = 14, RepeatSpamReports = 1, InvalidEmail = 3, Blocks = 12,
        UniqueClicks = 3767, UniqueOpens = 12175,
    };

    public static readonly string[] Categories = ["categoryA", "categoryB", "categoryC"];

    public static SendGridCategoryStats Category(DateOnly date, string category, long requests, long delivered, long opens, long clicks, long blocked, long spamDrop) => new()
    {
        Date = date, Category = category, Requests = requests, Delivered = delivered, Opens = opens, Clicks = clicks, Blocks = blocked,
        SpamDrop = spamDrop, Unsubscribes = 1, Bounces = requests - delivered - blocked, UniqueClicks = clicks / 2, SpamReports = 1,
        UniqueOpens = opens / 2,
    };

    public static readonly SendGridCategoryStats[] CategoryASingle =
    [
        Category(new DateOnly(2009, 6, 20), "categoryA", 400, 390, 120, 40, 6, 1),
        Category(new DateOnly(2009, 6, 21), "categoryA", 380, 371, 101, 33, 5, 0),
    ];

    public static readonly SendGridCategoryStats[] CategoryAandB =
    [
        Category(new DateOnly(2009, 6, 22), "categoryA", 410, 402, 130, 52, 2, 0),
        Category(new DateOnly(2009, 6, 22), "categoryB", 90, 88, 17, 3, 1, 2),
    ];
}
