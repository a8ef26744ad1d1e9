using System.Text.Json;
using Xunit;

namespace EmailStats.Clients.Testing;

/// <summary>The verdict of every reader differential test: the new reader gives what the old contract gave, or refuses what it refused.</summary>
public static class Differential
{
    /// <summary>
    /// Runs <paramref name="oracle"/> (test DTOs read by <see cref="Oracle"/>). When it refuses the body
    /// (<see cref="JsonException"/>), <paramref name="reader"/> must refuse it too; otherwise both hold the same values
    /// (<see cref="Oracle.Canonical"/>).
    /// </summary>
    /// <returns>The reader's model, or the default when both refused.</returns>
    public static TModel? AssertSame<TOracle, TModel>(Func<TOracle> oracle, Func<TModel> reader)
    {
        TOracle expected;
        try
        {
            expected = oracle();
        }
        catch (JsonException)
        {
            Assert.ThrowsAny<JsonException>(() => reader());
            return default;
        }

        var actual = reader();
        Assert.Equal(Oracle.Canonical(expected), Oracle.Canonical(actual));
        return actual;
    }

    /// <summary>
    /// Runs <paramref name="contract"/> (the oracle). When it refuses the body (<see cref="JsonException"/>),
    /// <paramref name="reader"/> must refuse it too; otherwise both give the same <paramref name="describe"/> text (all
    /// of a model's values, for models whose equality compares lists by reference) or equal values.
    /// </summary>
    /// <returns>The reader's model, or the default when both refused.</returns>
    public static T? AssertSame<T>(Func<T> contract, Func<T> reader, Func<T, string>? describe = null)
    {
        T expected;
        try
        {
            expected = contract();
        }
        catch (JsonException)
        {
            Assert.ThrowsAny<JsonException>(() => reader());
            return default;
        }

        var actual = reader();
        if (describe is null)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Equal(describe(expected), describe(actual));
        }

        return actual;
    }
}
