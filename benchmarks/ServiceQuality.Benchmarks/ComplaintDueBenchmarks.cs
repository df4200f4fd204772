using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using ServiceQuality.Complaints;
using ServiceQuality.PostgreSql;
using ServiceQuality.Sla;
using ServiceQuality.Sqlite;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// "What is due?" with 100,000 open complaints, of which <see cref="Due"/> are due: the due query (an index on the next
/// due time) against the baseline a monitor has without it, reading every open complaint's summary (pages of 10,000)
/// and keeping the due ones. The due query should cost in proportion to what is due; the scan, to what is open. The
/// 100,000 complaints are loaded once per store (the SQLite file and the PostgreSQL schema are kept between runs:
/// delete them to reload).
/// </summary>
[MemoryDiagnoser]
public class ComplaintDueBenchmarks
{
    private const int Open = 100_000;
    private const string Schema = "bench_due";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private IComplaintStore _store = null!;
    private DateTimeOffset _now;

    [Params("InMemory", "Sqlite", "PostgreSql")]
    public string Store { get; set; } = "InMemory";

    [Params(10, 1000)]
    public int Due { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _store = Store switch
        {
            "InMemory" => new InMemoryComplaintStore(),
            "Sqlite" => new SqliteComplaintStore(new SqliteComplaintStoreOptions
            {
                ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "servicequality-due-benchmark.db")}", DurableCommits = false,
            }),
            _ => new PostgreSqlComplaintStore(new PostgreSqlComplaintStoreOptions
            {
                ConnectionString = Environment.GetEnvironmentVariable("SERVICEQUALITY_POSTGRES")
                    ?? throw new InvalidOperationException("Set SERVICEQUALITY_POSTGRES to an Npgsql connection string of a PostgreSQL on loopback (see docs/stores.md)."),
                Schema = Schema,
            }),
        };

        // Complaint i is due i minutes after the start (the first 1,000), or weeks later (the rest): "due by" Due - 1 minutes is Due complaints.
        _now = Start.AddMinutes(Due - 1);
        if ((await _store.QueryAsync(ComplaintQuery.DueBy(DateTimeOffset.MaxValue).WithLimit(1).After(null))).Items.Count == 0 || await CountOpenAsync() != Open)
        {
            await LoadAsync();
        }

        int found = (await DueQuery()).Count, scanned = (await ScanOpen()).Count;
        if (found != Due || scanned != Due)
        {
            throw new InvalidOperationException($"Expected {Due} due complaints; the due query found {found}, the scan {scanned}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    public async Task<List<ComplaintStreamInfo>> ScanOpen()
    {
        var due = new List<ComplaintStreamInfo>();
        await foreach (var summary in _store.QueryAllAsync(ComplaintQuery.InState(ComplaintState.Open).WithLimit(ComplaintQuery.MaxLimit)))
        {
            if (summary.NextDue is { } next && next.At <= _now)
            {
                due.Add(summary);
            }
        }

        return due;
    }

    [Benchmark]
    public async Task<List<ComplaintStreamInfo>> DueQuery()
    {
        var due = new List<ComplaintStreamInfo>();
        await foreach (var summary in _store.QueryAllAsync(ComplaintQuery.DueBy(_now).WithLimit(ComplaintQuery.MaxLimit)))
        {
            due.Add(summary);
        }

        return due;
    }

    private async Task<int> CountOpenAsync()
    {
        int open = 0;
        await foreach (var _ in _store.QueryAllAsync(ComplaintQuery.InState(ComplaintState.Open).WithLimit(ComplaintQuery.MaxLimit)))
        {
            open++;
        }

        return open;
    }

    private async Task LoadAsync()
    {
        var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), new FixedTime(Start));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(part => Task.Run(async () =>
        {
            for (int i = part; i < Open; i += 8)
            {
                var complaint = lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = $"D-{i:D6}", ClientId = $"client-{i % 5000}", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "The VPN drops every hour.", Actor = "desk" });
                var at = i < 1000 ? Start.AddMinutes(i) : Start.AddDays(14).AddSeconds(i);
                var append = ComplaintAppend.Of(complaint);
                try
                {
                    await _store.AppendAsync(new ComplaintAppend(0, append.Events, append.Summary with { NextDue = new ComplaintDue { At = at, Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge } }));
                }
                catch (ComplaintAlreadyExistsException)
                {
                    // Loaded by an earlier, interrupted run.
                }
            }
        })));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
