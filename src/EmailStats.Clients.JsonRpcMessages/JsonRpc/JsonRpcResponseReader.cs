using System.Globalization;
using System.Net;
using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>The <c>result</c> of a JSON-RPC call whose response passed every envelope check, with the response it came in.</summary>
/// <param name="Response">The answer, for the typed exceptions (<see cref="ProviderResponse.Unreadable"/>).</param>
/// <param name="Value">The <c>result</c> member; valid while the call's parse runs (copy what outlives it).</param>
internal readonly record struct JsonRpcResult(ProviderResponse Response, JsonElement Value);

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
        if (JsonProbe.FirstSignificantByte(response.Body.Span) != (byte)'{')
        {
            return null;
        }

        using var document = JsonDocument.Parse(response.Body.Memory);
        return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null
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

        switch (JsonProbe.FirstSignificantByte(response.Body.Span))
        {
            case 0:
                throw response.Unreadable("the body is empty; expected a JSON-RPC response object");
            case (byte)'{':
                break;
            case (byte)'[':
                throw response.Unreadable("the body is a JSON array (a batch); expected one JSON-RPC response object");
            default:
                throw response.Unreadable(response.LooksLikeHtml()
                    ? "the body is an HTML page, not a JSON-RPC response"
                    : "the body is not JSON; expected a JSON-RPC response object");
        }

        using var document = JsonDocument.Parse(response.Body.Memory);
        var root = document.RootElement;
        var hasId = root.TryGetProperty("id", out var id);

        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
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

        if (!root.TryGetProperty("result", out var result))
        {
            throw response.Unreadable("the JSON-RPC response has neither a result nor an error");
        }

        return read(new JsonRpcResult(response, result));
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
        var messages = new List<string>(2);
        string? code = null;
        switch (error.ValueKind)
        {
            case JsonValueKind.Object:
                if (error.TryGetProperty("code", out var c))
                {
                    code = c.ValueKind switch
                    {
                        JsonValueKind.Number => c.GetRawText(),
                        JsonValueKind.String => NullIfEmpty(c.GetString()),
                        _ => null,
                    };
                }

                if (error.TryGetProperty("message", out var message))
                {
                    AddText(message, messages);
                }

                if (error.TryGetProperty("data", out var data))
                {
                    AddText(data, messages);
                }

                break;
            default:
                AddText(error, messages);
                break;
        }

        return new ProviderError(code, messages);
    }

    private static void AddText(JsonElement value, List<string> messages)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.String:
                if (NullIfEmpty(value.GetString()) is { } text && !messages.Contains(text))
                {
                    messages.Add(text);
                }

                return;
            default:
                var raw = value.GetRawText();
                messages.Add(raw.Length > EmailStatsResponseException.MaxBodySnippetLength ? raw[..EmailStatsResponseException.MaxBodySnippetLength] : raw);
                return;
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Cut(string text) => text.Length > MaxEchoedLength ? text[..MaxEchoedLength] + "..." : text;
}
