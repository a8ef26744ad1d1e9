using System.Text.Json.Serialization.Metadata;
using EmailStats.Clients.JsonRpcMessages.JsonRpc;
using EmailStats.Clients.JsonRpcMessages.Serialization;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.JsonRpcMessages;

/// <summary>The JSON-RPC message statistics client. Thread-safe; one instance can serve concurrent calls.</summary>
public sealed class MessageStatsClient : IMessageStatsClient
{
    private readonly JsonRpcChannel _rpc;
    private readonly JsonRpcParam _apiKey;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (no resilience pipeline is added; the DI
    /// registration adds one).
    /// </summary>
    /// <param name="httpClient">The client to send with; its base address is set to the endpoint when it has none.</param>
    /// <param name="options">The API key and endpoint; validated here.</param>
    /// <param name="logger">Receives one line per call (operation, status, time); never a secret. None when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule; the message names each one.</exception>
    public MessageStatsClient(HttpClient httpClient, JsonRpcMessagesOptions options, ILogger<MessageStatsClient>? logger = null)
        : this(httpClient, options, logger, nextId: null)
    {
    }

    /// <summary>The constructor behind the public one; <paramref name="nextId"/> lets tests fix the request ids.</summary>
    internal MessageStatsClient(HttpClient httpClient, JsonRpcMessagesOptions options, ILogger<MessageStatsClient>? logger, Func<long>? nextId)
    {
        // The key travels in the JSON body, as the call's first param.
        var (api, call) = ProviderClient<IJsonRpcApi>.Create(EmailStatsProvider.JsonRpcMessages, httpClient, options, logger, JsonRpcResponseReader.ReadError);
        _rpc = new JsonRpcChannel(api, call, nextId);
        _apiKey = JsonRpcParam.Of(options.ApiKey, JsonRpcJsonContext.Default.String);
    }

    /// <inheritdoc />
    public Task<MessageStats> GetMessageStatsAsync(MessageStatsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CallAsync(
            "GetMessageStats",
            "get_message_stats",
            query.ToConditions(),
            MessageStatsJsonContext.Default.MessageStatsConditions,
            (ref Utf8JsonReader reader, ProviderResponse response) => MessageStatsReader.Read(ref reader, response, query),
            cancellationToken);
    }

    /// <summary>
    /// Calls one method of the API: the key first, then the method's conditions object, as every GetResponse 1.5
    /// method takes them. Adding a method is one call of this with its conditions and its result reader.
    /// </summary>
    internal Task<T> CallAsync<TConditions, T>(
        string operation,
        string method,
        TConditions conditions,
        JsonTypeInfo<TConditions> conditionsInfo,
        JsonRpcResultReader<T> read,
        CancellationToken cancellationToken) =>
        _rpc.InvokeAsync(operation, method, [_apiKey, JsonRpcParam.Of(conditions, conditionsInfo)], read, cancellationToken);
}
