using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace EmailStats.Clients.Internal;

/// <summary>How an enum member is spelled on the wire when it is not its name in lower case (<c>[WireName("desc")] Descending</c>).</summary>
/// <param name="name">The wire spelling.</param>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The wire spelling.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// The one wire-name convention of every package: an enum member is its name in lower case on the wire, unless a
/// <see cref="WireNameAttribute"/> spells it otherwise. Tables are built once per enum.
/// </summary>
internal static class WireName
{
    /// <summary>The wire spelling of <paramref name="value"/>; an undefined value is an <see cref="ArgumentOutOfRangeException"/> listing the defined ones.</summary>
    public static string Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(
        TEnum value,
        [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum =>
        Table<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(paramName, value, $"Not a defined {typeof(TEnum).Name}; use {string.Join(", ", Table<TEnum>.ByValue.Keys)}.");

    /// <summary>Refuses an undefined value as <see cref="Of{TEnum}"/> does, and returns the value (for a query's setters).</summary>
    public static TEnum Check<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(
        TEnum value,
        [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        _ = Of(value, paramName);
        return value;
    }

    /// <summary>The member a wire spelling names (any case), or null for null or an unknown spelling.</summary>
    public static TEnum? Parse<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is not null && Table<TEnum>.ByName.TryGetValue(name, out var value) ? value : null;

    private static class Table<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<WireNameAttribute>()?.Name ?? f.Name.ToLowerInvariant());

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }
}
