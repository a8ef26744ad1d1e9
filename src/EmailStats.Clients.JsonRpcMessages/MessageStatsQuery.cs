using EmailStats.Clients.JsonRpcMessages.Serialization;

namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// What to ask <c>get_message_stats</c> for: a message, optionally a grouping and <c>created_on</c> date
/// conditions (<c>FROM</c>, <c>TO</c>, <c>AT</c>, combined with AND). Immutable: every method returns a new
/// query. Every rule is checked here, before any request is sent.
/// </summary>
/// <example><code>
/// var query = MessageStatsQuery.ForMessage("abc123")
///     .GroupedBy(MessageStatsGrouping.Monthly)
///     .CreatedFrom(new DateOnly(2024, 1, 1))
///     .CreatedTo(new DateOnly(2024, 6, 30));
/// </code></example>
public sealed class MessageStatsQuery
{
    private MessageStatsQuery(string messageId, MessageStatsGrouping? grouping, DateOnly? from, DateOnly? to, DateOnly? on)
    {
        MessageId = messageId;
        Grouping = grouping;
        CreatedFromDate = from;
        CreatedToDate = to;
        CreatedOnDate = on;
    }

    /// <summary>The message whose statistics are read (condition <c>message</c>).</summary>
    public string MessageId { get; }

    /// <summary>
    /// The grouping asked for (condition <c>grouping</c>); null when not set, in which case nothing is sent and
    /// the API groups by day (<see cref="MessageStatsGrouping.Daily"/>).
    /// </summary>
    public MessageStatsGrouping? Grouping { get; }

    /// <summary>The grouping the answer's period keys follow: <see cref="Grouping"/>, or <see cref="MessageStatsGrouping.Daily"/> when not set.</summary>
    public MessageStatsGrouping EffectiveGrouping => Grouping ?? MessageStatsGrouping.Daily;

    /// <summary>The <c>created_on</c> <c>FROM</c> date (on or after); null when not set.</summary>
    public DateOnly? CreatedFromDate { get; }

    /// <summary>The <c>created_on</c> <c>TO</c> date (on or before); null when not set.</summary>
    public DateOnly? CreatedToDate { get; }

    /// <summary>The <c>created_on</c> <c>AT</c> date (that day); null when not set.</summary>
    public DateOnly? CreatedOnDate { get; }

    /// <summary>Starts a query for the message <paramref name="messageId"/>, with no grouping and no date conditions.</summary>
    /// <param name="messageId">The message id (<c>MESSAGE_ID</c>); not empty or white space.</param>
    /// <exception cref="ArgumentNullException"><paramref name="messageId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="messageId"/> is empty or white space.</exception>
    /// <example>
    /// <code>
    /// var daily = MessageStatsQuery.ForMessage("msg-123");                       // daily, the API's default
    /// var hourly = MessageStatsQuery.ForMessage("msg-123").GroupedBy(MessageStatsGrouping.Hourly);
    /// // created_on narrows by the contacts' creation date (API 1.5), not by the day of the activity:
    /// var newContacts = daily.CreatedFrom(new DateOnly(2024, 3, 1));
    /// </code>
    /// </example>
    public static MessageStatsQuery ForMessage(string messageId)
    {
        CheckMessage(messageId);
        return new MessageStatsQuery(messageId, null, null, null, null);
    }

    /// <summary>The rule for a message id, shared with the one-view source.</summary>
    internal static void CheckMessage(string messageId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(messageId))] string? paramName = null) =>
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId, paramName);

    /// <summary>Sets the period length the statistics are aggregated by (sent as <c>grouping</c>); replaces any set before.</summary>
    /// <param name="grouping">Hourly, daily, monthly or yearly.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grouping"/> is not a defined value.</exception>
    public MessageStatsQuery GroupedBy(MessageStatsGrouping grouping)
    {
        if (!Enum.IsDefined(grouping))
        {
            throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "The grouping must be Hourly, Daily, Monthly or Yearly.");
        }

        return new MessageStatsQuery(MessageId, grouping, CreatedFromDate, CreatedToDate, CreatedOnDate);
    }

    /// <summary>Adds the <c>created_on</c> condition <c>FROM</c> <paramref name="date"/> (on or after); replaces any set before.</summary>
    /// <param name="date">The first day; not after <see cref="CreatedToDate"/> or <see cref="CreatedOnDate"/> when those are set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is after the <c>TO</c> or <c>AT</c> date already set.</exception>
    public MessageStatsQuery CreatedFrom(DateOnly date)
    {
        if (CreatedToDate is { } to && date > to)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The FROM date must not be after the TO date ({Format(to)}).");
        }

        if (CreatedOnDate is { } on && date > on)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The FROM date must not be after the AT date ({Format(on)}): both apply (AND), so nothing could match.");
        }

        return new MessageStatsQuery(MessageId, Grouping, date, CreatedToDate, CreatedOnDate);
    }

    /// <summary>Adds the <c>created_on</c> condition <c>TO</c> <paramref name="date"/> (on or before); replaces any set before.</summary>
    /// <param name="date">The last day; not before <see cref="CreatedFromDate"/> or <see cref="CreatedOnDate"/> when those are set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the <c>FROM</c> or <c>AT</c> date already set.</exception>
    public MessageStatsQuery CreatedTo(DateOnly date)
    {
        if (CreatedFromDate is { } from && date < from)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The TO date must not be before the FROM date ({Format(from)}).");
        }

        if (CreatedOnDate is { } on && date < on)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The TO date must not be before the AT date ({Format(on)}): both apply (AND), so nothing could match.");
        }

        return new MessageStatsQuery(MessageId, Grouping, CreatedFromDate, date, CreatedOnDate);
    }

    /// <summary>Adds the <c>created_on</c> condition <c>AT</c> <paramref name="date"/> (that day only); replaces any set before.</summary>
    /// <param name="date">The day; within <see cref="CreatedFromDate"/>..<see cref="CreatedToDate"/> when those are set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the <c>FROM</c>/<c>TO</c> range already set.</exception>
    public MessageStatsQuery CreatedOn(DateOnly date)
    {
        if ((CreatedFromDate is { } from && date < from) || (CreatedToDate is { } to && date > to))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The AT date must lie within the FROM/TO range ({Format(CreatedFromDate) ?? "any"}..{Format(CreatedToDate) ?? "any"}): all conditions apply (AND), so nothing could match.");
        }

        return new MessageStatsQuery(MessageId, Grouping, CreatedFromDate, CreatedToDate, date);
    }

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString()
    {
        var conditions = new List<string>(3);
        if (CreatedFromDate is { } from)
        {
            conditions.Add("FROM " + Format(from));
        }

        if (CreatedToDate is { } to)
        {
            conditions.Add("TO " + Format(to));
        }

        if (CreatedOnDate is { } on)
        {
            conditions.Add("AT " + Format(on));
        }

        var grouping = Grouping is { } g ? g.ToString().ToLowerInvariant() : "default grouping (daily)";
        var created = conditions.Count == 0 ? "" : $", created_on {string.Join(" AND ", conditions)}";
        return $"Message stats for {MessageId}, {grouping}{created}";
    }

    /// <summary>The conditions object, the second positional parameter of <c>get_message_stats</c>.</summary>
    internal MessageStatsConditions ToConditions()
    {
        CreatedOnConditions? createdOn = CreatedFromDate is null && CreatedToDate is null && CreatedOnDate is null
            ? null
            : new CreatedOnConditions(Format(CreatedFromDate), Format(CreatedToDate), Format(CreatedOnDate));
        return new MessageStatsConditions(MessageId, Grouping is { } g ? WireName.Of(g) : null, createdOn);
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
