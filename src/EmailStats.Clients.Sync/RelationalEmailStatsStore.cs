using EmailStats.Clients.Sync.Store;

namespace EmailStats.Clients.Sync;

/// <summary>
/// The store on a relational database, written once for <see cref="SqliteEmailStatsStore"/> and the PostgreSQL store
/// (their SQL meets in <c>ON CONFLICT</c> upserts and standard types): a versioned, forward-only schema created and
/// migrated by <see cref="InitializeAsync"/>, a source's days and checkpoint in one transaction, the run log as JSON.
/// Every driver failure becomes <see cref="EmailStatsStoreException"/>; a busy database or a write that lost a conflict
/// to another worker is tried again whole. The stores of this family derive from it; it is not meant to be derived from
/// elsewhere.
/// </summary>
public abstract class RelationalEmailStatsStore : IEmailStatsStore
{
    private const string Columns = "sent, delivered, opens, unique_opens, clicks, unique_clicks, bounces, hard_bounces, soft_bounces, complaints, unsubscribes";

    private static readonly EmailMetric[] Metrics =
    [
        EmailMetric.Sent, EmailMetric.Delivered, EmailMetric.Opens, EmailMetric.UniqueOpens, EmailMetric.Clicks, EmailMetric.UniqueClicks,
        EmailMetric.Bounces, EmailMetric.HardBounces, EmailMetric.SoftBounces, EmailMetric.Complaints, EmailMetric.Unsubscribes,
    ];

    private static readonly string[] MetricColumns = Columns.Split(", ");

    /// <summary>Days upserted by one statement (14 parameters each, far under either database's limit).</summary>
    private const int RowsPerStatement = 50;

    private static readonly string?[] Upserts = new string?[RowsPerStatement + 1];

    /// <summary>The upsert of <paramref name="rows"/> days of one source, parameters suffixed by the row's index.</summary>
    private static string Upsert(int rows) => Upserts[rows] ??=
        $"""
        INSERT INTO emailstats_days (source_id, day, {Columns}, complete, fetched_at)
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(r => $"(@source_id, @day{r}, {string.Join(", ", MetricColumns.Select(c => $"@{c}{r}"))}, @complete{r}, @fetched_at)"))}
        ON CONFLICT (source_id, day) DO UPDATE SET {string.Join(", ", MetricColumns.Select(c => $"{c} = excluded.{c}"))}, complete = excluded.complete, fetched_at = excluded.fetched_at
        """;

    private readonly StoreDialect _dialect;

    private protected RelationalEmailStatsStore(StoreDialect dialect) => _dialect = dialect;

    /// <summary>The migrations, in order: version n is the n-th. Never edit one that shipped: add the next.</summary>
    private IReadOnlyList<string> Migrations =>
    [
        $"""
        CREATE TABLE emailstats_sources (
            id TEXT NOT NULL PRIMARY KEY,
            account TEXT NOT NULL,
            provider TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NULL,
            label TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            metrics INTEGER NOT NULL,
            judging TEXT NOT NULL,
            checkpoint DATE NULL,
            updated_at {_dialect.TimestampType} NOT NULL);
        CREATE TABLE emailstats_days (
            source_id TEXT NOT NULL,
            day DATE NOT NULL,
            {string.Join(", ", MetricColumns.Select(c => c + " BIGINT NULL"))},
            complete BOOLEAN NOT NULL,
            fetched_at {_dialect.TimestampType} NOT NULL,
            PRIMARY KEY (source_id, day));
        CREATE TABLE emailstats_runs (
            id TEXT NOT NULL PRIMARY KEY,
            started_at {_dialect.TimestampType} NOT NULL,
            finished_at {_dialect.TimestampType} NOT NULL,
            report TEXT NOT NULL);
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    internal int Version => Migrations.Count;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Guard("create or migrate the schema", async () =>
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await _dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS emailstats_schema (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(await Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM emailstats_schema", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > Version)
        {
            throw new EmailStatsStoreException(_dialect.Name, $"The {_dialect.Name} store holds schema version {current}, newer than this version of EmailStats.Clients.Sync knows ({Version}): update the package.");
        }

        for (var version = current + 1; version <= Version; version++)
        {
            foreach (var statement in Migrations[version - 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await Execute(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await Execute(connection, transaction, "DELETE FROM emailstats_schema", cancellationToken).ConfigureAwait(false);
            await Execute(connection, transaction, $"INSERT INTO emailstats_schema (version) VALUES ({version.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task<DateOnly?> GetCheckpointAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        return Guard("read a checkpoint", async () =>
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(connection, null, "SELECT checkpoint FROM emailstats_sources WHERE id = @id", ("id", sourceId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : (DateOnly?)null;
        });
    }

    /// <inheritdoc />
    public Task<StoreWriteResult> WriteAsync(StoredSource source, IReadOnlyList<DailyEmailMetrics> days, DateOnly? checkpoint, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(days);
        var reported = days.Where(d => d.IsReported).ToList();
        if (reported.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{source.Id}: the day {twice.Key:yyyy-MM-dd} is given twice.", nameof(days));
        }

        var at = fetchedAt.ToUniversalTime();
        return Guard($"write the days of {source.Id}", async () =>
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await _dialect.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
            await UpsertSource(connection, transaction, source, checkpoint, at, cancellationToken).ConfigureAwait(false);
            var stored = reported.Count == 0
                ? []
                : await ReadRows(connection, transaction, source, reported.Min(d => d.Date), reported.Max(d => d.Date), cancellationToken).ConfigureAwait(false);
            var changed = reported.Where(day => !(stored.TryGetValue(day.Date, out var before) && Same(before.Metrics, day))).ToList();
            // PostgreSQL: one statement per chunk of rows, a round trip per 50 days. SQLite (in process, no round trip):
            // one prepared single-row statement whose values change, which it binds faster than one wide statement.
            var perStatement = _dialect.BatchesRows ? RowsPerStatement : 1;
            DbCommand? single = null;
            try
            {
                foreach (var chunk in changed.Chunk(perStatement))
                {
                    var upsert = single ?? Command(connection, transaction, Upsert(chunk.Length), ("source_id", source.Id), ("fetched_at", at));
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        var day = chunk[row];
                        Set(upsert, $"day{row}", day.Date);
                        for (var i = 0; i < Metrics.Length; i++)
                        {
                            Set(upsert, $"{MetricColumns[i]}{row}", day[Metrics[i]]);
                        }

                        Set(upsert, $"complete{row}", day.IsComplete);
                    }

                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (perStatement == 1)
                    {
                        single = upsert;
                    }
                    else
                    {
                        await upsert.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (single is not null)
                {
                    await single.DisposeAsync().ConfigureAwait(false);
                }
            }

            var unchanged = reported.Count - changed.Count;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new StoreWriteResult(reported.Count - unchanged, unchanged);
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSource>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        Guard("read the sources", () => ReadSources(null, cancellationToken));

    /// <summary>Every source, or the one with <paramref name="id"/>.</summary>
    private async Task<IReadOnlyList<StoredSource>> ReadSources(string? id, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = id is null
            ? Command(connection, null, "SELECT id, account, provider, kind, name, label, time_zone, metrics, judging FROM emailstats_sources ORDER BY id")
            : Command(connection, null, "SELECT id, account, provider, kind, name, label, time_zone, metrics, judging FROM emailstats_sources WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<StoredSource>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sources.Add(new StoredSource(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<EmailStatsProvider>(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                (EmailMetric)reader.GetInt32(7),
                Enum.Parse<HealthJudging>(reader.GetString(8))));
        }

        return sources;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDay>> ReadAsync(string sourceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The last day must not be before the first day.");
        }

        return Guard($"read the days of {sourceId}", async () =>
        {
            if ((await ReadSources(sourceId, cancellationToken).ConfigureAwait(false)).FirstOrDefault() is not { } source)
            {
                return (IReadOnlyList<StoredDay>)[];
            }

            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            var rows = await ReadRows(connection, null, source, from, to, cancellationToken).ConfigureAwait(false);
            return [.. rows.Values.OrderBy(r => r.Metrics.Date)];
        });
    }

    /// <inheritdoc />
    public Task WriteRunAsync(SyncRunReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Guard("write the run log", async () =>
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(
                connection,
                null,
                "INSERT INTO emailstats_runs (id, started_at, finished_at, report) VALUES (@id, @started_at, @finished_at, @report)",
                ("id", report.RunId),
                ("started_at", report.StartedAt.ToUniversalTime()),
                ("finished_at", report.FinishedAt.ToUniversalTime()),
                ("report", report.ToJson()));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRunReport>> ReadRunsAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Guard("read the run log", async () =>
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(connection, null, $"SELECT report FROM emailstats_runs ORDER BY started_at DESC, id DESC LIMIT {count.ToString(CultureInfo.InvariantCulture)}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var runs = new List<SyncRunReport>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(SyncRunReport.FromJson(reader.GetString(0)));
            }

            return (IReadOnlyList<SyncRunReport>)runs;
        });
    }

    private static async Task UpsertSource(DbConnection connection, DbTransaction transaction, StoredSource source, DateOnly? checkpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            transaction,
            """
            INSERT INTO emailstats_sources (id, account, provider, kind, name, label, time_zone, metrics, judging, checkpoint, updated_at)
            VALUES (@id, @account, @provider, @kind, @name, @label, @time_zone, @metrics, @judging, @checkpoint, @updated_at)
            ON CONFLICT (id) DO UPDATE SET account = excluded.account, provider = excluded.provider, kind = excluded.kind, name = excluded.name,
                label = excluded.label, time_zone = excluded.time_zone, metrics = excluded.metrics, judging = excluded.judging,
                checkpoint = CASE
                    WHEN excluded.checkpoint IS NULL THEN emailstats_sources.checkpoint
                    WHEN emailstats_sources.checkpoint IS NULL OR excluded.checkpoint > emailstats_sources.checkpoint THEN excluded.checkpoint
                    ELSE emailstats_sources.checkpoint END,
                updated_at = excluded.updated_at
            """,
            ("id", source.Id),
            ("account", source.Account),
            ("provider", source.Provider.ToString()),
            ("kind", source.Kind),
            ("name", source.Name),
            ("label", source.Label),
            ("time_zone", source.TimeZone),
            ("metrics", (int)source.Metrics),
            ("judging", source.Judging.ToString()),
            ("checkpoint", checkpoint),
            ("updated_at", at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<DateOnly, StoredDay>> ReadRows(DbConnection connection, DbTransaction? transaction, StoredSource source, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            transaction,
            $"SELECT day, {Columns}, complete, fetched_at FROM emailstats_days WHERE source_id = @id AND day >= @from AND day <= @to",
            ("id", source.Id),
            ("from", from),
            ("to", to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<DateOnly, StoredDay>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long? Value(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
            var date = reader.GetFieldValue<DateOnly>(0);
            var day = new DailyEmailMetrics
            {
                Provider = source.Provider.ToString(),
                Source = source.Label,
                Date = date,
                Sent = Value(1),
                Delivered = Value(2),
                Opens = Value(3),
                UniqueOpens = Value(4),
                Clicks = Value(5),
                UniqueClicks = Value(6),
                Bounces = Value(7),
                HardBounces = Value(8),
                SoftBounces = Value(9),
                Complaints = Value(10),
                Unsubscribes = Value(11),
                IsComplete = reader.GetBoolean(12),
            };
            rows[date] = new StoredDay(day, reader.GetFieldValue<DateTimeOffset>(13));
        }

        return rows;
    }

    private static bool Same(DailyEmailMetrics stored, DailyEmailMetrics fresh) =>
        stored.IsComplete == fresh.IsComplete && Metrics.All(m => stored[m] == fresh[m]);

    private async Task<T> Guard<T>(string what, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (DbException e) when (_dialect.IsTransient(e) && attempt < 5)
            {
                // The database was busy or a concurrent writer won a conflict: the transaction rolled back whole, so trying
                // again is safe.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt)).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new EmailStatsStoreException(_dialect.Name, $"The {_dialect.Name} store could not {what}: {e.Message}", e);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidCastException or ArgumentException && e is not ArgumentNullException)
            {
                throw new EmailStatsStoreException(_dialect.Name, $"The {_dialect.Name} store could not {what}: {e.Message}", e);
            }
        }
    }

    private Task Guard(string what, Func<Task> work) => Guard(what, async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    });

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            Set(command, name, value);
        }

        return command;
    }

    /// <summary>Sets a parameter, adding it the first time.</summary>
    private static void Set(DbCommand command, string name, object? value)
    {
        // Named with the '@' the SQL uses: SQLite then binds by the name as written instead of trying each prefix.
        var prefixed = "@" + name;
        var index = command.Parameters.IndexOf(prefixed);
        var parameter = index >= 0 ? command.Parameters[index] : command.CreateParameter();
        parameter.ParameterName = prefixed;
        parameter.Value = value ?? DBNull.Value;
        if (index < 0)
        {
            command.Parameters.Add(parameter);
        }
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}