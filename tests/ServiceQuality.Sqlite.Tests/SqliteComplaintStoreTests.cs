using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Testing;

namespace ServiceQuality.Sqlite.Tests;

/// <summary>The SQLite store: the shipped contract suite, then what only a file can show (schema, WAL, indexes, erasure on disk, a killed writer).</summary>
public sealed class SqliteComplaintStoreTests : ComplaintStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sq-sqlite-").FullName;
    private int _files;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override ValueTask<IComplaintStore> CreateStoreAsync() => ValueTask.FromResult<IComplaintStore>(new SqliteComplaintStore($"Data Source={NewFile()}"));

    [Fact]
    public async Task InitializeAsync_FourHostsOpenANewFileAtOnce_SchemaCreatedOnceAndAllWork()
    {
        string file = NewFile();
        var stores = Enumerable.Range(0, 4).Select(_ => new SqliteComplaintStore($"Data Source={file}")).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));
            await Task.WhenAll(stores.Select((s, i) => Task.Run(async () => await s.AppendAsync(ComplaintAppend.Of(Receive($"H-{i}"))))));

            Assert.Equal([(1L, "events, complaint summaries and their indexes")], SchemaVersions(file));
            Assert.Equal(4, (await stores[3].QueryAsync(ComplaintQuery.ByClient("client-7"))).Items.Count);
            Assert.Equal("wal", Scalar(file, "PRAGMA journal_mode"));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }

        await using var reopened = new SqliteComplaintStore($"Data Source={file}");
        await reopened.InitializeAsync();
        Assert.Single(SchemaVersions(file));
        Assert.Single(await reopened.ReadAsync("H-2"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaNewerThanThePackage_RefusesAndChangesNothing()
    {
        string file = NewFile();
        await using (var store = new SqliteComplaintStore($"Data Source={file}"))
        {
            await store.InitializeAsync();
        }

        Execute(file, "INSERT INTO sq_schema_versions (version, description) VALUES (7, 'from the future')");
        await using var old = new SqliteComplaintStore($"Data Source={file}");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => old.InitializeAsync());

        Assert.Equal($"The complaint store '{file}' has schema version 7, newer than this version of ServiceQuality.Sqlite knows (1): it was written by a newer version. Upgrade the package; the database was not changed.", ex.Message);
    }

    [Fact]
    public void Constructor_BadOptions_NameEachProblem()
    {
        var ex = Assert.Throws<InvalidOptionsException>(() => new SqliteComplaintStore(new SqliteComplaintStoreOptions { ConnectionString = "Data Source=:memory:", BusyTimeout = TimeSpan.Zero }));

        Assert.Equal(
            [
                "ConnectionString names an in-memory database; valid: a file, e.g. 'Data Source=complaints.db' (use InMemoryComplaintStore to keep complaints in memory).",
                "BusyTimeout is 00:00:00; valid: 1 second to 10 minutes.",
            ],
            ex.Problems);
        Assert.Equal(["ConnectionString is empty; valid: a Microsoft.Data.Sqlite connection string naming a file, e.g. 'Data Source=complaints.db'."], Assert.Throws<InvalidOptionsException>(() => new SqliteComplaintStore(" ")).Problems);
        Assert.Contains("read-only", Assert.Throws<InvalidOptionsException>(() => new SqliteComplaintStore("Data Source=x.db;Mode=ReadOnly")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuerySql_EveryKind_IsAnIndexRangeWithNoTableScanOrSort()
    {
        string file = NewFile();
        await using (var store = new SqliteComplaintStore($"Data Source={file}"))
        {
            await store.InitializeAsync();
        }

        var cursor = ComplaintQuery.ByClient("a").ContinuationAfter(new ComplaintStreamInfo
        {
            ComplaintId = "x", ClientId = "a", State = ComplaintState.Received, Version = 1, ReceivedAt = Start, LastEventAt = Start, Priority = Priority.Low,
            NextDue = new ComplaintDue { At = Start, Kind = ComplaintDueKind.SlaBreach },
        });
        ComplaintQuery[] queries =
        [
            ComplaintQuery.ByClient("a"), ComplaintQuery.ByIncidentKey("k"), ComplaintQuery.ReceivedBetween(Start, Start.AddDays(1)),
            ComplaintQuery.DueBy(Start), ComplaintQuery.InState(ComplaintState.Open), ComplaintQuery.InState(ComplaintState.Closed),
        ];
        foreach (var query in queries.Concat(queries.Where(q => q.Kind == ComplaintQueryKind.ByClient).Select(q => q.After(cursor))))
        {
            // A set of states merges one index range a state, each at most a page long: sorting those is the only sort.
            var plan = QueryPlan(file, SqliteComplaintStore.QuerySql(query));
            Assert.All(plan, step => Assert.DoesNotMatch(query.Kind == ComplaintQueryKind.InStates ? "^SCAN sq_complaints" : "^SCAN sq_complaints|USE TEMP B-TREE", step));
            Assert.Contains(plan, step => step.Contains("USING INDEX sq_complaints_by_", StringComparison.Ordinal) || step.Contains("USING COVERING INDEX sq_complaints_by_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EraseClientAsync_TheFileAfterwards_HoldsNoTraceOfTheWords()
    {
        string file = NewFile();
        var store = new SqliteComplaintStore($"Data Source={file}");
        await WriteErinsComplaintAsync(store, "E-1");
        var service = new ComplaintService(Lifecycle, store);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "O-1", ClientId = "olaf", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Low, Text = "Olaf's own words: Wombat-5512", Actor = "desk" });
        Execute(file, "PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.True(FileHolds(file, "Quokka-7731"), "the words were never in the file, so the test proves nothing");

        var erasure = await store.EraseClientAsync("erin");
        store.Dispose();
        SqliteConnection.ClearAllPools();

        Assert.Equal(("erin", 1), (erasure.ClientId, erasure.Complaints));
        Assert.False(FileHolds(file, "Quokka-7731"), "the erased words are still in the database file or its WAL: " + Where(file, "Quokka-7731"));
        Assert.False(FileHolds(file, "erin.example@mail.test"), "the erased e-mail address is still in the database file or its WAL");
        Assert.True(FileHolds(file, "Wombat-5512"), "another client's words were erased too");
    }

    [Fact]
    public async Task AppendAsync_WriterKilledMidAppend_EveryStreamWholeAndContiguousAfterReopen()
    {
        string file = NewFile();
        // Every version an append could have left a stream at: 0, each committed append's, each interrupted one's before and after.
        var boundaries = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        var committed = new Dictionary<string, long>(StringComparer.Ordinal);
        var inFlight = new List<(string Id, long Expected, long Count)>();
        for (int round = 0; round < 4 || (inFlight.Count == 0 && round < 12); round++) // until at least one append was cut
        {
            var (commits, pending) = await RunWriterUntilKilledAsync(file, seed: round, commitsBeforeKill: 5 + (round * 3));
            foreach (var (id, version) in commits)
            {
                committed[id] = Math.Max(committed.GetValueOrDefault(id), version);
                Boundaries(id).Add(version);
            }

            if (pending is { } p)
            {
                inFlight.Add(p);
                Boundaries(p.Item1).UnionWith([p.Item2, p.Item2 + p.Item3]);
            }
        }

        Assert.NotEmpty(inFlight);
        Assert.Equal("ok", Scalar(file, "PRAGMA integrity_check"));
        await using var store = new SqliteComplaintStore($"Data Source={file}");
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), TimeProvider.System);
        long total = 0;
        var summaries = await ToList(store.GetByClientAsync("crash-client"));
        Assert.NotEmpty(summaries);
        foreach (var summary in summaries)
        {
            var events = await store.ReadAsync(summary.ComplaintId);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
            Assert.Equal(summary.Version, events.Count);
            Assert.True(committed.GetValueOrDefault(summary.ComplaintId) <= summary.Version, $"{summary.ComplaintId}: a committed append was lost");
            Assert.Equal(summary.Version, lifecycle.Replay(events).Snapshot.Version);
            Assert.Contains(summary.Version, Boundaries(summary.ComplaintId)); // an append is there whole or not at all
            total += events.Count;
        }

        long inFeed = 0;
        var feed = new ComplaintFeedReader(store, ComplaintFeedPosition.Start, ComplaintQuery.MaxLimit);
        for (var page = await feed.ReadNextAsync(); page.Count > 0; page = await feed.ReadNextAsync())
        {
            inFeed += page.Count;
        }

        Assert.Equal(total, inFeed);

        HashSet<long> Boundaries(string id) => boundaries.TryGetValue(id, out var set) ? set : boundaries[id] = [0];
    }

    [Fact]
    public async Task UseSqlite_InTheServiceCollection_StoresInTheFileAndValidatesAtStart()
    {
        string file = NewFile();
        var services = new ServiceCollection();
        services.AddServiceQuality().UseSqlite($"Data Source={file}");
        services.AddKeyedServiceQuality("tenant-b", _ => { }).UseSqlite(o => o.ConnectionString = " ");
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal("SqliteComplaintStoreOptions[tenant-b]:ConnectionString is empty; valid: a Microsoft.Data.Sqlite connection string naming a file, e.g. 'Data Source=complaints.db'.", ex.Message);
        var store = Assert.IsType<SqliteComplaintStore>(provider.GetRequiredService<IComplaintStore>());
        Assert.Equal(file, store.DataSource);
        await provider.GetRequiredService<ComplaintService>().ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "D-1", ClientId = "ann", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "stored in SQLite", Actor = "desk" });
        Assert.Equal(1L, Scalar(file, "SELECT count(*) FROM sq_events"));
    }

    private static ComplaintLifecycle Lifecycle { get; } = new(new ComplaintOptions(), new FixedClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));

    private static Complaint Receive(string id) =>
        Lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = id, ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops.", Actor = "desk" });

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Starts this assembly as the crash writer, lets it commit some appends, and kills it (SIGKILL) right after it announces the next one.</summary>
    private static async Task<(List<(string Id, long Version)> Commits, (string, long, long)? InFlight)> RunWriterUntilKilledAsync(string file, int seed, int commitsBeforeKill)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(Program).Assembly.Location, "crash-writer", file, seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var commits = new List<(string, long)>();
        (string, long, long)? inFlight = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        bool killed = false;

        // Read to the end, also after the kill: a loaded host can leave this reader lines behind the writer, which may
        // have committed that append and begun others before it died. What it printed before dying is still in the pipe,
        // so the last "begin" without its "committed" is the one append that can be cut off.
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var parts = line.Split(' ');
            if (parts[0] == "committed")
            {
                commits.Add((parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture)));
                inFlight = null;
            }
            else if (parts[0] == "begin")
            {
                inFlight = (parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
                if (!killed && commits.Count >= commitsBeforeKill)
                {
                    process.Kill();
                    killed = true;
                }
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        Assert.True(killed, $"the writer stopped by itself: {await process.StandardError.ReadToEndAsync()}");
        Assert.Equal(137, process.ExitCode); // 128 + SIGKILL
        return (commits, inFlight);
    }

    private string NewFile() => Path.Combine(_folder, $"store-{Interlocked.Increment(ref _files)}.db");

    private static bool FileHolds(string file, string text)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        return new[] { file, file + "-wal", file + "-shm", file + "-journal" }
            .Where(File.Exists)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);
    }

    private static string Where(string file, string text)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        var found = new StringBuilder();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(f);
            int at = bytes.AsSpan().IndexOf(needle);
            found.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(f)} ({bytes.Length} bytes) at {at}");
            if (at >= 0)
            {
                found.Append(": ").Append(Encoding.UTF8.GetString(bytes, Math.Max(0, at - 120), 200).Replace('\0', '.'));
            }

            found.Append("; ");
        }

        return found.ToString();
    }

    private static List<(long, string)> SchemaVersions(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, description FROM sq_schema_versions ORDER BY version";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    private static List<string> QueryPlan(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$n", "$key", "$from", "$to", "$afterKey", "$afterId" })
        {
            command.Parameters.AddWithValue(name, 1);
        }

        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string file, string sql) => Scalar(file, sql);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
