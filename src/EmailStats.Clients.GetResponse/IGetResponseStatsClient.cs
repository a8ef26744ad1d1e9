namespace EmailStats.Clients.GetResponse;

/// <summary>
/// Reads GetResponse API v3 statistics of newsletters and autoresponders: one message, or a collection filtered by
/// message or campaign ids; one page at a time, or every page as an <see cref="IAsyncEnumerable{T}"/>. Register with
/// <c>services.AddGetResponseStatsClient(...)</c> or build <see cref="GetResponseStatsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>), and reports what happens
/// after with <see cref="EmailStatsApiException"/> (GetResponse refused: <c>ErrorCode</c> is its code, such as
/// <c>1015</c> for the rate limit; <c>Errors</c> its message and the context's details), <see cref="EmailStatsResponseException"/>
/// (unreadable answer, a <c>timeInterval</c> that is not an ISO 8601 interval) or <see cref="EmailStatsTransportException"/>
/// (no answer). The statistics' periods are UTC, as GetResponse documents.
/// </remarks>
public interface IGetResponseStatsClient
{
    /// <summary>
    /// Lists the account's newsletters (<c>GET newsletters</c>), page after page (<c>perPage</c> 1,000, stopping at
    /// <c>TotalPages</c>): the ids the newsletter statistics take.
    /// </summary>
    /// <param name="campaignId">Only the newsletters of this campaign (list); null for every newsletter.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The newsletters, in GetResponse's order.</returns>
    /// <exception cref="ArgumentException">The campaign id is not one clean path-safe value.</exception>
    /// <example>
    /// <code>
    /// await foreach (var newsletter in client.ListNewslettersAsync(cancellationToken: ct))
    /// {
    ///     Console.WriteLine($"{newsletter.NewsletterId}: {newsletter.Subject}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<GetResponseNewsletter> ListNewslettersAsync(string? campaignId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a newsletter's statistics (<c>GET newsletters/{newsletterId}/statistics</c>).</summary>
    /// <param name="newsletterId">The newsletter id; one path segment.</param>
    /// <param name="query">Grouping, days, fields and page; no ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with GetResponse's paging headers.</returns>
    /// <example>
    /// <code>
    /// var page = await client.GetNewsletterStatsAsync("N", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total), ct);
    /// Console.WriteLine($"{page.Items[0].Sent} sent, {page.Items[0].UniqueOpened} opened");
    /// </code>
    /// </example>
    Task<GetResponseStatsPage> GetNewsletterStatsAsync(string newsletterId, GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every page of a newsletter's statistics.</summary>
    /// <param name="newsletterId">The newsletter id; one path segment.</param>
    /// <param name="query">Grouping, days, fields and page size; no ids.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every element, page after page.</returns>
    /// <example>
    /// <code>
    /// await foreach (var hour in client.GetAllNewsletterStatsAsync("N", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).WithPageSize(1000), ct))
    /// {
    ///     Console.WriteLine($"{hour.TimeInterval.Start:u}: {hour.TotalOpened} opens");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<GetResponseStatsPeriod> GetAllNewsletterStatsAsync(string newsletterId, GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the statistics of several newsletters summed (<c>GET newsletters/statistics</c>).</summary>
    /// <param name="query">Grouping, days, fields, page, and the newsletters or campaigns (none: every newsletter).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with GetResponse's paging headers.</returns>
    /// <example>
    /// <code>
    /// var page = await client.GetNewslettersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForCampaigns("V"), ct);
    /// </code>
    /// </example>
    Task<GetResponseStatsPage> GetNewslettersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every page of the statistics of several newsletters summed.</summary>
    /// <param name="query">Grouping, days, fields, page size, and the newsletters or campaigns.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every element, page after page.</returns>
    /// <example>
    /// <code>
    /// var days = new List&lt;GetResponseStatsPeriod&gt;();
    /// await foreach (var day in client.GetAllNewslettersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day).ForNewsletters("N", "M"), ct))
    /// {
    ///     days.Add(day);
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<GetResponseStatsPeriod> GetAllNewslettersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of an autoresponder's statistics (<c>GET autoresponders/{autoresponderId}/statistics</c>).</summary>
    /// <param name="autoresponderId">The autoresponder id; one path segment.</param>
    /// <param name="query">Grouping, days, fields and page; no ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with GetResponse's paging headers.</returns>
    /// <example>
    /// <code>
    /// var page = await client.GetAutoresponderStatsAsync("Q", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day), ct);
    /// </code>
    /// </example>
    Task<GetResponseStatsPage> GetAutoresponderStatsAsync(string autoresponderId, GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every page of an autoresponder's statistics.</summary>
    /// <param name="autoresponderId">The autoresponder id; one path segment.</param>
    /// <param name="query">Grouping, days, fields and page size; no ids.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every element, page after page.</returns>
    /// <example>
    /// <code>
    /// await foreach (var day in client.GetAllAutoresponderStatsAsync("Q", GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Day), ct))
    /// {
    ///     Console.WriteLine($"{day.TimeInterval.Start:yyyy-MM-dd}: {day.Sent} sent");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<GetResponseStatsPeriod> GetAllAutoresponderStatsAsync(string autoresponderId, GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the statistics of several autoresponders summed (<c>GET autoresponders/statistics</c>).</summary>
    /// <param name="query">Grouping, days, fields, page, and the autoresponders or campaigns (at least one, as GetResponse requires).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with GetResponse's paging headers.</returns>
    /// <example>
    /// <code>
    /// var page = await client.GetAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Total).ForAutoresponders("Q", "R"), ct);
    /// </code>
    /// </example>
    Task<GetResponseStatsPage> GetAutorespondersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every page of the statistics of several autoresponders summed.</summary>
    /// <param name="query">Grouping, days, fields, page size, and the autoresponders or campaigns (at least one).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every element, page after page.</returns>
    /// <example>
    /// <code>
    /// await foreach (var month in client.GetAllAutorespondersStatsAsync(GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Month).ForCampaigns("V"), ct))
    /// {
    ///     Console.WriteLine($"{month.TimeInterval.Start:yyyy-MM}: {month.Sent} sent");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<GetResponseStatsPeriod> GetAllAutorespondersStatsAsync(GetResponseStatsQuery query, CancellationToken cancellationToken = default);
}
