using System.Globalization;
using Microsoft.Data.Sqlite;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Sqlite;

/// <summary>
/// <see cref="IComplaintStore"/> on a SQLite file: ServiceQuality's embedded default. The schema is created and migrated
/// on first use; the file is in WAL mode, so readers never wait for the writer. Every append is one transaction that
/// takes the database's write lock: the summary row is inserted (a new complaint: the primary key refuses a duplicate)
/// or updated only where its version is the expected one, and the events are inserted under
/// <c>UNIQUE (complaint_id, version)</c>, so optimistic concurrency is the database's, not a read-then-write race —
/// also between processes sharing the file. Because appends commit one at a time, the events' positions
/// (<c>AUTOINCREMENT</c>) are in commit order and the feed can never skip a late commit. The queries, the due times and
/// the incident keys are served by indexes on the summary table. Thread-safe; dispose it to close the file.
/// </summary>
/// <example>
/// <code>
/// await using var store = new SqliteComplaintStore("Data Source=complaints.db");
/// var service = new ComplaintService(lifecycle, store);
/// </code>
/// </example>
public sealed class SqliteComplaintStore : IComplaintStore, IAsyncDisposable, IDisposable
{
    private const string SummaryColumns =
        "complaint_id, client_id, state, version, received_at, last_event_at, priority, incident_key, assignee, next_due_at, next_due_kind, next_due_clock";

    private readonly string _connectionString;
    private readonly SqliteComplaintStoreOptions _options;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private volatile bool _ready;
    private bool _disposed;

    /// <summary>Creates a store on the file a connection string names (created when missing).</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c>.</param>
    /// <exception cref="InvalidOptionsException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteComplaintStore(string connectionString)
        : this(new SqliteComplaintStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Creates a store.</summary>
    /// <param name="options">Where and how; validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid; the message names each bad setting and its valid range.</exception>
    public SqliteComplaintStore(SqliteComplaintStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        var builder = new SqliteConnectionStringBuilder(_options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
            Pooling = true,
        };
        _connectionString = builder.ToString();
        DataSource = Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DataSource { get; }

    /// <summary>Gets the schema version this package creates (see <c>sq_schema_versions</c> in the file).</summary>
    public static int SchemaVersion => SqliteSchema.LatestVersion;

    /// <summary>Opens the file and creates or migrates the schema, if not done yet; every operation does it on first use.</summary>
    /// <param name="cancellationToken">Cancels the wait for the write lock.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this package knows.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureWriter();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> AppendAsync(ComplaintAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        var events = append.Events;
        var data = new string[events.Count];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = ComplaintEventSerializer.Serialize(events[i]);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var writer = EnsureWriter();
            using var transaction = writer.BeginTransaction(deferred: false);
            var summary = append.Summary;
            using (var upsert = writer.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = append.ExpectedVersion == 0
                    ? $"INSERT INTO sq_complaints ({SummaryColumns}) VALUES ($id, $client, $state, $version, $received, $last, $priority, $incident, $assignee, $dueAt, $dueKind, $dueClock) ON CONFLICT (complaint_id) DO NOTHING"
                    : "UPDATE sq_complaints SET client_id = $client, state = $state, version = $version, received_at = $received, last_event_at = $last, priority = $priority, incident_key = $incident, assignee = $assignee, next_due_at = $dueAt, next_due_kind = $dueKind, next_due_clock = $dueClock WHERE complaint_id = $id AND version = $expected";
                BindSummary(upsert.Parameters, summary);
                upsert.Parameters.AddWithValue("$expected", append.ExpectedVersion);
                if (upsert.ExecuteNonQuery() == 0)
                {
                    long actual = CurrentVersion(writer, transaction, append.ComplaintId);
                    throw append.ExpectedVersion == 0
                        ? new ComplaintAlreadyExistsException(append.ComplaintId, actual)
                        : new ComplaintConcurrencyException(append.ComplaintId, append.ExpectedVersion, actual);
                }
            }

            using (var insert = writer.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO sq_events (complaint_id, version, data) VALUES ($id, $version, $data)";
                var id = insert.Parameters.AddWithValue("$id", append.ComplaintId);
                var version = insert.Parameters.Add("$version", SqliteType.Integer);
                var json = insert.Parameters.Add("$data", SqliteType.Text);
                insert.Prepare();
                try
                {
                    for (int i = 0; i < data.Length; i++)
                    {
                        version.Value = events[i].Version;
                        json.Value = data[i];
                        insert.ExecuteNonQuery();
                    }
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    // UNIQUE (complaint_id, version): events another writer stored without the summary agreeing.
                    throw new ComplaintConcurrencyException(append.ComplaintId, append.ExpectedVersion, CurrentVersion(writer, transaction, append.ComplaintId));
                }
            }

            transaction.Commit();
            return append.NewVersion;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ComplaintEvent>> ReadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM sq_events WHERE complaint_id = $id ORDER BY version";
        command.Parameters.AddWithValue("$id", complaintId);
        var events = new List<ComplaintEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
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
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM sq_complaints WHERE complaint_id = $id";
        command.Parameters.AddWithValue("$id", complaintId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSummary(reader) : null;
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = QuerySql(query);
        command.Parameters.AddWithValue("$n", query.Limit + 1);
        if (query.Cursor is { } cursor)
        {
            command.Parameters.AddWithValue("$afterKey", cursor.SortKey.UtcTicks);
            command.Parameters.AddWithValue("$afterId", cursor.ComplaintId);
        }

        switch (query.Kind)
        {
            case ComplaintQueryKind.ByClient:
                command.Parameters.AddWithValue("$key", query.ClientId);
                break;
            case ComplaintQueryKind.ByIncidentKey:
                command.Parameters.AddWithValue("$key", query.IncidentKey);
                break;
            case ComplaintQueryKind.ReceivedBetween:
                command.Parameters.AddWithValue("$from", query.From.UtcTicks);
                command.Parameters.AddWithValue("$to", query.To.UtcTicks);
                break;
            case ComplaintQueryKind.DueBy:
                command.Parameters.AddWithValue("$to", query.To.UtcTicks);
                break;
            default:
                break;
        }

        var fetched = new List<ComplaintStreamInfo>(Math.Min(query.Limit + 1, 1024));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            fetched.Add(ReadSummary(reader));
        }

        return ComplaintPage.From(query, fetched);
    }

    /// <inheritdoc />
    public async ValueTask<ComplaintFeedPage> ReadFeedAsync(ComplaintFeedPosition after, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > ComplaintQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be from 1 to {ComplaintQuery.MaxLimit}.");
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Positions are (p, p): appends commit one at a time, so AUTOINCREMENT hands out positions in commit order.
        long first = after.Sequence < after.Commit ? after.Commit : after.Commit + 1;
        using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, data FROM sq_events WHERE position >= $first ORDER BY position LIMIT $n";
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$n", limit);
        var entries = new List<ComplaintFeedEntry>(Math.Min(limit, 1024));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long position = reader.GetInt64(0);
            entries.Add(new ComplaintFeedEntry { Position = new ComplaintFeedPosition(position, position), Event = ComplaintEventSerializer.Deserialize(reader.GetString(1)) });
        }

        return new ComplaintFeedPage(after, entries);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The store writes with <c>secure_delete</c> on (SQLite zeroes every byte it frees, so no stale copy of a row is
    /// left in free space); the rows are rewritten, then the WAL is checkpointed and truncated, so the old text is in
    /// neither the database file nor its WAL (a reader holding an old snapshot at that moment delays the truncation to
    /// the next checkpoint). Backups and copies made before are not touched.
    /// </remarks>
    public async ValueTask<ComplaintErasure> EraseClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        cancellationToken.ThrowIfCancellationRequested();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var writer = EnsureWriter();
            int complaints, erased = 0;
            using (var transaction = writer.BeginTransaction(deferred: false))
            {
                using var count = writer.CreateCommand();
                count.Transaction = transaction;
                count.CommandText = "SELECT count(*) FROM sq_complaints WHERE client_id = $client";
                count.Parameters.AddWithValue("$client", clientId);
                complaints = (int)(long)count.ExecuteScalar()!;

                var changes = new List<(long Position, string Data)>();
                using (var select = writer.CreateCommand())
                {
                    select.Transaction = transaction;
                    select.CommandText = "SELECT e.position, e.data FROM sq_events e JOIN sq_complaints c ON c.complaint_id = e.complaint_id WHERE c.client_id = $client ORDER BY e.position";
                    select.Parameters.AddWithValue("$client", clientId);
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        var e = ComplaintEventSerializer.Deserialize(reader.GetString(1));
                        var copy = e.WithPersonalDataErased();
                        if (!copy.Equals(e))
                        {
                            changes.Add((reader.GetInt64(0), ComplaintEventSerializer.Serialize(copy)));
                        }
                    }
                }

                using var update = writer.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE sq_events SET data = $data WHERE position = $position";
                var position = update.Parameters.Add("$position", SqliteType.Integer);
                var data = update.Parameters.Add("$data", SqliteType.Text);
                foreach (var change in changes)
                {
                    position.Value = change.Position;
                    data.Value = change.Data;
                    update.ExecuteNonQuery();
                }

                erased = changes.Count;
                transaction.Commit();
            }

            if (erased > 0)
            {
                Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
            }

            return new ComplaintErasure { ClientId = clientId, Complaints = complaints, EventsErased = erased };
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    /// <returns>A task that completes when it is closed.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer?.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private static void BindSummary(SqliteParameterCollection parameters, ComplaintStreamInfo s)
    {
        parameters.AddWithValue("$id", s.ComplaintId);
        parameters.AddWithValue("$client", s.ClientId);
        parameters.AddWithValue("$state", (int)s.State);
        parameters.AddWithValue("$version", s.Version);
        parameters.AddWithValue("$received", s.ReceivedAt.UtcTicks);
        parameters.AddWithValue("$last", s.LastEventAt.UtcTicks);
        parameters.AddWithValue("$priority", (int)s.Priority);
        parameters.AddWithValue("$incident", (object?)s.IncidentKey ?? DBNull.Value);
        parameters.AddWithValue("$assignee", (object?)s.Agent ?? DBNull.Value);
        parameters.AddWithValue("$dueAt", s.NextDue is { } due ? due.At.UtcTicks : DBNull.Value);
        parameters.AddWithValue("$dueKind", s.NextDue is { } kind ? (int)kind.Kind : DBNull.Value);
        parameters.AddWithValue("$dueClock", s.NextDue?.Clock is { } clock ? (int)clock : DBNull.Value);
    }

    private static ComplaintStreamInfo ReadSummary(SqliteDataReader reader) => new()
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

    /// <summary>The SQL of a query: an index range after the cursor, in (sort key, identifier) order; a set of states is a merge of one range a state.</summary>
    internal static string QuerySql(ComplaintQuery query)
    {
        string sortKey = query.Kind == ComplaintQueryKind.DueBy ? "next_due_at" : "received_at";
        string after = query.Cursor is null ? string.Empty : $" AND ({sortKey}, complaint_id) > ($afterKey, $afterId)";
        string order = $" ORDER BY {sortKey}, complaint_id LIMIT $n";
        string select = $"SELECT {SummaryColumns} FROM sq_complaints WHERE ";
        return query.Kind switch
        {
            ComplaintQueryKind.ByClient => select + "client_id = $key" + after + order,
            ComplaintQueryKind.ByIncidentKey => select + "incident_key = $key" + after + order,
            ComplaintQueryKind.ReceivedBetween => select + "received_at >= $from AND received_at < $to" + after + order,
            ComplaintQueryKind.DueBy => select + "next_due_at IS NOT NULL AND next_due_at <= $to" + after + order,
            _ => string.Join(
                " UNION ALL ",
                query.States.Select(s => string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM ({select}state = {(int)s}{after}{order})"))) + order,
        };
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction transaction, string complaintId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM sq_complaints WHERE complaint_id = $id";
        command.Parameters.AddWithValue("$id", complaintId);
        return command.ExecuteScalar() is long version ? version : 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The writer connection, opened and the schema migrated on first use. Call under the write gate.</summary>
    private SqliteConnection EnsureWriter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is { } writer)
        {
            return writer;
        }

        writer = new SqliteConnection(_connectionString);
        try
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode = WAL");
            Execute(writer, _options.DurableCommits ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            Execute(writer, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}"));

            // Every byte SQLite frees is zeroed when it is freed: an erasure leaves no copy of the old text behind, not
            // even the stale copies that page splits of earlier appends would otherwise leave in free space.
            Execute(writer, "PRAGMA secure_delete = ON");
            SqliteSchema.Migrate(writer, DataSource);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        _writer = writer;
        _ready = true;
        return writer;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
