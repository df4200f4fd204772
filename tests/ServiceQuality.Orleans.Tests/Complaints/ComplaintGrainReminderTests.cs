using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Orleans.Tests.Complaints;

/// <summary>
/// The SLA clocks as Orleans reminders, on a two-silo cluster whose complaint and reminder time is a
/// <see cref="FakeTimeProvider"/>: the Normal policy (default options) gives the acknowledge clock 4 hours on the
/// always-open calendar, at risk at half (2 hours).
/// </summary>
public sealed class ComplaintGrainReminderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ComplaintIntake Intake = new("client-3", ClientSegment.External, ContactChannel.Email, Priority.Normal, "My invoice is wrong twice now.", "desk");

    private readonly FakeTimeProvider _time = new(T0);
    private TestCluster _cluster = null!;
    private IComplaintStore _store = null!;

    public async Task InitializeAsync() => (_cluster, _store) = await TestClusters.StartAsync(2, _time);

    public Task DisposeAsync() => TestClusters.StopAsync(_cluster);

    [Fact]
    public async Task ReceiveReminder_AcknowledgeClockBreaches_RecordsOneAtRiskAndOneBreachAlert()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>("R-1");
        await grain.ReceiveAsync(Intake);
        var row = ReminderOf(grain)!;
        Assert.Equal((T0 + TimeSpan.FromHours(2)).UtcDateTime, row.StartAt);   // armed for the acknowledge clock's at-risk
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);                     // Orleans' minimum: the retry period

        await AdvanceAsync(TimeSpan.FromMinutes(150));
        var atRisk = Assert.Single(await AlertsEventuallyAsync("R-1", 1));
        Assert.Equal((SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0 + TimeSpan.FromHours(4), "system"), (atRisk.Clock, atRisk.Status, atRisk.BreachAt, atRisk.Actor));
        AssertFiredSoonAfter(T0 + TimeSpan.FromHours(2), atRisk.At);
        // Re-armed for the breach (dueTime = breach - now; the clock may have moved one step between the grain's now and the table's).
        Assert.InRange(ReminderOf(grain)!.StartAt, (T0 + TimeSpan.FromHours(4)).UtcDateTime, (T0 + TimeSpan.FromMinutes(241)).UtcDateTime);

        await AdvanceAsync(TimeSpan.FromHours(2));
        var alerts = await AlertsEventuallyAsync("R-1", 2);
        Assert.Equal([(SlaClockKind.Acknowledge, SlaStatus.AtRisk), (SlaClockKind.Acknowledge, SlaStatus.Breached)], alerts.Select(a => (a.Clock, a.Status)));
        Assert.Equal(T0 + TimeSpan.FromHours(4), alerts[1].BreachAt);
        AssertFiredSoonAfter(T0 + TimeSpan.FromHours(4), alerts[1].At);

        // A second firing (as another silo's, or a retry) records nothing: the complaint refuses what is recorded already.
        var remindable = _cluster.GrainFactory.GetGrain<IRemindable>(grain.GetGrainId());
        var tick = new TickStatus(_time.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), _time.GetUtcNow().UtcDateTime);
        await remindable.ReceiveReminder(ComplaintGrain.ReminderName, tick);
        await remindable.ReceiveReminder(ComplaintGrain.ReminderName, tick);
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(500);
        Assert.Equal(2, (await _store.ReadAsync("R-1")).OfType<SlaAlertRecorded>().Count());
        Assert.Equal(
            [("R-1", "client-3", SlaClockKind.Acknowledge, SlaStatus.AtRisk, 2L), ("R-1", "client-3", SlaClockKind.Acknowledge, SlaStatus.Breached, 3L)],
            TestClusters.AlertHandlerOf(_cluster).Alerts.Select(a => (a.ComplaintId, a.ClientId, a.Clock, a.Status, a.Version)));
    }

    [Fact]
    public async Task ExecuteAsync_Acknowledged_RearmsTheReminderForTheNextClock()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>("R-2");
        await grain.ReceiveAsync(Intake);
        await AdvanceAsync(TimeSpan.FromMinutes(30));

        await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." });

        // The acknowledge clock stopped; the update clock (1 day from the acknowledgement) goes at risk at half.
        var snapshot = (await grain.GetSnapshotAsync())!;
        var next = ExpectedNextDue(await grain.GetHistoryAsync());
        Assert.Equal(ComplaintState.Acknowledged, snapshot.State);
        Assert.Equal(next!.Value.At.UtcDateTime, ReminderOf(grain)!.StartAt);
        Assert.True(next.Value.At > T0 + TimeSpan.FromHours(4), $"next due {next} should be past the acknowledge clock");
    }

    [Fact]
    public async Task ExecuteAsync_ComplaintWithdrawn_UnregistersItsReminderAndRecordsNoAlert()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>("R-3");
        await grain.ReceiveAsync(Intake);
        Assert.NotNull(ReminderOf(grain));

        var reply = await grain.ExecuteAsync(ComplaintCommand.Withdraw, new() { Actor = "client-3", Channel = ContactChannel.Email, Reason = "Sorted it myself." });
        await AdvanceAsync(TimeSpan.FromHours(5));
        await Task.Delay(500);

        Assert.Equal(ComplaintState.Withdrawn, reply.Complaint!.State);
        Assert.Null(ReminderOf(grain));
        Assert.Empty((await _store.ReadAsync("R-3")).OfType<SlaAlertRecorded>());
    }

    /// <summary>
    /// A reminder armed further ahead than Orleans' loading window is loaded by the reminder service's next refresh of its
    /// list (<c>ReminderOptions.RefreshReminderListPeriod</c>, 5 minutes): it fires at its due time or up to one refresh later.
    /// </summary>
    private static void AssertFiredSoonAfter(DateTimeOffset due, DateTimeOffset firedAt) =>
        Assert.InRange(firedAt, due, due + TimeSpan.FromMinutes(6));

    /// <summary>Moves the clock a minute at a time (the reminder service's timers run on it), letting each minute's timers run.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromMinutes(1))
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(2);
        }
    }

    private ReminderEntry? ReminderOf(IComplaintGrain grain) => TestClusters.ReminderTableOf(_cluster).Find(grain.GetGrainId(), ComplaintGrain.ReminderName);

    private ComplaintDue? ExpectedNextDue(IReadOnlyList<ComplaintEvent> history) =>
        new ComplaintLifecycle(new ComplaintOptions(), _time).Replay(history).GetNextDue(_time.GetUtcNow());

    private async Task<IReadOnlyList<SlaAlertRecorded>> AlertsEventuallyAsync(string complaintId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var alerts = (await _store.ReadAsync(complaintId)).OfType<SlaAlertRecorded>().ToList();
            if (alerts.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, alerts.Count);
                return alerts;
            }

            await Task.Delay(50);
        }
    }
}
