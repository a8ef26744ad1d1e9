namespace EmailStats.Clients.GetResponse.Serialization;

/// <summary>
/// Reads GetResponse v3 statistics answers in one <see cref="Utf8JsonReader"/> pass straight into the immutable models:
/// a JSON array of <c>{"timeInterval","sent","totalOpened",...}</c>, with the paging headers. Counters as numbers or
/// numeric strings (GetResponse's own examples quote them), the documented misspelling <c>unsubsribed</c>, unknown fields
/// kept; a <c>timeInterval</c> that is not an ISO 8601 interval, a fraction or text for a counter, a null element are a
/// typed refusal. The error envelope <c>{"httpStatus","code","codeDescription","message","moreInfo","context","uuid"}</c>
/// is an error whatever the HTTP status.
/// </summary>
internal static class GetResponseResponseReader
{
    public static GetResponseStatsPage ReadPage(ProviderResponse response)
    {
        if (response.Kind() == BodyKind.JsonObject && ReadError(response) is { } error)
        {
            throw response.ApiError(error);
        }

        var json = response.RequireJson(JsonValueKind.Array, "a JSON array of statistics");
        var reader = LenientJsonReader.Create(json.Span);
        reader.Read();
        var items = LenientJsonReader.ReadItems(ref reader, ReadPeriod);

        return new GetResponseStatsPage
        {
            Items = items.AsReadOnly(),
            CurrentPage = (int?)Header(response, "CurrentPage"),
            TotalPages = (int?)Header(response, "TotalPages"),
            TotalCount = Header(response, "TotalCount"),
        };
    }

    /// <summary>The error envelope, or null when the body is not one: its code, its message and the context's details.</summary>
    public static ProviderError? ReadError(ProviderResponse response)
    {
        return response.ReadJsonError(static (root, error) =>
        {
            if (!root.TryGetProperty("httpStatus", out _) && !root.TryGetProperty("codeDescription", out _))
            {
                return false;
            }

            if (root.TryGetProperty("code", out var code))
            {
                error.AddCode(code);
            }

            if (root.TryGetProperty("message", out var message))
            {
                error.AddMessage(message);
            }

            if (root.TryGetProperty("context", out var context))
            {
                if (context.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in context.EnumerateObject())
                    {
                        error.AddMessage($"{property.Name}: {Text(property.Value)}");
                    }
                }
                else if (context.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in context.EnumerateArray())
                    {
                        error.AddMessage(Text(item));
                    }
                }
            }

            if (!error.HasMessages && root.TryGetProperty("codeDescription", out var description))
            {
                error.AddMessage(description);
            }

            return true;
        });

        static string Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
            _ => value.GetRawText(),
        };
    }

    private static GetResponseStatsPeriod ReadPeriod(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException("The statistics list holds a null element.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A statistics element must be an object, not {reader.TokenType}.");
        }

        GetResponseTimeInterval? interval = null;
        var counters = default(JsonCounters);
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("timeInterval"u8))
            {
                LenientJsonReader.Next(ref reader);
                interval = TryReadInterval(ref reader, out var parsed)
                    ? parsed
                    : throw new JsonException("A 'timeInterval' is not an ISO 8601 interval of a start and a duration (such as 2014-09-20T00:00:00+0000/P1D).");
                continue;
            }

            if (!counters.TryRead(ref reader, Counters, "counter"))
            {
                LenientJsonReader.Keep(ref reader, ref extra);
            }
        }

        return new GetResponseStatsPeriod
        {
            TimeInterval = interval ?? throw new JsonException("A statistics element has no 'timeInterval'."),
            Sent = counters[0],
            TotalOpened = counters[1],
            TotalHumanOpened = counters[2],
            UniqueOpened = counters[3],
            UniqueHumanOpened = counters[4],
            TotalClicked = counters[5],
            TotalHumanClicked = counters[6],
            UniqueClicked = counters[7],
            UniqueHumanClicked = counters[8],
            Goals = counters[9],
            UniqueGoals = counters[10],
            Forwarded = counters[11],
            Unsubscribed = counters[12],
            Bounced = counters[13],
            Complaints = counters[14],
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    /// <summary>The interval, parsed from the JSON string's characters without a string (an escaped or long one through a string).</summary>
    private static bool TryReadInterval(ref Utf8JsonReader reader, out GetResponseTimeInterval interval)
    {
        interval = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 96)
        {
            return GetResponseTimeInterval.TryParse(reader.GetString(), out interval);
        }

        Span<char> chars = stackalloc char[reader.ValueSpan.Length];
        var count = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        return GetResponseTimeInterval.TryParse(chars[..count], out interval);
    }

    /// <summary>The counters in the order of the schema; GetResponse's documented examples spell "unsubscribed" "unsubsribed".</summary>
    private static readonly JsonPropertyNames Counters = new(
        [
            "sent", "totalOpened", "totalHumanOpened", "uniqueOpened", "uniqueHumanOpened", "totalClicked", "totalHumanClicked", "uniqueClicked",
            "uniqueHumanClicked", "goals", "uniqueGoals", "forwarded", "unsubscribed", "bounced", "complaints",
        ],
        ("unsubsribed", 12));

    /// <summary>A page of <c>GET newsletters</c>: a JSON array, and the page count of the <c>TotalPages</c> header.</summary>
    public static (List<GetResponseNewsletter> Items, long? TotalPages) ReadNewsletters(ProviderResponse response) =>
        (ListingJson.ReadItems(response, null, "newsletter", static item => new GetResponseNewsletter
        {
            NewsletterId = ListingJson.Required(item, "newsletterId", "newsletter"),
            Name = ListingJson.String(item, "name"),
            Subject = ListingJson.String(item, "subject"),
            Type = ListingJson.String(item, "type"),
            Status = ListingJson.String(item, "status"),
            SendOn = ListingJson.String(item, "sendOn"),
            CreatedOn = ListingJson.String(item, "createdOn"),
            CampaignId = item.TryGetProperty("campaign", out var campaign) && campaign.ValueKind == JsonValueKind.Object ? ListingJson.String(campaign, "campaignId") : null,
            AdditionalData = ListingJson.Rest(item, "newsletterId", "name", "subject", "type", "status", "sendOn", "createdOn", "campaign"),
        }), Header(response, "TotalPages"));

    private static long? Header(ProviderResponse response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value <= int.MaxValue
            ? value
            : null;
}
