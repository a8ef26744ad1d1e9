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
    public int DaysWritten => Sources.Sum(s => s.DaysWritten);

    /// <summary>Days read again and found as stored.</summary>
    public int DaysUnchanged => Sources.Sum(s => s.DaysUnchanged);

    /// <summary>Accounts and sources that failed.</summary>
    public int Errors => Accounts.Count(a => a.Error is not null) + Sources.Count(s => s.Error is not null);

    /// <summary>The run as the JSON the store keeps.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("run_id", RunId);
            json.WriteString("started_at", StartedAt);
            json.WriteString("finished_at", FinishedAt);
            json.WriteStartArray("accounts");
            foreach (var account in Accounts)
            {
                json.WriteStartObject();
                json.WriteString("account", account.Account);
                json.WriteString("provider", account.Provider);
                json.WriteNumber("sources", account.Sources);
                json.WriteString("error", account.Error);
                json.WriteNumber("duration_ms", (long)account.Duration.TotalMilliseconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var source in Sources)
            {
                json.WriteStartObject();
                json.WriteString("source", source.SourceId);
                json.WriteString("account", source.Account);
                json.WriteString("from", source.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("to", source.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumber("days_written", source.DaysWritten);
                json.WriteNumber("days_unchanged", source.DaysUnchanged);
                json.WriteString("error", source.Error);
                json.WriteNumber("duration_ms", (long)source.Duration.TotalMilliseconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a run the store kept.</summary>
    /// <param name="json">The JSON <see cref="ToJson"/> wrote.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">Not a run report.</exception>
    public static SyncRunReport FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static DateOnly? Day(JsonElement e, string name) => Text(e, name) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new SyncRunReport
        {
            RunId = root.GetProperty("run_id").GetString()!,
            StartedAt = root.GetProperty("started_at").GetDateTimeOffset(),
            FinishedAt = root.GetProperty("finished_at").GetDateTimeOffset(),
            Accounts = [.. root.GetProperty("accounts").EnumerateArray().Select(a => new AccountRunReport(
                a.GetProperty("account").GetString()!,
                Text(a, "provider"),
                a.GetProperty("sources").GetInt32(),
                Text(a, "error"),
                TimeSpan.FromMilliseconds(a.GetProperty("duration_ms").GetInt64())))],
            Sources = [.. root.GetProperty("sources").EnumerateArray().Select(s => new SourceRunReport(
                s.GetProperty("source").GetString()!,
                s.GetProperty("account").GetString()!,
                Day(s, "from"),
                Day(s, "to"),
                s.GetProperty("days_written").GetInt32(),
                s.GetProperty("days_unchanged").GetInt32(),
                Text(s, "error"),
                TimeSpan.FromMilliseconds(s.GetProperty("duration_ms").GetInt64())))],
        };
    }
}

/// <summary>One account in a run.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Provider">Its provider; null when not configured.</param>
/// <param name="Sources">The sources it had this run (configured and discovered).</param>
/// <param name="Error">Why it was not synced (invalid settings, a listing call that failed); null when it was.</param>
/// <param name="Duration">How long its work took.</param>
public sealed record AccountRunReport(string Account, string? Provider, int Sources, string? Error, TimeSpan Duration);

/// <summary>One source in a run.</summary>
/// <param name="SourceId">The source's stable id.</param>
/// <param name="Account">Its account.</param>
/// <param name="From">The first day read; null when nothing was read.</param>
/// <param name="To">The last day read; null when nothing was read.</param>
/// <param name="DaysWritten">Days inserted or changed.</param>
/// <param name="DaysUnchanged">Days read again and found as stored.</param>
/// <param name="Error">Why it failed (one line, without a secret); null when it did not.</param>
/// <param name="Duration">How long it took.</param>
public sealed record SourceRunReport(string SourceId, string Account, DateOnly? From, DateOnly? To, int DaysWritten, int DaysUnchanged, string? Error, TimeSpan Duration);

/// <summary>How far a run is.</summary>
/// <param name="SourcesDone">Sources finished (synced or failed).</param>
/// <param name="SourcesKnown">Sources known so far (discovery adds to them as accounts are listed).</param>
/// <param name="Current">The source just finished.</param>
public readonly record struct SyncProgress(int SourcesDone, int SourcesKnown, string? Current);
