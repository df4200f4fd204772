using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using ServiceQuality.Orleans.Scores;

namespace ServiceQuality.Samples.Orleans;

/// <summary>
/// How the sample's silos and client join the cluster. With a PostgreSQL connection string: ADO.NET clustering and
/// reminders in the Orleans tables of that database (created by the sample's own script when missing,
/// <see cref="EnsureOrleansTablesAsync"/>), the complaints in the PostgreSQL store of the same database; any silo may
/// start first and a client finds the gateways in the membership table. Without: development clustering on loopback
/// (the primary silo, silo 0, first), in-memory reminders, the complaints in a SQLite file.
/// </summary>
internal static class SampleCluster
{
    /// <summary>The silo port of silo 0 (silo n listens on SiloPort + n).</summary>
    public const int SiloPort = 11111;

    /// <summary>The gateway port of silo 0 (silo n listens on GatewayPort + n).</summary>
    public const int GatewayPort = 30000;

    /// <summary>The cluster and service id of the sample's cluster on PostgreSQL (the membership rows' DeploymentId, the reminder rows' ServiceId).</summary>
    public const string ClusterId = "servicequality-sample";

    /// <summary>The ADO.NET invariant of Npgsql, as the Orleans ADO.NET providers name it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The embedded script with the Orleans tables and queries for PostgreSQL (OrleansPostgreSql.sql).</summary>
    public const string ScriptResource = "OrleansPostgreSql.sql";

    /// <summary>
    /// A silo's host: ServiceQuality's grains and services, the score partials in memory, the cluster's membership and
    /// reminders (on PostgreSQL when <paramref name="postgres"/> is set, after creating the Orleans tables when missing).
    /// </summary>
    /// <param name="siloPort">The silo-to-silo port on loopback.</param>
    /// <param name="gatewayPort">The port clients connect to.</param>
    /// <param name="postgres">An Npgsql connection string, or <see langword="null"/> for development clustering.</param>
    /// <param name="sqliteFile">The SQLite file of the complaints when <paramref name="postgres"/> is <see langword="null"/>.</param>
    /// <param name="settings">A JSON file whose <c>ServiceQuality</c> section configures the complaints, or <see langword="null"/> for the library's defaults.</param>
    /// <param name="cancellationToken">Cancels the creation of the tables.</param>
    public static async Task<HostApplicationBuilder> CreateSiloAsync(int siloPort, int gatewayPort, string? postgres, string sqliteFile, string? settings = null, CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            await EnsureOrleansTablesAsync(postgres, cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder();
        if (settings is not null)
        {
            // A JSON file whose ServiceQuality section configures the complaints (policies, SLA, calendars), e.g. the WebApi
            // sample's appsettings.json when that API is a client of these silos (Backend=Orleans): both must decide alike.
            builder.Configuration.AddJsonFile(Path.GetFullPath(settings), optional: false);
        }

        builder.UseOrleans(silo =>
        {
            silo.UseServiceQuality().AddMemoryGrainStorage(ScoreGrains.StorageName);
            if (postgres is null)
            {
                silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: gatewayPort, primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, SiloPort))
                    .UseInMemoryReminderService();
            }
            else
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId))
                    .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, postgres))
                    .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Invariant, postgres));
            }
        });

        var serviceQuality = settings is null ? builder.Services.AddServiceQuality() : builder.Services.AddServiceQuality(builder.Configuration);
        _ = postgres is null ? serviceQuality.UseSqlite($"Data Source={sqliteFile}") : serviceQuality.UsePostgreSql(postgres);
        return builder;
    }

    /// <summary>A client's host: the gateways from the membership table on PostgreSQL, or the loopback gateways of silos 0-2.</summary>
    /// <param name="postgres">The silos' Npgsql connection string, or <see langword="null"/> for development clustering.</param>
    public static HostApplicationBuilder CreateClient(string? postgres)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseServiceQuality();
            if (postgres is null)
            {
                client.UseLocalhostClustering([GatewayPort, GatewayPort + 1, GatewayPort + 2]);
            }
            else
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId))
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, postgres));
            }
        });
        return builder;
    }

    /// <summary>
    /// Creates (or completes) the Orleans tables for membership and reminders and registers the queries the ADO.NET
    /// providers read from <c>OrleansQuery</c>, with the embedded script <see cref="ScriptResource"/> (idempotent).
    /// Silos starting together take turns on a transaction-scoped advisory lock, so the script runs once at a time.
    /// </summary>
    /// <param name="postgres">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the work (the transaction is rolled back).</param>
    public static async Task EnsureOrleansTablesAsync(string postgres, CancellationToken cancellationToken = default)
    {
        string script;
        using (var reader = new StreamReader(typeof(SampleCluster).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The sample's assembly does not hold the resource {ScriptResource}.")))
        {
            script = await reader.ReadToEndAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('servicequality-sample-orleans-tables'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
