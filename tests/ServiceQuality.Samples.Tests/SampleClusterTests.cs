using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Samples.Orleans;
using ServiceQuality.Sla;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The Orleans sample's cluster on PostgreSQL: two silos built exactly as <c>dotnet run -- silo n --postgres ...</c>
/// builds them (<see cref="SampleCluster"/>, on free loopback ports), in a database of the test's own
/// (<c>orleans_&lt;guid&gt;</c>, dropped at the end), with ADO.NET clustering and reminders running on the tables and
/// queries of the sample's OrleansPostgreSql.sql. Needs SERVICEQUALITY_POSTGRES (skipped visibly without it, failed when CI=true).
/// </summary>
public sealed class SampleClusterTests
{
    private const int Active = 3; // SiloStatus.Active, as the membership table stores it

    [SkippableFact]
    public async Task CreateSiloAsync_TwoSilosOnPostgreSql_JoinActiveAndKeepTheOpenComplaintsReminderRow()
    {
        string admin = TestPostgreSql.ConnectionString("the Orleans sample's PostgreSQL test");
        string database = "orleans_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        string postgres = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var hosts = new List<IHost>();
        try
        {
            int[] ports = FreeLoopbackPorts(4);
            (int Silo, int Gateway)[] silos = [(ports[0], ports[1]), (ports[2], ports[3])];

            // Both silos create the Orleans tables at once (the advisory lock makes them take turns), then join in any order.
            var builders = await Task.WhenAll(silos.Select(s => SampleCluster.CreateSiloAsync(s.Silo, s.Gateway, postgres, "unused.db")));
            hosts.AddRange(builders.Select(Quiet).Select(b => b.Build()));
            await Task.WhenAll(hosts.Select(h => h.StartAsync()));

            // The membership table: both silos Active, with their silo and gateway ports; each silo's view lists both Active.
            var members = await QueryAsync(postgres,
                "SELECT Port, ProxyPort, Status FROM OrleansMembershipTable WHERE DeploymentId = @Id ORDER BY Port",
                r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)));
            Assert.Equal(silos.OrderBy(s => s.Silo).Select(s => (s.Silo, s.Gateway, Active)), members);
            foreach (var host in hosts)
            {
                await ActiveSilosEventuallyAsync(host, [.. silos.Select(s => s.Silo).Order()]);
            }

            using var client = Quiet(SampleCluster.CreateClient(postgres)).Build();
            await client.StartAsync();
            try
            {
                const string Id = "PG-1";
                var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IComplaintGrain>(Id);
                var receipt = await grain.ReceiveAsync(new ComplaintIntake("client-3", ClientSegment.External, ContactChannel.Email, Priority.Normal, "The VPN drops every hour since Monday.", "desk"));
                Assert.True(receipt.IsCreated);

                // The open complaint's one reminder, in the table: armed for its next due time, Orleans' minimum period.
                var lifecycle = hosts[0].Services.GetRequiredService<ComplaintLifecycle>();
                var due = lifecycle.Replay(await grain.GetHistoryAsync()).GetNextDue(TimeProvider.System.GetUtcNow());
                Assert.NotNull(due);
                var reminder = Assert.Single(await RemindersAsync(postgres));
                Assert.Equal(($"complaint/{Id}", "servicequality-sla", 60_000L), (reminder.GrainId, reminder.Name, reminder.Period));
                Assert.InRange(reminder.StartTime, due.Value.At.UtcDateTime - TimeSpan.FromSeconds(5), due.Value.At.UtcDateTime + TimeSpan.FromSeconds(5));

                // Withdrawn: nothing is due any more, and the row is deleted.
                var reply = await grain.ExecuteAsync(ComplaintCommand.Withdraw, new() { Actor = "client-3", Channel = ContactChannel.Email, Reason = "Sorted it myself." });
                Assert.Null(reply.Refusal);
                Assert.Equal(ComplaintState.Withdrawn, reply.Complaint!.State);
                Assert.Empty(await RemindersAsync(postgres));
            }
            finally
            {
                await client.StopAsync();
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static HostApplicationBuilder Quiet(HostApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    private static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>Waits (at most 60 s: membership spreads by gossip and table reads) until the silo's view lists exactly these silos as Active.</summary>
    private static async Task ActiveSilosEventuallyAsync(IHost silo, int[] ports)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        int[] active;
        while (true)
        {
            active = [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.Endpoint.Port).Order()];
            if (active.SequenceEqual(ports) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal(ports, active);
    }

    private static Task<List<(string GrainId, string Name, DateTime StartTime, long Period)>> RemindersAsync(string postgres) =>
        QueryAsync(postgres,
            "SELECT GrainId, ReminderName, StartTime, Period FROM OrleansRemindersTable WHERE ServiceId = @Id ORDER BY GrainId",
            r => (r.GetString(0), r.GetString(1), r.GetFieldValue<DateTime>(2), r.GetInt64(3)));

    private static async Task<List<T>> QueryAsync<T>(string postgres, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("Id", SampleCluster.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
