using Xunit;

namespace EmailStats.Clients.Testing;

/// <summary>Asserts that no secret appears in any text that leaves the library.</summary>
public static class SecretAssert
{
    public static void NotIn(IEnumerable<string?> texts, params string[] secrets)
    {
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            foreach (var secret in secrets)
            {
                Assert.False(
                    text.Contains(secret, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal),
                    $"A secret leaked into: {text[..Math.Min(text.Length, 300)]}");
            }
        }
    }

    /// <summary>Every text an exception exposes: its ToString (message, type, stack, inner exceptions) and its data.</summary>
    public static IEnumerable<string?> TextsOf(Exception exception)
    {
        yield return exception.ToString();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            foreach (System.Collections.DictionaryEntry entry in e.Data)
            {
                yield return $"{entry.Key}={entry.Value}";
            }

            foreach (var property in e.GetType().GetProperties())
            {
                if (property.GetIndexParameters().Length == 0 && property.PropertyType == typeof(string))
                {
                    yield return property.GetValue(e) as string;
                }
                else if (property.PropertyType == typeof(IReadOnlyList<string>))
                {
                    foreach (var item in (IReadOnlyList<string>?)property.GetValue(e) ?? [])
                    {
                        yield return item;
                    }
                }
            }
        }
    }
}
