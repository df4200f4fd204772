using System.Collections.Concurrent;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

/// <summary>The behaviour every <see cref="IComplaintStore"/> must have. Derive, implement <see cref="CreateStore"/>, and run.</summary>
public abstract class ComplaintStoreContractTests
{
    protected abstract IComplaintStore CreateStore();

    [Fact]
    public async Task AppendAsync_NewStream_ReadReturnsTheEventsInOrder()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);

        long version = await store.AppendAsync(c.Id, 0, c.GetPendingEvents());

        Assert.Equal(3, version);
        Assert.Equal(c.History, await store.ReadAsync(c.Id));
    }

    [Fact]
    public async Task AppendAsync_InSeveralBatches_ContinuesTheStream()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        await store.AppendAsync(c.Id, 0, c.GetPendingEvents());
        c.MarkPersisted();
        c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();

        Assert.Equal(3, await store.AppendAsync(c.Id, 1, c.GetPendingEvents()));
        Assert.Equal(c.History, await store.ReadAsync(c.Id));
    }

    [Fact]
    public async Task AppendAsync_StaleExpectedVersion_ThrowsConcurrencyErrorAndAppendsNothing()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Acknowledged);
        await store.AppendAsync(c.Id, 0, c.GetPendingEvents());
        var stale = lifecycle.Replay(c.History.Take(1));
        stale.AddInformation("bob", "late").EnsureAccepted();

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await store.AppendAsync(c.Id, 1, stale.GetPendingEvents()));

        Assert.Equal(("C-1", 1L, 2L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Contains("is at version 2, not the expected 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(c.History, await store.ReadAsync(c.Id));
    }

    [Fact]
    public async Task AppendAsync_NewStreamThatExists_ThrowsConcurrencyError()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        await store.AppendAsync(c.Id, 0, c.GetPendingEvents());

        await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await store.AppendAsync(c.Id, 0, c.GetPendingEvents()));
    }

    [Fact]
    public async Task AppendAsync_UnknownStreamWithExpectedVersion_ThrowsConcurrencyErrorAtVersionZero()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Acknowledged);

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await store.AppendAsync(c.Id, 1, [c.History[1]]));
        Assert.Equal(0, ex.ActualVersion);
    }

    [Fact]
    public async Task AppendAsync_BadEvents_ThrowArgumentExceptions()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var h = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating).History;

        await Assert.ThrowsAsync<ArgumentException>("events", async () => await store.AppendAsync("C-1", 0, []));
        await Assert.ThrowsAsync<ArgumentNullException>("events", async () => await store.AppendAsync("C-1", 0, null!));
        await Assert.ThrowsAsync<ArgumentException>("events", async () => await store.AppendAsync("C-1", 0, [h[0], h[2]]));
        await Assert.ThrowsAsync<ArgumentException>("events", async () => await store.AppendAsync("C-9", 0, [h[0]]));
        await Assert.ThrowsAsync<ArgumentException>("events", async () => await store.AppendAsync("C-1", 0, [h[1] with { Version = 1 }]));
        await Assert.ThrowsAsync<ArgumentException>("complaintId", async () => await store.AppendAsync(" ", 0, [h[0]]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("expectedVersion", async () => await store.AppendAsync("C-1", -1, [h[0]]));
        Assert.Empty(await store.ReadAsync("C-1"));
    }

    [Fact]
    public async Task ReadAsync_UnknownComplaint_ReturnsEmpty()
    {
        Assert.Empty(await CreateStore().ReadAsync("nobody"));
    }

    [Fact]
    public async Task Queries_SeveralComplaints_StreamByClientStateAndTimeReceived()
    {
        var store = CreateStore();
        var (time, lifecycle) = ComplaintTestKit.Create();
        var service = new ComplaintService(lifecycle, store);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "A", ClientId = "ann", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "printer", Actor = "desk" });
        time.Advance(TimeSpan.FromHours(1));
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "B", ClientId = "bob", Segment = ClientSegment.External, Channel = ContactChannel.Phone, Priority = Priority.High, Text = "vpn", Actor = "desk" });
        time.Advance(TimeSpan.FromHours(1));
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C", ClientId = "ann", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Normal, Text = "email", Actor = "desk" });
        await service.ExecuteAsync("B", c => c.Acknowledge("ann", ContactChannel.Phone, "Thanks"));
        await service.ExecuteAsync("C", c => c.Withdraw("ann", ContactChannel.Web, "fixed itself"));

        Assert.Equal(["A", "C"], await Ids(store.GetByClientAsync("ann")));
        Assert.Equal(["A"], await Ids(store.GetByStateAsync(ComplaintState.Received)));
        Assert.Equal(["B"], await Ids(store.GetByStateAsync(ComplaintState.Engaged)));
        Assert.Equal(["A", "B"], await Ids(store.GetByStateAsync(ComplaintState.Open)));
        Assert.Equal(["C"], await Ids(store.GetByStateAsync(ComplaintState.Withdrawn)));
        Assert.Equal(["B", "C"], await Ids(store.GetReceivedBetweenAsync(ComplaintTestKit.Start.AddHours(1), ComplaintTestKit.Start.AddHours(3))));
        Assert.Equal(["A"], await Ids(store.GetReceivedBetweenAsync(ComplaintTestKit.Start, ComplaintTestKit.Start.AddHours(1))));
        var b = Assert.Single(await ToListAsync(store.GetByClientAsync("bob")));
        Assert.Equal(new ComplaintStreamInfo("B", "bob", ComplaintState.Acknowledged, 2, ComplaintTestKit.Start.AddHours(1), ComplaintTestKit.Start.AddHours(2)), b);
    }

    [Fact]
    public async Task Queries_Cancelled_ThrowOperationCanceled()
    {
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        await new ComplaintService(lifecycle, store).ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "A", ClientId = "ann", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "printer", Actor = "desk" });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ToListAsync(store.GetByClientAsync("ann", cts.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadAsync("A", cts.Token));
    }

    [Fact]
    public async Task AppendAsync_EightWritersThousandCommandsEach_NothingLostNothingDuplicatedEveryLoserTold()
    {
        const int Writers = 8, Attempts = 1000;
        var store = CreateStore();
        var (_, lifecycle) = ComplaintTestKit.Create();
        var service = new ComplaintService(lifecycle, store);
        var setup = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        await service.SaveAsync(setup);
        var accepted = new ConcurrentBag<string>[Writers];
        int[] conflicts = new int[Writers];

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            accepted[w] = [];
            var mine = (await service.LoadAsync("C-1"))!;
            for (int i = 0; i < Attempts; i++)
            {
                await Task.Yield();
                string text = $"w{w}-{i:D4}";
                mine.AddInformation($"writer-{w}", text).EnsureAccepted();
                try
                {
                    await service.SaveAsync(mine);
                    accepted[w].Add(text);
                }
                catch (ComplaintConcurrencyException)
                {
                    conflicts[w]++;
                    mine = (await service.LoadAsync("C-1"))!;
                }
            }
        })));

        var stream = await store.ReadAsync("C-1");
        int successes = accepted.Sum(a => a.Count);
        Assert.Equal(Writers * Attempts, successes + conflicts.Sum());
        Assert.True(conflicts.Sum() > 0, "the writers never collided, so the test proved nothing");
        Assert.Equal(3 + successes, stream.Count);
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(i => (long)i), stream.Select(e => e.Version));
        var stored = stream.OfType<InformationAdded>().Select(e => e.Information).ToList();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(accepted.SelectMany(a => a).Order(), stored.Order());
        for (int w = 0; w < Writers; w++)
        {
            var ofWriter = stored.Where(s => s.StartsWith($"w{w}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(ofWriter.Order(StringComparer.Ordinal), ofWriter);
        }

        Assert.Equal(stream.Count, (await service.LoadAsync("C-1"))!.Version);
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<ComplaintStreamInfo> infos) => [.. (await ToListAsync(infos)).Select(i => i.ComplaintId)];

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

public class InMemoryComplaintStoreTests : ComplaintStoreContractTests
{
    protected override IComplaintStore CreateStore() => new InMemoryComplaintStore();
}
