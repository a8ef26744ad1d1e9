namespace EmailStats.Clients.Serialization;

/// <summary>
/// The known property names of one model (its counters), found in one table lookup instead of a chain of
/// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> calls: the hand-written readers of SendGrid v2 and
/// v3, GetResponse v3 and JSON-RPC look every property of every repeated object up here. Names are case-sensitive (as
/// the providers send them, and as System.Text.Json matches by default); an escaped name (<c>"s\u0065nt"</c>) is compared unescaped; an alias (a
/// provider's misspelling) maps to its name's slot. Immutable, so one shared instance serves every thread.
/// </summary>
internal sealed class JsonPropertyNames
{
    private const int TableSize = 256;

    private readonly byte[][] _names;
    private readonly int[] _slots;
    private readonly short[] _first = new short[TableSize];
    private readonly short[] _next;

    /// <summary>The names in slot order (<paramref name="names"/>[i] is slot i), and aliases of some of them.</summary>
    /// <param name="names">The names; their position is the slot <see cref="SlotOf(ref Utf8JsonReader)"/> returns.</param>
    /// <param name="aliases">Other spellings and the slot each one stands for.</param>
    public JsonPropertyNames(string[] names, params (string Alias, int Slot)[] aliases)
    {
        var all = names.Select((name, slot) => (Name: name, Slot: slot)).Concat(aliases.Select(a => (Name: a.Alias, a.Slot))).ToArray();
        if (all.Length > short.MaxValue || all.Any(n => n.Name.Length == 0) || all.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count() != all.Length)
        {
            throw new ArgumentException("Property names must be non-empty and distinct.", nameof(names));
        }

        _names = [.. all.Select(n => Encoding.UTF8.GetBytes(n.Name))];
        _slots = [.. all.Select(n => n.Slot)];
        _next = new short[_names.Length];
        Array.Fill(_first, (short)-1);
        for (var i = _names.Length - 1; i >= 0; i--)
        {
            var bucket = Bucket(_names[i]);
            _next[i] = _first[bucket];
            _first[bucket] = (short)i;
        }
    }

    /// <summary>The number of slots.</summary>
    public int Count => _slots.Length == 0 ? 0 : _slots.Max() + 1;

    /// <summary>The slot of the property name the reader stands on, or -1 when it is not one of the names.</summary>
    public int SlotOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (reader.ValueTextEquals(_names[i]))
                {
                    return _slots[i];
                }
            }

            return -1;
        }

        var span = reader.ValueSpan;
        if (span.IsEmpty)
        {
            return -1;
        }

        for (int i = _first[Bucket(span)]; i >= 0; i = _next[i])
        {
            if (span.SequenceEqual(_names[i]))
            {
                return _slots[i];
            }
        }

        return -1;
    }

    /// <summary>The slot of <paramref name="name"/> (an unescaped name, as XML gives it), or -1.</summary>
    public int SlotOf(string name)
    {
        Span<byte> utf8 = stackalloc byte[256];
        if (name.Length == 0 || !Encoding.UTF8.TryGetBytes(name, utf8, out var length))
        {
            return -1;
        }

        var span = utf8[..length];
        for (int i = _first[Bucket(span)]; i >= 0; i = _next[i])
        {
            if (span.SequenceEqual(_names[i]))
            {
                return _slots[i];
            }
        }

        return -1;
    }

    private static int Bucket(ReadOnlySpan<byte> name) =>
        ((name.Length * 31) + (name[0] * 7) + (name[^1] * 13) + name[name.Length / 2]) & (TableSize - 1);
}
