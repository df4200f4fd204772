using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>Appending and reading streams, with optimistic concurrency.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>A new stream is stored whole: read returns the events in order, the summary is the one appended, the version is returned.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_NewStream_ReadReturnsTheEventsAndTheSummary()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var c = Receive(service.Lifecycle, "C-1");
        c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us.").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();
        var append = ComplaintAppend.Of(c);

        long version = await store.AppendAsync(append);

        Assert.Equal(3, version);
        Assert.Equal(c.History, await store.ReadAsync("C-1"));
        Assert.Equal(append.Summary, await store.GetSummaryAsync("C-1"));
        Assert.Equal(
            new ComplaintStreamInfo
            {
                ComplaintId = "C-1", ClientId = "client-7", State = ComplaintState.Investigating, Version = 3,
                ReceivedAt = Start, LastEventAt = Start, Priority = Priority.Normal, IncidentKey = c.Snapshot.Normalized!.IncidentKey,
                NextDue = new ComplaintDue { At = Start.AddHours(12), Kind = ComplaintDueKind.SlaAtRisk, Clock = Sla.SlaClockKind.Update }, // update every day, at risk at half
            },
            await store.GetSummaryAsync("C-1"));
    }

    /// <summary>Appends continue a stream from its version, and the summary follows the last one.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_InSeveralBatches_ContinuesTheStream()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var c = await SaveAsync(store, Receive(service.Lifecycle, "C-1"));
        clock.Advance(TimeSpan.FromMinutes(5));
        c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();

        Assert.Equal(3, await store.AppendAsync(ComplaintAppend.Of(c)));

        Assert.Equal(c.History, await store.ReadAsync("C-1"));
        var summary = await store.GetSummaryAsync("C-1");
        Assert.Equal((ComplaintState.Investigating, 3L, Start, Start.AddMinutes(5)), (summary!.State, summary.Version, summary.ReceivedAt, summary.LastEventAt));
    }

    /// <summary>A writer with a stale version is refused with the versions, and nothing of its append is stored: not its events, its summary or its feed entries.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_StaleExpectedVersion_ThrowsConcurrencyErrorAndStoresNothing()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var first = await SaveAsync(store, Receive(service.Lifecycle, "C-1"));
        var stale = service.Lifecycle.Replay(first.History);
        first.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        await SaveAsync(store, first);
        var summaryBefore = await store.GetSummaryAsync("C-1");
        int feedBefore = (await ReadWholeFeedAsync(store, first.History.Count)).Count;
        stale.AddInformation("bob", "late").EnsureAccepted();

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await store.AppendAsync(ComplaintAppend.Of(stale)));

        Assert.Equal(("C-1", 1L, 2L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Contains("is at version 2, not the expected 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.History, await store.ReadAsync("C-1"));
        Assert.Equal(summaryBefore, await store.GetSummaryAsync("C-1"));
        Assert.Equal(feedBefore, (await ReadWholeFeedAsync(store, feedBefore)).Count);
    }

    /// <summary>A new complaint under an identifier in use is <see cref="ComplaintAlreadyExistsException"/>, with the existing version, and the existing stream is untouched.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_NewStreamThatExists_ThrowsAlreadyExists()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var existing = Receive(service.Lifecycle, "C-1");
        existing.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();
        await SaveAsync(store, existing);

        var ex = await Assert.ThrowsAsync<ComplaintAlreadyExistsException>(async () =>
            await store.AppendAsync(ComplaintAppend.Of(Receive(service.Lifecycle, "C-1", "client-8", "another complaint"))));

        Assert.Equal(("C-1", 0L, 2L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal(existing.History, await store.ReadAsync("C-1"));
        Assert.Equal("client-7", (await store.GetSummaryAsync("C-1"))!.ClientId);
    }

    /// <summary>Continuing a stream that does not exist is a concurrency error at version 0 (another writer's stream was expected).</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_UnknownStreamWithExpectedVersion_ThrowsConcurrencyErrorAtVersionZero()
    {
        var store = await NewStoreAsync();
        var (service, _) = NewService(store);
        var c = service.Lifecycle.Replay([Receive(service.Lifecycle, "C-1").History[0]]);
        c.Acknowledge("ann", ContactChannel.Email, "Thanks").EnsureAccepted();

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(async () => await store.AppendAsync(ComplaintAppend.Of(c)));

        Assert.IsNotType<ComplaintAlreadyExistsException>(ex);
        Assert.Equal((1L, 0L), (ex.ExpectedVersion, ex.ActualVersion));
        Assert.Empty(await store.ReadAsync("C-1"));
        Assert.Null(await store.GetSummaryAsync("C-1"));
    }

    /// <summary>Arguments are checked: a null append, a null or white-space identifier, a page size out of range.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Arguments_Invalid_ThrowArgumentExceptions()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>("append", async () => await store.AppendAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ReadAsync(" "));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ReadAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.GetSummaryAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.EraseClientAsync(" "));
        await Assert.ThrowsAsync<ArgumentNullException>("query", async () => await store.QueryAsync(null!));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("limit", async () => await store.ReadFeedAsync(ComplaintFeedPosition.Start, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("limit", async () => await store.ReadFeedAsync(ComplaintFeedPosition.Start, ComplaintQuery.MaxLimit + 1));
    }

    /// <summary>An unknown complaint reads as an empty stream and no summary.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadAsync_UnknownComplaint_ReturnsEmptyAndNoSummary()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await store.ReadAsync("nobody"));
        Assert.Null(await store.GetSummaryAsync("nobody"));
    }

    /// <summary>Through <see cref="ComplaintService"/>: what was received and executed loads back equal (replay equals live), with every type of event.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Service_EveryEventType_LoadsBackEqual()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var live = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.Internal, Channel = ContactChannel.Phone, Priority = Priority.High, Text = "The printer on floor 3 jams.", Actor = "desk" });
        Func<Complaint, CommandResult>[] steps =
        [
            c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you for telling us."),
            c => c.StartInvestigating("ann"),
            c => c.AddInformation("ann", "Tray 2 roller worn."),
            c => c.RequestInformation("ann", ContactChannel.Email, "Which tray?"),
            c => c.RecordClientResponse("client", ContactChannel.Email, "Tray 2."),
            c => c.Apologize("ann", ContactChannel.Email, "I'm sorry for the trouble."),
            c => c.PostUpdate("ann", ContactChannel.Web, "A part is ordered."),
            c => c.Escalate("lead", 1, "Third time this month"),
            c => c.OfferHelp("ann", ContactChannel.Email, ["replace the roller", "move you to floor 2"]),
            c => c.Commit("ann", ContactChannel.Email, "replace the roller", clock.GetUtcNow().AddDays(1)),
            c => c.DeliverFix("bob", ContactChannel.InPerson, "roller replaced"),
            c => c.RecordClientRejection("client", ContactChannel.Phone, "still jams"),
            c => c.OfferHelp("ann", ContactChannel.Email, ["replace the printer"]),
            c => c.Commit("ann", ContactChannel.Email, "replace the printer", clock.GetUtcNow().AddDays(2)),
            c => c.DeliverFix("bob", ContactChannel.InPerson, "printer replaced"),
            c => c.RecordClientConfirmation("client", ContactChannel.Phone),
            c => c.Reopen("client", ContactChannel.Phone, "jams again"),
            c => c.Withdraw("client", ContactChannel.Phone, "bought my own"),
        ];
        foreach (var step in steps)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            var result = await service.ExecuteAsync("C-1", step);
            Assert.True(result.Result.IsAccepted, result.Result.Message);
            live = live.Lifecycle.Replay([.. live.History, result.Result.Event!]);
        }

        var loaded = await service.LoadAsync("C-1");

        Assert.Equal(live.History, loaded!.History);
        Assert.Equal(live.Snapshot, loaded.Snapshot);
        Assert.Equal(ComplaintState.Withdrawn, (await store.GetSummaryAsync("C-1"))!.State);
        Assert.Equal(steps.Length + 1, (await store.ReadAsync("C-1")).Count);
    }
}
