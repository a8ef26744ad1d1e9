using System.Buffers;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// GetResponse API 1.5 JSON-RPC: <c>get_message_stats</c> POSTed to the endpoint itself, for the account's messages
/// (<see cref="JsonRpcMessagesSandboxData"/>). Errors are JSON-RPC <c>error</c> members with HTTP 200, as GetResponse
/// answers them: -32700 parse error, -32600 invalid request, -32601 unknown method, -32602 invalid params,
/// -1 for the API's own refusals (wrong key, unknown message). A request without an id is a notification: 204.
/// </summary>
internal sealed class JsonRpcMessagesSandboxHost : SandboxProviderHost
{
    private const string Method = "get_message_stats";
    private const string HashParams = "Attribute params must be reference to hash";

    private readonly SandboxRegistry _accounts;

    public JsonRpcMessagesSandboxHost(SandboxRegistry accounts)
    {
        _accounts = accounts;
    }

    public override EmailStatsProvider Provider => EmailStatsProvider.JsonRpcMessages;

    public override string Prefix => "/getresponse";

    /// <summary>The GetResponse root except its v3 REST paths, which the v3 host serves.</summary>
    public override bool Serves(string path) => base.Serves(path) && !IsV3(path);

    /// <summary>The account of the call's first param, when the body is a call with one.</summary>
    public override SandboxAccount? Identify(SandboxRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Body ?? "");
            return document.RootElement is { ValueKind: JsonValueKind.Object } call
                && call.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Array
                && parameters.GetArrayLength() > 0 && parameters[0].ValueKind == JsonValueKind.String
                ? _accounts.Find<GetResponseSandboxAccount>(parameters[0].GetString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override SandboxResponse Handle(SandboxRequest request, SandboxAccount? account)
    {
        if (request.Path != "/")
        {
            return Error(HttpStatusCode.NotFound, $"Unknown endpoint {request.Method} {request.Path}: JSON-RPC calls are POSTed to the endpoint itself");
        }

        if (request.Method != "POST")
        {
            return Error(HttpStatusCode.MethodNotAllowed, "JSON-RPC calls are POSTed", [new("Allow", "POST")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body ?? "");
        }
        catch (JsonException)
        {
            return Rpc(null, -32700, "Parse error");
        }

        using (document)
        {
            return Call(document.RootElement, account as GetResponseSandboxAccount);
        }
    }

    public override SandboxResponse Error(HttpStatusCode status, string message, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        Rpc(null, -1, message, status: status, headers: headers);

    private static SandboxResponse Call(JsonElement call, GetResponseSandboxAccount? account)
    {
        if (call.ValueKind != JsonValueKind.Object)
        {
            return Rpc(null, -32600, "Invalid Request", call.ValueKind == JsonValueKind.Array ? "Batch requests are not supported" : "The request must be an object");
        }

        var hasId = call.TryGetProperty("id", out var idElement);
        var id = hasId && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String ? idElement.GetRawText() : null;
        if (hasId && id is null && idElement.ValueKind != JsonValueKind.Null)
        {
            return Rpc(null, -32600, "Invalid Request", "id must be a number or a string");
        }

        if (!call.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0"
            || !call.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            return Rpc(id, -32600, "Invalid Request", "jsonrpc must be \"2.0\" and method a string");
        }

        if (!hasId)
        {
            // A notification: the server does the call and answers nothing.
            return SandboxResponse.NoContent();
        }

        if (method.GetString() != Method)
        {
            return Rpc(id, -32601, "Method not found");
        }

        if (!call.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return Rpc(id, -32602, "Invalid params", "params must be an array: the API key, then the conditions");
        }

        if (parameters.GetArrayLength() == 0 || account is null)
        {
            return Rpc(id, -1, "API key verification failed");
        }

        if (parameters.GetArrayLength() != 2 || parameters[1].ValueKind != JsonValueKind.Object)
        {
            return Rpc(id, -32602, "Invalid params", HashParams);
        }

        var (conditions, problem) = ReadConditions(parameters[1]);
        if (conditions is null)
        {
            return Rpc(id, -32602, "Invalid params", problem);
        }

        if (!account.Messages.TryGetActivity(conditions.Message, out var hours))
        {
            return Rpc(id, -1, "Missing message");
        }

        return Ok(id, writer => WritePeriods(writer, hours, conditions));
    }

    /// <summary>
    /// The <c>get_message_stats</c> conditions. <c>created_on</c> narrows by the recipients' contact creation date, as
    /// API 1.5 documents it, not by the period of the activity: the sandbox's recipients signed up evenly over the
    /// <see cref="SignUpDays"/> days before the send day, so a condition keeps that share of every counter.
    /// </summary>
    private sealed record Conditions(string Message, string Grouping, DateOnly? From, DateOnly? To, DateOnly? At)
    {
        public const int SignUpDays = 365;

        public bool Includes(DateOnly day) => (From is not { } from || day >= from) && (To is not { } to || day <= to) && (At is not { } at || day == at);

        /// <summary>The share of a message's recipients whose contacts were created on a day the conditions include.</summary>
        public double RecipientShare(DateOnly sendDay)
        {
            if (From is null && To is null && At is null)
            {
                return 1;
            }

            var included = 0;
            for (var day = sendDay.AddDays(-SignUpDays); day < sendDay; day = day.AddDays(1))
            {
                included += Includes(day) ? 1 : 0;
            }

            return included / (double)SignUpDays;
        }
    }

    /// <summary>The <c>get_message_stats</c> conditions, or the reason they are not valid.</summary>
    private static (Conditions? Conditions, string? Problem) ReadConditions(JsonElement hash)
    {
        string? message = null;
        var grouping = "daily";
        DateOnly? from = null, to = null, at = null;
        foreach (var attribute in hash.EnumerateObject())
        {
            switch (attribute.Name)
            {
                case "message" when attribute.Value.ValueKind == JsonValueKind.String && attribute.Value.GetString() is { Length: > 0 } id:
                    message = id;
                    break;
                case "message":
                    return Invalid("Attribute message must be a MESSAGE_ID string");
                case "grouping" when attribute.Value.ValueKind == JsonValueKind.String
                    && attribute.Value.GetString() is "hourly" or "daily" or "monthly" or "yearly":
                    grouping = attribute.Value.GetString()!;
                    break;
                case "grouping":
                    return Invalid("Attribute grouping must be one of hourly, daily, monthly, yearly");
                case "created_on" when attribute.Value.ValueKind == JsonValueKind.Object:
                    foreach (var condition in attribute.Value.EnumerateObject())
                    {
                        if (condition.Name is not ("FROM" or "TO" or "AT"))
                        {
                            return Invalid($"Attribute created_on has an unknown time operator {condition.Name}: use FROM, TO or AT");
                        }

                        if (condition.Value.ValueKind != JsonValueKind.String
                            || !DateOnly.TryParseExact(condition.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            return Invalid($"Attribute created_on.{condition.Name} must be a date in YYYY-MM-DD format");
                        }

                        from = condition.Name == "FROM" ? date : from;
                        to = condition.Name == "TO" ? date : to;
                        at = condition.Name == "AT" ? date : at;
                    }

                    break;
                case "created_on":
                    return Invalid("Attribute created_on must be reference to hash");
                default:
                    return Invalid($"Unknown attribute {attribute.Name}");
            }
        }

        return message is null ? Invalid("Attribute message is required") : (new Conditions(message, grouping, from, to, at), null);

        static (Conditions?, string?) Invalid(string problem) => (null, problem);
    }

    /// <summary>The result: one member per period with activity, chronological, each the sum of the message's hours in it (narrowed to the recipients the conditions keep).</summary>
    private static void WritePeriods(Utf8JsonWriter writer, IReadOnlyList<JsonRpcMessagesSandboxHour> hours, Conditions conditions)
    {
        var format = conditions.Grouping switch
        {
            "hourly" => "yyyy-MM-dd HH",
            "monthly" => "yyyy-MM",
            "yearly" => "yyyy",
            _ => "yyyy-MM-dd",
        };

        writer.WriteStartObject();
        string? key = null;
        var sums = new long[JsonRpcMessagesSandboxData.CounterNames.Length];
        var share = hours.Count == 0 ? 1 : conditions.RecipientShare(DateOnly.FromDateTime(hours[0].Hour));
        foreach (var hour in hours)
        {
            var hourKey = hour.Hour.ToString(format, CultureInfo.InvariantCulture);
            if (hourKey != key)
            {
                WritePeriod(writer, key, sums);
                key = hourKey;
                Array.Clear(sums);
            }

            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += share == 1 ? hour.Counters[i] : (long)Math.Round(hour.Counters[i] * share);
            }
        }

        WritePeriod(writer, key, sums);
        writer.WriteEndObject();
    }

    /// <summary>One period; like GetResponse, none when no counter is positive ("present only if it has at least one positive value").</summary>
    private static void WritePeriod(Utf8JsonWriter writer, string? key, long[] counters)
    {
        if (key is null || !Array.Exists(counters, c => c > 0))
        {
            return;
        }

        writer.WriteStartObject(key);
        for (var i = 0; i < counters.Length; i++)
        {
            writer.WriteNumber(JsonRpcMessagesSandboxData.CounterNames[i], counters[i]);
        }

        writer.WriteEndObject();
    }

    /// <summary>A success: <c>{"jsonrpc":"2.0","id":...,"result":...}</c>, the id exactly as the request sent it.</summary>
    private static SandboxResponse Ok(string? id, Action<Utf8JsonWriter> writeResult) =>
        Envelope(id, HttpStatusCode.OK, null, writer =>
        {
            writer.WritePropertyName("result");
            writeResult(writer);
        });

    /// <summary>A refusal: <c>{"jsonrpc":"2.0","id":...,"error":{"code":...,"message":...,"data":...}}</c>, HTTP 200 unless told.</summary>
    private static SandboxResponse Rpc(
        string? id,
        int code,
        string message,
        string? data = null,
        HttpStatusCode status = HttpStatusCode.OK,
        IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        Envelope(id, status, headers, writer =>
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (data is not null)
            {
                writer.WriteString("data", data);
            }

            writer.WriteEndObject();
        });

    private static SandboxResponse Envelope(string? id, HttpStatusCode status, IEnumerable<KeyValuePair<string, string>>? headers, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(id, skipInputValidation: true);
            }

            write(writer);
            writer.WriteEndObject();
        }

        return SandboxResponse.Create(status, SandboxResponse.Json, Encoding.UTF8.GetString(buffer.WrittenSpan), headers);
    }
}
