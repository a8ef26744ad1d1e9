namespace EmailStats.Clients;

/// <summary>
/// The deliverability rates of a day or a period, as fractions (0.021 is 2.1%), from that period's sums (DESIGN.md
/// section 10). Each rate is null when a part of it is null (the source does not report it, or not for every day) or
/// when its denominator is 0: a rate over nothing is no rate, neither 0 nor infinity.
/// </summary>
/// <param name="Delivery">Delivered / sent.</param>
/// <param name="Bounce">Bounces (hard and soft) / sent.</param>
/// <param name="HardBounce">Hard bounces / sent.</param>
/// <param name="Complaint">Complaints / delivered: the mailbox providers measure spam rate against delivered mail.</param>
/// <param name="Unsubscribe">Unsubscriptions / delivered.</param>
/// <param name="UniqueOpen">Unique opens / delivered, where the period's uniques are known (one day).</param>
/// <param name="UniqueClick">Unique clicks / delivered, where the period's uniques are known (one day).</param>
public sealed record EmailRates(double? Delivery, double? Bounce, double? HardBounce, double? Complaint, double? Unsubscribe, double? UniqueOpen, double? UniqueClick)
{
    /// <summary>The rates of a period's sums.</summary>
    /// <param name="totals">The sums.</param>
    /// <returns>The rates.</returns>
    public static EmailRates Of(EmailTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(
            Ratio(totals.Delivered, totals.Sent),
            Ratio(totals.Bounces, totals.Sent),
            Ratio(totals.HardBounces, totals.Sent),
            Ratio(totals.Complaints, totals.Delivered),
            Ratio(totals.Unsubscribes, totals.Delivered),
            Ratio(totals.UniqueOpens, totals.Delivered),
            Ratio(totals.UniqueClicks, totals.Delivered));
    }

    /// <summary>The rates of one day (its unique counts included).</summary>
    /// <param name="day">The day; an unreported day has no rates.</param>
    /// <returns>The rates.</returns>
    public static EmailRates Of(DailyEmailMetrics day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return Of(EmailTotals.Of([day], includePartialDays: true));
    }

    /// <summary><paramref name="part"/> / <paramref name="whole"/>; null when either is null or the whole is 0.</summary>
    /// <param name="part">The numerator.</param>
    /// <param name="whole">The denominator.</param>
    /// <returns>The fraction, or null.</returns>
    public static double? Ratio(long? part, long? whole) => part is { } p && whole is { } w && w > 0 ? (double)p / w : null;
}
