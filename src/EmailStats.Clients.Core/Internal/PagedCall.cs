using System.Runtime.CompilerServices;

namespace EmailStats.Clients.Internal;

/// <summary>One page as a paged call reads it: its items, and whether it is the last.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <param name="Items">The page's items, in order (none null).</param>
/// <param name="IsLast">No page follows.</param>
internal readonly record struct Page<TItem>(IReadOnlyList<TItem> Items, bool IsLast);

/// <summary>How a provider names a page: by its number (1 first) or by the items to skip (0 first).</summary>
internal enum PagePosition
{
    /// <summary><c>page=1, 2, ...</c> (GetResponse, Benchmark Email).</summary>
    Number,

    /// <summary><c>offset</c> or <c>skip</c> = 0, size, 2 size, ... (SendGrid v3, Mailgun).</summary>
    Offset,
}

/// <summary>
/// What a paged call needs to walk: its query with a page size set (<see cref="WithPageSize"/>, which validates it),
/// the page size it asks for, how to send one page and read it, and what identifies an item.
/// </summary>
/// <typeparam name="TQuery">The call's query (with whatever else the send needs).</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
internal sealed record PagedCallDefinition<TQuery, TItem>(
    string Operation,
    PagePosition Position,
    Func<TQuery, int, TQuery> WithPageSize,
    Func<TQuery, int> PageSizeOf,
    Func<TQuery, long, CancellationToken, Task<HttpResponseMessage>> Send,
    Func<ProviderResponse, TQuery, long, Page<TItem>> Read,
    Func<TItem, string?> Key);

/// <summary>
/// The page walk every paged call uses (written once here, STYLE.md "Paging"): each page is one call through
/// <see cref="ProviderCallPath.SendAsync"/> (so it is logged, traced and retried like any call), the pages come with
/// continuation tokens (the provider's own position of the next page, as text), and the walk stops after the last page
/// or an empty one. A server that answers a page with the same first item as the page before ignores the page
/// parameter: the walk stops with <see cref="EmailStatsResponseException"/> instead of looping forever.
/// </summary>
internal static class PagedCall
{
    /// <summary>The pageable of one call.</summary>
    public static EmailStatsPageable<TItem> Create<TQuery, TItem>(
        ProviderCallPath context,
        TQuery query,
        PagedCallDefinition<TQuery, TItem> definition,
        CancellationToken cancellationToken) =>
        new Pageable<TQuery, TItem>(context, query, definition, cancellationToken);

    private sealed class Pageable<TQuery, TItem>(
        ProviderCallPath context,
        TQuery query,
        PagedCallDefinition<TQuery, TItem> definition,
        CancellationToken cancellationToken) : EmailStatsPageable<TItem>(cancellationToken)
    {
        public override IAsyncEnumerable<EmailStatsPage<TItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            // Both are checked here, when the pages are asked for, not when the first one is read.
            var first = definition.Position == PagePosition.Number ? 1L : 0L;
            var start = continuationToken is null ? first : Parse(continuationToken, first);
            var sized = pageSizeHint is { } hint ? definition.WithPageSize(query, hint) : query;
            return WalkAsync(sized, start, default);
        }

        private async IAsyncEnumerable<EmailStatsPage<TItem>> WalkAsync(TQuery sized, long start, [EnumeratorCancellation] CancellationToken enumeration)
        {
            using var linked = enumeration.CanBeCanceled && CancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(enumeration, CancellationToken)
                : null;
            var token = linked?.Token ?? (enumeration.CanBeCanceled ? enumeration : CancellationToken);
            var size = definition.PageSizeOf(sized);
            string? previousFirst = null;
            for (var position = start; ; position = definition.Position == PagePosition.Number ? position + 1 : position + size)
            {
                var page = await context.SendAsync(
                    definition.Operation,
                    (Definition: definition, Query: sized, Position: position),
                    static (s, ct) => s.Definition.Send(s.Query, s.Position, ct),
                    response =>
                    {
                        var page = definition.Read(response, sized, position);
                        var first = page.Items.Count > 0 ? definition.Key(page.Items[0]) : null;
                        if (position != start && first is not null && first == previousFirst)
                        {
                            throw response.Unreadable(
                                $"the page at {position} starts with the same item as the page before; the provider ignores the page parameter, so paging stopped.");
                        }

                        previousFirst = first;
                        return page;
                    },
                    token).ConfigureAwait(false);

                var last = page.IsLast || page.Items.Count == 0;
                var next = definition.Position == PagePosition.Number ? position + 1 : position + size;
                yield return new EmailStatsPage<TItem>(page.Items, last ? null : next.ToString(CultureInfo.InvariantCulture));
                if (last)
                {
                    yield break;
                }
            }
        }

        private static long Parse(string continuationToken, long first) =>
            long.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= first
                ? position
                : throw new ArgumentException($"'{continuationToken}' is not a continuation token of this call: use a ContinuationToken of one of its pages.", nameof(continuationToken));
    }
}
