using System.Runtime.CompilerServices;

namespace EmailStats.Clients.Internal;

/// <summary>One page as a paged call reads it: its items, and whether it is the last.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <param name="Items">The page's items, in order (none null).</param>
/// <param name="IsLast">No page follows.</param>
internal readonly record struct Page<TItem>(IReadOnlyList<TItem> Items, bool IsLast);

/// <summary>
/// The page walk every paged call uses (written once here, STYLE.md "Paging"): each page is one call through
/// <see cref="ProviderCallPath.SendAsync"/> (so it is logged, traced and retried like any call), its items are yielded in
/// order, and it stops after the last page or an empty one. A server that answers a page with the same first item as
/// the page before ignores the page parameter: the walk stops with <see cref="EmailStatsResponseException"/> instead
/// of looping forever.
/// </summary>
internal static class PagedCall
{
    /// <summary>Walks the pages from the first.</summary>
    /// <param name="context">The client's call path.</param>
    /// <param name="operation">The public operation name, for logs and traces.</param>
    /// <param name="state">What <paramref name="send"/> needs.</param>
    /// <param name="send">Asks for page <c>n</c> (1 first).</param>
    /// <param name="read">Reads a page's answer; gets the page number.</param>
    /// <param name="key">What identifies an item, to spot a repeated page.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<TItem> WalkAsync<TState, TItem>(
        ProviderCallPath context,
        string operation,
        TState state,
        Func<TState, int, CancellationToken, Task<HttpResponseMessage>> send,
        Func<ProviderResponse, int, Page<TItem>> read,
        Func<TItem, string?> key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? previousFirst = null;
        for (var number = 1; ; number++)
        {
            var page = await context.SendAsync(
                operation,
                (State: state, Number: number, Send: send),
                static (s, ct) => s.Send(s.State, s.Number, ct),
                response =>
                {
                    var page = read(response, number);
                    var first = page.Items.Count > 0 ? key(page.Items[0]) : null;
                    if (number > 1 && first is not null && first == previousFirst)
                    {
                        throw response.Unreadable(
                            $"page {number} starts with the same item as page {number - 1}; the provider ignores the page parameter, so paging stopped.");
                    }

                    previousFirst = first;
                    return page;
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.IsLast || page.Items.Count == 0)
            {
                yield break;
            }
        }
    }
}
