using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Samples.Orleans;

namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The Orleans sample's cluster on PostgreSQL: two silos built exactly as <c>dotnet run -- silo n --postgres ...</c>
/// builds them (<see cref="SampleCluster"/>, on free loopback ports), in a database of the test's own
/// (<c>orleans_&lt;guid&gt;</c>, dropped at the end), with ADO.NET clustering and reminders running on the tables and
/// queries of the sample's OrleansPostgreSql.sql; and the WebApi sample as a client that finds them through that
/// membership table. Needs SERVICEQUALITY_POSTGRES (skipped visibly without it, failed when CI=true).
/// </summary>
public sealed class SampleClusterTests
{
    private const int Active = 3; // SiloStatus.Active, as the membership table stores it

    [SkippableFact]
    public async Task CreateSiloAsync_TwoSilosOnPostgreSql_JoinActiveAndKeepTheOpenComplaintsReminderRow()
    {
        await using var db = await OwnDatabase.CreateAsync("the Orleans sample's PostgreSQL test");
        string postgres = db.ConnectionString;
        var hosts = new List<IHost>();
        try
        {
            var silos = await StartSilosAsync(postgres, settings: null, hosts);

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
                var receipt = await grain.ReceiveAsync(new ComplaintIntake { ClientId = "client-3", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour since Monday.", Actor = "desk" });
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
            await StopAsync(hosts);
        }
    }

    /// <summary>
    /// The WebApi sample with <c>Orleans:Membership=AdoNet</c>: a separate process that knows no port of the silos, only
    /// the database, finds the sample's two silos through the membership table, and its commands run in the grains
    /// (the reminder row only a silo writes), over the PostgreSQL store it shares with them.
    /// </summary>
    [SkippableFact]
    public async Task WebApi_AdoNetMembership_FindsTheSilosInTheMembershipTable()
    {
        await using var db = await OwnDatabase.CreateAsync("the WebApi's ADO.NET clustering test");
        string postgres = db.ConnectionString;
        var hosts = new List<IHost>();
        try
        {
            // The silos decide with the WebApi's own ServiceQuality section, as the WebApi README says they must.
            await StartSilosAsync(postgres, Path.Combine(Path.GetDirectoryName(WebApiProcess.AssemblyPath)!, "appsettings.json"), hosts);
            await using var app = await WebApiProcess.StartAsync(new Dictionary<string, string>
            {
                ["Backend"] = "Orleans",
                ["Orleans:Membership"] = "AdoNet",
                ["Orleans:ConnectionString"] = postgres,
                ["Orleans:ClusterId"] = SampleCluster.ClusterId,
                ["Orleans:ServiceId"] = SampleCluster.ClusterId,
                ["ConnectionStrings:ServiceQuality"] = postgres,
            });
            var http = app.Client;
            Assert.True(
                await app.WaitForOutputAsync($"Complaints are run by the Orleans cluster '{SampleCluster.ClusterId}' (service '{SampleCluster.ClusterId}', gateways from the membership table in PostgreSQL: host 127.0.0.1, database {db.Name}).", TimeSpan.FromSeconds(30)),
                app.Output);

            const string Id = "PG-WEB-1";
            var created = await http.PostAsync("/complaints", new { id = Id, clientId = "C-7", segment = "External", channel = "Email", priority = "Normal", text = "The VPN drops every hour since Monday.", actor = "desk" });
            var acknowledged = await http.PostAsync($"/complaints/{Id}/commands/acknowledge", new { actor = "ann", channel = "Email", thanks = "Thank you for telling us." });

            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal(HttpStatusCode.OK, acknowledged.Status);
            Assert.Equal((2, "Acknowledged"), (acknowledged["event.version"].GetInt32(), acknowledged.Text("complaint.state")));

            // Run in a grain on the silos: only a silo arms the complaint's SLA reminder.
            Assert.Equal([($"complaint/{Id}", "servicequality-sla")], (await RemindersAsync(postgres)).Select(r => (r.GrainId, r.Name)));

            // Stored in the store the app shares with the silos: its list (read from the store, not the grain) has it acknowledged.
            var listed = await http.GetJsonAsync("/complaints?clientId=C-7");
            Assert.Equal([(Id, "Acknowledged", 2)], listed.Body.EnumerateArray().Select(e => (e.GetProperty("complaintId").GetString(), e.GetProperty("state").GetString(), e.GetProperty("version").GetInt32())));
        }
        finally
        {
            await StopAsync(hosts);
        }
    }

    /// <summary>Starts two silos of the sample's configuration on free loopback ports (both create the Orleans tables at once: the advisory lock makes them take turns).</summary>
    private static async Task<(int Silo, int Gateway)[]> StartSilosAsync(string postgres, string? settings, List<IHost> hosts)
    {
        int[] ports = FreeLoopbackPorts(4);
        (int Silo, int Gateway)[] silos = [(ports[0], ports[1]), (ports[2], ports[3])];
        var builders = await Task.WhenAll(silos.Select(s => SampleCluster.CreateSiloAsync(s.Silo, s.Gateway, postgres, "unused.db", settings)));
        hosts.AddRange(builders.Select(Quiet).Select(b => b.Build()));
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        return silos;
    }

    private static async Task StopAsync(List<IHost> hosts)
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
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

    /// <summary>A database of the test's own (<c>orleans_&lt;guid&gt;</c>) on the SERVICEQUALITY_POSTGRES server, dropped when disposed.</summary>
    private sealed class OwnDatabase : IAsyncDisposable
    {
        private readonly string _admin;

        private OwnDatabase(string admin, string name)
        {
            _admin = admin;
            Name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }

        public string Name { get; }

        public string ConnectionString { get; }

        /// <summary>Creates it, or skips (fails under CI=true) the test named by <paramref name="test"/> when there is no server.</summary>
        public static async Task<OwnDatabase> CreateAsync(string test)
        {
            string admin = TestPostgreSql.ConnectionString(test);
            var database = new OwnDatabase(admin, "orleans_" + Guid.NewGuid().ToString("N"));
            await ExecuteAsync(admin, $"CREATE DATABASE {database.Name}");
            return database;
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }
}
