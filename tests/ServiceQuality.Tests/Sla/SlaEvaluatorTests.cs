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

        Assert.Equal(new SlaClockStatus(SlaClockKind.Acknowledge, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45), SlaStatus.Running, SlaRiskLevel.None, T0.AddHours(1)), sla.Acknowledge);
        Assert.Equal(T0.AddHours(4), sla.Update.BreachAt);
        Assert.Equal(T0.AddHours(10), sla.Resolve.BreachAt);
        Assert.Equal(SlaStatus.Running, sla.WorstStatus);
    }

    [Fact]
    public void Evaluate_ThresholdsAndBreach_AtRiskAt50And75PercentThenBreachedWithPastInstant()
    {
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.Elevated), S(Evaluate(0.5, At(0, Started)).Acknowledge));
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.High), S(Evaluate(0.75, At(0, Started)).Acknowledge));
        Assert.Equal((SlaStatus.AtRisk, SlaRiskLevel.High), S(Evaluate(1, At(0, Started)).Acknowledge));
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
        Assert.Contains("SlaPolicy.TimeToResolve is 00:00:00; valid: greater than zero and at most 366 days.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SlaPolicy.AtRiskThreshold is 2; valid: greater than 0 and less than 1.", ex.Message, StringComparison.Ordinal);
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
        Assert.Contains("SlaPolicies.Normal is null", Assert.Throws<InvalidOptionsException>(policies.Validate).Message, StringComparison.Ordinal);
    }
}
