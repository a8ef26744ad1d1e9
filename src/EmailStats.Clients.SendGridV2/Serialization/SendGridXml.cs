using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace EmailStats.Clients.SendGridV2.Serialization;

/// <summary>
/// Reads SendGrid v2 XML safely (DTD processing prohibited, no resolver: a DOCTYPE is refused and nothing
/// external is ever fetched) and transcodes it, token by token, to the JSON shape of the same operation,
/// so that one source-generated contract, with its aliases and lenient numbers, serves both formats.
/// </summary>
internal static class SendGridXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Root elements that carry an error envelope instead of statistics.</summary>
    private static readonly HashSet<string> ErrorRoots = new(StringComparer.Ordinal) { "result", "error", "errors" };

    public static XmlReader Open(ResponseBody body) => XmlReader.Create(body.AsStream(), Settings);

    /// <summary>The name of the root element.</summary>
    public static string RootName(ResponseBody body)
    {
        using var reader = Open(body);
        reader.MoveToContent();
        return reader.LocalName;
    }

    public static bool IsErrorRoot(string rootName) => ErrorRoots.Contains(rootName);

    /// <summary>
    /// Transcodes the XML body to the JSON shape of its operation and reads that JSON with <paramref name="parse"/>: as an
    /// array of the root's children (<paramref name="asArray"/>), where a child with elements becomes an object and a
    /// text-only child <c>&lt;name&gt;text&lt;/name&gt;</c> becomes <c>{"name":"text"}</c>; or as an object of the root's children.
    /// </summary>
    public static T Transcode<T>(ResponseBody body, bool asArray, SendGridResponseReader.SpanParser<T> parse)
    {
        // The JSON is built in pooled memory (not a fresh large-object-heap array per call) and element text is
        // copied out of the reader in chunks into one reused buffer (not a string per element).
        using var buffer = new PooledBufferWriter(Math.Max(256, body.Length));
        var text = new TextBuffer();
        try
        {
            using (var reader = Open(body))
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                reader.MoveToContent();
                if (asArray)
                {
                    writer.WriteStartArray();
                }
                else
                {
                    writer.WriteStartObject();
                }

                if (!reader.IsEmptyElement)
                {
                    ReadContent(reader, text, child =>
                    {
                        if (!asArray)
                        {
                            writer.WritePropertyName(child.LocalName);
                        }

                        WriteValue(child, writer, wrapLeafAs: asArray ? child.LocalName : null, text);
                    });
                }

                if (asArray)
                {
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteEndObject();
                }
            }

            return parse(buffer.WrittenSpan);
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>The element the reader is on, as the JSON it transcodes to (for an unknown field), moving past it.</summary>
    public static JsonElement ToJsonElement(XmlReader reader)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        var text = new TextBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                WriteValue(reader, writer, wrapLeafAs: null, text);
            }
        }
        finally
        {
            text.Dispose();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Writes the element the reader is on and moves past it: an element with child elements becomes an
    /// object (its text ignored), any other its trimmed text, or <c>{"name":"text"}</c> when <paramref name="wrapLeafAs"/> is set.
    /// </summary>
    private static void WriteValue(XmlReader reader, Utf8JsonWriter writer, string? wrapLeafAs, TextBuffer text)
    {
        if (reader.IsEmptyElement)
        {
            WriteLeaf(writer, wrapLeafAs, [], isNull: true);
            reader.Read();
            return;
        }

        var isObject = false;
        ReadContent(reader, text, child =>
        {
            if (!isObject)
            {
                writer.WriteStartObject();
                isObject = true;
            }

            writer.WritePropertyName(child.LocalName);
            WriteValue(child, writer, wrapLeafAs: null, text);
        });
        if (isObject)
        {
            writer.WriteEndObject();
        }
        else
        {
            WriteLeaf(writer, wrapLeafAs, text.Chars.Trim(), isNull: false);
        }
    }

    /// <summary>
    /// Reads the content of the element the reader is on (not an empty one) and moves past its end. Its text goes to
    /// <paramref name="text"/> until a child element comes; each child element goes to <paramref name="child"/>, which
    /// moves past it, or, with none, is refused as JSON refuses an object where a value was expected.
    /// </summary>
    internal static void ReadContent(XmlReader reader, TextBuffer text, Action<XmlReader>? child)
    {
        var depth = reader.Depth;
        var hasChildren = false;
        text.Clear();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.EOF)
            {
                throw new XmlException("The XML document ended inside an element.");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    hasChildren = true;
                    (child ?? throw new JsonException($"'{reader.LocalName}' is an element where a value was expected."))(reader);
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when !hasChildren:
                    text.Append(reader);
                    break;
            }

            reader.Read();
        }

        reader.Read(); // past the end element
    }

    private static void WriteLeaf(Utf8JsonWriter writer, string? wrapAs, ReadOnlySpan<char> text, bool isNull)
    {
        if (wrapAs is not null)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(wrapAs);
        }

        if (isNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }

        if (wrapAs is not null)
        {
            writer.WriteEndObject();
        }
    }

    /// <summary>The text of the current leaf element, gathered from its text nodes into one pooled, reused buffer.</summary>
    internal sealed class TextBuffer : IDisposable
    {
        private char[] _chars = ArrayPool<char>.Shared.Rent(256);
        private int _length;

        public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _length);

        public void Clear() => _length = 0;

        /// <summary>Appends the value of the text node the reader is on.</summary>
        /// <remarks>
        /// Through <see cref="XmlReader.Value"/>: measured faster than <see cref="XmlReader.ReadValueChunk"/>, which makes
        /// the reader shift its character buffer for every node (a short string per element is cheaper than that).
        /// </remarks>
        public void Append(XmlReader reader)
        {
            var value = reader.Value;
            Ensure(value.Length);
            value.CopyTo(_chars.AsSpan(_length));
            _length += value.Length;
        }

        public void Dispose()
        {
            var chars = _chars;
            _chars = [];
            if (chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        private void Ensure(int more)
        {
            if (_chars.Length - _length >= more)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
            _chars.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }
    }

    /// <summary>
    /// Reads an XML error envelope: <c>&lt;result&gt;&lt;message&gt;error&lt;/message&gt;&lt;errors&gt;&lt;error&gt;…&lt;/error&gt;&lt;/errors&gt;&lt;/result&gt;</c>
    /// or <c>&lt;result&gt;&lt;error&gt;&lt;code&gt;401&lt;/code&gt;&lt;message&gt;…&lt;/message&gt;&lt;/error&gt;&lt;/result&gt;</c>.
    /// Null when the document is not an error.
    /// </summary>
    public static ProviderError? ReadError(ResponseBody body)
    {
        using var reader = Open(body);
        reader.MoveToContent();
        if (!IsErrorRoot(reader.LocalName))
        {
            return null;
        }

        var root = XElement.Load(reader);
        string? code = null;
        var messages = new List<string>();
        var marked = root.Name.LocalName != "result";
        string? topMessage = null;

        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "message":
                    var text = element.Value.Trim();
                    if (text == "error")
                    {
                        marked = true;
                    }
                    else if (text.Length > 0)
                    {
                        topMessage = text;
                    }

                    break;
                case "errors":
                    marked = true;
                    messages.AddRange(element.Elements().Select(e => e.Value.Trim()).Where(v => v.Length > 0));
                    break;
                case "error":
                    marked = true;
                    ReadErrorElement(element, messages, ref code);
                    break;
                case "code":
                    code = element.Value.Trim();
                    break;
            }
        }

        if (root.Name.LocalName == "error")
        {
            ReadErrorElement(root, messages, ref code);
        }

        if (!marked)
        {
            return null;
        }

        if (messages.Count == 0 && topMessage is not null)
        {
            messages.Add(topMessage);
        }

        return new ProviderError(code, messages);
    }

    private static void ReadErrorElement(XElement element, List<string> messages, ref string? code)
    {
        if (!element.HasElements)
        {
            var text = element.Value.Trim();
            if (text.Length > 0)
            {
                messages.Add(text);
            }

            return;
        }

        code = element.Element("code")?.Value.Trim() ?? code;
        var message = element.Element("message")?.Value.Trim();
        if (!string.IsNullOrEmpty(message))
        {
            messages.Add(message);
        }
    }
}
