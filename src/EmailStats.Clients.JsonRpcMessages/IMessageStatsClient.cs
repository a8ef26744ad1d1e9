namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>
/// Reads message statistics over JSON-RPC (GetResponse API 1.5 <c>get_message_stats</c>). Register with
/// <c>services.AddMessageStatsClient(...)</c> or build <see cref="MessageStatsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>), and reports
/// what happens after with <see cref="EmailStatsApiException"/> (the API refused: a JSON-RPC <c>error</c>, even
/// with HTTP 200, or an error status), <see cref="EmailStatsResponseException"/> (an unusable answer: not
/// JSON-RPC, an id that is not the call's, 204 No Content, a period key that does not fit the grouping) or
/// <see cref="EmailStatsTransportException"/> (no answer).
/// </remarks>
public interface IMessageStatsClient
{
    /// <summary>Reads a message's statistics per period (<c>get_message_stats</c>).</summary>
    /// <param name="query">The message, and optionally the grouping and <c>created_on</c> conditions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The periods with at least one positive counter, oldest first (periods are not continuous).</returns>
    /// <example>
    /// <code>
    /// var query = MessageStatsQuery.ForMessage("msg-123").GroupedBy(MessageStatsGrouping.Daily);
    /// MessageStats stats = await client.GetMessageStatsAsync(query, ct);
    /// foreach (var period in stats)
    /// {
    ///     Console.WriteLine($"{period.Key}: {period.Sent} sent, {period.UniqueOpened} first opens");
    /// }
    /// </code>
    /// </example>
    Task<MessageStats> GetMessageStatsAsync(MessageStatsQuery query, CancellationToken cancellationToken = default);
}
