namespace EmailStats.Clients.Serialization;

/// <summary>Cheap looks at a body before it is parsed: which format it is, and what its top level holds.</summary>
internal static class JsonProbe
{
    /// <summary>The first byte that is not white space or a UTF-8 byte-order mark, or 0 for an empty body.</summary>
    public static byte FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether the body is a JSON object with a top-level property named one of <paramref name="names"/>.
    /// Malformed JSON answers false (the real parse reports it).
    /// </summary>
    public static bool HasTopLevelProperty(ReadOnlySpan<byte> body, params ReadOnlySpan<string> names)
    {
        try
        {
            var reader = new Utf8JsonReader(body, LenientJsonReader.Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                foreach (var name in names)
                {
                    if (reader.ValueTextEquals(name))
                    {
                        return true;
                    }
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
