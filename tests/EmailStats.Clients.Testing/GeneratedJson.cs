using System.Globalization;

namespace EmailStats.Clients.Testing;

/// <summary>
/// The pieces the reader differential tests generate bodies from (the same seed gives the same body): counters in every
/// spelling providers send, property names escaped now and then, and unknown fields of every JSON kind.
/// </summary>
public static class GeneratedJson
{
    /// <summary>A counter as a number, a numeric string, a padded string, an integral decimal, null or an empty string.</summary>
    public static string Counter(Random random) => random.Next(7) switch
    {
        0 => $"\"{random.Next(100000)}\"",
        1 => "null",
        2 => "\"\"",
        3 => $"{random.Next(1000)}.0",
        4 => $"\" {random.Next(50)} \"",
        _ => random.Next(100000).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary><paramref name="name"/>, now and then with its first character escaped (<c>\u0073ent</c>).</summary>
    public static string Escape(Random random, string name) =>
        random.Next(12) == 0 ? "\\u00" + ((int)name[0]).ToString("x2", CultureInfo.InvariantCulture) + name[1..] : name;

    /// <summary>Adds, one time in five, an unknown field: an object with an array, a string, a boolean or a fraction.</summary>
    public static void AddUnknown(Random random, List<string> fields)
    {
        if (random.Next(5) == 0)
        {
            fields.Add(random.Next(4) switch
            {
                0 => "\"unknown\":{\"nested\":[1,\"two\",null,{\"x\":3.5}]}",
                1 => $"\"note\":\"text {random.Next(100)}\"",
                2 => "\"flag\":false",
                _ => "\"ratio\":12.5",
            });
        }
    }
}
