using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.PostgreSql;

/// <summary>
/// <see cref="IComplaintStore"/> on PostgreSQL, for many hosts sharing one database. The schema is created and migrated
/// on first use, under an advisory lock. Each append is ONE statement (one round trip, its own transaction): the
/// summary row is inserted (<c>ON CONFLICT DO NOTHING</c>: a duplicate complaint inserts nothing) or updated only where
/// its version is the expected one, and the events are inserted only if that row was written, under the primary key
/// <c>(complaint_id, version)</c> — optimistic concurrency enforced by the database, with no read-then-write race. The
/// feed is ordered by the appending transaction's id, then by position, and a reader is only shown transactions older
/// than every transaction still running (<c>pg_snapshot_xmin</c>), so an append that commits late can never land behind
/// a position already read. Thread-safe; dispose it to close its connections.
/// </summary>
/// <remarks>
/// Native AOT: the store uses <see cref="NpgsqlSlimDataSourceBuilder"/> with only arrays enabled (text, integers and
/// their arrays are all it sends), which Npgsql supports under trimming and Native AOT.
/// </remarks>
public sealed class PostgreSqlComplaintStore : IComplaintStore, IAsyncDisposable, IDisposable
{
    private const string SummaryColumns =
        "complaint_id, client_id, state, version, received_at, last_event_at, priority, incident_key, assignee, next_due_at, next_due_kind, next_due_clock";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly string _insertNew;
    private readonly string _updateExisting;
    private volatile bool _ready;

    /// <summary>Creates a store.</summary>
    /// <param name="options">The connection string and schema; validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid; the message names each bad setting and what is valid.</exception>
    public PostgreSqlComplaintStore(PostgreSqlComplaintStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _schema = options.Schema;
        var builder = new NpgsqlSlimDataSourceBuilder(options.ConnectionString);
        builder.EnableArrays();
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statements over and over: let Npgsql prepare them once per connection
            // (unless the connection string says otherwise), so PostgreSQL does not parse and plan each append again.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        }

        _dataSource = builder.Build();
        string s = _schema;
        const string Events = "INSERT INTO {0}.events (complaint_id, version, data) SELECT $1, v, d FROM unnest($13::bigint[], $14::text[]) AS u(v, d) WHERE EXISTS (SELECT 1 FROM written)";
        _insertNew = $"WITH written AS (INSERT INTO {s}.complaints ({SummaryColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (complaint_id) DO NOTHING RETURNING 1) "
            + string.Format(CultureInfo.InvariantCulture, Events, s);
        _updateExisting = $"WITH written AS (UPDATE {s}.complaints SET client_id = $2, state = $3, version = $4, received_at = $5, last_event_at = $6, priority = $7, incident_key = $8, assignee = $9, next_due_at = $10, next_due_kind = $11, next_due_clock = $12 WHERE complaint_id = $1 AND version = $15 RETURNING 1) "
            + string.Format(CultureInfo.InvariantCulture, Events, s);
    }

    /// <summary>Creates a store in the default schema (<c>servicequality</c>).</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <exception cref="InvalidOptionsException">The connection string is empty or invalid.</exception>
    public PostgreSqlComplaintStore(string connectionString)
        : this(new PostgreSqlComplaintStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Gets the schema the store's tables are in.</summary>
    public string Schema => _schema;

    /// <summary>Gets the schema version this package creates (see <c>schema_versions</c> in the store's schema).</summary>
    public static int SchemaVersion => PostgreSqlSchema.LatestVersion;

    /// <summary>Creates or migrates the schema, if not done yet by this store; every operation does it on first use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    /// <exception cref="InvalidOperationException">The schema is newer than this package knows, or the database is not UTF8.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refused.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await PostgreSqlSchema.MigrateAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        using var command = CreateAppendCommand(append);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        command.Connection = connection;
        int inserted;
        try
        {
            inserted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The primary key (complaint_id, version): events another writer stored without the summary agreeing.
            throw new ComplaintConcurrencyException(append.ComplaintId, append.ExpectedVersion, await CurrentVersionAsync(connection, append.ComplaintId, cancellationToken).ConfigureAwait(false));
        }

        if (inserted == 0)
        {
            long actual = await CurrentVersionAsync(connection, append.ComplaintId, cancellationToken).ConfigureAwait(false);
            throw append.ExpectedVersion == 0
                ? new ComplaintAlreadyExistsException(append.ComplaintId, actual)
                : new ComplaintConcurrencyException(append.ComplaintId, append.ExpectedVersion, actual);
        }

        return append.NewVersion;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = _dataSource.CreateCommand($"SELECT data FROM {_schema}.events WHERE complaint_id = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = complaintId });
        var events = new List<ComplaintEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ComplaintEventSerializer.Deserialize(reader.GetString(0)));
        }

        return events;
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintStreamInfo?> GetSummaryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = _dataSource.CreateCommand($"SELECT {SummaryColumns} FROM {_schema}.complaints WHERE complaint_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = complaintId });
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSummary(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = _dataSource.CreateCommand(QuerySql(query));
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 });
        switch (query.Kind)
        {
            case ComplaintQueryKind.ByClient:
                parameters.Add(new NpgsqlParameter<string> { TypedValue = query.ClientId! });
                break;
            case ComplaintQueryKind.ByIncidentKey:
                parameters.Add(new NpgsqlParameter<string> { TypedValue = query.IncidentKey! });
                break;
            case ComplaintQueryKind.ReceivedBetween:
                parameters.Add(new NpgsqlParameter<long> { TypedValue = query.From.UtcTicks });
                parameters.Add(new NpgsqlParameter<long> { TypedValue = query.To.UtcTicks });
                break;
            case ComplaintQueryKind.DueBy:
                parameters.Add(new NpgsqlParameter<long> { TypedValue = query.To.UtcTicks });
                break;
            default:
                break;
        }

        if (query.Cursor is { } cursor)
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.SortKey.UtcTicks });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = cursor.ComplaintId });
        }

        var fetched = new List<ComplaintStreamInfo>(Math.Min(query.Limit + 1, 1024));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fetched.Add(ReadSummary(reader));
        }

        return ComplaintPage.From(query, fetched);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only events of transactions older than every transaction still running are returned
    /// (<c>transaction_id &lt; pg_snapshot_xmin(pg_current_snapshot())</c>), in (transaction id, position) order: a
    /// transaction that is still running when a reader passes can only have a larger id than any the reader returned,
    /// so it appears after them when it commits. A long transaction anywhere in the cluster holds the feed back (it
    /// never skips) until it ends.
    /// </remarks>
    public async ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > ComplaintQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be from 1 to {ComplaintQuery.MaxLimit}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var command = _dataSource.CreateCommand(
            $"SELECT transaction_id, position, data FROM {_schema}.events WHERE (transaction_id, position) > ($1, $2) AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY transaction_id, position LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Commit });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var entries = new List<ComplaintFeedEntry>(Math.Min(limit, 1024));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ComplaintFeedEntry { Position = new ComplaintFeedPosition(reader.GetInt64(0), reader.GetInt64(1)), Event = ComplaintEventSerializer.Deserialize(reader.GetString(2)) });
        }

        return new ComplaintFeedPage(after, entries);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The rows are rewritten in one transaction, then the store runs <c>VACUUM</c> on its <c>events</c> table, which
    /// removes the old row versions (unless a snapshot older than the erasure still runs: then the next (auto)vacuum
    /// does). PostgreSQL does not zero the space VACUUM frees inside a page: the old bytes stay in the data file until
    /// the space is reused. For byte-level erasure run <c>VACUUM FULL</c> on the store's <c>events</c> table (it takes
    /// an exclusive lock: a maintenance window). The write-ahead log, replicas and backups keep the old text for as
    /// long as the server's retention says.
    /// </remarks>
    public async ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int complaints;
        using (var count = new NpgsqlCommand($"SELECT count(*) FROM {_schema}.complaints WHERE client_id = $1", connection, transaction))
        {
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientId });
            complaints = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var ids = new List<string>();
        var versions = new List<long>();
        var data = new List<string>();
        using (var select = new NpgsqlCommand(
            $"SELECT e.complaint_id, e.version, e.data FROM {_schema}.events e JOIN {_schema}.complaints c ON c.complaint_id = e.complaint_id WHERE c.client_id = $1 ORDER BY e.complaint_id, e.version FOR UPDATE OF e",
            connection,
            transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientId });
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var e = ComplaintEventSerializer.Deserialize(reader.GetString(2));
                var copy = e.WithPersonalDataErased();
                if (!copy.Equals(e))
                {
                    ids.Add(reader.GetString(0));
                    versions.Add(reader.GetInt64(1));
                    data.Add(ComplaintEventSerializer.Serialize(copy));
                }
            }
        }

        if (ids.Count > 0)
        {
            using var update = new NpgsqlCommand(
                $"UPDATE {_schema}.events e SET data = u.d FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(id, v, d) WHERE e.complaint_id = u.id AND e.version = u.v",
                connection,
                transaction);
            update.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ids] });
            update.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. versions] });
            update.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. data] });
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            // The updated rows' old versions stay in the table's pages until VACUUM removes them.
            using var vacuum = new NpgsqlCommand($"VACUUM {_schema}.events", connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ComplaintErasure { ClientId = clientId, Complaints = complaints, EventsErased = ids.Count };
    }

    /// <summary>Closes the store's connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initialization.Dispose();
    }

    /// <summary>Closes the store's connections.</summary>
    public void Dispose()
    {
        _dataSource.Dispose();
        _initialization.Dispose();
    }

    /// <summary>The one statement of an append (its connection unset): for the store, and for tests that run it inside their own transaction.</summary>
    internal NpgsqlCommand CreateAppendCommand(ComplaintAppend append)
    {
        var events = append.Events;
        long[] versions = new long[events.Count];
        string[] data = new string[events.Count];
        for (int i = 0; i < data.Length; i++)
        {
            versions[i] = events[i].Version;
            data[i] = ComplaintEventSerializer.Serialize(events[i]);
        }

        var s = append.Summary;
        var command = new NpgsqlCommand(append.ExpectedVersion == 0 ? _insertNew : _updateExisting);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = s.ComplaintId });
        p.Add(new NpgsqlParameter<string> { TypedValue = s.ClientId });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)s.State });
        p.Add(new NpgsqlParameter<long> { TypedValue = s.Version });
        p.Add(new NpgsqlParameter<long> { TypedValue = s.ReceivedAt.UtcTicks });
        p.Add(new NpgsqlParameter<long> { TypedValue = s.LastEventAt.UtcTicks });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)s.Priority });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.IncidentKey ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.Agent ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = s.NextDue is { } due ? due.At.UtcTicks : DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = s.NextDue is { } kind ? (int)kind.Kind : DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = s.NextDue?.Clock is { } clock ? (int)clock : DBNull.Value });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = versions });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = data });
        if (append.ExpectedVersion != 0)
        {
            p.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion });
        }

        return command;
    }

    /// <summary>The SQL of a query ($1 the limit + 1, then the query's arguments, then the cursor's two): an index range after the cursor; a set of states merges one range a state.</summary>
    internal string QuerySql(ComplaintQuery query)
    {
        int arguments = query.Kind switch
        {
            ComplaintQueryKind.InStates => 0,
            ComplaintQueryKind.ReceivedBetween => 2,
            _ => 1,
        };
        string sortKey = query.Kind == ComplaintQueryKind.DueBy ? "next_due_at" : "received_at";
        string after = query.Cursor is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" AND ({sortKey}, complaint_id) > (${arguments + 2}, ${arguments + 3})");
        string order = $" ORDER BY {sortKey}, complaint_id LIMIT $1";
        string select = $"SELECT {SummaryColumns} FROM {_schema}.complaints WHERE ";
        return query.Kind switch
        {
            ComplaintQueryKind.ByClient => select + "client_id = $2" + after + order,
            ComplaintQueryKind.ByIncidentKey => select + "incident_key = $2" + after + order,
            ComplaintQueryKind.ReceivedBetween => select + "received_at >= $2 AND received_at < $3" + after + order,
            ComplaintQueryKind.DueBy => select + "next_due_at IS NOT NULL AND next_due_at <= $2" + after + order,
            _ => "SELECT * FROM (" + string.Join(
                " UNION ALL ",
                query.States.Select(s => string.Create(CultureInfo.InvariantCulture, $"({select}state = {(int)s}{after}{order})"))) + ") AS merged" + order,
        };
    }

    private static ComplaintStreamInfo ReadSummary(NpgsqlDataReader reader) => new()
    {
        ComplaintId = reader.GetString(0),
        ClientId = reader.GetString(1),
        State = (ComplaintState)reader.GetInt32(2),
        Version = reader.GetInt64(3),
        ReceivedAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        LastEventAt = new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
        Priority = (Priority)reader.GetInt32(6),
        IncidentKey = reader.IsDBNull(7) ? null : reader.GetString(7),
        Agent = reader.IsDBNull(8) ? null : reader.GetString(8),
        NextDue = reader.IsDBNull(9)
            ? null
            : new ComplaintDue { At = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero), Kind = (ComplaintDueKind)reader.GetInt32(10), Clock = reader.IsDBNull(11) ? null : (SlaClockKind)reader.GetInt32(11) },
    };

    private async Task<long> CurrentVersionAsync(NpgsqlConnection connection, string complaintId, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"SELECT version FROM {_schema}.complaints WHERE complaint_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = complaintId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private ValueTask EnsureReadyAsync(CancellationToken cancellationToken) => _ready ? ValueTask.CompletedTask : new ValueTask(InitializeAsync(cancellationToken));
}
