using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ServiceQuality.Sqlite;

/// <summary>
/// The store's tables, created and migrated by the package. Each migration runs once, in the same write transaction
/// as the row that records it in <c>sq_schema_versions</c>; the transaction begins with the write lock
/// (<c>BEGIN IMMEDIATE</c>), so two hosts starting at once take turns and the second finds the work done.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The migrations, in order: (version, what it does, the SQL).</summary>
    public static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "events, complaint summaries and their indexes", """
            CREATE TABLE sq_events (
                position     INTEGER PRIMARY KEY AUTOINCREMENT,
                complaint_id TEXT    NOT NULL,
                version      INTEGER NOT NULL,
                data         TEXT    NOT NULL,
                UNIQUE (complaint_id, version)
            );
            CREATE TABLE sq_complaints (
                complaint_id   TEXT    NOT NULL PRIMARY KEY,
                client_id      TEXT    NOT NULL,
                state          INTEGER NOT NULL,
                version        INTEGER NOT NULL,
                received_at    INTEGER NOT NULL,
                last_event_at  INTEGER NOT NULL,
                priority       INTEGER NOT NULL,
                incident_key   TEXT,
                assignee       TEXT,
                next_due_at    INTEGER,
                next_due_kind  INTEGER,
                next_due_clock INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX sq_complaints_by_client   ON sq_complaints (client_id, received_at, complaint_id);
            CREATE INDEX sq_complaints_by_state    ON sq_complaints (state, received_at, complaint_id);
            CREATE INDEX sq_complaints_by_received ON sq_complaints (received_at, complaint_id);
            CREATE INDEX sq_complaints_by_incident ON sq_complaints (incident_key, received_at, complaint_id) WHERE incident_key IS NOT NULL;
            CREATE INDEX sq_complaints_by_due      ON sq_complaints (next_due_at, complaint_id) WHERE next_due_at IS NOT NULL;
            """),
    ];

    /// <summary>Gets the schema version this package writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Creates or migrates the schema on <paramref name="connection"/> (open, in WAL mode, no transaction pending).</summary>
    public static void Migrate(SqliteConnection connection, string dataSource)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS sq_schema_versions (
                version     INTEGER NOT NULL PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            """);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT coalesce(max(version), 0) FROM sq_schema_versions";
        long current = (long)read.ExecuteScalar()!;
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The complaint store '{dataSource}' has schema version {current}, newer than this version of ServiceQuality.Sqlite knows ({LatestVersion}): it was written by a newer version. Upgrade the package; the database was not changed."));
        }

        foreach (var (version, description, sql) in Migrations)
        {
            if (version <= current)
            {
                continue;
            }

            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO sq_schema_versions (version, description) VALUES ($version, $description)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$description", description);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
