using ServiceQuality.Sla;
using static ServiceQuality.Sla.SlaEntryKind;

namespace ServiceQuality.Tests.Sla;

public class SlaEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly SlaPolicy Policy = new() { TimeToAcknowledge = TimeSpan.FromHours(1), UpdateInterval = TimeSpan.FromHours(4), TimeToResolve = TimeSpan.FromHours(10) };

    private static SlaEntry At(double hours, SlaEntryKind kind) => new(T0.AddHours(hours), kind);

    private static SlaEvaluation Evaluate(double nowHours, params SlaEntry[] history) =>
        SlaEvaluator.Evaluate(history, Policy, BusinessCalendar.AlwaysOpen, T0.AddHours(nowHours));

    [Fact]
    public void Evaluate_JustStarted_AllClocksRunningWithProjectedBreaches()
    {
        var sla = Evaluate(0.25, At(0, Started));

        Assert.Equal(
            new SlaClockStatus(SlaClockKind.Acknowledge, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45), SlaStatus.Running, SlaRiskLevel.None, T0.AddHours(1), T0.AddHours(0.5), 1),
            sla.Acknowledge);
        Assert.Equal(T0.AddHours(4), sla.Update.BreachAt);
        Assert.Equal(T0.AddHours(10), sla.Resolve.BreachAt);
        Assert.Equal(SlaStatus.Running, sla.WorstStatus);
    }

    [Fact]
    public void Evaluate_ThresholdsAndBreach_AtRiskAt50And75PercentThenBreachedWithPastInstant()
    {
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.Elevated), S(Evaluate(0.5, At(0, Started)).Acknowledge));
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.High), S(Evaluate(0.75, At(0, Started)).Acknowledge));
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.High), S(Evaluate(0.99, At(0, Started)).Acknowledge));

        // The target is a budget: once it is used up without the goal, the clock has breached.
        var due = Evaluate(1, At(0, Started)).Acknowledge;
        Assert.Equal((SlaStatus.Breached, T0.AddHours(1), TimeSpan.Zero), (due.Status, due.BreachAt, due.Remaining));
        var late = Evaluate(1.5, At(0, Started)).Acknowledge;
        Assert.Equal((SlaStatus.Breached, T0.AddHours(1), TimeSpan.Zero), (late.Status, late.BreachAt, late.Remaining));
        Assert.Equal(1.5, late.Consumed);

        static (SlaStatus, SlaRiskLevel) S(SlaClockStatus c) => (c.Status, c.Risk);
    }

    [Fact]
    public void Evaluate_AcknowledgedInTime_MetAndStopsCounting()
    {
        var sla = Evaluate(30, At(0, Started), At(0.5, Acknowledged));

        Assert.Equal((SlaStatus.Met, TimeSpan.FromMinutes(30), (DateTimeOffset?)null), (sla.Acknowledge.Status, sla.Acknowledge.Elapsed, sla.Acknowledge.BreachAt));
    }

    [Fact]
    public void Evaluate_AcknowledgedLate_BreachedAtTheDeadline()
    {
        var sla = Evaluate(3, At(0, Started), At(2, Acknowledged));

        Assert.Equal((SlaStatus.Breached, T0.AddHours(1)), (sla.Acknowledge.Status, sla.Acknowledge.BreachAt));
    }

    [Fact]
    public void Evaluate_ClientUpdates_RestartTheUpdateClockAndCountCycles()
    {
        var sla = Evaluate(9, At(0, Started), At(0.5, Acknowledged), At(3, ClientUpdate), At(8.5, ClientUpdate));

        Assert.Equal(TimeSpan.FromHours(0.5), sla.Update.Elapsed);
        Assert.Equal(SlaStatus.Running, sla.Update.Status);
        Assert.Equal(T0.AddHours(12.5), sla.Update.BreachAt);
        Assert.Equal((2, 1), (sla.UpdateCyclesMet, sla.UpdateCyclesBreached));
    }

    [Fact]
    public void Evaluate_CurrentUpdateCycleOverdue_BreachedAndCounted()
    {
        var sla = Evaluate(6, At(0, Started), At(0.5, Acknowledged));

        Assert.Equal((SlaStatus.Breached, T0.AddHours(4.5)), (sla.Update.Status, sla.Update.BreachAt));
        Assert.Equal((1, 1), (sla.UpdateCyclesMet, sla.UpdateCyclesBreached));
        Assert.Equal(SlaStatus.Breached, sla.WorstStatus);
    }

    [Fact]
    public void Evaluate_Paused_PausedTimeNeverCounts()
    {
        var sla = Evaluate(100, At(0, Started), At(0.5, Acknowledged), At(2, Paused));
        Assert.Equal((SlaStatus.Paused, TimeSpan.FromHours(2), (DateTimeOffset?)null), (sla.Resolve.Status, sla.Resolve.Elapsed, sla.Resolve.BreachAt));
        Assert.Equal(SlaStatus.Paused, sla.Update.Status);

        var resumed = Evaluate(104, At(0, Started), At(0.5, Acknowledged), At(2, Paused), At(100, Resumed));
        Assert.Equal(TimeSpan.FromHours(6), resumed.Resolve.Elapsed);
        Assert.Equal(T0.AddHours(108), resumed.Resolve.BreachAt);
    }

    [Fact]
    public void Evaluate_ResolvedThenReopened_ResolveClockContinuesFromWhereItStopped()
    {
        var resolved = Evaluate(20, At(0, Started), At(0.5, Acknowledged), At(3, Resolved));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(3)), (resolved.Resolve.Status, resolved.Resolve.Elapsed));
        Assert.Equal(SlaStatus.Met, resolved.Update.Status);

        var reopened = Evaluate(30, At(0, Started), At(0.5, Acknowledged), At(3, Resolved), At(20, Reopened));
        Assert.Equal(TimeSpan.FromHours(13), reopened.Resolve.Elapsed);
        Assert.Equal((SlaStatus.Breached, T0.AddHours(27)), (reopened.Resolve.Status, reopened.Resolve.BreachAt));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(24)), (reopened.Update.Status, reopened.Update.BreachAt));

        var closed = Evaluate(40, At(0, Started), At(0.5, Acknowledged), At(3, Resolved), At(20, Reopened), At(21, Resolved), At(22, Stopped));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(4)), (closed.Resolve.Status, closed.Resolve.Elapsed));
    }

    [Fact]
    public void Evaluate_EntriesAfterNow_AreIgnored()
    {
        Assert.Equal(Evaluate(0.5, At(0, Started)), Evaluate(0.5, At(0, Started), At(0.75, Acknowledged)));
    }

    [Fact]
    public void Evaluate_LondonCalendarOverTheClockChange_ExactElapsedAndBreachInstants()
    {
        // Received Friday 27 March 2026 15:00 GMT; working hours 09:00-17:00 Mon-Fri; acknowledge within 4 business hours.
        var calendar = BusinessCalendar.Weekdays(BusinessCalendarTests.London, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var policy = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromHours(4) };
        SlaEntry[] history = [new(new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero), Started)];

        // Monday 30 March 10:00 BST = 09:00Z: 2 h on Friday + 1 h on Monday; breach projected at 11:00 BST = 10:00Z.
        var monday = SlaEvaluator.Evaluate(history, policy, calendar, new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero)).Acknowledge;
        Assert.Equal((TimeSpan.FromHours(3), TimeSpan.FromHours(1), SlaStatus.AtRisk, SlaRiskLevel.High), (monday.Elapsed, monday.Remaining, monday.Status, monday.Risk));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero), monday.BreachAt);

        // Over the weekend nothing counts.
        var sunday = SlaEvaluator.Evaluate(history, policy, calendar, new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero)).Acknowledge;
        Assert.Equal(TimeSpan.FromHours(2), sunday.Elapsed);

        var noon = SlaEvaluator.Evaluate(history, policy, calendar, new DateTimeOffset(2026, 3, 30, 11, 0, 0, TimeSpan.Zero)).Acknowledge;
        Assert.Equal((SlaStatus.Breached, new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero)), (noon.Status, noon.BreachAt));
    }

    [Fact]
    public void Evaluate_BadHistories_ThrowArgumentExceptions()
    {
        Assert.Throws<ArgumentException>("history", () => Evaluate(1));
        Assert.Throws<ArgumentException>("history", () => Evaluate(1, At(0, Acknowledged)));
        Assert.Throws<ArgumentException>("history", () => Evaluate(1, At(2, Started)));
        Assert.Throws<ArgumentException>("history", () => Evaluate(5, At(0, Started), At(2, ClientUpdate), At(1, ClientUpdate)));
        Assert.Throws<ArgumentException>("history", () => Evaluate(5, At(0, Started), At(1, Started)));
        var bad = new SlaPolicy { TimeToResolve = TimeSpan.Zero, AtRiskThreshold = 2 };
        var ex = Assert.Throws<InvalidOptionsException>(() => SlaEvaluator.Evaluate([At(0, Started)], bad, BusinessCalendar.AlwaysOpen, T0));
        Assert.Contains("TimeToResolve is 00:00:00; valid: greater than zero and at most 366 days.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AtRiskThreshold is 2; valid: greater than 0 and less than 1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Clocks_AListKeyedByKind()
    {
        var sla = Evaluate(0.25, At(0, Started));

        Assert.Equal(3, sla.Clocks.Count);
        Assert.Equal([SlaClockKind.Acknowledge, SlaClockKind.Update, SlaClockKind.Resolve], sla.Clocks.Select(c => c.Clock));
        foreach (var kind in Enum.GetValues<SlaClockKind>())
        {
            Assert.Equal(kind, sla.Clocks[kind].Clock);
            Assert.Equal(sla.Clocks[kind], sla[kind]);
            Assert.Equal(sla.Clocks[(int)kind], sla.Clocks.Get(kind));
        }

        Assert.Equal((sla.Acknowledge, sla.Update, sla.Resolve), (sla[SlaClockKind.Acknowledge], sla[SlaClockKind.Update], sla[SlaClockKind.Resolve]));
        Assert.Throws<ArgumentOutOfRangeException>(() => sla.Clocks[(SlaClockKind)3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sla.Clocks[-1]);
        Assert.Equal(sla, Evaluate(0.25, At(0, Started)));
        var later = Evaluate(0.5, At(0, Started));
        Assert.NotEqual(sla, new SlaEvaluation(sla.At, later.Clocks, later.UpdateCyclesMet, later.UpdateCyclesBreached)); // same instant, other clocks
    }

    [Fact]
    public void Evaluate_Withdrawn_RunningClocksStopNeverMet()
    {
        var sla = Evaluate(20, At(0, Started), At(0.5, Acknowledged), At(2, Stopped));

        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(0.5)), (sla.Acknowledge.Status, sla.Acknowledge.Elapsed));
        Assert.Equal((SlaStatus.Stopped, TimeSpan.FromHours(1.5), (DateTimeOffset?)null), (sla.Update.Status, sla.Update.Elapsed, sla.Update.BreachAt));
        Assert.Equal((SlaStatus.Stopped, TimeSpan.FromHours(2), TimeSpan.FromHours(8)), (sla.Resolve.Status, sla.Resolve.Elapsed, sla.Resolve.Remaining));
        Assert.Equal((1, 0), (sla.UpdateCyclesMet, sla.UpdateCyclesBreached)); // the stopped cycle is neither met nor breached
        Assert.Equal(SlaStatus.Stopped, sla.WorstStatus);
        Assert.Null(sla.NextDue);
    }

    [Fact]
    public void Evaluate_WithdrawnAfterBreaches_StaysBreached()
    {
        var sla = Evaluate(20, At(0, Started), At(12, Stopped));

        Assert.Equal((SlaStatus.Breached, T0.AddHours(1)), (sla.Acknowledge.Status, sla.Acknowledge.BreachAt));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(4)), (sla.Update.Status, sla.Update.BreachAt));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(10), TimeSpan.FromHours(12)), (sla.Resolve.Status, sla.Resolve.BreachAt, sla.Resolve.Elapsed));
        Assert.Equal((0, 1), (sla.UpdateCyclesMet, sla.UpdateCyclesBreached));
    }

    [Fact]
    public void Evaluate_EndedWhilePaused_PausedTimeNeverCounts()
    {
        // Withdrawn (or resolved) after 48 hours paused: only the 2 hours before the pause count.
        var withdrawn = Evaluate(60, At(0, Started), At(0.5, Acknowledged), At(2, Paused), At(50, Stopped));
        var resolved = Evaluate(60, At(0, Started), At(0.5, Acknowledged), At(2, Paused), At(50, Resolved));
        var updated = Evaluate(60, At(0, Started), At(0.5, Acknowledged), At(2, Paused), At(50, ClientUpdate));

        Assert.Equal((SlaStatus.Stopped, TimeSpan.FromHours(2)), (withdrawn.Resolve.Status, withdrawn.Resolve.Elapsed));
        Assert.Equal((SlaStatus.Stopped, TimeSpan.FromHours(1.5)), (withdrawn.Update.Status, withdrawn.Update.Elapsed));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(2)), (resolved.Resolve.Status, resolved.Resolve.Elapsed));
        Assert.Equal((2, 0), (resolved.UpdateCyclesMet, resolved.UpdateCyclesBreached));
        Assert.Equal((2, 0, SlaStatus.Paused, 3), (updated.UpdateCyclesMet, updated.UpdateCyclesBreached, updated.Update.Status, updated.Update.Cycle));
    }

    [Fact]
    public void Evaluate_PauseForOneReason_PausesOnlyItsClocks()
    {
        var sla = Evaluate(6, At(0, Started), At(0.5, Acknowledged), SlaEntry.Pause(T0.AddHours(1), SlaClocks.Resolve, SlaPauseReasons.AwaitingThirdParty));

        Assert.Equal((SlaStatus.Paused, TimeSpan.FromHours(1)), (sla.Resolve.Status, sla.Resolve.Elapsed));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(4.5), TimeSpan.FromHours(5.5)), (sla.Update.Status, sla.Update.BreachAt, sla.Update.Elapsed));
        Assert.Equal(SlaStatus.Met, sla.Acknowledge.Status);
    }

    [Fact]
    public void Evaluate_OverlappingPauseReasons_AClockRunsOnceNoReasonCoversIt()
    {
        SlaEntry[] history =
        [
            At(0, Started), At(0.5, Acknowledged),
            SlaEntry.Pause(T0.AddHours(1), SlaClocks.Update | SlaClocks.Resolve, SlaPauseReasons.AwaitingClient),
            SlaEntry.Pause(T0.AddHours(2), SlaClocks.Resolve, SlaPauseReasons.AwaitingThirdParty),
            SlaEntry.Resume(T0.AddHours(2.5), SlaClocks.Resolve, "never paused"),
            SlaEntry.Resume(T0.AddHours(3), SlaClocks.Update | SlaClocks.Resolve, SlaPauseReasons.AwaitingClient),
            SlaEntry.Resume(T0.AddHours(5), SlaClocks.Resolve, SlaPauseReasons.AwaitingThirdParty),
        ];

        var at4 = SlaEvaluator.Evaluate(history, Policy, BusinessCalendar.AlwaysOpen, T0.AddHours(4));
        Assert.Equal((SlaStatus.Paused, TimeSpan.FromHours(1)), (at4.Resolve.Status, at4.Resolve.Elapsed));
        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(1.5)), (at4.Update.Status, at4.Update.Elapsed));

        var at6 = SlaEvaluator.Evaluate(history, Policy, BusinessCalendar.AlwaysOpen, T0.AddHours(6));
        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(2), T0.AddHours(14)), (at6.Resolve.Status, at6.Resolve.Elapsed, at6.Resolve.BreachAt));
        Assert.Equal(TimeSpan.FromHours(3.5), at6.Update.Elapsed);
    }

    [Fact]
    public void Evaluate_TooManyPauseReasonsOrUndefinedClocks_ThrowArgumentException()
    {
        var history = new List<SlaEntry> { At(0, Started) };
        history.AddRange(Enumerable.Range(0, 9).Select(i => SlaEntry.Pause(T0.AddHours(1), SlaClocks.Resolve, $"reason {i}")));

        Assert.Contains("at most 8", Assert.Throws<ArgumentException>("history", () => Evaluate(2, [.. history])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("history", () => Evaluate(2, At(0, Started), At(1, Paused) with { Clocks = (SlaClocks)8 }));
        Assert.Throws<ArgumentException>("clocks", () => SlaEntry.Pause(T0, (SlaClocks)9, "x"));
        Assert.Throws<ArgumentException>("reason", () => SlaEntry.Resume(T0, SlaClocks.All, " "));
        Assert.Equal(Evaluate(2, At(0, Started)), Evaluate(2, At(0, Started), SlaEntry.Pause(T0.AddHours(1), SlaClocks.None, "nothing")));
    }

    [Fact]
    public void Evaluate_RetargetTighter_BreachesAtTheRetargetWhenTheNewTargetIsAlreadyPassed()
    {
        // 3 hours in, the priority rises: resolve within 2 hours and update every hour. Elapsed time is kept, so both
        // clocks are past their new targets and breach at the re-target instant (not earlier: the past is not rewritten).
        var critical = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromMinutes(15), UpdateInterval = TimeSpan.FromHours(1), TimeToResolve = TimeSpan.FromHours(2) };
        var sla = Evaluate(4, At(0, Started), At(0.5, Acknowledged), SlaEntry.Retarget(T0.AddHours(3), critical));

        Assert.Equal(
            new SlaClockStatus(SlaClockKind.Resolve, TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.Zero, SlaStatus.Breached, SlaRiskLevel.High, T0.AddHours(3), null, 1),
            sla.Resolve);
        Assert.Equal((SlaStatus.Breached, T0.AddHours(3), TimeSpan.FromHours(1)), (sla.Update.Status, sla.Update.BreachAt, sla.Update.Target));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(1)), (sla.Acknowledge.Status, sla.Acknowledge.Target)); // an ended clock keeps its terms
    }

    [Fact]
    public void Evaluate_RetargetTighterWithTimeLeft_NewDeadlineFromTheClocksStart()
    {
        var high = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromHours(1), UpdateInterval = TimeSpan.FromHours(4), TimeToResolve = TimeSpan.FromHours(5) };
        var sla = Evaluate(3, At(0, Started), At(0.5, Acknowledged), SlaEntry.Retarget(T0.AddHours(2), high));

        Assert.Equal((TimeSpan.FromHours(5), TimeSpan.FromHours(2), T0.AddHours(5), SlaStatus.AtRisk), (sla.Resolve.Target, sla.Resolve.Remaining, sla.Resolve.BreachAt, sla.Resolve.Status));
    }

    [Fact]
    public void Evaluate_RetargetRelaxed_ExtendsTheDeadlineButNeverUndoesABreach()
    {
        var low = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromHours(4), UpdateInterval = TimeSpan.FromHours(12), TimeToResolve = TimeSpan.FromHours(20) };

        var before = Evaluate(6, At(0, Started), At(0.5, Acknowledged));
        Assert.Equal(SlaStatus.AtRisk, before.Resolve.Status);
        var relaxed = Evaluate(8, At(0, Started), At(0.5, Acknowledged), SlaEntry.Retarget(T0.AddHours(6), low));
        Assert.Equal(
            new SlaClockStatus(SlaClockKind.Resolve, TimeSpan.FromHours(20), TimeSpan.FromHours(8), TimeSpan.FromHours(12), SlaStatus.Running, SlaRiskLevel.None, T0.AddHours(20), T0.AddHours(10), 1),
            relaxed.Resolve);
        Assert.Equal((SlaStatus.Breached, T0.AddHours(4.5), TimeSpan.FromHours(12)), (relaxed.Update.Status, relaxed.Update.BreachAt, relaxed.Update.Target)); // breached before the change

        var afterBreach = Evaluate(12, At(0, Started), At(0.5, Acknowledged), SlaEntry.Retarget(T0.AddHours(11), low));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(10), TimeSpan.Zero, TimeSpan.FromHours(20)), (afterBreach.Resolve.Status, afterBreach.Resolve.BreachAt, afterBreach.Resolve.Remaining, afterBreach.Resolve.Target));
    }

    [Fact]
    public void Evaluate_RetargetWhilePausedAndBeforeReopen_LaterCyclesAndTheReopenedClockUseTheNewTerms()
    {
        var high = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromHours(1), UpdateInterval = TimeSpan.FromHours(2), TimeToResolve = TimeSpan.FromHours(6) };
        var paused = Evaluate(9, At(0, Started), At(0.5, Acknowledged), At(1, Paused), SlaEntry.Retarget(T0.AddHours(2), high), At(8, Resumed));
        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(2), TimeSpan.FromHours(6), T0.AddHours(13)), (paused.Resolve.Status, paused.Resolve.Elapsed, paused.Resolve.Target, paused.Resolve.BreachAt));
        Assert.Equal((TimeSpan.FromHours(2), T0.AddHours(9.5)), (paused.Update.Target, paused.Update.BreachAt));

        var reopened = Evaluate(9, At(0, Started), At(0.5, Acknowledged), At(3, Resolved), SlaEntry.Retarget(T0.AddHours(4), high), At(8, Reopened));
        Assert.Equal((TimeSpan.FromHours(6), TimeSpan.FromHours(4), T0.AddHours(11)), (reopened.Resolve.Target, reopened.Resolve.Elapsed, reopened.Resolve.BreachAt));
        Assert.Equal((TimeSpan.FromHours(2), 3), (reopened.Update.Target, reopened.Update.Cycle));

        var late = Evaluate(9, At(0, Started), At(0.5, Acknowledged), At(7, Resolved), SlaEntry.Retarget(T0.AddHours(7.5), high), At(8, Reopened));
        Assert.Equal((SlaStatus.Breached, T0.AddHours(8)), (late.Resolve.Status, late.Resolve.BreachAt)); // 7 h elapsed, 6 h allowed: breached on reopening
    }

    [Fact]
    public void Evaluate_RetargetToAnotherCalendar_ElapsedSoFarKeptAndTheRestOnTheNewCalendar()
    {
        // Friday 13 March 2026 (London is on GMT): office hours 09:00-17:30; one business hour by 17:00, then the complaint
        // becomes critical on a 24x7 calendar with 4 hours to resolve: 3 hours left, due at 20:00Z the same evening.
        var office = BusinessCalendar.Weekdays(BusinessCalendarTests.London, new TimeOnly(9, 0), new TimeOnly(17, 30));
        var start = new DateTimeOffset(2026, 3, 13, 16, 0, 0, TimeSpan.Zero);
        var critical = new SlaPolicy { TimeToAcknowledge = TimeSpan.FromMinutes(15), UpdateInterval = TimeSpan.FromHours(1), TimeToResolve = TimeSpan.FromHours(4) };
        SlaEntry[] history = [new(start, Started), new(start.AddMinutes(5), Acknowledged), SlaEntry.Retarget(start.AddHours(1), critical, BusinessCalendar.AlwaysOpen)];

        var sla = SlaEvaluator.Evaluate(history, Policy, office, start.AddHours(3));

        Assert.Equal((TimeSpan.FromHours(3), start.AddHours(4), SlaStatus.AtRisk, SlaRiskLevel.High), (sla.Resolve.Elapsed, sla.Resolve.BreachAt, sla.Resolve.Status, sla.Resolve.Risk));
    }

    [Fact]
    public void Evaluate_RetargetWithoutAValidPolicy_Throws()
    {
        Assert.Throws<ArgumentException>("history", () => Evaluate(2, At(0, Started), At(1, Retargeted)));
        Assert.Throws<InvalidOptionsException>(() => SlaEntry.Retarget(T0, new SlaPolicy { TimeToResolve = TimeSpan.Zero }));
        Assert.Throws<ArgumentNullException>(() => SlaEntry.Retarget(T0, null!));
    }

    [Fact]
    public void Evaluate_AtRiskAt_IsTheExactInstantTheStatusChanges()
    {
        var sla = Evaluate(0.1, At(0, Started));
        var atRisk = sla.Acknowledge.AtRiskAt!.Value;

        Assert.Equal(T0.AddHours(0.5), atRisk);
        Assert.Equal(SlaStatus.Running, SlaEvaluator.Evaluate([At(0, Started)], Policy, BusinessCalendar.AlwaysOpen, atRisk.AddTicks(-1)).Acknowledge.Status);
        Assert.Equal(SlaStatus.AtRisk, SlaEvaluator.Evaluate([At(0, Started)], Policy, BusinessCalendar.AlwaysOpen, atRisk).Acknowledge.Status);
    }

    [Fact]
    public void NextDue_EarliestAtRiskOrBreachOfTheRunningClocks()
    {
        Assert.Equal(new SlaDue(SlaClockKind.Acknowledge, SlaStatus.AtRisk, T0.AddHours(0.5)), Evaluate(0.25, At(0, Started)).NextDue);
        Assert.Equal(new SlaDue(SlaClockKind.Acknowledge, SlaStatus.Breached, T0.AddHours(1)), Evaluate(0.75, At(0, Started)).NextDue);
        Assert.Equal(new SlaDue(SlaClockKind.Update, SlaStatus.AtRisk, T0.AddHours(2.25)), Evaluate(0.3, At(0, Started), At(0.25, Acknowledged)).NextDue);
        Assert.Equal(new SlaDue(SlaClockKind.Resolve, SlaStatus.AtRisk, T0.AddHours(5)), Evaluate(1.5, At(0, Started), At(0.25, Acknowledged), SlaEntry.Pause(T0.AddHours(1), SlaClocks.Update, "x")).NextDue);
        Assert.Null(Evaluate(3, At(0, Started), At(0.25, Acknowledged), At(1, Paused)).NextDue);
    }

    [Fact]
    public void Evaluate_UpdateCycles_AreNumbered()
    {
        var sla = Evaluate(9, At(0, Started), At(0.5, Acknowledged), At(3, ClientUpdate), At(8.5, ClientUpdate));

        // The acknowledgement ends the first update cycle; each update ends one more.
        Assert.Equal((1, 4, 1), (sla.Acknowledge.Cycle, sla.Update.Cycle, sla.Resolve.Cycle));
    }

    [Fact]
    public void SlaPolicies_Defaults_ArePerPriorityAndValid()
    {
        var policies = new SlaPolicies();
        policies.Validate();

        Assert.Equal(TimeSpan.FromMinutes(15), policies.For(Priority.Critical).TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromDays(10), policies.For(Priority.Low).TimeToResolve);
        Assert.Equal(TimeSpan.FromHours(4), policies.For(Priority.High).TargetOf(SlaClockKind.Update));
        Assert.Throws<ArgumentOutOfRangeException>(() => policies.For((Priority)7));
        policies.Normal = null!;
        Assert.Contains("Normal is null", Assert.Throws<InvalidOptionsException>(policies.Validate).Message, StringComparison.Ordinal);
    }
}
