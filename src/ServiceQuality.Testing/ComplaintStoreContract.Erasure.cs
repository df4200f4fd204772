using ServiceQuality.Complaints;
using Xunit;

namespace ServiceQuality.Testing;

/// <summary>Erasing a client's personal data.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>The words every erasure test writes, to look for afterwards.</summary>
    protected const string SecretWords = "Quokka-7731 erin.example@mail.test";

    /// <summary>
    /// Erasing a client replaces each of its events by the erased copy, in place: the words are gone from reads and from
    /// the feed, the facts stay, so replay gives the same states, milestones and SLA clocks; summaries and positions are
    /// unchanged; other clients are untouched; a second erasure changes nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task EraseClientAsync_ClientWithComplaints_ErasesTheWordsKeepsTheFacts()
    {
        var store = await NewStoreAsync();
        var (service, clock) = NewService(store);
        var first = await WriteErinsComplaintAsync(service, clock, "E-1");
        var second = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "E-2", ClientId = "erin", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Low, Text = $"Also: {SecretWords}", Actor = "desk" });
        var other = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "O-1", ClientId = "olaf", Segment = ClientSegment.Internal, Channel = ContactChannel.Web, Priority = Priority.Low, Text = $"Olaf quotes {SecretWords}", Actor = "desk" });
        var summaries = new[] { await store.GetSummaryAsync("E-1"), await store.GetSummaryAsync("E-2") };
        var feedBefore = await ReadWholeFeedAsync(store, first.History.Count + second.History.Count + other.History.Count);
        int expectedErased = first.History.Concat(second.History).Count(e => !e.WithPersonalDataErased().Equals(e));

        var erasure = await store.EraseClientAsync("erin");

        Assert.Equal(new ComplaintErasure { ClientId = "erin", Complaints = 2, EventsErased = expectedErased }, erasure);
        Assert.Equal(first.History.Select(e => e.WithPersonalDataErased()), await store.ReadAsync("E-1"));
        Assert.Equal(second.History.Select(e => e.WithPersonalDataErased()), await store.ReadAsync("E-2"));
        Assert.Equal(other.History, await store.ReadAsync("O-1"));
        Assert.Equal(summaries, [await store.GetSummaryAsync("E-1"), await store.GetSummaryAsync("E-2")]);

        var replayed = service.Lifecycle.Replay(await store.ReadAsync("E-1"));
        var erasedRecord = ((ComplaintReceived)first.History[0].WithPersonalDataErased()).Normalized;
        Assert.Equal(service.Lifecycle.Replay([.. first.History.Select(e => e.WithPersonalDataErased())]).Snapshot, replayed.Snapshot);
        Assert.Equal((ComplaintEvent.ErasedText, ComplaintEvent.ErasedText, erasedRecord), (replayed.Snapshot.Text, replayed.Snapshot.CommittedAction, replayed.Snapshot.Normalized));
        // Only the words changed: every other field of the fold is the one before the erasure.
        foreach (var property in typeof(ComplaintSnapshot).GetProperties())
        {
            if (property.Name is not (nameof(ComplaintSnapshot.Text) or nameof(ComplaintSnapshot.CommittedAction) or nameof(ComplaintSnapshot.Normalized)))
            {
                Assert.Equal(property.GetValue(first.Snapshot), property.GetValue(replayed.Snapshot));
            }
        }

        Assert.Equal(first.EvaluateSla(clock.GetUtcNow()), replayed.EvaluateSla(clock.GetUtcNow()));
        Assert.DoesNotContain(await store.ReadAsync("E-1"), e => ComplaintEventSerializer.Serialize(e).Contains("Quokka", StringComparison.Ordinal));

        var feedAfter = await ReadWholeFeedAsync(store, feedBefore.Count);
        Assert.Equal(feedBefore.Select(e => e.Position), feedAfter.Select(e => e.Position));
        Assert.Equal(feedBefore.Select(e => e.Event.ComplaintId == "O-1" ? e.Event : e.Event.WithPersonalDataErased()), feedAfter.Select(e => e.Event));

        Assert.Equal(new ComplaintErasure { ClientId = "erin", Complaints = 2, EventsErased = 0 }, await store.EraseClientAsync("erin"));
        Assert.Equal(new ComplaintErasure { ClientId = "nobody", Complaints = 0, EventsErased = 0 }, await store.EraseClientAsync("nobody"));
    }

    /// <summary>Writes a complaint of client <c>erin</c> with every kind of text, each holding <see cref="SecretWords"/>: for store-specific "no trace" tests.</summary>
    /// <param name="store">The store.</param>
    /// <param name="complaintId">The complaint's identifier.</param>
    /// <returns>The complaint as stored.</returns>
    protected static async Task<Complaint> WriteErinsComplaintAsync(IComplaintStore store, string complaintId)
    {
        var (service, clock) = NewService(store);
        return await WriteErinsComplaintAsync(service, clock, complaintId);
    }

    private static async Task<Complaint> WriteErinsComplaintAsync(ComplaintService service, ManualClock clock, string complaintId)
    {
        string w = SecretWords;
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = complaintId, ClientId = "erin", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = $"My VPN drops. {w}", Actor = "desk" });
        Func<Complaint, CommandResult>[] steps =
        [
            c => c.Acknowledge("ann", ContactChannel.Email, $"Thank you, {w}."),
            c => c.StartInvestigating("ann"),
            c => c.AddInformation("ann", $"Client said {w}"),
            c => c.RequestInformation("ann", ContactChannel.Email, $"Is {w} yours?"),
            c => c.RecordClientResponse("erin", ContactChannel.Email, $"Yes, {w}"),
            c => c.Apologize("ann", ContactChannel.Email, $"Sorry, {w}"),
            c => c.PostUpdate("ann", ContactChannel.Email, $"Update for {w}"),
            c => c.Escalate("lead", 1, $"VIP {w}"),
            c => c.OfferHelp("ann", ContactChannel.Email, [$"call {w}", "replace the router"]),
            c => c.Commit("ann", ContactChannel.Email, $"visit {w}", clock.GetUtcNow().AddDays(1)),
            c => c.DeliverFix("bob", ContactChannel.InPerson, $"fixed for {w}"),
            c => c.RecordClientRejection("erin", ContactChannel.Email, $"no, {w}"),
        ];
        foreach (var step in steps)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True((await service.ExecuteAsync(complaintId, step)).Result.IsAccepted);
        }

        return (await service.LoadAsync(complaintId))!;
    }
}
