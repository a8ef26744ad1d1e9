using System.Collections;

namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// A message's statistics per period (<see cref="IMessageStatsClient.GetMessageStatsAsync"/>): the periods in
/// chronological order. Enumerate it, index it, or read <see cref="Periods"/>.
/// </summary>
/// <remarks>
/// The periods are not continuous: the API lists a period only when at least one of its counters is positive,
/// so a missing hour, day, month or year means all zeros. Compared by value (every period's key, start and counters).
/// </remarks>
public sealed record MessageStats : IReadOnlyList<MessageStatsPeriod>
{
    /// <summary>Creates the statistics of <paramref name="messageId"/>.</summary>
    /// <param name="messageId">The message the statistics are of.</param>
    /// <param name="grouping">The grouping the period keys follow.</param>
    /// <param name="periods">The periods; they are kept in chronological order of <see cref="MessageStatsPeriod.Start"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MessageStats(string messageId, MessageStatsGrouping grouping, IEnumerable<MessageStatsPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(periods);
        MessageId = messageId;
        Grouping = grouping;
        var array = periods.ToArray();
        if (!IsChronological(array))
        {
            // A stable sort: periods with the same start keep the order they came in.
            array = array.OrderBy(p => p.Start).ToArray();
        }

        Periods = array.AsReadOnly();
    }

    private static bool IsChronological(MessageStatsPeriod[] periods)
    {
        for (var i = 1; i < periods.Length; i++)
        {
            if (periods[i].Start < periods[i - 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The message the statistics are of (the query's message id).</summary>
    public string MessageId { get; }

    /// <summary>The grouping the periods follow (the query's, or <see cref="MessageStatsGrouping.Daily"/> when it set none).</summary>
    public MessageStatsGrouping Grouping { get; }

    /// <summary>The periods with at least one positive counter, oldest first; never null, empty when there are none.</summary>
    public IReadOnlyList<MessageStatsPeriod> Periods { get; }

    /// <summary>The number of periods.</summary>
    public int Count => Periods.Count;

    /// <summary>The period at <paramref name="index"/> (0 is the oldest).</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    public MessageStatsPeriod this[int index] => Periods[index];

    /// <inheritdoc />
    public IEnumerator<MessageStatsPeriod> GetEnumerator() => Periods.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(MessageStats? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (MessageId == other.MessageId && Grouping == other.Grouping && Periods.SequenceEqual(other.Periods)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MessageId, Grouping, Count);

    /// <summary>Describes the statistics, for debugging.</summary>
    public override string ToString() =>
        Count == 0
            ? $"MessageStats {{ {MessageId}, {Grouping}, no periods }}"
            : $"MessageStats {{ {MessageId}, {Grouping}, {Count} periods {Periods[0].Key}..{Periods[^1].Key} }}";
}
