namespace EmailStats.Clients.SendGridV3;

/// <summary>
/// Reads SendGrid v3 statistics: global, category and subuser statistics, their sums, the monthly subuser statistics
/// and the advanced statistics (mailbox providers, browsers, devices, clients, geography). Register with
/// <c>services.AddSendGridV3StatsClient(...)</c> or build <see cref="SendGridV3StatsClient"/> directly.
/// </summary>
/// <remarks>
/// Every method checks its arguments before sending anything (<see cref="ArgumentException"/>: a query part the
/// endpoint does not take is refused, not dropped), and reports what happens after with
/// <see cref="EmailStatsApiException"/> (SendGrid refused, also when it answered 200 with <c>{"errors":[...]}</c>; a 429
/// carries <see cref="EmailStatsApiException.RetryAfter"/> and <see cref="EmailStatsApiException.RateLimit"/>),
/// <see cref="EmailStatsResponseException"/> (unreadable answer) or <see cref="EmailStatsTransportException"/> (no answer).
/// Days are the account's days: SendGrid counts statistics in the time zone of the account's settings.
/// </remarks>
public interface ISendGridV3StatsClient
{
    /// <summary>Whom this client reads on behalf of (<see cref="SendGridV3Options.OnBehalfOf"/>); null for the key's own account.</summary>
    string? OnBehalfOf { get; }

    /// <summary>Reads the account's statistics (<c>GET v3/stats</c>): one entry per date, without a type or name.</summary>
    /// <param name="query">The days, grouping and paging; no segments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date, in the order SendGrid sent them.</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetGlobalStatsAsync(SendGridV3StatsQuery.Between(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7)), ct);
    /// foreach (var day in days)
    /// {
    ///     var m = day.Stats[0].Metrics;
    ///     Console.WriteLine($"{day.Date:yyyy-MM-dd}: {m.Requests} requested, {m.Delivered} delivered, {m.UniqueOpens} unique opens");
    /// }
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetGlobalStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the statistics of 1 to 10 categories (<c>GET v3/categories/stats</c>): one entry per category and date.</summary>
    /// <param name="query">The days, grouping and categories (<see cref="SendGridV3StatsQuery.ForCategories"/>, required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per category (<c>type</c> <c>category</c>).</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetCategoryStatsAsync(SendGridV3StatsQuery.Between(start, end).ForCategories("newsletter", "receipts"), ct);
    /// var newsletterOpens = days.SelectMany(d => d.Stats).Where(e => e.Name == "newsletter").Sum(e => e.Metrics.Opens ?? 0);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetCategoryStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the sum of each metric per category over the days (<c>GET v3/categories/stats/sums</c>).</summary>
    /// <param name="query">The days, sort and paging (SendGrid answers 5 categories unless told otherwise).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object with an entry per category, in SendGrid's order.</returns>
    /// <example>
    /// <code>
    /// var sums = await client.GetCategorySumsAsync(SendGridV3StatsQuery.Between(start, end).SortBy(SendGridV3Metric.Clicks).WithPageSize(20), ct);
    /// foreach (var category in sums.Stats)
    /// {
    ///     Console.WriteLine($"{category.Name}: {category.Metrics.Clicks} clicks");
    /// }
    /// </code>
    /// </example>
    Task<SendGridV3StatsDay> GetCategorySumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the statistics of 1 to 10 subusers (<c>GET v3/subusers/stats</c>): one entry per subuser and date.</summary>
    /// <param name="query">The days, grouping, paging and subusers (<see cref="SendGridV3StatsQuery.ForSubusers"/>, required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per subuser (<c>type</c> <c>subuser</c>).</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetSubuserStatsAsync(SendGridV3StatsQuery.Between(start, end).ForSubusers("shop-eu", "shop-us"), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetSubuserStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the sum of each metric per subuser over the days (<c>GET v3/subusers/stats/sums</c>).</summary>
    /// <param name="query">The days, sort and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object with an entry per subuser, in SendGrid's order.</returns>
    /// <example>
    /// <code>
    /// var sums = await client.GetSubuserSumsAsync(SendGridV3StatsQuery.Between(start, end).SortBy(SendGridV3Metric.Requests), ct);
    /// </code>
    /// </example>
    Task<SendGridV3StatsDay> GetSubuserSumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one month of every subuser (<c>GET v3/subusers/stats/monthly</c>), or of the one subuser the query names
    /// (<see cref="SendGridV3MonthlyQuery.ForSubuser"/>: <c>GET v3/subusers/{subuser_name}/stats/monthly</c>).
    /// </summary>
    /// <param name="query">The month, the subuser or a name substring, sort and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object with an entry per subuser (with <c>first_name</c> and <c>last_name</c>).</returns>
    /// <example>
    /// <code>
    /// var everyone = await client.GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 11, 1)).WithPageSize(50), ct);
    /// var one = await client.GetSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 11, 1)).ForSubuser("shop-eu"), ct);
    /// Console.WriteLine($"{one.Stats[0].Metrics.Delivered} delivered in November");
    /// </code>
    /// </example>
    Task<SendGridV3StatsDay> GetSubuserMonthlyAsync(SendGridV3MonthlyQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the parent account's subusers (<c>GET v3/subusers</c>), page after page (<c>limit</c> 100, <c>offset</c>
    /// moved by it): the names the subuser statistics take, for finding every subuser of an account.
    /// </summary>
    /// <param name="username">Only the subuser of this user name; null for every subuser.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The subusers, in SendGrid's order.</returns>
    /// <exception cref="ArgumentException">The name is empty or padded.</exception>
    /// <example>
    /// <code>
    /// await foreach (var subuser in client.ListSubusersAsync(cancellationToken: ct))
    /// {
    ///     Console.WriteLine($"{subuser.Username}{(subuser.Disabled ? " (disabled)" : "")}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<SendGridSubuser> ListSubusersAsync(string? username = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the categories the account's mail has carried (<c>GET v3/categories</c>), page after page: the names the
    /// category statistics take.
    /// </summary>
    /// <param name="prefix">Only categories starting with this text (SendGrid's prefix search); null for every category.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The categories, in SendGrid's order.</returns>
    /// <exception cref="ArgumentException">The prefix is empty or padded.</exception>
    /// <example>
    /// <code>
    /// var names = new List&lt;string&gt;();
    /// await foreach (var category in client.ListCategoriesAsync(cancellationToken: ct))
    /// {
    ///     names.Add(category.Name);
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<SendGridCategory> ListCategoriesAsync(string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the sums of every category (<c>GET v3/categories/stats/sums</c>), page after page (<c>limit</c> the query's
    /// page size, 100 when it sets none; <c>offset</c> moved by it), stopping after a short page.
    /// </summary>
    /// <param name="query">The days and sort; no offset (resume with <see cref="EmailStatsPageable{T}.AsPages"/>).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every category's entry, in SendGrid's order.</returns>
    /// <exception cref="ArgumentException">The query has an offset or a part the endpoint does not take.</exception>
    /// <example>
    /// <code>
    /// await foreach (var category in client.GetAllCategorySumsAsync(SendGridV3StatsQuery.Between(start, end).SortBy(SendGridV3Metric.Clicks), ct))
    /// {
    ///     Console.WriteLine($"{category.Name}: {category.Metrics.Clicks} clicks");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<SendGridV3StatsEntry> GetAllCategorySumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the sums of every subuser (<c>GET v3/subusers/stats/sums</c>), page after page, as
    /// <see cref="GetAllCategorySumsAsync"/> does for categories.
    /// </summary>
    /// <param name="query">The days and sort; no offset.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every subuser's entry, in SendGrid's order.</returns>
    /// <exception cref="ArgumentException">The query has an offset or a part the endpoint does not take.</exception>
    /// <example>
    /// <code>
    /// await foreach (var page in client.GetAllSubuserSumsAsync(SendGridV3StatsQuery.Between(start, end)).AsPages(pageSizeHint: 500))
    /// {
    ///     Console.WriteLine($"{page.Items.Count} subusers, next: {page.ContinuationToken ?? "none"}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<SendGridV3StatsEntry> GetAllSubuserSumsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one month of every subuser (<c>GET v3/subusers/stats/monthly</c>), page after page.</summary>
    /// <param name="query">The month, a name substring and sort; no offset.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Every subuser's entry for the month.</returns>
    /// <exception cref="ArgumentException">The query has an offset.</exception>
    /// <example>
    /// <code>
    /// await foreach (var subuser in client.GetAllSubuserMonthlyAsync(SendGridV3MonthlyQuery.ForMonth(new DateOnly(2026, 11, 1)), ct))
    /// {
    ///     Console.WriteLine($"{subuser.Name}: {subuser.Metrics.Delivered}");
    /// }
    /// </code>
    /// </example>
    EmailStatsPageable<SendGridV3StatsEntry> GetAllSubuserMonthlyAsync(SendGridV3MonthlyQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads statistics per mailbox provider (<c>GET v3/mailbox_providers/stats</c>).</summary>
    /// <param name="query">The days, grouping, paging and optionally up to 10 providers (<see cref="SendGridV3StatsQuery.ForMailboxProviders"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per provider (delivery metrics and opens and clicks; others null).</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetMailboxProviderStatsAsync(SendGridV3StatsQuery.Between(start, end).ForMailboxProviders("Gmail", "Yahoo"), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetMailboxProviderStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads clicks per browser (<c>GET v3/browsers/stats</c>).</summary>
    /// <param name="query">The days, grouping, paging and optionally up to 10 browsers (<see cref="SendGridV3StatsQuery.ForBrowsers"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per browser (clicks and unique clicks; others null).</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetBrowserStatsAsync(SendGridV3StatsQuery.Between(start, end).ForBrowsers("Chrome", "Firefox"), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetBrowserStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads opens per device type (<c>GET v3/devices/stats</c>).</summary>
    /// <param name="query">The days, grouping and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per device type (opens and unique opens; others null).</returns>
    /// <example>
    /// <code>
    /// var days = await client.GetDeviceStatsAsync(SendGridV3StatsQuery.Between(start, end), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetDeviceStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads opens per mail client (<c>GET v3/clients/stats</c>), or per client of the one client type the query names
    /// (<see cref="SendGridV3StatsQuery.ForClientType"/>: <c>GET v3/clients/{client_type}/stats</c>).
    /// </summary>
    /// <param name="query">The days, grouping and optionally the client type; SendGrid takes no paging here.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per client (opens and unique opens; others null).</returns>
    /// <example>
    /// <code>
    /// var all = await client.GetClientStatsAsync(SendGridV3StatsQuery.Between(start, end), ct);
    /// var phones = await client.GetClientStatsAsync(SendGridV3StatsQuery.Between(start, end).ForClientType(SendGridClientType.Phone), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetClientStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads opens and clicks per country, or per state or province of one country (<c>GET v3/geo/stats</c>).</summary>
    /// <param name="query">The days, grouping, paging and optionally the country (<see cref="SendGridV3StatsQuery.InCountry"/>: US or CA).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One object per date with an entry per region (<c>type</c> <c>country</c> or <c>province</c>).</returns>
    /// <example>
    /// <code>
    /// var states = await client.GetGeoStatsAsync(SendGridV3StatsQuery.Between(start, end).InCountry(SendGridCountry.US), ct);
    /// </code>
    /// </example>
    Task<IReadOnlyList<SendGridV3StatsDay>> GetGeoStatsAsync(SendGridV3StatsQuery query, CancellationToken cancellationToken = default);
}
