using System.Net.Http.Headers;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>
/// A generic JSON-RPC 2.0 caller: any method, any positional params. It numbers each call, POSTs the envelope
/// through the Refit interface and the shared call path, checks that the response answers this call and hands
/// its <c>result</c> to the method's reader. A new method needs only its params and a result reader.
/// </summary>
internal sealed class JsonRpcChannel
{
    private static long s_lastId;

    private readonly IJsonRpcApi _api;
    private readonly ProviderCallPath _context;
    private readonly Func<long> _nextId;

    /// <param name="api">The wire.</param>
    /// <param name="context">The provider's call path (error reader, secrets, logger).</param>
    /// <param name="nextId">Issues request ids; defaults to a process-wide counter starting at 1. Tests may replace it.</param>
    public JsonRpcChannel(IJsonRpcApi api, ProviderCallPath context, Func<long>? nextId = null)
    {
        _api = api;
        _context = context;
        _nextId = nextId ?? NextId;
    }

    /// <summary>The next id of the process-wide counter: 1, 2, 3... never 0 (an id of 0 could be taken for "no id").</summary>
    public static long NextId()
    {
        long id;
        do
        {
            id = Interlocked.Increment(ref s_lastId);
        }
        while (id == 0);

        return id;
    }

    /// <summary>Calls <paramref name="method"/> with <paramref name="parameters"/> and reads the result with <paramref name="read"/>.</summary>
    /// <param name="operation">The public operation name, for logs and traces.</param>
    /// <param name="method">The JSON-RPC method name.</param>
    /// <param name="parameters">The positional params, in order.</param>
    /// <param name="read">Turns the checked <c>result</c> into the operation's model; may throw via <see cref="ProviderResponse.Unreadable"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public Task<T> InvokeAsync<T>(
        string operation,
        string method,
        IReadOnlyList<JsonRpcParam> parameters,
        JsonRpcResultReader<T> read,
        CancellationToken cancellationToken)
    {
        var id = _nextId();
        if (id == 0)
        {
            throw new InvalidOperationException("A JSON-RPC call id must not be 0.");
        }

        var envelope = JsonSerializer.SerializeToUtf8Bytes(new JsonRpcRequest(id, method, parameters), JsonRpcJsonContext.Default.JsonRpcRequest);
        return _context.SendAsync(
            operation,
            (Api: _api, Envelope: envelope),
            static async (state, ct) =>
            {
                using var content = new ByteArrayContent(state.Envelope);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return await state.Api.CallAsync(content, ct).ConfigureAwait(false);
            },
            response => JsonRpcResponseReader.ReadResult(response, id, read),
            cancellationToken);
    }
}
