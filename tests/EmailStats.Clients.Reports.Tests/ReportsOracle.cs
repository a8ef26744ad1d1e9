using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports.Tests;

#pragma warning disable SA1402

/// <summary>
/// The differential tests' oracle for histograms and campaign reports (<see cref="Testing.Oracle"/>): DTOs with the
/// models' property names, read by System.Text.Json with the wire names; timestamps ISO 8601 (UTC without an offset),
/// rates as numbers or strings (<c>"12.5%"</c>), missing parts as their empty form, a null list item refused, unknown
/// fields kept at every level.
/// </summary>
internal sealed class OracleHistogram
{
    private List<OraclePoint?> _points = [];

    [JsonPropertyName("start")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? Start { get; set; }

    [JsonPropertyName("end")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? End { get; set; }

    [JsonPropertyName("histogram")]
    public List<OraclePoint?>? Histogram { get => _points; set => _points = OracleLists.Clean(value); }

    [JsonPropertyName("peak")]
    public OraclePeak? Peak { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OraclePoint
{
    [JsonPropertyName("date")]
    [JsonRequired]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset Date { get; set; }

    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonPropertyName("detail")]
    public OracleDetail? Detail { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleDetail
{
    [JsonPropertyName("hard")]
    public long? Hard { get; set; }

    [JsonPropertyName("soft")]
    public long? Soft { get; set; }

    [JsonPropertyName("uniqueOpens")]
    public long? UniqueOpens { get; set; }

    [JsonPropertyName("uniqueClicks")]
    public long? UniqueClicks { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OraclePeak
{
    [JsonPropertyName("date")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? Date { get; set; }

    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? StartDate { get; set; }

    [JsonPropertyName("endDate")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? EndDate { get; set; }

    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonIgnore]
    public DateTimeOffset? PeriodStart => StartDate ?? Date;

    [JsonIgnore]
    public DateTimeOffset? PeriodEnd => EndDate ?? Date;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleCampaignReport
{
    private OracleCampaignStats? _stats;
    private List<OracleLink?> _links = [];

    [JsonPropertyName("stats")]
    public OracleCampaignStats Stats { get => _stats ?? new(); set => _stats = value; }

    [JsonPropertyName("linkActivity")]
    public List<OracleLink?>? LinkActivity { get => _links; set => _links = OracleLists.Clean(value); }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleCampaignStats
{
    private OracleEngagement? _opens, _clicks;
    private OracleCountAndRate? _hard, _soft, _total;

    [JsonPropertyName("sent")]
    public long Sent { get; set; }

    [JsonPropertyName("delivered")]
    public long Delivered { get; set; }

    [JsonPropertyName("opens")]
    public OracleEngagement Opens { get => _opens ?? new(); set => _opens = value; }

    [JsonPropertyName("clicks")]
    public OracleEngagement Clicks { get => _clicks ?? new(); set => _clicks = value; }

    [JsonPropertyName("hardBounces")]
    public OracleCountAndRate HardBounces { get => _hard ?? new(); set => _hard = value; }

    [JsonPropertyName("softBounces")]
    public OracleCountAndRate SoftBounces { get => _soft ?? new(); set => _soft = value; }

    [JsonPropertyName("totalBounces")]
    public OracleCountAndRate TotalBounces { get => _total ?? new(); set => _total = value; }

    [JsonPropertyName("complaints")]
    public long Complaints { get; set; }

    [JsonPropertyName("unsubscribes")]
    public long Unsubscribes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleEngagement
{
    [JsonPropertyName("unique")]
    public long Unique { get; set; }

    [JsonPropertyName("rate")]
    [JsonConverter(typeof(OracleRate))]
    public double Rate { get; set; }

    [JsonPropertyName("last")]
    [JsonConverter(typeof(OracleTimestamp))]
    public DateTimeOffset? Last { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleCountAndRate
{
    [JsonPropertyName("count")]
    public long Count { get; set; }

    [JsonPropertyName("rate")]
    [JsonConverter(typeof(OracleRate))]
    public double Rate { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleLink
{
    private string? _id, _path;
    private OracleLinkClicks? _clicks;

    [JsonPropertyName("id")]
    public string Id { get => _id ?? ""; set => _id = value; }

    [JsonPropertyName("path")]
    public string Path { get => _path ?? ""; set => _path = value; }

    [JsonPropertyName("clicks")]
    public OracleLinkClicks Clicks { get => _clicks ?? new(); set => _clicks = value; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal sealed class OracleLinkClicks
{
    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonPropertyName("unique")]
    public long Unique { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

internal static class OracleLists
{
    public static List<T?> Clean<T>(List<T?>? list)
        where T : class =>
        list is null ? [] : list.Contains(null) ? throw new JsonException("a null item") : list;
}

/// <summary>A rate: a number, or a string holding one (a trailing % allowed); null and an empty string are 0.</summary>
internal sealed class OracleRate : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!.Trim();
            text = text.EndsWith('%') ? text[..^1].Trim() : text;
            if (text.Length == 0)
            {
                return 0;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }
        }

        throw new JsonException("not a rate");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>An ISO 8601 timestamp string; without an offset it is UTC.</summary>
internal sealed class OracleTimestamp : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : throw new JsonException("not a timestamp");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => throw new NotSupportedException();
}
