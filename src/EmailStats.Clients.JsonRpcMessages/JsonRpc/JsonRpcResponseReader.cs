using System.Globalization;
using System.Net;
using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>The <c>result</c> of a JSON-RPC call whose response passed every envelope check, with the response it came in.</summary>
/// <param name="Response">The answer, for the typed exceptions (<see cref="ProviderResponse.Unreadable"/>).</param>
/// <param name="Json">The <c>result</c> member's JSON, exactly as sent (already validated); valid while the call's parse runs.</param>
/// <remarks>
/// The raw JSON, not a <see cref="JsonElement"/>: a method's reader streams it with a <see cref="Utf8JsonReader"/> straight
/// into its models, so a large result is tokenized once for the envelope checks and once to read it, never built into a document.
/// </remarks>
internal readonly record struct JsonRpcResult(ProviderResponse Response, ReadOnlyMemory<byte> Json)
{
    /// <summary>The result as an element, parsed on each access: convenient for small results (large ones stream with <see cref="OpenReader"/>).</summary>
    public JsonElement Value
    {
        get
        {
            var reader = new Utf8JsonReader(Json.Span);
            return JsonElement.ParseValue(ref reader);
        }
    }

    /// <summary>A reader positioned on the result's first token.</summary>
    public Utf8JsonReader OpenReader()
    {
        var reader = new Utf8JsonReader(Json.Span);
        reader.Read();
        return reader;
    }
}

/// <summary>
/// Reads JSON-RPC responses, whatever the method: the envelope is checked (an object, the request's id echoed,
/// <c>result</c> or <c>error</c>), <c>error</c> becomes <see cref="EmailStatsApiException"/> with its code, and
/// anything else that is not a usable answer becomes <see cref="EmailStatsResponseException"/>.
/// </summary>
internal static class JsonRpcResponseReader
{
    private const int MaxEchoedLength = 64;

    /// <summary>
    /// The <c>error</c> member of a JSON-RPC response object, or null when the body is not one. Used for
    /// non-success HTTP statuses, whose ids are not checked (the server refused the request before the call).
    /// </summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        using var document = response.ParseJsonObject();
        return document is not null && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null
            ? ToError(error)
            : null;
    }

    /// <summary>Checks the envelope of a success-status answer to the call <paramref name="requestId"/> and reads its result.</summary>
    public static T ReadResult<T>(ProviderResponse response, long requestId, Func<JsonRpcResult, T> read)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            throw response.Unreadable("the server answered 204 No Content, as to a JSON-RPC notification (a request without an id): no result was returned");
        }

        if (response.Kind() == BodyKind.JsonArray)
        {
            throw response.Unreadable("the body is a JSON array (a batch); expected one JSON-RPC response object");
        }

        var json = response.RequireJson(JsonValueKind.Object, "a JSON-RPC response object");
        var envelope = Envelope.Scan(json);
        var hasId = envelope.Id is not null;
        var id = envelope.Id.GetValueOrDefault();

        if (envelope.Error is { } error && error.ValueKind != JsonValueKind.Null)
        {
            // A server that could not read the request's id answers an error with "id": null; any other id must be ours.
            if (hasId && id.ValueKind != JsonValueKind.Null && !IsSameId(id, requestId))
            {
                throw response.Unreadable(Mismatch(id, hasId, requestId));
            }

            throw response.ApiError(ToError(error));
        }

        if (!hasId || !IsSameId(id, requestId))
        {
            throw response.Unreadable(Mismatch(id, hasId, requestId));
        }

        if (envelope.Result is not { } result)
        {
            throw response.Unreadable("the JSON-RPC response has neither a result nor an error");
        }

        return read(new JsonRpcResult(response, result));
    }

    /// <summary>
    /// The members of a response object that the checks need, found in one pass of a <see cref="Utf8JsonReader"/>
    /// over the whole body (which validates it as one JSON document, as <see cref="JsonDocument"/> would): <c>id</c>
    /// and <c>error</c> as elements (they are small), <c>result</c> as the range of its raw JSON. Of a member sent
    /// twice, the last counts, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
    /// </summary>
    private readonly record struct Envelope(JsonElement? Id, JsonElement? Error, ReadOnlyMemory<byte>? Result)
    {
        public static Envelope Scan(ReadOnlyMemory<byte> body)
        {
            var reader = new Utf8JsonReader(body.Span);
            JsonElement? id = null;
            JsonElement? error = null;
            ReadOnlyMemory<byte>? result = null;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = JsonElement.ParseValue(ref reader);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = JsonElement.ParseValue(ref reader);
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    result = body[start..(int)reader.BytesConsumed];
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Past the object's end: anything but white space is an error, as for JsonDocument.Parse.
            while (reader.Read())
            {
            }

            return new Envelope(id, error, result);
        }
    }

    /// <summary>Whether a response id equals the request's: the same number, or (leniently) that number written as a string.</summary>
    private static bool IsSameId(JsonElement id, long requestId) => id.ValueKind switch
    {
        JsonValueKind.Number => id.TryGetInt64(out var number) && number == requestId,
        JsonValueKind.String => id.ValueEquals(requestId.ToString(CultureInfo.InvariantCulture)),
        _ => false,
    };

    private static string Mismatch(JsonElement id, bool hasId, long requestId)
    {
        var sent = !hasId ? "no id" : $"the id {Cut(id.GetRawText())}";
        return $"the JSON-RPC response carries {sent}, not the request's id {requestId.ToString(CultureInfo.InvariantCulture)}: it does not answer this call";
    }

    /// <summary>
    /// Reads an <c>error</c> member: <c>{"code":-1,"message":"...","data":...}</c>, the code a number or a string,
    /// <c>data</c> added to the messages when present. A bare string error is read as its message.
    /// </summary>
    private static ProviderError ToError(JsonElement error)
    {
        var collector = new JsonErrorCollector();
        if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("code", out var code))
            {
                collector.AddCode(code);
            }

            if (error.TryGetProperty("message", out var message))
            {
                collector.AddDetail(message);
            }

            if (error.TryGetProperty("data", out var data))
            {
                collector.AddDetail(data);
            }
        }
        else
        {
            collector.AddDetail(error);
        }

        return collector.ToError();
    }

    private static string Cut(string text) => text.Length > MaxEchoedLength ? text[..MaxEchoedLength] + "..." : text;
}
