namespace EmailStats.Clients.Reports;

/// <summary>Keeps the collections of the models never null and free of null entries.</summary>
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
                return list.Where(i => i is not null).ToArray();
            }
        }

        return list;
    }
}
