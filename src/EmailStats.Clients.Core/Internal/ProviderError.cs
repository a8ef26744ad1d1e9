namespace EmailStats.Clients.Internal;

/// <summary>An error envelope read from a provider's body.</summary>
/// <param name="Code">The provider's code or type, if any.</param>
/// <param name="Messages">Every message the envelope held.</param>
internal sealed record ProviderError(string? Code, IReadOnlyList<string> Messages);
