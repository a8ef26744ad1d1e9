using System.Text.Json.Serialization;

namespace EmailStats.Clients.Sandbox.Providers;

internal sealed record ErrorList([property: JsonPropertyName("message")] string Message, [property: JsonPropertyName("errors")] string[] Errors);

/// <summary>The sandbox writes its small envelopes with source-generated metadata too.</summary>
[JsonSerializable(typeof(ErrorList))]
[JsonSerializable(typeof(string))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
