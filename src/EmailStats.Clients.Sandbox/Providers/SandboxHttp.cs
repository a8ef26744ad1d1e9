using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>A request as a provider host sees it: the path below the provider's prefix, the query, the form and the body.</summary>
internal sealed class SandboxRequest
{
    private readonly HttpRequestMessage _message;

    private SandboxRequest(HttpRequestMessage message, string path, string? body)
    {
        _message = message;
        Path = path;
        Method = message.Method.Method.ToUpperInvariant();
        Body = body;
        var contentType = message.Content?.Headers.ContentType?.MediaType;
        Form = body is { Length: > 0 } && string.Equals(contentType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? ParsePairs(body) : [];
        Query = ParsePairs(message.RequestUri?.Query.TrimStart('?') ?? "");
    }

    /// <summary>The path below the provider prefix, starting with '/', still percent-encoded.</summary>
    public string Path { get; }

    public string Method { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public string? Body { get; }

    /// <summary>Reads the request (its body once) for the host whose paths start with <paramref name="prefix"/>.</summary>
    public static async Task<SandboxRequest> ReadAsync(HttpRequestMessage message, string prefix, CancellationToken cancellationToken)
    {
        var body = message.Content is null ? null : await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var fullPath = message.RequestUri?.AbsolutePath ?? "/";
        return new SandboxRequest(message, fullPath.Length > prefix.Length ? fullPath[prefix.Length..] : "/", body);
    }

    public string? FormValue(string name) => First(Form, name);

    public IEnumerable<string> FormValues(string name) => Form.Where(p => p.Key == name).Select(p => p.Value);

    public string? QueryValue(string name) => First(Query, name);

    public IEnumerable<string> QueryValues(string name) => Query.Where(p => p.Key == name).Select(p => p.Value);

    public string? Header(string name)
    {
        if (_message.Headers.TryGetValues(name, out var values) || (_message.Content?.Headers.TryGetValues(name, out values) ?? false))
        {
            return values.FirstOrDefault();
        }

        return null;
    }

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

/// <summary>An answer of a provider host: status, content type, body and headers.</summary>
internal sealed class SandboxResponse(HttpStatusCode status, string? contentType, string body, IReadOnlyList<KeyValuePair<string, string>> headers)
{
    public const string Json = "application/json";
    public const string Xml = "text/xml";
    public const string Text = "text/plain";

    public HttpStatusCode Status => status;

    public string? ContentType => contentType;

    public string Body => body;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private set; } = headers;

    public static SandboxResponse Create(HttpStatusCode status, string contentType, string body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        new(status, contentType, body, [.. headers ?? []]);

    /// <summary>An answer without a body (a JSON-RPC notification's 204).</summary>
    public static SandboxResponse NoContent() => new(HttpStatusCode.NoContent, null, "", []);

    /// <summary>The same answer with more headers (rate-limit headers added by the handler).</summary>
    public SandboxResponse WithHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        Headers = [.. Headers, .. headers];
        return this;
    }

    public HttpResponseMessage ToHttp(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(Status) { RequestMessage = request };
        if (ContentType is not null)
        {
            response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
        }
        else
        {
            response.Content = new ByteArrayContent([]);
        }

        foreach (var (name, value) in Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
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

    /// <summary>
    /// The <c>{"errors": [{KEY: ..., "message": ...}]}</c> envelope of SendGrid v3 (<c>field</c>) and Benchmark Email
    /// (<c>errorType</c>); a null key value is written as null.
    /// </summary>
    public static string Errors(string key, IEnumerable<(string? Value, string Message)> errors) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var (value, message) in errors)
        {
            writer.WriteStartObject();
            if (value is null)
            {
                writer.WriteNull(key);
            }
            else
            {
                writer.WriteString(key, value);
            }

            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
