namespace EmailStats.Clients.Reports;

/// <summary>
/// Keeps the collections of the models never null. A null entry is refused (the call path reports it as
/// <see cref="EmailStatsResponseException"/>): dropped silently, a missing histogram point would read as a day of 0.
/// </summary>
internal static class ModelLists
{
    public static IReadOnlyList<T> Clean<T>(IReadOnlyList<T>? list)
        where T : class
    {
        if (list is null || list.Count == 0)
        {
            return [];
        }

        foreach (var item in list)
        {
            if (item is null)
            {
                throw new JsonException($"A list of {typeof(T).Name} holds a null item.");
            }
        }

        return list;
    }
}
