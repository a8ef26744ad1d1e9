using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>A request as a provider host sees it: the path below the provider's prefix, the query and the form.</summary>
internal sealed class SandboxRequest
{
    public SandboxRequest(IRequestMessage message, string prefix)
    {
        Message = message;
        Path = message.Path.Length > prefix.Length ? message.Path[prefix.Length..] : "/";
        Method = message.Method.ToUpperInvariant();
        Form = message.Body is { Length: > 0 } body && IsForm(message) ? ParsePairs(body) : [];
        Query = ParsePairs(message.RawQuery?.TrimStart('?') ?? "");
    }

    public IRequestMessage Message { get; }

    /// <summary>The path below the provider prefix, starting with '/'.</summary>
    public string Path { get; }

    public string Method { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public string? Body => Message.Body;

    public string? FormValue(string name) => First(Form, name);

    public IEnumerable<string> FormValues(string name) => Form.Where(p => p.Key == name).Select(p => p.Value);

    public string? QueryValue(string name) => First(Query, name);

    public IEnumerable<string> QueryValues(string name) => Query.Where(p => p.Key == name).Select(p => p.Value);

    public string? Header(string name) =>
        Message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? First(IReadOnlyList<KeyValuePair<string, string>> pairs, string name)
    {
        foreach (var pair in pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static bool IsForm(IRequestMessage message) =>
        message.Headers?.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)
            && h.Value.Any(v => v.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))) == true;

    private static List<KeyValuePair<string, string>> ParsePairs(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

/// <summary>Builds WireMock response messages.</summary>
internal static class SandboxResponse
{
    public const string Json = "application/json";
    public const string Xml = "text/xml";
    public const string Text = "text/plain";

    public static IResponseMessage Create(HttpStatusCode status, string contentType, string body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var all = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new WireMockList<string>($"{contentType}; charset=utf-8"),
        };
        foreach (var (name, value) in headers ?? [])
        {
            all[name] = new WireMockList<string>(value);
        }

        return new ResponseMessage
        {
            StatusCode = (int)status,
            Headers = all,
            BodyData = new BodyData
            {
                DetectedBodyType = BodyType.String,
                BodyAsString = body,
                Encoding = Encoding.UTF8,
            },
        };
    }
}

/// <summary>The JSON writer every provider host answers with.</summary>
internal static class SandboxJson
{
    /// <summary>The text <paramref name="write"/> writes: indented, with non-ASCII text as is (as providers send it).</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
