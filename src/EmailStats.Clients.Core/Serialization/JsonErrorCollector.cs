namespace EmailStats.Clients.Serialization;

/// <summary>
/// Gathers the code and the messages of a JSON error envelope the same way for every provider: texts are trimmed,
/// empty and repeated ones are skipped, the first code found is kept (a number as written, a string trimmed).
/// Each provider's reader only says where its envelope keeps them.
/// </summary>
internal sealed class JsonErrorCollector
{
    private readonly List<string> _messages = new(2);

    /// <summary>The first code found, if any.</summary>
    public string? Code { get; private set; }

    /// <summary>Whether anything (a code or a message) was found.</summary>
    public bool Found => Code is not null || HasMessages;

    /// <summary>Whether a message was found.</summary>
    public bool HasMessages => _messages.Count > 0;

    /// <summary>
    /// One error entry, or a list of them: a string is a message; an object gives its code under
    /// <paramref name="codeProperty"/> and its <c>message</c> (a string or a list of strings).
    /// </summary>
    public void AddEntry(JsonElement entry, string codeProperty)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.String:
                AddMessage(entry);
                break;
            case JsonValueKind.Array:
                foreach (var item in entry.EnumerateArray())
                {
                    AddEntry(item, codeProperty);
                }

                break;
            case JsonValueKind.Object:
                if (entry.TryGetProperty(codeProperty, out var code))
                {
                    AddCode(code);
                }

                if (entry.TryGetProperty("message", out var message))
                {
                    AddMessage(message);
                }

                break;
        }
    }

    /// <summary>A message: a string, or a list of strings; anything else is ignored.</summary>
    public void AddMessage(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Add(value.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        Add(item.GetString());
                    }
                }

                break;
        }
    }

    /// <summary>A message already read as text (for example composed from several fields of an entry).</summary>
    public void AddMessage(string? text) => Add(text);

    /// <summary>Free-form detail: a string is a message; any other value except null is kept as its JSON text, cut to the snippet length.</summary>
    public void AddDetail(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            case JsonValueKind.String:
                Add(value.GetString());
                break;
            default:
                var raw = value.GetRawText();
                Add(raw.Length > EmailStatsResponseException.MaxBodySnippetLength ? raw[..EmailStatsResponseException.MaxBodySnippetLength] : raw);
                break;
        }
    }

    /// <summary>A code, unless one was found already: a number as written, a non-blank string trimmed.</summary>
    public void AddCode(JsonElement value)
    {
        Code ??= value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => Trimmed(value.GetString()),
            _ => null,
        };
    }

    /// <summary>The envelope read so far.</summary>
    public ProviderError ToError() => new(Code, _messages.AsReadOnly());

    private void Add(string? text)
    {
        if (Trimmed(text) is { } message && !_messages.Contains(message))
        {
            _messages.Add(message);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
