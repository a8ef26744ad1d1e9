using System.Runtime.CompilerServices;

namespace EmailStats.Clients.Serialization;

/// <summary>
/// The counters of one JSON object, read by their slots in a <see cref="JsonPropertyNames"/> table of at most 32 names:
/// each reads as its number, or as null when the object lacks it or sends null. A repeated property counts as its last
/// value, as System.Text.Json reads one. The readers of SendGrid v3's metrics and GetResponse v3's statistics share it;
/// it lives on the stack (no allocation per object).
/// </summary>
internal struct JsonCounters
{
    /// <summary>The most slots a table read through this may have.</summary>
    public const int MaxSlots = 32;

    private Slots _values;
    private uint _present;

    /// <summary>The counter of <paramref name="slot"/>; null when not sent or sent as null.</summary>
    public readonly long? this[int slot] => (_present & (1u << slot)) != 0 ? _values[slot] : null;

    /// <summary>
    /// Reads the property the reader stands on (its name) when <paramref name="names"/> knows it, leaving the reader on its
    /// value; an unknown property is left for the caller, the reader still on its name.
    /// </summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="names">The counters' names (at most <see cref="MaxSlots"/>); a name's position is its slot.</param>
    /// <param name="what">What a counter is, for the error of a value that is not a number.</param>
    /// <returns>Whether the property was a counter.</returns>
    /// <exception cref="JsonException">A counter's value is not a number (nor a numeric string, nor null).</exception>
    public bool TryRead(ref Utf8JsonReader reader, JsonPropertyNames names, string what)
    {
        var slot = names.SlotOf(ref reader);
        if (slot < 0)
        {
            return false;
        }

        LenientJsonReader.Next(ref reader);
        if (LenientJsonReader.ReadOptionalInt64(ref reader, what) is { } value)
        {
            _values[slot] = value;
            _present |= 1u << slot;
        }
        else
        {
            _present &= ~(1u << slot);
        }

        return true;
    }

    [InlineArray(MaxSlots)]
    private struct Slots
    {
        private long _first;
    }
}
