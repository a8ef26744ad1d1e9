using System.Text.Json.Serialization;

namespace EmailStats.Clients.Sync;

/// <summary>
/// What one run did (DESIGN.md section 9.2), per account and per source: days written, days unchanged, errors,
/// duration. The store keeps it as the run log.
/// </summary>
public sealed record SyncRunReport
{
    /// <summary>The run's id (unique).</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Each account: its sources, or why it was not synced.</summary>
    public IReadOnlyList<AccountRunReport> Accounts { get; init; } = [];

    /// <summary>Each source of the synced accounts.</summary>
    public IReadOnlyList<SourceRunReport> Sources { get; init; } = [];

    /// <summary>Days inserted or changed, over every source.</summary>
    [JsonIgnore]
    public int DaysWritten => Sources.Sum(s => s.DaysWritten);

    /// <summary>Days read again and found as stored.</summary>
    [JsonIgnore]
    public int DaysUnchanged => Sources.Sum(s => s.DaysUnchanged);

    /// <summary>Accounts and sources that failed.</summary>
    [JsonIgnore]
    public int Errors => Accounts.Count(a => a.Error is not null) + Sources.Count(s => s.Error is not null);

    /// <summary>The run as the JSON the store keeps (snake_case names, durations in milliseconds).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, SyncRunJsonContext.Default.SyncRunReport);

    /// <summary>Reads a run the store kept.</summary>
    /// <param name="json">The JSON <see cref="ToJson"/> wrote.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">Not a run report.</exception>
    public static SyncRunReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, SyncRunJsonContext.Default.SyncRunReport) ?? throw new JsonException("A run report is an object, not null.");
}

/// <summary>One account in a run.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Provider">Its provider; null when not configured.</param>
/// <param name="Sources">The sources it had this run (configured and discovered).</param>
/// <param name="Error">Why it was not synced (invalid settings, a listing call that failed); null when it was.</param>
/// <param name="Duration">How long its work took.</param>
public sealed record AccountRunReport(
    string Account,
    string? Provider,
    int Sources,
    string? Error,
    [property: JsonPropertyName("duration_ms"), JsonConverter(typeof(MillisecondsConverter))] TimeSpan Duration);

/// <summary>One source in a run.</summary>
/// <param name="SourceId">The source's stable id.</param>
/// <param name="Account">Its account.</param>
/// <param name="From">The first day read; null when nothing was read.</param>
/// <param name="To">The last day read; null when nothing was read.</param>
/// <param name="DaysWritten">Days inserted or changed.</param>
/// <param name="DaysUnchanged">Days read again and found as stored.</param>
/// <param name="Error">Why it failed (one line, without a secret); null when it did not.</param>
/// <param name="Duration">How long it took.</param>
public sealed record SourceRunReport(
    [property: JsonPropertyName("source")] string SourceId,
    string Account,
    DateOnly? From,
    DateOnly? To,
    int DaysWritten,
    int DaysUnchanged,
    string? Error,
    [property: JsonPropertyName("duration_ms"), JsonConverter(typeof(MillisecondsConverter))] TimeSpan Duration);

/// <summary>How far a run is.</summary>
/// <param name="SourcesDone">Sources finished (synced or failed).</param>
/// <param name="SourcesKnown">Sources known so far (discovery adds to them as accounts are listed).</param>
/// <param name="Current">The source just finished.</param>
public readonly record struct SyncProgress(int SourcesDone, int SourcesKnown, string? Current);

/// <summary>The run log's JSON: snake_case names, as the store has always kept it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyncRunReport))]
internal sealed partial class SyncRunJsonContext : JsonSerializerContext;

/// <summary>A duration as whole milliseconds.</summary>
internal sealed class MillisecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromMilliseconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((long)value.TotalMilliseconds);
}
