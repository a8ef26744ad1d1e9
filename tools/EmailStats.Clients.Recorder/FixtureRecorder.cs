using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace EmailStats.Clients.Recorder;

/// <summary>
/// Records fixtures from a live provider: a loopback proxy (WireMock.Net proxy-and-record mode) that forwards every
/// request to <see cref="FixtureRecorderOptions.Target"/>, then writes what went through as WireMock mapping files in
/// the form the test projects and the sandbox load. Before anything is written, every secret is replaced by a
/// placeholder, and request bodies become field-level matchers (form fields, JSON-RPC method and params, query
/// parameters, auth headers) so that fixtures pin the request precisely without pinning a secret.
/// Writing fails, and nothing is written, if any form of a secret survives.
/// </summary>
public sealed class FixtureRecorder : IDisposable
{
    private static readonly HashSet<string> KeptResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    };

    private readonly WireMockServer _server;
    private readonly FixtureRecorderOptions _options;
    private List<(string Value, string Placeholder)> _secrets;

    private FixtureRecorder(FixtureRecorderOptions options)
    {
        _options = options;
        _secrets = [.. options.Secrets.Where(s => s.Key.Length > 0).OrderByDescending(s => s.Key.Length).Select(s => (s.Key, s.Value))];
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{options.Port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            ProxyAndRecordSettings = new ProxyAndRecordSettings
            {
                Url = options.Target.ToString().TrimEnd('/'),
                SaveMapping = false,
                SaveMappingToFile = false,
            },
        });
        Url = new Uri(_server.Url!.TrimEnd('/') + "/");
    }

    /// <summary>Where to point a client (its base address or endpoint) so that its requests are recorded.</summary>
    public Uri Url { get; }

    /// <summary>How many exchanges have been recorded so far.</summary>
    public int Count => _server.LogEntries.Count();

    /// <summary>Starts a recorder proxying to <paramref name="options"/>.Target.</summary>
    /// <param name="options">The target and the secrets to scrub.</param>
    /// <returns>The running recorder.</returns>
    public static FixtureRecorder Start(FixtureRecorderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Target);
        if (!options.Target.IsAbsoluteUri)
        {
            throw new ArgumentException("Target must be an absolute URI.", nameof(options));
        }

        return new FixtureRecorder(options);
    }

    /// <summary>Writes every recorded exchange, scrubbed, as one mapping file (a JSON array).</summary>
    /// <param name="path">The file to write (its folder is created).</param>
    /// <returns>The number of mappings written.</returns>
    /// <exception cref="InvalidOperationException">A secret would have survived scrubbing; nothing was written.</exception>
    public int Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var entries = _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Learn(entries);
        var mappings = new JsonArray();
        for (var i = 0; i < entries.Count; i++)
        {
            mappings.Add(ToMapping(entries[i], i + 1));
        }

        var text = mappings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var survivor = SecretForms().FirstOrDefault(form => text.Contains(form, StringComparison.Ordinal));
        if (survivor is not null)
        {
            throw new InvalidOperationException("A secret survived scrubbing; the recording was not written. Add it to FixtureRecorderOptions.Secrets.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        return entries.Count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>
    /// Adds to the known secrets every value the requests sent as one (secret form fields and query parameters,
    /// secret headers including the password of Basic credentials, the first JSON-RPC param), so that an answer
    /// echoing one is scrubbed too, configured or not.
    /// </summary>
    private void Learn(IEnumerable<ILogEntry> entries)
    {
        var known = new Dictionary<string, string>(_options.Secrets.Where(s => s.Key.Length > 0), StringComparer.Ordinal);
        void Add(string? value, string placeholder)
        {
            if (!string.IsNullOrEmpty(value) && value != placeholder && value.Length >= 4)
            {
                known.TryAdd(value, placeholder);
            }
        }

        foreach (var request in entries.Select(e => e.RequestMessage))
        {
            var pairs = ParsePairs(request.RawQuery?.TrimStart('?') ?? "", plusIsSpace: false);
            if (MediaType(request.Headers) == "application/x-www-form-urlencoded" && request.Body is { } form)
            {
                pairs.AddRange(ParsePairs(form, plusIsSpace: true));
            }

            foreach (var (name, value) in pairs.Where(p => _options.SecretFields.Contains(p.Name)))
            {
                Add(value, name.Equals("api_user", StringComparison.OrdinalIgnoreCase) ? FixtureRecorderOptions.UserPlaceholder : FixtureRecorderOptions.KeyPlaceholder);
            }

            foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            {
                if (_options.SecretHeaders.Contains(name) && values.FirstOrDefault() is { } value)
                {
                    Add(value, FixtureRecorderOptions.KeyPlaceholder);
                    if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                    {
                        try
                        {
                            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
                            Add(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..], FixtureRecorderOptions.KeyPlaceholder);
                        }
                        catch (FormatException)
                        {
                        }
                    }
                    else if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(value[7..].Trim(), FixtureRecorderOptions.KeyPlaceholder);
                    }
                    else if (value.StartsWith("api-key ", StringComparison.OrdinalIgnoreCase))
                    {
                        // GetResponse v3: X-Auth-Token: api-key {key}.
                        Add(value[8..].Trim(), FixtureRecorderOptions.KeyPlaceholder);
                    }
                }
            }

            if (MediaType(request.Headers) == "application/json" && request.Body is { } json)
            {
                try
                {
                    if (JsonNode.Parse(json) is JsonObject call && call["jsonrpc"] is not null && call["params"] is JsonArray { Count: > 0 } parameters
                        && parameters[0] is JsonValue first && first.TryGetValue<string>(out var key))
                    {
                        Add(key, FixtureRecorderOptions.KeyPlaceholder);
                    }
                }
                catch (JsonException)
                {
                }
            }
        }

        _secrets = [.. known.OrderByDescending(s => s.Key.Length).Select(s => (s.Key, s.Value))];
    }

    private JsonObject ToMapping(ILogEntry entry, int index)
    {
        var request = entry.RequestMessage;
        var response = entry.ResponseMessage;
        var path = Scrub(request.Path);
        var query = ParsePairs(request.RawQuery?.TrimStart('?') ?? "", plusIsSpace: false, rawNames: true)
            .Select(p => (p.Name, Value: ScrubField(p.Name, p.Value)))
            .ToList();

        var matchers = new JsonObject { ["Methods"] = new JsonArray(request.Method.ToUpperInvariant()) };
        if (query.Count == 0)
        {
            matchers["Path"] = Matchers(new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = path });
        }
        else
        {
            // WireMock ignores Url when Path is set: the URL regex pins the path, and rejects unexpected parameter names.
            var names = query.Select(p => Regex.Escape(p.Name)).Distinct(StringComparer.Ordinal);
            matchers["Url"] = new JsonObject
            {
                ["Matchers"] = new JsonArray(
                    new JsonObject { ["Name"] = "RegexMatcher", ["Pattern"] = "^https?://[^/?]+" + Regex.Escape(path) + @"\?" },
                    new JsonObject { ["Name"] = "RegexMatcher", ["RejectOnMatch"] = true, ["Pattern"] = $"[?&](?!(?:{string.Join('|', names)})=)[^&=]*=" }),
                ["MatchOperator"] = "And",
            };
            matchers["Params"] = new JsonArray([.. query.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
            {
                ["Name"] = g.Key,
                ["Matchers"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "ExactMatcher",
                    ["Patterns"] = new JsonArray([.. g.Select(p => (JsonNode)JsonValue.Create(p.Value)!)]),
                }),
            })]);
        }

        var headers = new JsonArray();
        foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (_options.SecretHeaders.Contains(name) && values.FirstOrDefault() is { } value)
            {
                headers.Add(new JsonObject
                {
                    ["Name"] = name,
                    ["IgnoreCase"] = true,
                    ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = ScrubHeader(value) }),
                });
            }
        }

        var mediaType = MediaType(request.Headers);
        var jsonRpcId = false;
        if (request.Body is { Length: > 0 } body)
        {
            if (mediaType is not null)
            {
                headers.Add(new JsonObject
                {
                    ["Name"] = "Content-Type",
                    ["IgnoreCase"] = true,
                    ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "WildcardMatcher", ["Pattern"] = mediaType + "*", ["IgnoreCase"] = true }),
                });
            }

            matchers["Body"] = mediaType == "application/x-www-form-urlencoded" ? FormBody(body) : JsonBody(body, out jsonRpcId);
        }

        if (headers.Count > 0)
        {
            matchers["Headers"] = headers;
        }

        var responseJson = new JsonObject { ["StatusCode"] = Convert.ToInt32(response.StatusCode, CultureInfo.InvariantCulture) };
        var responseHeaders = new JsonObject();
        foreach (var (name, values) in response.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (KeptResponseHeaders.Contains(name) && values.FirstOrDefault() is { } value)
            {
                responseHeaders[name] = Scrub(value);
            }
        }

        responseJson["Headers"] = responseHeaders;
        var responseBody = Scrub(response.BodyData?.BodyAsString ?? (response.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : ""));
        if (jsonRpcId && TryEchoId(responseBody, out var echoed))
        {
            responseJson["BodyAsJson"] = echoed;
            responseJson["UseTransformer"] = true;
            responseJson["TransformerReplaceNodeOptions"] = "EvaluateAndTryToConvert";
        }
        else
        {
            responseJson["Body"] = responseBody;
        }

        var title = $"recorded {index}: {request.Method.ToUpperInvariant()} {path} -> {responseJson["StatusCode"]}";
        return new JsonObject
        {
            ["Guid"] = StableGuid(title + matchers.ToJsonString()).ToString(),
            ["Title"] = title,
            ["Request"] = matchers,
            ["Response"] = responseJson,
        };
    }

    /// <summary>One regex per field as it went on the wire (secret values replaced), plus the exact field count.</summary>
    private JsonObject FormBody(string body)
    {
        var tokens = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        var list = new JsonArray();
        foreach (var token in tokens)
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? token : token[..equals];
            var name = Decode(rawName, plusIsSpace: true);
            var value = equals < 0 ? "" : Decode(token[(equals + 1)..], plusIsSpace: true);
            var scrubbed = ScrubField(name, value);
            var wire = scrubbed == value ? token : rawName + "=" + Uri.EscapeDataString(scrubbed).Replace("%20", "+", StringComparison.Ordinal);
            list.Add(new JsonObject { ["Name"] = "RegexMatcher", ["Pattern"] = "(^|&)" + Regex.Escape(wire) + "(&|$)" });
        }

        list.Add(new JsonObject { ["Name"] = "RegexMatcher", ["Pattern"] = "^[^&]+" + string.Concat(Enumerable.Repeat("(&[^&]+)", Math.Max(0, tokens.Length - 1))) + "$" });
        return new JsonObject { ["MatchOperator"] = "And", ["Matchers"] = list };
    }

    /// <summary>A JMESPath over the JSON body: a JSON-RPC call by method and params (first param scrubbed, id any
    /// positive number); any other JSON document by equality.</summary>
    private JsonObject JsonBody(string body, out bool jsonRpc)
    {
        jsonRpc = false;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return new JsonObject { ["Matcher"] = new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = Scrub(body) } };
        }

        string expression;
        if (root is JsonObject call && call["jsonrpc"] is not null && call["method"] is JsonValue method && call["params"] is JsonArray parameters)
        {
            jsonRpc = call["id"] is JsonValue;
            var scrubbed = new JsonArray();
            for (var i = 0; i < parameters.Count; i++)
            {
                scrubbed.Add(i == 0 && parameters[i] is JsonValue first && first.TryGetValue<string>(out var key)
                    ? JsonValue.Create(Lookup(key) ?? FixtureRecorderOptions.KeyPlaceholder)
                    : JsonNode.Parse(Scrub(parameters[i]?.ToJsonString() ?? "null")));
            }

            expression = $"jsonrpc == '2.0' && type(id) == 'number' && id > `0` && method == {Literal(method)} && length(params) == `{scrubbed.Count}`"
                + string.Concat(scrubbed.Select((p, i) => $" && params[{i}] == {Literal(p)}"));
        }
        else
        {
            expression = "@ == " + Literal(JsonNode.Parse(Scrub(body)));
        }

        return new JsonObject { ["Matcher"] = new JsonObject { ["Name"] = "JmesPathMatcher", ["Pattern"] = expression } };
    }

    private static string Literal(JsonNode? node) => "`" + (node?.ToJsonString() ?? "null").Replace("`", "\\`", StringComparison.Ordinal) + "`";

    private static bool TryEchoId(string body, out JsonNode? echoed)
    {
        echoed = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject answer && answer["id"] is JsonValue)
            {
                answer["id"] = "{{request.bodyAsJson.id}}";
                echoed = answer;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private string ScrubField(string name, string value) =>
        _options.SecretFields.Contains(name)
            ? Lookup(value) ?? (name.Equals("api_user", StringComparison.OrdinalIgnoreCase) ? FixtureRecorderOptions.UserPlaceholder : FixtureRecorderOptions.KeyPlaceholder)
            : Scrub(value);

    private string ScrubHeader(string value)
    {
        const string Basic = "Basic ";
        if (value.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[Basic.Length..].Trim()));
            }
            catch (FormatException)
            {
                return Basic + FixtureRecorderOptions.KeyPlaceholder;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? decoded : decoded[..colon];
            var password = colon < 0 ? "" : decoded[(colon + 1)..];
            var scrubbed = Scrub(user) + ":" + (Lookup(password) ?? FixtureRecorderOptions.KeyPlaceholder);
            return Basic + Convert.ToBase64String(Encoding.UTF8.GetBytes(scrubbed));
        }

        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "Bearer " + FixtureRecorderOptions.KeyPlaceholder;
        }

        if (value.StartsWith("api-key ", StringComparison.OrdinalIgnoreCase))
        {
            return "api-key " + FixtureRecorderOptions.KeyPlaceholder;
        }

        return Lookup(value) ?? FixtureRecorderOptions.KeyPlaceholder;
    }

    private string? Lookup(string value)
    {
        foreach (var (secret, placeholder) in _secrets)
        {
            if (secret == value)
            {
                return placeholder;
            }
        }

        return null;
    }

    /// <summary>Replaces every secret in <paramref name="text"/>: raw, URL-encoded and JSON-escaped.</summary>
    private string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var (secret, placeholder) in _secrets)
        {
            text = text
                .Replace(secret, placeholder, StringComparison.Ordinal)
                .Replace(Uri.EscapeDataString(secret), Uri.EscapeDataString(placeholder), StringComparison.Ordinal)
                .Replace(JsonEncodedText.Encode(secret).ToString(), placeholder, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every form a secret could take in a file.</summary>
    private IEnumerable<string> SecretForms()
    {
        foreach (var (secret, _) in _secrets)
        {
            yield return secret;
            yield return Uri.EscapeDataString(secret);
            yield return JsonEncodedText.Encode(secret).ToString();
            foreach (var user in new[] { "api", "" }.Concat(_secrets.Select(s => s.Value)))
            {
                yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)).TrimEnd('=');
            }
        }
    }

    private static string? MediaType(IDictionary<string, WireMock.Types.WireMockList<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return value?.Split(';')[0].Trim().ToLowerInvariant();
    }

    /// <summary>The pairs of a query or form; <paramref name="rawNames"/> keeps the names as sent (WireMock matches query names percent-encoded, values decoded).</summary>
    private static List<(string Name, string Value)> ParsePairs(string text, bool plusIsSpace, bool rawNames = false) =>
        [.. text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            return (rawNames ? name : Decode(name, plusIsSpace), equals < 0 ? "" : Decode(part[(equals + 1)..], plusIsSpace));
        })];

    private static string Decode(string text, bool plusIsSpace) => Uri.UnescapeDataString(plusIsSpace ? text.Replace('+', ' ') : text);

    private static Guid StableGuid(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static JsonObject Matchers(JsonObject matcher) => new() { ["Matchers"] = new JsonArray(matcher) };
}
