using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailStats.Clients.Mailgun.Serialization;

namespace EmailStats.Clients.Mailgun.Tests;

#pragma warning disable SA1402

/// <summary>
/// The v3 stats differential test's oracle (<see cref="Testing.Oracle"/>): DTOs with the models' property names, read by
/// System.Text.Json with the wire names, <c>start</c>, <c>end</c> and <c>stats</c> required, times as RFC 2822 or epoch
/// seconds, an unknown resolution as null, failure reasons as a map, unknown fields kept at every level.
/// </summary>
internal sealed class OracleStatsResult
{
    [JsonPropertyName("start")]
    [JsonRequired]
    [JsonConverter(typeof(OracleTime))]
    public DateTimeOffset Start { get; set; }

    [JsonPropertyName("end")]
    [JsonRequired]
    [JsonConverter(typeof(OracleTime))]
    public DateTimeOffset End { get; set; }

    [JsonPropertyName("resolution")]
    [JsonConverter(typeof(OracleResolution))]
    public MailgunResolution? Resolution { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("tag")]
    public string? Tag { get; set; }

    [JsonPropertyName("stats")]
    [JsonRequired]
    public List<OracleStatsItem?>? Stats { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleStatsItem
{
    [JsonPropertyName("time")]
    [JsonConverter(typeof(OracleTime))]
    public DateTimeOffset? Time { get; set; }

    [JsonPropertyName("accepted")]
    public OracleAccepted? Accepted { get; set; }

    [JsonPropertyName("delivered")]
    public OracleDelivered? Delivered { get; set; }

    [JsonPropertyName("failed")]
    public OracleFailed? Failed { get; set; }

    [JsonPropertyName("stored")]
    public OracleTotal? Stored { get; set; }

    [JsonPropertyName("opened")]
    public OracleEngagement? Opened { get; set; }

    [JsonPropertyName("clicked")]
    public OracleEngagement? Clicked { get; set; }

    [JsonPropertyName("unsubscribed")]
    public OracleTotal? Unsubscribed { get; set; }

    [JsonPropertyName("complained")]
    public OracleTotal? Complained { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleAccepted
{
    [JsonPropertyName("incoming")]
    public long Incoming { get; set; }

    [JsonPropertyName("outgoing")]
    public long Outgoing { get; set; }

    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleDelivered
{
    [JsonPropertyName("smtp")]
    public long Smtp { get; set; }

    [JsonPropertyName("http")]
    public long Http { get; set; }

    [JsonPropertyName("optimized")]
    public long Optimized { get; set; }

    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleFailed
{
    [JsonPropertyName("temporary")]
    [JsonConverter(typeof(OracleFailureConverter))]
    public OracleFailure? Temporary { get; set; }

    [JsonPropertyName("permanent")]
    [JsonConverter(typeof(OracleFailureConverter))]
    public OracleFailure? Permanent { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleFailure
{
    public long Total { get; set; }

    public Dictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonElement> AdditionalData { get; } = new(StringComparer.Ordinal);
}

internal sealed class OracleEngagement
{
    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonPropertyName("unique")]
    public long Unique { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleTotal
{
    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary>RFC 2822 (the offset kept) or epoch seconds, as a number or a string of digits.</summary>
internal sealed class OracleTime : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
        {
            return Epoch(seconds);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!.Trim();
            if (Rfc2822.TryParse(text, out var time))
            {
                return time;
            }

            if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            {
                return Epoch(epoch);
            }
        }

        throw new JsonException("not a Mailgun time");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => throw new NotSupportedException();

    private static DateTimeOffset Epoch(long seconds)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException("epoch out of range", e);
        }
    }
}

/// <summary>hour, day or month (any case); anything else, or not a string, is null.</summary>
internal sealed class OracleResolution : JsonConverter<MailgunResolution?>
{
    public override bool HandleNull => true;

    public override MailgunResolution? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()!.ToLowerInvariant() : null;
        reader.Skip();
        return text switch
        {
            "hour" => MailgunResolution.Hour,
            "day" => MailgunResolution.Day,
            "month" => MailgunResolution.Month,
            _ => null,
        };
    }

    public override void Write(Utf8JsonWriter writer, MailgunResolution? value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>total, then every other number (or numeric string, null or empty as 0) a reason; objects, arrays and booleans kept.</summary>
internal sealed class OracleFailureConverter : JsonConverter<OracleFailure>
{
    private static readonly Testing.Oracle.Int64Converter Counter = new();

    public override OracleFailure? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("not an object");
        }

        var failure = new OracleFailure();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String or JsonTokenType.Null)
            {
                var value = Counter.Read(ref reader, typeof(long), options);
                if (name == "total")
                {
                    failure.Total = value;
                }
                else
                {
                    failure.Reasons[name] = value;
                }
            }
            else
            {
                failure.AdditionalData[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return failure;
    }

    public override void Write(Utf8JsonWriter writer, OracleFailure value, JsonSerializerOptions options) => throw new NotSupportedException();
}
