namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// Reads SendGrid Web API v2 statistics of a reseller customer or a subuser (the API and the format are set in
/// <see cref="SendGridV2Options"/>). Register with <c>services.AddSendGridV2StatsClient(...)</c> or build
/// <see cref="SendGridV2StatsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>), and reports
/// what happens after with <see cref="EmailStatsApiException"/> (SendGrid refused, also when it answered 200
/// with an error body), <see cref="EmailStatsResponseException"/> (unreadable answer) or
/// <see cref="EmailStatsTransportException"/> (no answer).
/// </remarks>
public interface ISendGridV2StatsClient
{
    /// <summary>The API this client calls (<see cref="SendGridV2Options.Api"/>): the two answer category statistics with different fields.</summary>
    SendGridV2Api Api { get; }

    /// <summary>Reads a user's statistics per day.</summary>
    /// <param name="query">The user and period; must not name categories (use <see cref="GetCategoryStatsAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per day, in the order SendGrid sent them.</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetStatsAsync(SendGridStatsQuery.ForUser("customer@example.com").LastDays(7), ct);
    /// foreach (var day in days)
    /// {
    ///     Console.WriteLine($"{day.Date:yyyy-MM-dd}: {day.Requests} requested, {day.Delivered} delivered, {day.UniqueOpens} unique opens");
    /// }
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridDailyStats>> GetStatsAsync(SendGridStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads a user's all-time totals (<c>aggregate=1</c>).</summary>
    /// <param name="user">The customer or subuser; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <example>
    /// <code>
    /// SendGridAggregateStats lifetime = await client.GetAggregateAsync("customer@example.com", ct);
    /// Console.WriteLine($"{lifetime.Requests} requested, {lifetime.Bounces} bounced since the account began");
    /// </code>
    /// </example>
    Task<SendGridAggregateStats> GetAggregateAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Lists the categories a user has sent with (<c>list=true</c>).</summary>
    /// <param name="user">The customer or subuser; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <example>
    /// <code>
    /// IReadOnlyList&lt;string&gt; categories = await client.GetCategoriesAsync("customer@example.com", ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<string>> GetCategoriesAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Reads statistics per day and category for the categories the query names.</summary>
    /// <param name="query">The user, period and one or more categories (<see cref="SendGridStatsQuery.WithCategories"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per day and category; empty when a category does not exist.</returns>
    /// <example>
    /// <code>
    /// var query = SendGridStatsQuery.ForUser("customer@example.com")
    ///     .Between(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30))
    ///     .WithCategories("newsletter", "receipts");
    /// foreach (var row in await client.GetCategoryStatsAsync(query, ct))
    /// {
    ///     Console.WriteLine($"{row.Date:yyyy-MM-dd} {row.Category}: {row.Opens} opens");
    /// }
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridCategoryStats>> GetCategoryStatsAsync(SendGridStatsQuery query, CancellationToken cancellationToken = default);
}
