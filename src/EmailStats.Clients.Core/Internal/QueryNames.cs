namespace EmailStats.Clients.Internal;

/// <summary>
/// The one rule for names and ids a query sends (categories, subusers, newsletter ids, fields...): at least one, at most
/// <c>max</c> when the provider has a limit, none empty, padded or repeated, and none holding the separator the provider
/// joins them with. Refused with an <see cref="ArgumentException"/> naming the parameter and the rule.
/// </summary>
internal static class QueryNames
{
    public static string[] Check(IEnumerable<string> values, string parameter, string what, int? max = null, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        var names = values.ToArray();
        if (names.Length == 0 || names.Length > max)
        {
            throw new ArgumentException(
                max is { } limit ? $"Name 1 to {limit} {what} values (the provider's limit); {names.Length} were given." : $"Name at least one {what}.",
                parameter);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim() != name || (separator is { } s && name.Contains(s)))
            {
                throw new ArgumentException(
                    $"A {what} must not be empty or start or end with white space{(separator is { } c ? $", nor hold '{c}' (they are sent '{c}'-separated)" : "")}; '{name}' does.",
                    parameter);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"The {what} '{name}' is named twice.", parameter);
            }
        }

        return names;
    }
}
