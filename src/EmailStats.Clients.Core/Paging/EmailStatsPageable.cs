namespace EmailStats.Clients;

/// <summary>
/// One page of a paged call: its items and the token that continues the walk after it (null after the last page).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class EmailStatsPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The page's items, in the order the provider sent them.</param>
    /// <param name="continuationToken">The token of the next page; null when this page is the last.</param>
    public EmailStatsPage(IReadOnlyList<T> items, string? continuationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        ContinuationToken = continuationToken;
    }

    /// <summary>The page's items, in the order the provider sent them; never null, none null.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// Where the walk goes on after this page, for <see cref="EmailStatsPageable{T}.AsPages"/>; null when this page is
    /// the last. Opaque: store it as it is (it holds the provider's own page position, never a secret).
    /// </summary>
    public string? ContinuationToken { get; }
}

/// <summary>
/// The items of a paged call, read page after page as they are enumerated (each page one call, logged, traced and
/// retried like any call); <see cref="AsPages"/> gives the pages themselves with their continuation tokens, to resume
/// a walk later or to choose the page size. Every paged call of every provider has this shape.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <example>
/// <code>
/// // Every item:
/// await foreach (var item in pageable) { Console.WriteLine(item); }
///
/// // Page by page, resumable:
/// string? token = savedToken;
/// await foreach (var page in pageable.AsPages(token, pageSizeHint: 100))
/// {
///     Save(page.Items);
///     token = page.ContinuationToken;
/// }
/// </code>
/// </example>
public abstract class EmailStatsPageable<T> : IAsyncEnumerable<T>
{
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the pageable.</summary>
    /// <param name="cancellationToken">The token of the call that made it; it cancels every page read.</param>
    protected EmailStatsPageable(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
    }

    /// <summary>The token of the call that made this pageable.</summary>
    protected CancellationToken CancellationToken => _cancellationToken;

    /// <summary>The pages, from the one <paramref name="continuationToken"/> names (the first when null).</summary>
    /// <param name="continuationToken">A <see cref="EmailStatsPage{T}.ContinuationToken"/> of an earlier walk of the same call; null for the first page.</param>
    /// <param name="pageSizeHint">The items per page to ask for; the query's page size (or the provider's default) when null.</param>
    /// <returns>The pages, each read when it is reached.</returns>
    /// <exception cref="ArgumentException">The token was not made by this kind of call.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is outside what the provider accepts.</exception>
    public abstract IAsyncEnumerable<EmailStatsPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every item of every page, in order.</summary>
    /// <param name="cancellationToken">Cancels the walk (as does the token of the call that made this pageable).</param>
    /// <returns>The enumerator.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
