using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 request object: <c>{"jsonrpc":"2.0","id":N,"method":"...","params":[...]}</c>. The id is never
/// 0 or null (a request without an id is a notification, which the server answers with no result).
/// </summary>
/// <remarks>A class, not a record: its parameters may hold a secret and must never be printed.</remarks>
internal sealed class JsonRpcRequest(long id, string method, IReadOnlyList<JsonRpcParam> parameters)
{
    /// <summary>The protocol version, always <c>2.0</c>.</summary>
    [JsonPropertyName("jsonrpc")]
    public string JsonRpc => "2.0";

    /// <summary>The call's id, which the response must echo.</summary>
    [JsonPropertyName("id")]
    public long Id { get; } = id;

    /// <summary>The method name, for example <c>get_message_stats</c>.</summary>
    [JsonPropertyName("method")]
    public string Method { get; } = method;

    /// <summary>The positional parameters, each written with its own source-generated contract.</summary>
    [JsonPropertyName("params")]
    [JsonConverter(typeof(JsonRpcParamsConverter))]
    public IReadOnlyList<JsonRpcParam> Params { get; } = parameters;

    /// <summary>Describes the call without its parameters (they may hold a secret).</summary>
    public override string ToString() => $"JSON-RPC {Method} #{Id} ({Params.Count} params)";
}

/// <summary>
/// One positional parameter of a JSON-RPC call, of any type: a string, an object, a number. Positional params
/// are heterogeneous (GetResponse takes the API key, then a conditions object), so each carries the
/// source-generated contract it is written with: no reflection, trim- and AOT-safe.
/// </summary>
internal abstract class JsonRpcParam
{
    /// <summary>A parameter of type <typeparamref name="T"/> written with <paramref name="typeInfo"/>.</summary>
    public static JsonRpcParam Of<T>(T value, JsonTypeInfo<T> typeInfo) => new Typed<T>(value, typeInfo);

    /// <summary>Writes the parameter as one JSON value.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>Never shows the value (a parameter may be a secret).</summary>
    public override string ToString() => "JsonRpcParam";

    private sealed class Typed<T>(T value, JsonTypeInfo<T> typeInfo) : JsonRpcParam
    {
        public override void WriteTo(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, value, typeInfo);
    }
}

/// <summary>Writes the positional parameters as a JSON array, each with its own contract. Requests are never read back.</summary>
internal sealed class JsonRpcParamsConverter : JsonConverter<IReadOnlyList<JsonRpcParam>>
{
    public override IReadOnlyList<JsonRpcParam> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("JSON-RPC request parameters are written, never read.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<JsonRpcParam> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var parameter in value)
        {
            parameter.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}

/// <summary>The envelope's contract: the request object and the string parameter type most APIs start with.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(JsonRpcRequest))]
[JsonSerializable(typeof(string))]
internal sealed partial class JsonRpcJsonContext : JsonSerializerContext;
