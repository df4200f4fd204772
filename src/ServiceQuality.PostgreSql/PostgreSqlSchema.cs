using System.Globalization;
using Npgsql;

namespace ServiceQuality.PostgreSql;

/// <summary>
/// The store's tables, created and migrated by the package: each migration runs once, in one transaction with the row
/// that records it in <c>schema_versions</c>, after <c>pg_advisory_xact_lock</c> on a key of the schema's name, so
/// hosts that start at once take turns and the later ones find the work done.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The migrations, in order: (version, what it does, the SQL with <c>{schema}</c> for the schema).</summary>
    public static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "events ordered by transaction, complaint summaries and their indexes", """
            CREATE TABLE {schema}.events (
                transaction_id bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
                position       bigint GENERATED ALWAYS AS IDENTITY,
                complaint_id   text COLLATE "C" NOT NULL,
                version        bigint NOT NULL,
                data           text NOT NULL,
                PRIMARY KEY (complaint_id, version)
            );
            CREATE UNIQUE INDEX events_feed ON {schema}.events (transaction_id, position);
            CREATE TABLE {schema}.complaints (
                complaint_id   text COLLATE "C" PRIMARY KEY,
                client_id      text COLLATE "C" NOT NULL,
                state          integer NOT NULL,
                version        bigint NOT NULL,
                received_at    bigint NOT NULL,
                last_event_at  bigint NOT NULL,
                priority       integer NOT NULL,
                incident_key   text COLLATE "C",
                assignee       text,
                next_due_at    bigint,
                next_due_kind  integer,
                next_due_clock integer
            );
            CREATE INDEX complaints_by_client   ON {schema}.complaints (client_id, received_at, complaint_id);
            CREATE INDEX complaints_by_state    ON {schema}.complaints (state, received_at, complaint_id);
            CREATE INDEX complaints_by_received ON {schema}.complaints (received_at, complaint_id);
            CREATE INDEX complaints_by_incident ON {schema}.complaints (incident_key, received_at, complaint_id) WHERE incident_key IS NOT NULL;
            CREATE INDEX complaints_by_due      ON {schema}.complaints (next_due_at, complaint_id) WHERE next_due_at IS NOT NULL;
            """),
    ];

    /// <summary>Gets the schema version this package writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Creates or migrates the schema.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using (var encoding = new NpgsqlCommand("SHOW server_encoding", connection))
        {
            string serverEncoding = (string)(await encoding.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (!string.Equals(serverEncoding, "UTF8", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The database's encoding is {serverEncoding}; the complaint store needs UTF8 to keep any text exactly. Create the database with ENCODING 'UTF8'.");
            }
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('servicequality.schema.{schema}'))", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_versions (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);
        long current;
        using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_versions", connection, transaction))
        {
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The complaint store's schema '{schema}' has version {current}, newer than this version of ServiceQuality.PostgreSql knows ({LatestVersion}): it was written by a newer version. Upgrade the package; the database was not changed."));
        }

        foreach (var (version, description, sql) in Migrations)
        {
            if (version <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            using var record = new NpgsqlCommand($"INSERT INTO {schema}.schema_versions (version, description) VALUES ($1, $2)", connection, transaction)
            {
                Parameters = { new() { Value = version }, new() { Value = description } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
