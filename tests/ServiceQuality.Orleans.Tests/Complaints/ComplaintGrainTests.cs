using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Orleans.Complaints;

namespace ServiceQuality.Orleans.Tests.Complaints;

[Collection(ClusterCollection.Name)]
public sealed class ComplaintGrainTests(ClusterFixture fixture)
{
    private static readonly ComplaintIntake Intake = new()
    {
        ClientId = "client-7",
        Segment = ClientSegment.External,
        Channel = ContactChannel.Email,
        Priority = Priority.High,
        Text = "The VPN drops every hour since Monday.",
        Actor = "desk",
        Tags = ["vpn", "network"],
        Metadata = new Dictionary<string, string> { ["site"] = "Hull", ["floor"] = "3" },
    };

    private TestCluster Cluster => fixture.Cluster;

    private IComplaintGrain NewComplaint() => Cluster.GrainFactory.GetGrain<IComplaintGrain>("G-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task ReceiveAsync_NewIdentifier_StoresTheFirstEvent()
    {
        var grain = NewComplaint();

        var receipt = await grain.ReceiveAsync(Intake);

        Assert.True(receipt.IsCreated);
        Assert.Equal(ComplaintState.Received, receipt.Complaint.State);
        Assert.Equal(1, receipt.Complaint.Version);
        Assert.Equal("client-7", receipt.Complaint.ClientId);
        var stored = Assert.Single(await fixture.Store.ReadAsync(grain.GetPrimaryKeyString()));
        var received = Assert.IsType<ComplaintReceived>(stored);
        Assert.Equal(Intake.Text, received.Text);
        Assert.Equal(Priority.High, received.Priority);
        Assert.Equal(["vpn", "network"], received.Tags);
        Assert.Equal([new("floor", "3"), new KeyValuePair<string, string>("site", "Hull")], received.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(["vpn", "network"], receipt.Complaint.Tags);
        Assert.Equal("Hull", receipt.Complaint.Metadata["site"]);
        Assert.NotNull(receipt.Complaint.Normalized);
        Assert.Equal(received.Normalized, receipt.Complaint.Normalized);
    }

    [Fact]
    public async Task ReceiveAsync_ExistingIdentifier_StoresNothingAndReturnsTheExisting()
    {
        var grain = NewComplaint();
        await grain.ReceiveAsync(Intake);

        var second = await grain.ReceiveAsync(Intake with { ClientId = "someone-else" });

        Assert.False(second.IsCreated);
        Assert.Equal("client-7", second.Complaint.ClientId);
        Assert.Single(await fixture.Store.ReadAsync(grain.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task ExecuteAsync_PermittedCommand_StoresItsEventAtTheNextVersion()
    {
        var grain = NewComplaint();
        await grain.ReceiveAsync(Intake);

        var reply = await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." });

        Assert.True(reply.IsAccepted);
        Assert.Null(reply.Refusal);
        Assert.Equal(1, reply.Attempts);
        var acknowledged = Assert.IsType<ComplaintAcknowledged>(reply.Event);
        Assert.Equal("Thank you for telling us.", acknowledged.Thanks);
        Assert.Equal(2, acknowledged.Version);
        Assert.Equal(ComplaintState.Acknowledged, reply.Complaint!.State);
        var history = await fixture.Store.ReadAsync(grain.GetPrimaryKeyString());
        Assert.Equal([typeof(ComplaintReceived), typeof(ComplaintAcknowledged)], history.Select(e => e.GetType()));
    }

    [Fact]
    public async Task ExecuteAsync_CommandNotPermitted_ReturnsTheRefusalAndStoresNothing()
    {
        var grain = NewComplaint();
        await grain.ReceiveAsync(Intake);

        var reply = await grain.ExecuteAsync(ComplaintCommand.DeliverFix, new() { Actor = "ann", Channel = ContactChannel.Email, Resolution = "Replaced the router." });

        Assert.False(reply.IsAccepted);
        Assert.Equal(CommandStatus.Refused, reply.Status);
        var refusal = Assert.IsType<CommandRefusal>(reply.Refusal);
        Assert.Equal(ComplaintState.Received, refusal.State);
        Assert.Equal(ComplaintCommand.DeliverFix, refusal.Command);
        Assert.Equal(CommandRefusalReason.NotPermitted, refusal.Reason);
        // Exactly what the library itself allows in Received (the lifecycle commands plus the desk commands).
        var local = new ComplaintLifecycle().Receive(Intake.ToRequest("local"))
            .DeliverFix("ann", ContactChannel.Email, "Replaced the router.").Refusal!;
        Assert.Equal(local.AllowedCommands.Order(), refusal.AllowedCommands.Order());
        Assert.Contains(ComplaintCommand.Acknowledge, refusal.AllowedCommands);
        Assert.Contains(ComplaintCommand.Assign, refusal.AllowedCommands);
        Assert.DoesNotContain(ComplaintCommand.DeliverFix, refusal.AllowedCommands);
        Assert.Contains("DeliverFix", refusal.Message, StringComparison.Ordinal);
        Assert.Single(await fixture.Store.ReadAsync(grain.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task ExecuteAsync_AcceptedAndRefused_RecordedOnTheSilosInstrumentsAsComplaintServiceRecordsThem()
    {
        // Every measurement on the meters of THIS cluster's silos (each silo's ServiceQualityInstrumentation, from its
        // own meter factory); this collection's tests run one at a time, and other clusters have other meters.
        var meters = Cluster.Silos.Select(s => ((InProcessSiloHandle)s).ServiceProvider.GetRequiredService<ServiceQualityInstrumentation>().Meter).ToHashSet();
        var measured = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (meters.Contains(instrument.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var grain = NewComplaint();

        await grain.ReceiveAsync(Intake);
        var acknowledged = await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you." });
        var refused = await grain.ExecuteAsync(ComplaintCommand.DeliverFix, new() { Actor = "ann", Channel = ContactChannel.Email, Resolution = "Replaced the router." });
        listener.Dispose();

        Assert.True(acknowledged.IsAccepted);
        Assert.Equal(CommandStatus.Refused, refused.Status);
        var all = measured.ToList();
        // What the grain's SaveAsync stores is counted (receipt, accepted command, time to acknowledge, wall and business),
        Assert.Equal([("Email", "High")], all.Where(m => m.Instrument == ServiceQualityMetricNames.ComplaintsReceived).Select(m => (m.Tags["channel"], m.Tags["priority"])));
        Assert.Equal(["Acknowledge"], all.Where(m => m.Instrument == ServiceQualityMetricNames.CommandsAccepted).Select(m => m.Tags["command"]));
        Assert.Single(all, m => m.Instrument == ServiceQualityMetricNames.TimeToAcknowledge);
        Assert.Single(all, m => m.Instrument == ServiceQualityMetricNames.TimeToAcknowledgeBusiness);
        // and the refusal the caller got, once, with its command and state, as ComplaintService.ExecuteAsync counts it.
        Assert.Equal([(1.0, "DeliverFix", "Acknowledged")], all.Where(m => m.Instrument == ServiceQualityMetricNames.CommandsRefused).Select(m => (m.Value, m.Tags["command"], m.Tags["state"])));

        static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            return map;
        }
    }

    [Fact]
    public async Task ExecuteAsync_UnknownComplaint_ReturnsNotFound()
    {
        var grain = NewComplaint();

        var reply = await grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann" });

        Assert.Equal(CommandStatus.NotFound, reply.Status);
        Assert.False(reply.IsAccepted);
        Assert.Null(reply.Complaint);
        Assert.Null(reply.Refusal);
        Assert.Empty(await grain.GetHistoryAsync());
        Assert.Null(await grain.GetSnapshotAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ArgumentTheCommandDoesNotRead_ThrowsArgumentExceptionToTheCaller()
    {
        var grain = NewComplaint();
        await grain.ReceiveAsync(Intake);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann", Reason = "no" }));

        Assert.Contains("'reason'", ex.Message, StringComparison.Ordinal);
        Assert.Single(await fixture.Store.ReadAsync(grain.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task ExecuteAsync_AnotherWriterAppendedFirst_DecidesAgainOnTheStoredHistory()
    {
        var grain = NewComplaint();
        string id = grain.GetPrimaryKeyString();
        await grain.ReceiveAsync(Intake);
        await grain.GetSnapshotAsync();                       // the grain holds version 1
        var outside = new ComplaintService(new ComplaintLifecycle(), fixture.Store);
        (await outside.ExecuteAsync(id, c => c.Acknowledge("bob", ContactChannel.Phone, "Thanks, Bob here."))).Result.EnsureAccepted();

        var reply = await grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann" });

        Assert.True(reply.IsAccepted);
        Assert.Equal(2, reply.Attempts);                      // refused on the stale version 1, then decided again on the stored version 2
        Assert.Equal(3, reply.Event!.Version);
        var history = await fixture.Store.ReadAsync(id);
        Assert.Equal([1L, 2L, 3L], history.Select(e => e.Version));
        Assert.Equal([typeof(ComplaintReceived), typeof(ComplaintAcknowledged), typeof(InvestigationStarted)], history.Select(e => e.GetType()));
    }

    [Fact]
    public async Task ExecuteAsync_AnotherWriterKeepsMovingTheComplaint_ThrowsTheConflictWithItsVersionsToTheCaller()
    {
        // Another writer of the store adds a note just before each of the grain's appends (ContestedComplaintStore): the
        // grain decides again on the stored history after each refusal, and after its 4th attempt gives up.
        var grain = Cluster.GrainFactory.GetGrain<IComplaintGrain>(ContestedComplaintStore.Prefix + Guid.NewGuid().ToString("N")[..10]);
        string id = grain.GetPrimaryKeyString();
        await grain.ReceiveAsync(Intake);

        var ex = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you." }));

        // The exception crossed to the client as itself (ServiceQuality.Orleans' codec), fields and all: attempt 4 expected
        // version 4 (the receipt and 3 notes) and found 5.
        Assert.Equal((id, 4L, 5L), (ex.ComplaintId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal($"Complaint '{id}' is at version 5, not the expected 4: another writer appended first. Reload it and retry the command.", ex.Message);
        Assert.Contains(nameof(ComplaintGrain), ex.StackTrace, StringComparison.Ordinal);  // the grain's stack, as the remote part
        var history = await fixture.Store.ReadAsync(id);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], history.Select(e => e.Version));
        Assert.All(history.Skip(1), e => Assert.Equal(ContestedComplaintStore.OtherWriter, Assert.IsType<InformationAdded>(e).Actor));
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterDeactivation_IsRebuiltFromTheStore()
    {
        var grain = NewComplaint();
        string id = grain.GetPrimaryKeyString();
        await grain.ReceiveAsync(Intake);
        await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you." });
        var before = (await grain.GetSnapshotAsync())!;

        await Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // Written while no activation holds the complaint: only a grain rebuilt from the store can know of it.
        var outside = new ComplaintService(new ComplaintLifecycle(), fixture.Store);
        (await outside.ExecuteAsync(id, c => c.StartInvestigating("bob"))).Result.EnsureAccepted();
        var after = (await grain.GetSnapshotAsync())!;

        Assert.Equal(2, before.Version);
        Assert.Equal(3, after.Version);
        Assert.Equal(ComplaintState.Investigating, after.State);
        Assert.Equal((await outside.LoadAsync(id))!.Snapshot, after);     // the grain's state is the store's history replayed
        Assert.Equal((before.ClientId, before.Text, before.ReceivedAt, before.AcknowledgedAt), (after.ClientId, after.Text, after.ReceivedAt, after.AcknowledgedAt));
        Assert.Equal([1L, 2L, 3L], (await grain.GetHistoryAsync()).Select(e => e.Version));
    }
}
