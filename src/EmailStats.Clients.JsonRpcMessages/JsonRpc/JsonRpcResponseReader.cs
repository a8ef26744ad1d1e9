using System.Runtime.ExceptionServices;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>
/// Reads a JSON-RPC <c>result</c> straight from the envelope's reader, which stands on the result's first token; the
/// reader must be left on the result's last token. It runs while the envelope is read, in the same pass; what it
/// returns (or throws) counts only when the envelope passes every check (the id is the call's, no <c>error</c>).
/// </summary>
/// <param name="reader">The envelope's reader, on the result's first token.</param>
/// <param name="response">The answer, for the typed exceptions (<see cref="ProviderResponse.Unreadable"/>).</param>
internal delegate T JsonRpcResultReader<out T>(ref Utf8JsonReader reader, ProviderResponse response);

/// <summary>
/// Reads JSON-RPC responses, whatever the method: the envelope is checked (an object, the request's id echoed,
/// <c>result</c> or <c>error</c>), <c>error</c> becomes <see cref="EmailStatsApiException"/> with its code, and
/// anything else that is not a usable answer becomes <see cref="EmailStatsResponseException"/>. The envelope and its
/// result are read in one pass (<see cref="JsonRpcResultReader{T}"/>): a large result is tokenized once, never built
/// into a document.
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
    public static T ReadResult<T>(ProviderResponse response, long requestId, JsonRpcResultReader<T> read)
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
        var envelope = Envelope<T>.Scan(json, response, read);
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

        if (!envelope.HasResult)
        {
            throw response.Unreadable("the JSON-RPC response has neither a result nor an error");
        }

        envelope.Failure?.Throw();
        return envelope.Result!;
    }

    /// <summary>
    /// The members of a response object that the checks need, found in one pass of a <see cref="Utf8JsonReader"/>
    /// over the whole body (which validates it as one JSON document, as <see cref="JsonDocument"/> would): <c>id</c>
    /// and <c>error</c> as elements (they are small), <c>result</c> as the range of its raw JSON. Of a member sent
    /// twice, the last counts, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
    /// </summary>
    /// <summary>
    /// The envelope, read in one pass: <c>id</c> and <c>error</c> kept as elements, the <c>result</c> read by the method's
    /// reader as the pass reaches it (the last one wins when sent twice). When that reader fails, the pass cannot go on
    /// from where it stopped, so the envelope is read again without the result (skipping it), and the failure is kept
    /// for after the envelope checks: an error answer or someone else's id still wins over an unreadable result.
    /// </summary>
    private readonly record struct Envelope<T>(JsonElement? Id, JsonElement? Error, bool HasResult, T? Result, ExceptionDispatchInfo? Failure)
    {
        public static Envelope<T> Scan(ReadOnlyMemory<byte> body, ProviderResponse response, JsonRpcResultReader<T> read)
        {
            var reader = LenientJsonReader.Create(body.Span);
            JsonElement? id = null;
            JsonElement? error = null;
            var hasResult = false;
            T? result = default;
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
                    hasResult = true;
                    try
                    {
                        result = read(ref reader, response);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        var (skippedId, skippedError) = ScanSkippingResult(body);
                        return new Envelope<T>(skippedId, skippedError, HasResult: true, default, ExceptionDispatchInfo.Capture(e));
                    }
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

            return new Envelope<T>(id, error, hasResult, result, null);
        }

        /// <summary>The id and error of an envelope whose result could not be read: every member skipped but those two.</summary>
        private static (JsonElement? Id, JsonElement? Error) ScanSkippingResult(ReadOnlyMemory<byte> body)
        {
            var reader = LenientJsonReader.Create(body.Span);
            JsonElement? id = null;
            JsonElement? error = null;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                var isError = !isId && reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isId)
                {
                    id = JsonElement.ParseValue(ref reader);
                }
                else if (isError)
                {
                    error = JsonElement.ParseValue(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            while (reader.Read())
            {
            }

            return (id, error);
        }
    }

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
