using System.Xml;

namespace EmailStats.Clients.SendGridV2.Serialization;

/// <summary>
/// Reads SendGrid v2 XML rows (<c>&lt;stats&gt;&lt;day&gt;&lt;date&gt;…&lt;/date&gt;&lt;requests&gt;…&lt;/requests&gt;…&lt;/day&gt;…&lt;/stats&gt;</c>)
/// in one <see cref="XmlReader"/> pass straight into the models, with DTD processing prohibited as everywhere
/// (<see cref="SendGridXml.Open"/>). It reads what the JSON reader reads from the transcoded document, without the
/// transcoding: an element's trimmed text is its value, an empty element is null, an element with child elements is an
/// object (only unknown fields may be one, kept as the JSON they transcode to). A differential test holds it equal to
/// transcoding and reading the JSON.
/// </summary>
internal static class SendGridXmlRowsReader
{
    public static List<SendGridDailyStats> ReadDaily(ResponseBody body) => Read(body, category: false, static (in SendGridRowsReader.Row r) => r.ToDaily());

    public static List<SendGridCategoryStats> ReadCategory(ResponseBody body) => Read(body, category: true, static (in SendGridRowsReader.Row r) => r.ToCategory());

    private static List<T> Read<T>(ResponseBody body, bool category, SendGridRowsReader.Build<T> build)
    {
        var rows = new List<T>();
        using var text = new SendGridXml.TextBuffer();
        using var reader = SendGridXml.Open(body);
        reader.MoveToContent();
        if (reader.IsEmptyElement)
        {
            return rows;
        }

        SendGridXml.ReadContent(reader, text, row => rows.Add(build(ReadRow(row, category, text))));
        return rows;
    }

    private static SendGridRowsReader.Row ReadRow(XmlReader reader, bool category, SendGridXml.TextBuffer text)
    {
        var row = default(SendGridRowsReader.Row);
        AdditionalData? extra = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            throw new JsonException("A row lacks its required 'date'.");
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.EOF)
            {
                throw new XmlException("The XML document ended inside an element.");
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var name = reader.LocalName;
            var index = SendGridRowsReader.CounterIndex(name);
            if (index >= 0)
            {
                row.Counters[index] = Leaf(reader, text, out var value) ? LenientJsonReader.ParseOptionalInt64(value, "counter") ?? 0 : 0;
            }
            else if (name == "blocked")
            {
                // As in JSON: an empty element (null) leaves "blocks"; any text, even none, replaces it.
                row.Blocked = Leaf(reader, text, out var value) ? LenientJsonReader.ParseOptionalInt64(value, "counter") ?? 0 : null;
            }
            else if (name == "date")
            {
                row.Date = Leaf(reader, text, out var value) && SendGridRowsReader.TryParseDate(value, out var date)
                    ? date
                    : throw new JsonException("A row's 'date' must be a YYYY-MM-DD string.");
                row.HasDate = true;
            }
            else if (category && name == "category")
            {
                row.Category = Leaf(reader, text, out var value) ? new string(value) : null;
                row.HasCategory = true;
            }
            else
            {
                extra ??= new AdditionalData();
                ((IDictionary<string, JsonElement>)extra)[name] = SendGridXml.ToJsonElement(reader);
            }
        }

        reader.Read(); // past the row's end element
        if (!row.HasDate || (category && !row.HasCategory))
        {
            throw new JsonException($"A row lacks its required '{(row.HasDate ? "category" : "date")}'.");
        }

        row.Extra = extra;
        return row;
    }

    /// <summary>
    /// Reads a known field's element and moves past it: false for an empty element (null), true with its trimmed text
    /// otherwise; an element with child elements is not a value (a <see cref="JsonException"/>, as its object is in JSON).
    /// </summary>
    private static bool Leaf(XmlReader reader, SendGridXml.TextBuffer text, out ReadOnlySpan<char> value)
    {
        value = default;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        SendGridXml.ReadContent(reader, text, child: null);
        value = text.Chars.Trim();
        return true;
    }
}
