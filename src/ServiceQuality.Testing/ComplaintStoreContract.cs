using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>
/// The contract every <see cref="IComplaintStore"/> meets, as xunit tests: inherit this class, implement
/// <see cref="CreateStoreAsync"/> to return a new, empty store, and every rule ServiceQuality's own stores pass runs
/// against yours — appends with optimistic concurrency, the summaries and their paged queries, the global feed (a reader
/// never skips a late commit), due times, personal-data erasure, 8 concurrent writers × 1,000 commands, cancellation,
/// a 10,000-event history and Unicode text. The tests are <c>[SkippableFact]</c>s: a store whose database is not there
/// may call <c>Skip.If(...)</c> (Xunit.SkippableFact) from <see cref="CreateStoreAsync"/> to report them skipped.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyStoreTests : ComplaintStoreContract
/// {
///     protected override ValueTask&lt;IComplaintStore&gt; CreateStoreAsync() =&gt; ValueTask.FromResult&lt;IComplaintStore&gt;(new MyStore(...));
/// }
/// </code>
/// </example>
public abstract partial class ComplaintStoreContract : IAsyncLifetime
{
    private readonly List<IComplaintStore> _stores = [];

    /// <summary>Gets the instant the suite's clock starts at (2026-03-02 09:00 UTC).</summary>
    protected static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes every store the test created (those that are <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>).</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (store is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _stores.Clear();
    }

    /// <summary>Creates a new, empty store: each test calls it once. Call <c>Skip.If(...)</c> here when the store's database is not available.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IComplaintStore> CreateStoreAsync();

    /// <summary>Creates the store under test and remembers it for disposal.</summary>
    /// <returns>The store.</returns>
    protected async Task<IComplaintStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    private static (ComplaintService Service, ManualClock Clock) NewService(IComplaintStore store)
    {
        var clock = new ManualClock(Start);
        return (new ComplaintService(new ComplaintLifecycle(new ComplaintOptions(), clock), store), clock);
    }

    private static Complaint Receive(ComplaintLifecycle lifecycle, string id, string clientId = "client-7", string text = "The VPN drops every hour and nobody tells me why!") =>
        lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = id, ClientId = clientId, Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = text, Actor = "desk" });

    /// <summary>Appends <paramref name="complaint"/>'s pending events (with its summary, changed by <paramref name="summary"/>) and returns the complaint as stored.</summary>
    private static async Task<Complaint> SaveAsync(IComplaintStore store, Complaint complaint, Func<ComplaintStreamInfo, ComplaintStreamInfo>? summary = null)
    {
        var append = ComplaintAppend.Of(complaint);
        if (summary is not null)
        {
            append = new ComplaintAppend(append.ExpectedVersion, append.Events, summary(append.Summary));
        }

        Assert.Equal(append.NewVersion, await store.AppendAsync(append));
        return complaint.Lifecycle.Replay(complaint.History);
    }

    /// <summary>How long a test waits for a feed held back by transactions it does not own (see <see cref="ReadWholeFeedAsync"/>).</summary>
    private static readonly TimeSpan FeedCatchUpTimeout = TimeSpan.FromSeconds(30);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>
    /// Reads the feed from the start until it holds at least <paramref name="expected"/> events. A feed may hold
    /// committed events back while older transactions anywhere on the server still run (PostgreSQL's watermark: another
    /// test, another application), and must deliver them once those end, so the reader waits for them — up to
    /// <see cref="FeedCatchUpTimeout"/>, after which the caller's assertion reports what was missing.
    /// </summary>
    private static async Task<List<ComplaintFeedEntry>> ReadWholeFeedAsync(IComplaintStore store, int expected, int pageSize = 1000)
    {
        var reader = new ComplaintFeedReader(store, ComplaintFeedPosition.Start, pageSize);
        var all = new List<ComplaintFeedEntry>();
        await ReadFeedUntilAsync(reader, all, expected);
        return all;
    }

    /// <summary>Follows <paramref name="reader"/> into <paramref name="into"/> until it holds at least <paramref name="expected"/> events and the feed has nothing more, or <see cref="FeedCatchUpTimeout"/> passes.</summary>
    private static async Task ReadFeedUntilAsync(ComplaintFeedReader reader, List<ComplaintFeedEntry> into, int expected)
    {
        long deadline = Environment.TickCount64 + (long)FeedCatchUpTimeout.TotalMilliseconds;
        while (true)
        {
            var page = await reader.ReadNextAsync();
            into.AddRange(page);
            if (page.Count == 0)
            {
                if (into.Count >= expected || Environment.TickCount64 > deadline)
                {
                    return;
                }

                await Task.Delay(20);
            }
        }
    }

    /// <summary>A clock the tests move by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
