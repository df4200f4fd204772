using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Complaints;

/// <summary>The service desk's commands: assignment, priority changes, holds, links, labels, SLA alerts and what is due next.</summary>
public partial class ComplaintTests
{
    private static readonly DateTimeOffset T = ComplaintTestKit.Start;

    [Fact]
    public void Assign_AssignAndReassign_SnapshotNamesWhoServesAndCountsAssignments()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);

        var first = Assert.IsType<ComplaintAssigned>(c.Assign("lead", "ann", "desk").EnsureAccepted());
        c.Assign("lead", null, "network").EnsureAccepted();
        c.Assign("lead", "bob", "network").EnsureAccepted();

        Assert.Equal(("ann", "desk", ContactChannel.Internal, ComplaintState.Investigating), (first.Agent, first.Team, first.Channel, first.State));
        Assert.Equal(("bob", "network", 3), (c.Snapshot.Agent, c.Snapshot.Team, c.Snapshot.Assignments));
        Assert.Throws<ArgumentException>("agent", () => c.Assign("lead", "bob", "network"));
        Assert.Throws<ArgumentException>("agent", () => c.Assign("lead", null, null));
        Assert.Throws<ArgumentException>("team", () => c.Assign("lead", "bob", " "));
        var closed = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        Assert.Equal(CommandRefusalReason.NotPermitted, closed.Assign("lead", "ann", "desk").Refusal!.Reason);
    }

    [Fact]
    public void ChangePriority_IntoARuleNamingACalendar_RetargetsToItsPolicyAndCalendar_AndBack()
    {
        // Weekdays 09:00-17:00 UTC for everything, except Critical complaints: a rule puts them on 24x7.
        var office = BusinessCalendar.Weekdays(TimeZoneInfo.Utc, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var rules = new SlaOptions { Rules = { new SlaRuleOptions { Name = "Critical 24x7", Priorities = { Priority.Critical }, Policy = SlaOptions.StandardPolicy, Calendar = SlaOptions.AlwaysOpenCalendar } } }.Build();
        var (time, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { Calendar = office, SlaRules = rules });
        time.Advance(TimeSpan.FromDays(5).Add(TimeSpan.FromHours(1)));                    // Saturday 7 March 2026, 10:00
        var saturday = time.GetUtcNow();
        var c = ComplaintTestKit.Receive(lifecycle);
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.Zero), (c.EvaluateSla().Acknowledge.Target, c.EvaluateSla().Acknowledge.Elapsed));   // office closed

        c.ChangePriority("lead", Priority.Critical, "the whole floor is down").EnsureAccepted();
        time.Advance(TimeSpan.FromMinutes(20));
        var critical = c.EvaluateSla().Acknowledge;
        c.ChangePriority("lead", Priority.Normal, "a workaround is in place").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(5));
        var back = c.EvaluateSla().Acknowledge;

        // Critical: 15 minutes on 24x7 from the change at 12:00, breached at 12:15; back to Normal on the office calendar:
        // the 20 minutes stay, nothing more counts on Saturday, and the breach is never undone.
        Assert.Equal((TimeSpan.FromMinutes(15), SlaStatus.Breached, saturday.AddHours(2).AddMinutes(15)), (critical.Target, critical.Status, critical.BreachAt));
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromMinutes(20), SlaStatus.Breached), (back.Target, back.Elapsed, back.Status));
        Assert.Equal(c.EvaluateSla(), lifecycle.Replay(c.History).EvaluateSla());
    }

    [Fact]
    public void ChangePriority_NormalToCriticalAfter20Minutes_RetargetsTheClocksKeepingTheTimeConsumed()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        time.Advance(TimeSpan.FromMinutes(20));

        var e = Assert.IsType<PriorityChanged>(c.ChangePriority("lead", Priority.Critical, "the whole floor is down").EnsureAccepted());

        Assert.Equal((Priority.Critical, Priority.Normal), (e.Priority, e.Previous));
        Assert.Equal(Priority.Critical, c.Snapshot.Priority);
        var sla = c.EvaluateSla(T.AddMinutes(30));
        // Critical: acknowledge within 15 minutes, update every hour, resolve within 4 hours; 20 minutes were already consumed,
        // so the acknowledge clock breaches at the change itself (docs/sla.md: a clock already past its new target breaches then).
        Assert.Equal((TimeSpan.FromMinutes(15), SlaStatus.Breached, T.AddMinutes(20)), (sla.Acknowledge.Target, sla.Acknowledge.Status, sla.Acknowledge.BreachAt));
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromMinutes(30), T.AddHours(4)), (sla.Resolve.Target, sla.Resolve.Elapsed, sla.Resolve.BreachAt));
        Assert.Equal((SlaStatus.AtRisk, TimeSpan.FromMinutes(30)), (sla.Update.Status, sla.Update.Elapsed)); // half of the hour
        Assert.Throws<ArgumentException>("priority", () => c.ChangePriority("lead", Priority.Critical, "again"));
        Assert.Throws<ArgumentOutOfRangeException>("priority", () => c.ChangePriority("lead", (Priority)7, "why"));
        Assert.Equal(c.Snapshot, lifecycle.Replay(c.History).Snapshot);
        Assert.Equal(sla, lifecycle.Replay(c.History).EvaluateSla(T.AddMinutes(30)));
    }

    [Fact]
    public void ChangePriority_NormalToLow_LaterTargetsForTheSameTimeConsumed()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);
        time.Advance(TimeSpan.FromHours(3));

        c.ChangePriority("lead", Priority.Low, "a single user, a workaround exists").EnsureAccepted();

        // Low: acknowledge within 1 day (from receipt, 3 hours consumed); the at-risk threshold moves to 12 hours.
        var sla = c.EvaluateSla(T.AddHours(3));
        Assert.Equal((TimeSpan.FromHours(3), TimeSpan.FromHours(21), SlaStatus.Running, T.AddDays(1), T.AddHours(12)),
            (sla.Acknowledge.Elapsed, sla.Acknowledge.Remaining, sla.Acknowledge.Status, sla.Acknowledge.BreachAt, sla.Acknowledge.AtRiskAt));
    }

    [Fact]
    public void PutOnHold_AwaitingThirdParty_PausesTheResolveClockOnlyUntilReleased()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Committed);
        time.Advance(TimeSpan.FromHours(1));

        var hold = Assert.IsType<ComplaintPutOnHold>(c.PutOnHold("ann", "awaitingthirdparty", "the router's vendor ships a part").EnsureAccepted());
        time.Advance(TimeSpan.FromHours(2));
        var refused = c.PutOnHold("ann", SlaPauseReasons.ScheduledChange, "again");
        var during = c.EvaluateSla(T.AddHours(3));
        c.ReleaseHold("ann", "the part arrived").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SlaPauseReasons.AwaitingThirdParty, hold.PauseReason); // spelled as configured
        Assert.Equal(["the complaint is not on hold"], refused.Refusal!.UnmetConditions);
        Assert.Equal((SlaStatus.Paused, TimeSpan.FromHours(1)), (during.Resolve.Status, during.Resolve.Elapsed));
        var sla = c.EvaluateSla(T.AddHours(4));
        Assert.Equal(TimeSpan.FromHours(2), sla.Resolve.Elapsed);                  // 4 hours less the 2 on hold
        Assert.Equal(TimeSpan.FromHours(4), sla.Update.Elapsed);                   // the client still deserves updates
        Assert.Equal((null, (DateTimeOffset?)null), (c.Snapshot.HoldReason, c.Snapshot.HeldSince));
    }

    [Fact]
    public void PutOnHold_ReasonsFromConfiguration_PauseTheConfiguredClocksAndUnknownReasonsAreArgumentErrors()
    {
        var rules = new SlaOptions
        {
            PauseReasons = new Dictionary<string, SlaClocks>(StringComparer.OrdinalIgnoreCase)
            {
                [SlaPauseReasons.AwaitingClient] = SlaClocks.Update | SlaClocks.Resolve,
                [SlaPauseReasons.ScheduledChange] = SlaClocks.Update | SlaClocks.Resolve,
            },
        }.Build();
        var (time, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { SlaRules = rules });
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Committed);

        var unknown = Assert.Throws<ArgumentException>("reason", () => c.PutOnHold("ann", SlaPauseReasons.AwaitingThirdParty, "vendor"));
        var state = Assert.Throws<ArgumentException>("reason", () => c.PutOnHold("ann", SlaPauseReasons.AwaitingClient, "client"));
        c.PutOnHold("ann", SlaPauseReasons.ScheduledChange, "change window on Saturday").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(5));

        Assert.StartsWith("'AwaitingThirdParty' is not a pause reason a hold can give; valid: ScheduledChange (ComplaintOptions.SlaRules", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith("'AwaitingClient' is not a pause reason a hold can give;", state.Message, StringComparison.Ordinal);
        var sla = c.EvaluateSla();
        Assert.Equal((SlaStatus.Paused, SlaStatus.Paused), (sla.Update.Status, sla.Resolve.Status));
    }

    [Fact]
    public void DeliverFix_OnHold_ReleasesTheHoldSoAReopenedResolveClockRunsAgain()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Committed);
        c.PutOnHold("ann", SlaPauseReasons.ScheduledChange, "change window tonight").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(6));
        c.DeliverFix("bob", ContactChannel.Email, "changed in the window").EnsureAccepted();
        c.RecordClientRejection("client", ContactChannel.Email, "still broken").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(2));

        Assert.Null(c.Snapshot.HoldReason);
        var sla = c.EvaluateSla();
        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(2)), (sla.Resolve.Status, sla.Resolve.Elapsed));
    }

    [Fact]
    public void LinkProblem_LinkRelinkUnlink_TheSnapshotFollowsAndTheEventsNameBothProblems()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);

        c.LinkProblem("ann", "PRB-1").EnsureAccepted();
        var relinked = Assert.IsType<LinkedToProblem>(c.LinkProblem("ann", "PRB-2").EnsureAccepted());
        Assert.Equal(("PRB-2", "PRB-1"), (relinked.ProblemId, relinked.Previous));
        Assert.Throws<ArgumentException>("problemId", () => c.LinkProblem("ann", "PRB-2"));
        var unlinked = Assert.IsType<UnlinkedFromProblem>(c.UnlinkProblem("ann", "another cause").EnsureAccepted());

        Assert.Equal("PRB-2", unlinked.ProblemId);
        Assert.Null(c.Snapshot.ProblemId);
        Assert.Equal(["the complaint is linked to a problem"], c.UnlinkProblem("ann", "again").Refusal!.UnmetConditions);
        Assert.Equal(ComplaintState.Closed, c.State);
    }

    [Fact]
    public void LinkSurveyResponse_AfterWithdrawal_RecordedOnceEach()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Withdrawn);

        c.LinkSurveyResponse("surveys", "S-1").EnsureAccepted();
        c.LinkSurveyResponse("surveys", "S-2").EnsureAccepted();

        Assert.Equal(["S-1", "S-2"], c.Snapshot.SurveyResponseIds);
        Assert.Throws<ArgumentException>("surveyResponseId", () => c.LinkSurveyResponse("surveys", "S-1"));
    }

    [Fact]
    public void ChangeTagsAndMetadata_AddRemoveReplace_WithinTheBounds()
    {
        var (_, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { MaxTags = 2, MaxMetadataEntries = 2 });
        var c = ComplaintTestKit.Receive(lifecycle);

        c.ChangeTags("ann", ["vpn", "vip"], []).EnsureAccepted();
        c.ChangeTags("ann", ["leeds"], ["vip"]).EnsureAccepted();
        c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "Leeds", ["asset"] = "LT-1" }, []).EnsureAccepted();
        c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "York" }, ["asset"]).EnsureAccepted();

        Assert.Equal(["vpn", "leeds"], c.Snapshot.Tags);
        Assert.Equal(new Dictionary<string, string> { ["site"] = "York" }, c.Snapshot.Metadata);
        var tooMany = Assert.Throws<ArgumentException>("add", () => c.ChangeTags("ann", ["printer"], []));
        Assert.StartsWith("A complaint may carry at most 2 tags (ComplaintOptions.MaxTags); this would give it 3.", tooMany.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("remove", () => c.ChangeTags("ann", [], ["vip"]));
        Assert.Throws<ArgumentException>("add", () => c.ChangeTags("ann", [], []));
        Assert.Throws<ArgumentException>("remove", () => c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "Hull" }, ["site"]));
        Assert.Equal(c.Snapshot, lifecycle.Replay(c.History).Snapshot);
    }

    [Fact]
    public void RecordSlaAlert_AtRiskThenBreach_EachRecordedOncePerCycleAndRefusedWhenNotInThatStatus()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);

        var early = c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, SlaStatus.AtRisk);
        time.Advance(TimeSpan.FromHours(2.5));
        var atRisk = Assert.IsType<SlaAlertRecorded>(c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, SlaStatus.AtRisk).EnsureAccepted());
        var again = c.RecordSlaAlert("monitor-2", SlaClockKind.Acknowledge, SlaStatus.AtRisk);
        time.Advance(TimeSpan.FromHours(2));
        c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, SlaStatus.Breached).EnsureAccepted();

        Assert.Equal(["the clock is in the status to record now"], early.Refusal!.UnmetConditions);
        Assert.Equal((SlaClockKind.Acknowledge, SlaStatus.AtRisk, 1, T.AddHours(4), ContactChannel.Internal), (atRisk.Clock, atRisk.Status, atRisk.Cycle, atRisk.BreachAt, atRisk.Channel));
        Assert.Equal(CommandRefusalReason.ConditionsUnmet, again.Refusal!.Reason);
        Assert.Equal(["the status is not yet recorded for the clock's current cycle"], again.Refusal.UnmetConditions);
        Assert.Equal(
            [new SlaAlertRecord(SlaClockKind.Acknowledge, SlaStatus.AtRisk, 1, T.AddHours(2.5)), new SlaAlertRecord(SlaClockKind.Acknowledge, SlaStatus.Breached, 1, T.AddHours(4.5))],
            c.Snapshot.SlaAlerts);
        Assert.Throws<ArgumentOutOfRangeException>("status", () => c.RecordSlaAlert("monitor", SlaClockKind.Update, SlaStatus.Running));
    }

    [Fact]
    public void RecordSlaAlert_UpdateClockInALaterCycle_RecordedAgain()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        time.Advance(TimeSpan.FromHours(13));
        c.RecordSlaAlert("monitor", SlaClockKind.Update, SlaStatus.AtRisk).EnsureAccepted();
        c.PostUpdate("ann", ContactChannel.Email, "Still on it.").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(13));

        var next = Assert.IsType<SlaAlertRecorded>(c.RecordSlaAlert("monitor", SlaClockKind.Update, SlaStatus.AtRisk).EnsureAccepted());

        Assert.Equal(c.Snapshot.SlaAlerts[0].Cycle + 1, next.Cycle);
    }

    [Fact]
    public void GetNextDue_ThroughTheLifecycle_TheEarliestUnrecordedAlertThenTheAutoClose()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);

        // Normal: acknowledge within 4 hours (at risk at 50%), update every day, resolve within 3 days.
        Assert.Equal(new ComplaintDue { At = T.AddHours(2), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge }, c.GetNextDue(T));
        Assert.Equal(new ComplaintDue { At = T.AddHours(2.5), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Acknowledge }, c.GetNextDue(T.AddHours(2.5)));
        time.Advance(TimeSpan.FromHours(2.5));
        c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, SlaStatus.AtRisk).EnsureAccepted();
        Assert.Equal(new ComplaintDue { At = T.AddHours(4), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }, c.GetNextDue(T.AddHours(2.5)));
        Assert.Equal(new ComplaintDue { At = T.AddHours(4), Kind = ComplaintDueKind.SlaBreach, Clock = SlaClockKind.Acknowledge }, c.GetNextDue(T.AddHours(5)));
        c.Acknowledge("ann", ContactChannel.Email, "Thank you.").EnsureAccepted();
        Assert.Equal(new ComplaintDue { At = T.AddHours(14.5), Kind = ComplaintDueKind.SlaAtRisk, Clock = SlaClockKind.Update }, c.GetNextDue(T.AddHours(2.5)));
        c.StartInvestigating("ann").EnsureAccepted();
        c.RequestInformation("ann", ContactChannel.Email, "Which office?").EnsureAccepted();
        Assert.Null(c.GetNextDue(T.AddHours(2.5)));                              // update and resolve clocks paused, acknowledge met
        c.RecordClientResponse("client", ContactChannel.Email, "Leeds.").EnsureAccepted();
        c.Apologize("ann", ContactChannel.Email, "Sorry.").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Email, ["fix"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Email, "fix", T.AddDays(1)).EnsureAccepted();
        c.DeliverFix("bob", ContactChannel.Email, "fixed").EnsureAccepted();
        Assert.Equal(new ComplaintDue { At = T.AddHours(2.5).AddDays(7), Kind = ComplaintDueKind.AutoClose, Clock = null }, c.GetNextDue(T.AddHours(2.5)));
        c.RecordClientConfirmation("client", ContactChannel.Email).EnsureAccepted();
        Assert.Null(c.GetNextDue(T.AddHours(2.5)));
    }

    [Fact]
    public void Guards_HostGuardOnOfferHelp_RefusesACriticalOfferFromAnyoneButATeamLead()
    {
        string[] teamLeads = ["lena"];
        var options = new ComplaintOptions
        {
            Guards =
            [
                new ComplaintGuard(
                    ComplaintCommand.OfferHelp,
                    c => c.Complaint.Snapshot.Priority != Priority.Critical || teamLeads.Contains(c.Actor),
                    "an offer on a Critical complaint needs a team lead"),
            ],
        };
        var (_, lifecycle) = ComplaintTestKit.Create(options);
        var normal = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        var critical = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        critical.ChangePriority("lead", Priority.Critical, "the CEO's laptop").EnsureAccepted();
        critical.Apologize("ann", ContactChannel.Phone, "Sorry.").EnsureAccepted();
        normal.Apologize("ann", ContactChannel.Phone, "Sorry.").EnsureAccepted();

        var byAgent = critical.OfferHelp("ann", ContactChannel.Phone, ["a loan laptop"]);

        Assert.Equal(CommandRefusalReason.ConditionsUnmet, byAgent.Refusal!.Reason);
        Assert.Equal(["an offer on a Critical complaint needs a team lead"], byAgent.Refusal.UnmetConditions);
        Assert.StartsWith(
            "OfferHelp is refused while the complaint is Investigating. Not met: an offer on a Critical complaint needs a team lead. Allowed now: ",
            byAgent.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(ComplaintCommand.OfferHelp, byAgent.AllowedCommands);
        Assert.Contains(ComplaintCommand.OfferHelp, critical.GetAllowedCommands("lena"));
        Assert.True(critical.OfferHelp("lena", ContactChannel.Phone, ["a loan laptop"]).IsAccepted);
        Assert.True(normal.OfferHelp("ann", ContactChannel.Phone, ["a new router"]).IsAccepted);
        Assert.EndsWith(";guards=OfferHelp:an offer on a Critical complaint needs a team lead", lifecycle.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_InvalidGuardOrOption_ArgumentAndOptionErrors()
    {
        Assert.Throws<ArgumentNullException>("predicate", () => new ComplaintGuard(ComplaintCommand.Commit, null!, "x"));
        Assert.Throws<ArgumentException>("description", () => new ComplaintGuard(ComplaintCommand.Commit, _ => true, " "));
        Assert.Throws<ArgumentOutOfRangeException>("command", () => new ComplaintGuard((ComplaintCommand)99, _ => true, "x"));
        var ex = Assert.Throws<InvalidOptionsException>(() => new ComplaintLifecycle(new ComplaintOptions { Guards = [null!], Observers = null! }));
        Assert.Contains("Guards[0] is null; valid: a ComplaintGuard.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Observers is null or holds a null", ex.Message, StringComparison.Ordinal);
    }
}
