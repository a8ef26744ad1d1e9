using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EmailStats.Clients;

/// <summary>
/// The fields of a response that the model has no property for, kept as sent so nothing a provider adds
/// is lost. Read-only to callers; compared by value (two instances with the same keys and equal JSON
/// values are equal), so records that carry one keep value equality.
/// </summary>
/// <remarks>
/// Values read from XML are JSON strings (XML has no number type); values read from JSON keep their JSON kind.
/// </remarks>
public sealed class AdditionalData : IReadOnlyDictionary<string, JsonElement>, IDictionary<string, JsonElement>, IEquatable<AdditionalData>
{
    private readonly bool _readOnly;
    private Dictionary<string, JsonElement>? _items;

    /// <summary>Creates an empty instance. The serializer fills it while reading a response.</summary>
    public AdditionalData()
    {
    }

    private AdditionalData(bool readOnly) => _readOnly = readOnly;

    /// <summary>
    /// One shared empty instance that nothing can fill (its <see cref="IDictionary{TKey, TValue}"/> surface refuses
    /// changes): the default of models a hand-written reader builds, so that a model without unknown fields costs no
    /// allocation for them.
    /// </summary>
    internal static AdditionalData Empty { get; } = new(readOnly: true);

    /// <summary>The number of unknown fields.</summary>
    public int Count => _items?.Count ?? 0;

    /// <summary>The names of the unknown fields.</summary>
    public IEnumerable<string> Keys => (IEnumerable<string>?)_items?.Keys ?? [];

    /// <summary>The values of the unknown fields.</summary>
    public IEnumerable<JsonElement> Values => (IEnumerable<JsonElement>?)_items?.Values ?? [];

    /// <summary>The value of the unknown field <paramref name="key"/>.</summary>
    /// <param name="key">The field name as sent.</param>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public JsonElement this[string key] => _items is not null ? _items[key] : throw new KeyNotFoundException($"No additional field named '{key}'.");

    /// <summary>Whether an unknown field named <paramref name="key"/> was sent.</summary>
    /// <param name="key">The field name as sent.</param>
    public bool ContainsKey(string key) => _items?.ContainsKey(key) ?? false;

    /// <summary>Gets the value of the unknown field <paramref name="key"/>, if it was sent.</summary>
    /// <param name="key">The field name as sent.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        if (_items is not null)
        {
            return _items.TryGetValue(key, out value);
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        (_items ?? (IEnumerable<KeyValuePair<string, JsonElement>>)[]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AdditionalData? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Count != other.Count)
        {
            return false;
        }

        foreach (var (key, value) in this)
        {
            if (!other.TryGetValue(key, out var otherValue) || !JsonElement.DeepEquals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AdditionalData other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent and consistent with Equals: keys only (values compare structurally).
        var hash = 0;
        foreach (var key in Keys)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(key);
        }

        return HashCode.Combine(Count, hash);
    }

    /// <summary>Lists the unknown field names, for debugging.</summary>
    public override string ToString() => Count == 0 ? "{}" : "{ " + string.Join(", ", Keys) + " }";

    // The serializer fills the instance through IDictionary; callers see the read-only surface.
    ICollection<string> IDictionary<string, JsonElement>.Keys => Items.Keys;

    ICollection<JsonElement> IDictionary<string, JsonElement>.Values => Items.Values;

    bool ICollection<KeyValuePair<string, JsonElement>>.IsReadOnly => _readOnly;

    JsonElement IDictionary<string, JsonElement>.this[string key]
    {
        get => this[key];
        set => Items[key] = value;
    }

    private Dictionary<string, JsonElement> Items => _readOnly
        ? throw new NotSupportedException("This AdditionalData is the shared empty instance; it cannot be filled.")
        : _items ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    void IDictionary<string, JsonElement>.Add(string key, JsonElement value) => Items[key] = value;

    bool IDictionary<string, JsonElement>.Remove(string key) => _items?.Remove(key) ?? false;

    void ICollection<KeyValuePair<string, JsonElement>>.Add(KeyValuePair<string, JsonElement> item) => Items[item.Key] = item.Value;

    void ICollection<KeyValuePair<string, JsonElement>>.Clear() => _items?.Clear();

    bool ICollection<KeyValuePair<string, JsonElement>>.Contains(KeyValuePair<string, JsonElement> item) =>
        TryGetValue(item.Key, out var value) && JsonElement.DeepEquals(value, item.Value);

    void ICollection<KeyValuePair<string, JsonElement>>.CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, JsonElement>>)Items).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, JsonElement>>.Remove(KeyValuePair<string, JsonElement> item) =>
        ((ICollection<KeyValuePair<string, JsonElement>>)Items).Remove(item);
}
