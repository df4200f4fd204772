using System.Collections.Concurrent;
using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>The global feed of events and its checkpointed reader.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>The feed returns every event once, appends in the order they were committed, each stream in version order, at strictly increasing positions; a reader at the end gets nothing until something is appended, then exactly that.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadFeedAsync_SequentialAppends_EveryEventOnceInCommitOrder()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var appended = new List<ComplaintEvent>();
        for (int i = 0; i < 5; i++)
        {
            var c = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = $"F-{i}", ClientId = $"client-{i % 2}", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = $"complaint {i}", Actor = "desk" });
            appended.Add(c.History[0]);
        }

        for (int i = 4; i >= 0; i--)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var loaded = (await service.LoadAsync($"F-{i}"))!;
            loaded.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
            if (i % 2 == 0)
            {
                loaded.StartInvestigating("ann").EnsureAccepted();
            }

            appended.AddRange(ComplaintAppend.Of(loaded).Events);
            await service.SaveAsync(loaded);
        }

        var feed = await ReadWholeFeedAsync(store, appended.Count, pageSize: 3);

        Assert.Equal(appended, feed.Select(e => e.Event));
        for (int i = 1; i < feed.Count; i++)
        {
            Assert.True(feed[i].Position > feed[i - 1].Position, $"position {feed[i].Position} does not come after {feed[i - 1].Position}");
        }

        Assert.Equal(feed.Count, feed.Select(e => e.Position.Sequence).Distinct().Count());
        var end = await store.ReadFeedAsync(feed[^1].Position, 10);
        Assert.Empty(end.Entries);
        Assert.Equal(feed[^1].Position, end.Next);

        var reader = new ComplaintFeedReader(store, feed[^1].Position, pageSize: 10);
        Assert.Empty(await reader.ReadNextAsync());
        var more = (await service.LoadAsync("F-1"))!;
        more.StartInvestigating("ann").EnsureAccepted();
        await service.SaveAsync(more);
        var next = new List<ComplaintFeedEntry>();
        await ReadFeedUntilAsync(reader, next, 1);
        Assert.Equal([more.History[^1]], next.Select(e => e.Event));
        Assert.Equal(next[0].Position, reader.Checkpoint);
        Assert.True(reader.Checkpoint > feed[^1].Position);
    }

    /// <summary>
    /// A reader following the feed while 8 writers append concurrently never skips an event: once the writers are done
    /// and it has caught up, it has read exactly the whole feed, in the same order, every appended event once. (The
    /// trap: a sequence hands out a low position to a transaction that commits after one holding a higher position.)
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadFeedAsync_ReaderFollowingEightWriters_NeverSkipsAnEvent()
    {
        const int Writers = 8, ComplaintsEach = 40;
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var appended = new ConcurrentBag<ComplaintEvent>();
        var reader = new ComplaintFeedReader(store, ComplaintFeedPosition.Start, pageSize: 7);
        var read = new List<ComplaintFeedEntry>();
        using var done = new CancellationTokenSource();

        var follow = Task.Run(async () =>
        {
            while (true)
            {
                bool finished = done.IsCancellationRequested;
                var page = await reader.ReadNextAsync();
                read.AddRange(page);
                if (page.Count == 0)
                {
                    if (finished)
                    {
                        await ReadFeedUntilAsync(reader, read, appended.Count);
                        return;
                    }

                    await Task.Delay(1);
                }
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < ComplaintsEach; i++)
            {
                var c = Receive(service.Lifecycle, $"W{w}-{i:D3}", $"writer-{w}");
                c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
                if (i % 3 == 0)
                {
                    c.StartInvestigating("ann").EnsureAccepted();
                }

                await store.AppendAsync(ComplaintAppend.Of(c));
                foreach (var e in c.History)
                {
                    appended.Add(e);
                }
            }
        })));
        await done.CancelAsync();
        await follow;

        var whole = await ReadWholeFeedAsync(store, appended.Count);
        Assert.Equal(appended.Count, whole.Count);
        Assert.Equal(whole.Select(e => e.Position), read.Select(e => e.Position));
        Assert.Equal(whole.Select(e => e.Event), read.Select(e => e.Event));
        Assert.Equal(appended.Count, read.Select(e => (e.Event.ComplaintId, e.Event.Version)).Distinct().Count());
    }
}
