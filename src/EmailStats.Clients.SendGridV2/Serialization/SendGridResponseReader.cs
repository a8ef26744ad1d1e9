namespace EmailStats.Clients.SendGridV2.Serialization;

/// <summary>
/// Reads SendGrid v2 answers. The body decides the format (JSON or XML, whatever the Content-Type says),
/// and error envelopes are recognised in both formats whatever the HTTP status.
/// </summary>
internal static class SendGridResponseReader
{
    public static IReadOnlyList<SendGridDailyStats> ReadDailyStats(ProviderResponse response) =>
        ReadList(response, SendGridRowsReader.ReadDaily, SendGridXmlRowsReader.ReadDaily).AsReadOnly();

    public static IReadOnlyList<SendGridCategoryStats> ReadCategoryStats(ProviderResponse response) =>
        ReadList(response, SendGridRowsReader.ReadCategory, SendGridXmlRowsReader.ReadCategory).AsReadOnly();

    public static IReadOnlyList<string> ReadCategories(ProviderResponse response)
    {
        var entries = ReadList(
            response,
            SendGridRowsReader.ReadCategoryNames,
            static body => SendGridXml.Transcode(body, asArray: true, SendGridRowsReader.ReadCategoryNames));
        var names = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            if (string.IsNullOrEmpty(entry))
            {
                throw response.Unreadable("a category list entry has no category name");
            }

            names.Add(entry);
        }

        return names.AsReadOnly();
    }

    public static SendGridAggregateStats ReadAggregate(ProviderResponse response)
    {
        switch (Sniff(response))
        {
            case Format.Json:
                var json = response.RequireJson(JsonValueKind.Object, "a JSON object of totals");
                if (JsonProbe.HasTopLevelProperty(json.Span, "error", "errors", "message") && ReadError(response) is { } jsonError)
                {
                    throw response.ApiError(jsonError);
                }

                return SendGridRowsReader.ReadAggregate(json.Span);
            default:
                ThrowIfXmlError(response);
                return SendGridXml.Transcode(response.Body, asArray: false, SendGridRowsReader.ReadAggregate);
        }
    }

    /// <summary>The error envelope of a body in either format, or null when it is not one.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        return response.Kind() switch
        {
            BodyKind.Xml => SendGridXml.ReadError(response.Body),
            BodyKind.JsonObject => ReadJsonError(response),
            _ => null,
        };
    }

    private static List<T> ReadList<T>(ProviderResponse response, SpanParser<List<T>?> parse, Func<ResponseBody, List<T>?> readXml)
    {
        List<T>? list;
        switch (Sniff(response))
        {
            case Format.Json:
                if (response.Kind() != BodyKind.JsonArray && ReadError(response) is { } error)
                {
                    throw response.ApiError(error);
                }

                list = parse(response.RequireJson(JsonValueKind.Array, "a JSON array").Span);
                break;
            default:
                ThrowIfXmlError(response);
                list = readXml(response.Body);
                break;
        }

        return response.WithoutNulls(list, "the list");
    }

    private static void ThrowIfXmlError(ProviderResponse response)
    {
        if (SendGridXml.IsErrorRoot(SendGridXml.RootName(response.Body)))
        {
            throw SendGridXml.ReadError(response.Body) is { } error
                ? response.ApiError(error)
                : response.Unreadable("the XML root is a result without statistics");
        }
    }

    private static Format Sniff(ProviderResponse response) => response.Kind() switch
    {
        BodyKind.Empty => throw response.Unreadable("the body is empty"),
        BodyKind.JsonArray or BodyKind.JsonObject => Format.Json,
        BodyKind.Html => throw response.Unreadable("the body is an HTML page, not a SendGrid answer"),
        BodyKind.Xml => Format.Xml,
        _ => throw response.Unreadable("the body is neither JSON nor XML"),
    };

    private static ProviderError? ReadJsonError(ProviderResponse response)
    {
        // {"errors": [...]} and {"error": ...} mark an error whatever they hold; {"message": "error"} marks one too, and
        // any other top-level message but "success" is the error's text when the envelope holds no other.
        return response.ReadJsonError(static (root, error) =>
        {
            var marked = false;
            foreach (var name in (ReadOnlySpan<string>)["errors", "error"])
            {
                if (root.TryGetProperty(name, out var entries))
                {
                    marked = true;
                    error.AddEntry(entries, "code");
                }
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                && message.GetString()!.Trim() is var text && text is not ("" or "success"))
            {
                marked = true;
                if (text != "error" && !error.HasMessages)
                {
                    error.AddMessage(message);
                }
            }

            return marked;
        });
    }

    /// <summary>Reads a whole JSON body (the answer, or the XML transcoded to JSON).</summary>
    internal delegate T SpanParser<out T>(ReadOnlySpan<byte> json);

    private enum Format
    {
        Json,
        Xml,
    }
}
