using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Data.Sqlite;
using ServiceQuality.Complaints;
using ServiceQuality.PostgreSql;
using ServiceQuality.Sqlite;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The stores per event appended and replayed, against Marten's event store on the same PostgreSQL (string stream keys,
/// quick append mode, optimistic concurrency: every append names the version it expects) as the baseline. Appends are
/// one event a command, each its own transaction (a command's append), by one writer and by 8 concurrent writers (each
/// on its own complaints); replay reads a 1,000-event complaint and folds it (ours: ComplaintLifecycle.Replay, the
/// whole fold with SLA entries; Marten: AggregateStreamAsync of a counting aggregate). Results are per event.
/// PostgreSQL comes from SERVICEQUALITY_POSTGRES (as the tests), synchronous_commit on; SQLite is a file in WAL mode
/// with DurableCommits (synchronous=FULL), the same promise as PostgreSQL's commit.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ComplaintStoreBenchmarks
{
    private const int Appends = 64;
    private const int Writers = 8;
    private const int AppendsPerWriter = 16;
    private const int ReplayEvents = 1000;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("sq-bench-").FullName;
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, Writer[]> _writers = [];
    private ComplaintLifecycle _lifecycle = null!;
    private InMemoryComplaintStore _memory = null!;
    private SqliteComplaintStore _sqlite = null!;
    private PostgreSqlComplaintStore _postgres = null!;
    private DocumentStore _marten = null!;
    private string[] _martenStreams = null!;
    private long[] _martenVersions = null!;
    private int _note;

    [GlobalSetup]
    public async Task Setup()
    {
        string connectionString = Environment.GetEnvironmentVariable("SERVICEQUALITY_POSTGRES")
            ?? throw new InvalidOperationException("Set SERVICEQUALITY_POSTGRES to an Npgsql connection string of a PostgreSQL on loopback (see docs/stores.md).");
        _lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FixedTime(Start));
        _memory = new InMemoryComplaintStore();
        _sqlite = new SqliteComplaintStore($"Data Source={Path.Combine(_folder, "bench.db")}");
        _postgres = new PostgreSqlComplaintStore(new PostgreSqlComplaintStoreOptions { ConnectionString = connectionString, Schema = _schema });
        _marten = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = _schema + "_marten";
            o.Events.StreamIdentity = StreamIdentity.AsString;
            o.Events.AppendMode = EventAppendMode.Quick;
            o.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await _marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        foreach (var (name, store) in Stores())
        {
            var writers = new Writer[Writers];
            for (int w = 0; w < Writers; w++)
            {
                var complaint = _lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = $"W-{w}", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" });
                await store.AppendAsync(ComplaintAppend.Of(complaint));
                writers[w] = new Writer(new ComplaintService(_lifecycle, store), _lifecycle.Replay(complaint.History));
            }

            _writers[name] = writers;
            var replay = _lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "R-1000", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" });
            for (int i = 1; i < ReplayEvents; i++)
            {
                replay.AddInformation("ann", Note(i)).EnsureAccepted();
            }

            await store.AppendAsync(ComplaintAppend.Of(replay));
        }

        _martenStreams = [.. Enumerable.Range(0, Writers).Select(w => $"W-{w}")];
        _martenVersions = new long[Writers];
        await using (var session = _marten.LightweightSession())
        {
            foreach (var stream in _martenStreams)
            {
                session.Events.StartStream(stream, NoteAdded.Create(stream, 1, "The VPN drops every hour."));
            }

            session.Events.StartStream("R-1000", [.. Enumerable.Range(1, ReplayEvents).Select(i => (object)NoteAdded.Create("R-1000", i, Note(i)))]);
            await session.SaveChangesAsync();
        }

        Array.Fill(_martenVersions, 1);
        if ((await Replay_Marten()).Notes != ReplayEvents || (await Replay_PostgreSql()).Snapshot.Version != ReplayEvents || (await Replay_Sqlite()).Snapshot.Version != ReplayEvents)
        {
            throw new InvalidOperationException("A 1,000-event stream did not replay to 1,000 events.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _marten.Advanced.Clean.CompletelyRemoveAllAsync();
        _marten.Dispose();
        await using (var source = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("SERVICEQUALITY_POSTGRES")!))
        await using (var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE; DROP SCHEMA IF EXISTS {_schema}_marten CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _postgres.DisposeAsync();
        await _sqlite.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Appends), BenchmarkCategory("Append, 1 writer")]
    public async Task Append_Marten()
    {
        for (int i = 0; i < Appends; i++)
        {
            await AppendMartenAsync(i % Writers);
        }
    }

    [Benchmark(OperationsPerInvoke = Appends), BenchmarkCategory("Append, 1 writer")]
    public Task Append_InMemory() => AppendAsync("InMemory");

    [Benchmark(OperationsPerInvoke = Appends), BenchmarkCategory("Append, 1 writer")]
    public Task Append_Sqlite() => AppendAsync("Sqlite");

    [Benchmark(OperationsPerInvoke = Appends), BenchmarkCategory("Append, 1 writer")]
    public Task Append_PostgreSql() => AppendAsync("PostgreSql");

    [Benchmark(Baseline = true, OperationsPerInvoke = Writers * AppendsPerWriter), BenchmarkCategory("Append, 8 writers")]
    public Task Append8_Marten() => Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
    {
        for (int i = 0; i < AppendsPerWriter; i++)
        {
            await AppendMartenAsync(w);
        }
    })));

    [Benchmark(OperationsPerInvoke = Writers * AppendsPerWriter), BenchmarkCategory("Append, 8 writers")]
    public Task Append8_InMemory() => AppendConcurrentlyAsync("InMemory");

    [Benchmark(OperationsPerInvoke = Writers * AppendsPerWriter), BenchmarkCategory("Append, 8 writers")]
    public Task Append8_Sqlite() => AppendConcurrentlyAsync("Sqlite");

    [Benchmark(OperationsPerInvoke = Writers * AppendsPerWriter), BenchmarkCategory("Append, 8 writers")]
    public Task Append8_PostgreSql() => AppendConcurrentlyAsync("PostgreSql");

    [Benchmark(Baseline = true, OperationsPerInvoke = ReplayEvents), BenchmarkCategory("Replay 1,000 events")]
    public async Task<NoteCount> Replay_Marten()
    {
        await using var session = _marten.QuerySession();
        return (await session.Events.AggregateStreamAsync<NoteCount>("R-1000"))!;
    }

    [Benchmark(OperationsPerInvoke = ReplayEvents), BenchmarkCategory("Replay 1,000 events")]
    public async Task<Complaint> Replay_InMemory() => _lifecycle.Replay(await _memory.ReadAsync("R-1000"));

    [Benchmark(OperationsPerInvoke = ReplayEvents), BenchmarkCategory("Replay 1,000 events")]
    public async Task<Complaint> Replay_Sqlite() => _lifecycle.Replay(await _sqlite.ReadAsync("R-1000"));

    [Benchmark(OperationsPerInvoke = ReplayEvents), BenchmarkCategory("Replay 1,000 events")]
    public async Task<Complaint> Replay_PostgreSql() => _lifecycle.Replay(await _postgres.ReadAsync("R-1000"));

    private static string Note(int i) => $"Router log line {i}: link down for 40 s, retried 3 times.";

    private IEnumerable<(string Name, IComplaintStore Store)> Stores() => [("InMemory", _memory), ("Sqlite", _sqlite), ("PostgreSql", _postgres)];

    private async Task AppendAsync(string store)
    {
        var writers = _writers[store];
        for (int i = 0; i < Appends; i++)
        {
            await writers[i % Writers].AppendOneAsync(Note(Interlocked.Increment(ref _note)));
        }
    }

    private Task AppendConcurrentlyAsync(string store) => Task.WhenAll(_writers[store].Select(writer => Task.Run(async () =>
    {
        for (int i = 0; i < AppendsPerWriter; i++)
        {
            await writer.AppendOneAsync(Note(Interlocked.Increment(ref _note)));
        }
    })));

    private async Task AppendMartenAsync(int writer)
    {
        string stream = _martenStreams[writer];
        long expected = _martenVersions[writer];
        await using var session = _marten.LightweightSession();
        session.Events.Append(stream, expected + 1, NoteAdded.Create(stream, expected + 1, Note(Interlocked.Increment(ref _note))));
        await session.SaveChangesAsync();
        _martenVersions[writer] = expected + 1;
    }

    /// <summary>One writer's complaint: each append is one command, stored with the version the writer holds.</summary>
    private sealed class Writer(ComplaintService service, Complaint complaint)
    {
        public async Task AppendOneAsync(string note)
        {
            complaint.AddInformation("ann", note).EnsureAccepted();
            await service.SaveAsync(complaint);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Marten's event: the same fields as one of ours (the envelope ours carries in its JSON), so both store as much.</summary>
public sealed record NoteAdded(string ComplaintId, long Version, DateTimeOffset At, string Actor, string Channel, string State, string DefinitionVersion, string Information)
{
    public static NoteAdded Create(string complaintId, long version, string information) =>
        new(complaintId, version, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "ann", "Internal", "Received", "1;apology-first=on", information);
}

/// <summary>Marten's live aggregate for the replay: counts the notes.</summary>
public sealed class NoteCount
{
    public string Id { get; set; } = string.Empty;

    public int Notes { get; set; }

    public void Apply(NoteAdded e) => Notes++;
}
