namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// The length of the periods <c>get_message_stats</c> aggregates by (the <c>grouping</c> condition), and so the
/// format of the period keys it answers with.
/// </summary>
public enum MessageStatsGrouping
{
    /// <summary>One period per hour: <c>hourly</c>, keys <c>YYYY-MM-DD HH</c>.</summary>
    Hourly,

    /// <summary>One period per day: <c>daily</c>, keys <c>YYYY-MM-DD</c>. The API's default.</summary>
    Daily,

    /// <summary>One period per month: <c>monthly</c>, keys <c>YYYY-MM</c>.</summary>
    Monthly,

    /// <summary>One period per year: <c>yearly</c>, keys <c>YYYY</c>.</summary>
    Yearly,
}
