using System.Collections.Concurrent;
using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>Concurrent writers, cancellation and long histories.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>
    /// 8 writers × 1,000 commands on one complaint, each reloading when refused: nothing is lost or duplicated, every
    /// loser is told, versions are contiguous, and each writer's own events keep their order.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_EightWritersThousandCommandsEach_NothingLostNothingDuplicatedEveryLoserTold()
    {
        const int Writers = 8, Attempts = 1000;
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var setup = Receive(service.Lifecycle, "C-1");
        setup.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        setup.StartInvestigating("ann").EnsureAccepted();
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
        Assert.Equal(accepted.SelectMany(a => a).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        for (int w = 0; w < Writers; w++)
        {
            var ofWriter = stored.Where(s => s.StartsWith($"w{w}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(ofWriter.Order(StringComparer.Ordinal), ofWriter);
        }

        Assert.Equal(stream.Count, (await service.LoadAsync("C-1"))!.Snapshot.Version);
        Assert.Equal(stream.Count, (await store.GetSummaryAsync("C-1"))!.Version);
        Assert.Equal(stream.Count, (await ReadWholeFeedAsync(store, stream.Count)).Count);
    }

    /// <summary>8 writers receive a complaint under the same identifier at once: exactly one is stored, every other is told it already exists.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_EightWritersCreateTheSameComplaint_OneWinsTheOthersAreToldItExists()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        for (int round = 0; round < 10; round++)
        {
            string id = $"SAME-{round}";
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                var append = ComplaintAppend.Of(Receive(service.Lifecycle, id, $"client-{w}"));
                await go.Task;
                try
                {
                    await store.AppendAsync(append);
                    return (string?)$"client-{w}";
                }
                catch (ComplaintAlreadyExistsException ex)
                {
                    Assert.Equal((id, 0L, 1L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
                    return null;
                }
            })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(racers);

            var winner = Assert.Single(outcomes.Where(o => o is not null));
            Assert.Equal(winner, (await store.GetSummaryAsync(id))!.ClientId);
            Assert.Equal(winner, Assert.IsType<ComplaintReceived>(Assert.Single(await store.ReadAsync(id))).ClientId);
        }
    }

    /// <summary>Every operation honours a cancelled token with an <see cref="OperationCanceledException"/>, and a cancelled append stores nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Operations_Canceled_ThrowOperationCanceledAndChangeNothing()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "A", ClientId = "ann", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "printer", Actor = "desk" });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var append = ComplaintAppend.Of(Receive(service.Lifecycle, "B", "ann"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AppendAsync(append, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadAsync("A", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetSummaryAsync("A", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.QueryAsync(ComplaintQuery.ByClient("ann"), cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ToListAsync(store.GetByClientAsync("ann", cts.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadFeedAsync(ComplaintFeedPosition.Start, 10, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.EraseClientAsync("ann", cts.Token));

        Assert.Empty(await store.ReadAsync("B"));
        Assert.Equal(["A"], (await store.QueryAsync(ComplaintQuery.ByClient("ann"))).Items.Select(i => i.ComplaintId));
        Assert.Equal("printer", Assert.IsType<ComplaintReceived>(Assert.Single(await store.ReadAsync("A"))).Text);
    }

    /// <summary>A 10,000-event history (one append of 9,999 after the receipt) reads back whole and in order, and replays to version 10,000.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_TenThousandEventHistory_ReadsBackWholeAndReplays()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var c = await SaveAsync(store, Receive(service.Lifecycle, "LONG"));
        for (int i = 2; i <= 10_000; i++)
        {
            if (i % 100 == 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }

            c.AddInformation($"agent-{i % 7}", $"note {i}: the log shows {i * 31 % 997} retries").EnsureAccepted();
        }

        Assert.Equal(10_000, await store.AppendAsync(ComplaintAppend.Of(c)));

        var history = await store.ReadAsync("LONG");
        Assert.Equal(c.History, history);
        var replayed = service.Lifecycle.Replay(history);
        Assert.Equal((10_000L, 9_999), (replayed.Snapshot.Version, replayed.Snapshot.InformationCount));
        Assert.Equal(10_000, (await store.GetSummaryAsync("LONG"))!.Version);
        Assert.Equal(10_000, (await ReadWholeFeedAsync(store, 10_000, ComplaintQuery.MaxLimit)).Count);
    }
}
