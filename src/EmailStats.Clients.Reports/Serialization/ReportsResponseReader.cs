using System.Text.Json.Serialization.Metadata;

namespace EmailStats.Clients.Reports.Serialization;

/// <summary>
/// Reads Reports answers: every success body is one JSON object (whatever the Content-Type says), and the error
/// envelope <c>{"errors":[{"errorType":"...","message":"..."}]}</c> is recognised whatever the HTTP status.
/// </summary>
internal static class ReportsResponseReader
{
    public static ReportsDashboard ReadDashboard(ProviderResponse response) =>
        ReadObject(response, ReportsJsonContext.Default.ReportsDashboard, "the dashboard object");

    public static EmailOverallReport ReadEmailOverall(ProviderResponse response) =>
        ReadObject(response, ReportsJsonContext.Default.EmailOverallReport, "the overall report object");

    public static ReportHistogram ReadHistogram(ProviderResponse response) =>
        ReadObject(response, "a histogram object", static json => ReportsReaders.ReadHistogram(json));

    public static CampaignReport ReadCampaignReport(ProviderResponse response) =>
        ReadObject(response, "the campaign report object", static json => ReportsReaders.ReadCampaignReport(json));

    public static CampaignPage ReadCampaignPage(ProviderResponse response)
    {
        var page = ReadObject(response, ReportsJsonContext.Default.CampaignPage, "a page of campaigns");
        if (page.Records is null)
        {
            throw response.Unreadable("a page of campaigns has no records array");
        }

        response.WithoutNulls(page.Records, "the page's records");
        return page;
    }

    /// <summary>The error envelope of a body, or null when the body is not one.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        return response.ReadJsonError(static (root, error) =>
        {
            var marked = false;
            if (root.TryGetProperty("errors", out var errors))
            {
                marked = true;
                error.AddEntry(errors, "errorType");
            }

            if (root.TryGetProperty("errorType", out _))
            {
                marked = true;
                error.AddEntry(root, "errorType");
            }
            else if (!marked && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                // A gateway's {"message":"..."} on an error status: keep its text, no code.
                error.AddMessage(message);
                marked = error.HasMessages;
            }

            return marked;
        });
    }

    private static T ReadObject<T>(ProviderResponse response, JsonTypeInfo<T> typeInfo, string what)
        where T : class =>
        ReadObject(response, what, json => JsonSerializer.Deserialize(json, typeInfo)) ?? throw response.Unreadable($"expected {what}");

    /// <summary>The body as one JSON object read by <paramref name="read"/>, after the error envelope check.</summary>
    private static T ReadObject<T>(ProviderResponse response, string what, Func<ReadOnlySpan<byte>, T> read)
    {
        var body = response.RequireJson(JsonValueKind.Object, what);
        if (JsonProbe.HasTopLevelProperty(body.Span, "errors") && ReadError(response) is { } error)
        {
            throw response.ApiError(error);
        }

        return read(body.Span);
    }
}
