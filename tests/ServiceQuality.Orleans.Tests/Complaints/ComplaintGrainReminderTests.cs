using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
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
    private static readonly ComplaintIntake Intake = new() { ClientId = "client-3", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "My invoice is wrong twice now.", Actor = "desk" };

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

        await AdvanceUntilAsync(T0 + TimeSpan.FromHours(2), TimeSpan.FromMinutes(150), async () => await AlertCountAsync("R-1") >= 1);
        var atRisk = Assert.Single(await AlertsEventuallyAsync("R-1", 1));
        Assert.Equal((SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0 + TimeSpan.FromHours(4), "system"), (atRisk.Clock, atRisk.Status, atRisk.BreachAt, atRisk.Actor));
        AssertFiredSoonAfter(T0 + TimeSpan.FromHours(2), atRisk.At);
        // Re-armed for the breach (dueTime = breach - now; the clock may have moved one step between the grain's now and the table's).
        // The grain stores the alert first and re-arms after, so the table is read until the re-arm has landed.
        var rearmed = await ReminderEventuallyAsync(grain, r => r is not null && r.StartAt != row.StartAt);
        Assert.InRange(rearmed!.StartAt, (T0 + TimeSpan.FromHours(4)).UtcDateTime, (T0 + TimeSpan.FromMinutes(241)).UtcDateTime);

        await AdvanceUntilAsync(T0 + TimeSpan.FromHours(4), TimeSpan.FromHours(3), async () => await AlertCountAsync("R-1") >= 2);
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
    /// list (<c>ReminderOptions.RefreshReminderListPeriod</c>, 5 minutes): it fires at its due time or up to one refresh (and one step of the test's clock) later.
    /// </summary>
    private static void AssertFiredSoonAfter(DateTimeOffset due, DateTimeOffset firedAt, int lateMinutes = 15) =>
        Assert.InRange(firedAt, due, due + TimeSpan.FromMinutes(lateMinutes));

    /// <summary>
    /// Moves the clock a minute (or <paramref name="step"/>) at a time, at most <paramref name="by"/>, until
    /// <paramref name="done"/>. From <paramref name="watchFrom"/> (the due time) on, each step waits up to 250 ms of real
    /// time for the reminder to have acted before moving on, so a loaded host's late timer callbacks do not let the test's
    /// clock run ahead of them (which would make a punctual firing look late).
    /// </summary>
    private async Task AdvanceUntilAsync(DateTimeOffset watchFrom, TimeSpan by, Func<Task<bool>> done, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMinutes(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += size)
        {
            _time.Advance(size);
            if (_time.GetUtcNow() < watchFrom)
            {
                await Task.Delay(2);
                continue;
            }

            for (var waited = DateTime.UtcNow; DateTime.UtcNow - waited < TimeSpan.FromMilliseconds(250); await Task.Delay(10))
            {
                if (await done())
                {
                    return;
                }
            }
        }
    }

    private async Task<int> AlertCountAsync(string complaintId) => (await _store.ReadAsync(complaintId)).OfType<SlaAlertRecorded>().Count();

    /// <summary>Moves the clock a minute (or <paramref name="step"/>) at a time (the reminder service's timers run on it), letting each minute's timers run.</summary>
    private async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMinutes(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += size)
        {
            _time.Advance(size);
            await Task.Delay(2);
        }
    }

    [Fact]
    public async Task ExecuteAsync_ReminderTableFailsAfterTheEventIsStored_ReportsTheCommandAcceptedAndRearmsLater()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>("R-5");
        await grain.ReceiveAsync(Intake);
        var table = TestClusters.ReminderTableOf(_cluster);
        var armedForReceive = ReminderOf(grain)!.StartAt;

        table.FailWrites = true;
        var acknowledged = await grain.ExecuteAsync(ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." });
        table.FailWrites = false;

        Assert.True(acknowledged.IsAccepted);                                     // stored, and said so
        Assert.Equal(2, (await _store.ReadAsync("R-5")).Count);
        Assert.Equal(armedForReceive, ReminderOf(grain)!.StartAt);                // the old arming stands

        var started = await grain.ExecuteAsync(ComplaintCommand.StartInvestigating, new() { Actor = "ann" });

        Assert.True(started.IsAccepted);
        var next = ExpectedNextDue(await grain.GetHistoryAsync())!.Value;
        Assert.Equal(next.At.UtcDateTime, ReminderOf(grain)!.StartAt);            // re-armed by the next command
        Assert.NotEqual(armedForReceive, next.At.UtcDateTime);
    }

    [Fact]
    public async Task ReceiveReminder_ResolvedAndUnanswered_AutoClosesAfterTheWindowAndUnregisters()
    {
        var grain = _cluster.GrainFactory.GetGrain<IComplaintGrain>("R-4");
        await grain.ReceiveAsync(Intake);
        foreach (var (command, arguments) in new (ComplaintCommand, ComplaintCommandArguments)[]
        {
            (ComplaintCommand.Acknowledge, new() { Actor = "ann", Channel = ContactChannel.Email, Thanks = "Thank you for telling us." }),
            (ComplaintCommand.StartInvestigating, new() { Actor = "ann" }),
            (ComplaintCommand.Apologize, new() { Actor = "ann", Channel = ContactChannel.Email, Apology = "We are sorry the invoice was wrong." }),
            (ComplaintCommand.OfferHelp, new() { Actor = "ann", Channel = ContactChannel.Email, Options = ["a corrected invoice"] }),
            (ComplaintCommand.Commit, new() { Actor = "ann", Channel = ContactChannel.Email, Action = "Send a corrected invoice.", DueAt = T0 + TimeSpan.FromDays(1) }),
            (ComplaintCommand.DeliverFix, new() { Actor = "ann", Channel = ContactChannel.Email, Resolution = "Corrected invoice sent." }),
        })
        {
            Assert.True((await grain.ExecuteAsync(command, arguments)).IsAccepted, command.ToString());
        }

        Assert.Equal(ComplaintState.Resolved, (await grain.GetSnapshotAsync())!.State);

        // The default window: 7 days without an answer from the client since the fix.
        await AdvanceUntilAsync(
            T0 + TimeSpan.FromDays(7), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(30), async () => (await _store.ReadAsync("R-4"))[^1] is ComplaintAutoClosed, TimeSpan.FromMinutes(10));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<ComplaintEvent> history;
        while ((history = await _store.ReadAsync("R-4"))[^1] is not ComplaintAutoClosed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var closed = Assert.IsType<ComplaintAutoClosed>(history[^1]);
        Assert.Equal(ComplaintState.Closed, closed.State);
        Assert.Equal("system", closed.Actor);
        AssertFiredSoonAfter(T0 + TimeSpan.FromDays(7), closed.At, lateMinutes: 30);     // the clock moved 10 minutes a step here
        Assert.Single(history.OfType<ComplaintAutoClosed>());
        Assert.Null(await ReminderEventuallyAsync(grain, r => r is null));   // closed: nothing due, no reminder (unregistered after the event is stored)
    }

    /// <summary>The grain's reminder row once <paramref name="landed"/> holds for it (30 s of real time at most, then whatever it is).</summary>
    private async Task<ReminderEntry?> ReminderEventuallyAsync(IComplaintGrain grain, Func<ReminderEntry?, bool> landed)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var row = ReminderOf(grain);
            if (landed(row) || DateTime.UtcNow > deadline)
            {
                return row;
            }

            await Task.Delay(20);
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
