using System.Buffers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using EmailStats.Clients.Internal;

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
    /// Transcodes the document to JSON: as an array of the root's children (<paramref name="asArray"/>), where a
    /// child with elements becomes an object and a text-only child <c>&lt;name&gt;text&lt;/name&gt;</c> becomes
    /// <c>{"name":"text"}</c>; or as an object of the root's children.
    /// </summary>
    public static T? Deserialize<T>(ResponseBody body, bool asArray, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, body.Length));
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
                var depth = reader.Depth;
                reader.Read();
                while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }

                    if (asArray)
                    {
                        WriteValue(reader, writer, wrapLeafAs: reader.LocalName);
                    }
                    else
                    {
                        writer.WritePropertyName(reader.LocalName);
                        WriteValue(reader, writer, wrapLeafAs: null);
                    }
                }
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

        return JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
    }

    /// <summary>
    /// Writes the element the reader is on and moves past it: an element with child elements becomes an
    /// object (its text ignored), any other its trimmed text, or <c>{"name":"text"}</c> when <paramref name="wrapLeafAs"/> is set.
    /// </summary>
    private static void WriteValue(XmlReader reader, Utf8JsonWriter writer, string? wrapLeafAs)
    {
        if (reader.IsEmptyElement)
        {
            WriteLeaf(writer, wrapLeafAs, null);
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        string? text = null;
        var isObject = false;
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
                    if (!isObject)
                    {
                        writer.WriteStartObject();
                        isObject = true;
                    }

                    writer.WritePropertyName(reader.LocalName);
                    WriteValue(reader, writer, wrapLeafAs: null);
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    text = text is null ? reader.Value : text + reader.Value;
                    break;
            }

            reader.Read();
        }

        reader.Read(); // past the end element
        if (isObject)
        {
            writer.WriteEndObject();
        }
        else
        {
            WriteLeaf(writer, wrapLeafAs, text?.Trim() ?? "");
        }
    }

    private static void WriteLeaf(Utf8JsonWriter writer, string? wrapAs, string? text)
    {
        if (wrapAs is not null)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(wrapAs);
        }

        if (text is null)
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
