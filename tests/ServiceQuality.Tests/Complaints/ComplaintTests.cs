using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Complaints;

public partial class ComplaintTests
{
    [Fact]
    public void Receive_NewComplaint_RecordsTheFirstEventWithTimeActorChannelAndDefinitionVersion()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();

        var c = ComplaintTestKit.Receive(lifecycle, priority: Priority.High);

        var e = Assert.IsType<ComplaintReceived>(Assert.Single(c.History));
        Assert.Equal(("C-1", 1L, ComplaintTestKit.Start, "desk", ContactChannel.Email, ComplaintState.Received, lifecycle.Version),
            (e.ComplaintId, e.Version, e.At, e.Actor, e.Channel, e.State, e.DefinitionVersion));
        Assert.True(e.IsMomentOfTruth);
        Assert.Equal(("client-7", ClientSegment.External, Priority.High), (e.ClientId, e.Segment, e.Priority));
        Assert.Equal("The VPN drops every hour and nobody tells me why!", c.Snapshot.Text);
        Assert.Equal(0, c.PersistedVersion);
        Assert.Single(c.GetPendingEvents());
        Assert.Equal(
            "2;apology-first=on;confirmation=required;auto-close=7.00:00:00;reopen=30.00:00:00;max-escalation=3",
            lifecycle.Version);
    }

    [Fact]
    public void Commands_WholeLifecycle_FollowTheProcessAndStampEveryEvent()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.Receive(lifecycle);

        time.Advance(TimeSpan.FromMinutes(10));
        var ack = c.Acknowledge("ann", ContactChannel.Phone, "Thank you for telling us.").EnsureAccepted();
        c.StartInvestigating("ann").EnsureAccepted();
        c.AddInformation("ann", "Drops at :00 every hour.").EnsureAccepted();
        c.Apologize("ann", ContactChannel.Phone, "I'm sorry you had this experience.").EnsureAccepted();
        c.OfferHelp("ann", ContactChannel.Phone, ["replace the router", "backup VPN"]).EnsureAccepted();
        c.Commit("ann", ContactChannel.Email, "replace the router", time.GetUtcNow().AddDays(1)).EnsureAccepted();
        c.Escalate("lead", 1, "VIP").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(3));
        var fix = c.DeliverFix("bob", ContactChannel.InPerson, "router replaced").EnsureAccepted();
        c.RecordClientConfirmation("client", ContactChannel.Email).EnsureAccepted();

        Assert.Equal(ComplaintState.Closed, c.State);
        Assert.Equal(10, c.Version);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), c.History.Select(e => e.Version));
        Assert.All(c.History, e => Assert.Equal(lifecycle.Version, e.DefinitionVersion));
        Assert.Equal(ComplaintTestKit.Start.AddMinutes(10), ack.At);
        Assert.Equal(("bob", ContactChannel.InPerson), (fix.Actor, fix.Channel));
        Assert.False(c.History.OfType<InformationAdded>().Single().IsMomentOfTruth);
        Assert.False(c.History.OfType<ComplaintEscalated>().Single().IsMomentOfTruth);
        Assert.Equal(1, c.EscalationLevel);
        Assert.Equal(ComplaintTestKit.Start.AddMinutes(10), c.Snapshot.AcknowledgedAt);
        Assert.Equal(fix.At, c.ResolvedAt);
        Assert.Equal("replace the router", c.Snapshot.CommittedAction);
        Assert.Equal(7, c.Snapshot.ClientContacts);
        Assert.True(c.Milestones.HasFlag(ComplaintMilestones.Thanked | ComplaintMilestones.Apologized | ComplaintMilestones.HelpOffered
            | ComplaintMilestones.Committed | ComplaintMilestones.FixDelivered | ComplaintMilestones.ClientConfirmed | ComplaintMilestones.Escalated));
    }

    [Fact]
    public void OfferHelp_OnAReceivedComplaint_NotAllowed_MessageNamesTheStateAndTheCommandsAllowedNow()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Received);

        var result = c.OfferHelp("ann", ContactChannel.Phone, ["replace the router"]);

        Assert.Equal(CommandRefusalReason.NotPermitted, result.Refusal!.Reason);
        Assert.Empty(result.Refusal.UnmetConditions);
        Assert.Equal(
            "OfferHelp is not allowed while the complaint is Received. Allowed now: Withdraw, AddInformation, Escalate, Assign, "
            + "ChangePriority, RecordSlaAlert, Acknowledge, LinkProblem, LinkSurveyResponse, ChangeTags, ChangeMetadata.",
            result.Message);
        Assert.Equal(result.Message, result.Refusal.ToString());
        var thrown = Assert.Throws<TriggerRefusedException>(() => result.EnsureAccepted());
        Assert.Equal(result.Message, thrown.Message);
    }

    [Fact]
    public void OfferHelp_NoApologyYet_RefusedWithTheReasonAndTheCommandsAllowedNow()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);

        var result = c.OfferHelp("ann", ContactChannel.Phone, ["replace the router"]);

        Assert.False(result.IsAccepted);
        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Null(result.Event);
        Assert.Equal(
            "OfferHelp is refused while the complaint is Investigating. Not met: an apology has been recorded. "
            + "Allowed now: Withdraw, AddInformation, Escalate, Assign, ChangePriority, RecordSlaAlert, Apologize, PostUpdate, PutOnHold, "
            + "RequestInformation, LinkProblem, LinkSurveyResponse, ChangeTags, ChangeMetadata.",
            result.Message);
        Assert.Equal(
            [
                ComplaintCommand.Withdraw, ComplaintCommand.AddInformation, ComplaintCommand.Escalate, ComplaintCommand.Assign, ComplaintCommand.ChangePriority,
                ComplaintCommand.RecordSlaAlert, ComplaintCommand.Apologize, ComplaintCommand.PostUpdate, ComplaintCommand.PutOnHold, ComplaintCommand.RequestInformation,
                ComplaintCommand.LinkProblem, ComplaintCommand.LinkSurveyResponse, ComplaintCommand.ChangeTags, ComplaintCommand.ChangeMetadata,
            ],
            result.AllowedCommands);
        var thrown = Assert.Throws<TriggerRefusedException>(() => result.EnsureAccepted());
        Assert.Equal("OfferHelp", thrown.Trigger);
    }

    [Fact]
    public void OfferHelp_ApologyPolicyOff_AcceptedWithoutApology()
    {
        var (_, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { RequireApologyBeforeHelp = false });
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);

        Assert.Equal(CommandStatus.Accepted, c.OfferHelp("ann", ContactChannel.Phone, ["replace the router"]).Status);
        Assert.StartsWith("2;apology-first=off;", lifecycle.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoClose_WindowReached_ClosesAndNotBefore()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Resolved);

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromTicks(1));
        Assert.False(c.AutoClose("system").IsAccepted);
        time.Advance(TimeSpan.FromTicks(1));
        var closed = c.AutoClose("system").EnsureAccepted();

        Assert.IsType<ComplaintAutoClosed>(closed);
        Assert.Equal(ComplaintState.Closed, c.State);
        Assert.Equal(time.GetUtcNow(), c.ClosedAt);
    }

    [Fact]
    public void AutoClose_ConfirmationNotRequired_ClosesAtOnce()
    {
        var (_, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { RequireClientConfirmation = false });
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Resolved);

        Assert.True(c.AutoClose("system").IsAccepted);
    }

    [Fact]
    public void Reopen_AfterTheWindow_RefusedWithTheWindowInTheReason()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));

        var result = c.Reopen("client", ContactChannel.Phone, "it is back");

        Assert.Equal(["the complaint was closed at most 30 days ago (reopen window)"], result.Refusal!.UnmetConditions);
        Assert.Equal([ComplaintCommand.LinkProblem, ComplaintCommand.LinkSurveyResponse, ComplaintCommand.ChangeTags, ComplaintCommand.ChangeMetadata], result.AllowedCommands);
    }

    [Fact]
    public void Reopen_WithinTheWindow_ReturnsToInvestigatingAndCountsTheReopen()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        time.Advance(TimeSpan.FromDays(30));

        c.Reopen("client", ContactChannel.Phone, "it is back").EnsureAccepted();

        Assert.Equal(ComplaintState.Investigating, c.State);
        Assert.Equal(1, c.Snapshot.ReopenCount);
    }

    [Fact]
    public void RecordClientRejection_Resolved_ReopensTheInvestigation()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Resolved);

        c.RecordClientRejection("client", ContactChannel.Email, "still dropping").EnsureAccepted();

        Assert.Equal((ComplaintState.Investigating, 1), (c.State, c.Snapshot.ReopenCount));
    }

    [Fact]
    public void Escalate_AtTheMaximumLevel_RefusedByTheGuard()
    {
        var (_, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { MaxEscalationLevel = 1 });
        var c = ComplaintTestKit.Receive(lifecycle);
        c.Escalate("lead", 1, "VIP").EnsureAccepted();

        Assert.Throws<ArgumentOutOfRangeException>("level", () => c.Escalate("lead", 2, "again"));
        Assert.DoesNotContain(ComplaintCommand.Escalate, c.GetAllowedCommands());
    }

    [Fact]
    public void Commands_BadArguments_ThrowArgumentExceptionsNamingTheArgument()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.HelpOffered);

        Assert.Throws<ArgumentException>("action", () => c.Commit("ann", ContactChannel.Email, "  ", time.GetUtcNow().AddDays(1)));
        Assert.Throws<ArgumentNullException>("action", () => c.Commit("ann", ContactChannel.Email, null!, time.GetUtcNow().AddDays(1)));
        var past = Assert.Throws<ArgumentOutOfRangeException>("dueAt", () => c.Commit("ann", ContactChannel.Email, "fix", time.GetUtcNow()));
        Assert.Contains("must be in the future", past.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("actor", () => c.PostUpdate("", ContactChannel.Email, "update"));
        Assert.Throws<ArgumentException>("channel", () => c.PostUpdate("ann", ContactChannel.Internal, "update"));
        Assert.Throws<ArgumentOutOfRangeException>("channel", () => c.PostUpdate("ann", (ContactChannel)42, "update"));
        Assert.Throws<ArgumentNullException>("options", () => c.OfferHelp("ann", ContactChannel.Email, null!));
        Assert.Throws<ArgumentException>("options", () => c.OfferHelp("ann", ContactChannel.Email, []));
        Assert.Throws<ArgumentException>("options", () => c.OfferHelp("ann", ContactChannel.Email, ["ok", " "]));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => c.Escalate("lead", 0, "why"));
        Assert.Throws<ArgumentException>("request.Text", () => lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-2", ClientId = "client", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Low, Text = "", Actor = "desk" }, ComplaintTestKit.Normalizer));
        Assert.Throws<ArgumentException>("request.Channel", () => lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-2", ClientId = "client", Segment = ClientSegment.Internal, Channel = ContactChannel.Internal, Priority = Priority.Low, Text = "x", Actor = "desk" }, ComplaintTestKit.Normalizer));
        Assert.Throws<ArgumentOutOfRangeException>("request.Priority", () => lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = "C-2", ClientId = "client", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = (Priority)9, Text = "x", Actor = "desk" }, ComplaintTestKit.Normalizer));
        Assert.Equal(ComplaintState.HelpOffered, c.State);
    }

    [Fact]
    public void Replay_History_ReproducesTheSnapshotExactly()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var live = ComplaintTestKit.InState(lifecycle, ComplaintState.Closed);
        time.Advance(TimeSpan.FromDays(2));
        live.Reopen("client", ContactChannel.Phone, "back again").EnsureAccepted();

        var replayed = lifecycle.Replay(live.History);

        Assert.Equal(live.Snapshot, replayed.Snapshot);
        Assert.Equal(live.History, replayed.History);
        Assert.Equal(replayed.Version, replayed.PersistedVersion);
        Assert.Empty(replayed.GetPendingEvents());
        Assert.Equal(live.EvaluateSla(), replayed.EvaluateSla());
    }

    [Fact]
    public void Replay_BrokenHistories_ThrowWithClearMessages()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();
        var history = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating).History;

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => lifecycle.Replay([])).Message, StringComparison.Ordinal);
        Assert.Contains("version 2 expected, found 3", Assert.Throws<ArgumentException>(() => lifecycle.Replay([history[0], history[2]])).Message, StringComparison.Ordinal);
        Assert.Contains("must start with ComplaintReceived", Assert.Throws<ArgumentException>(() => lifecycle.Replay(history.Skip(1).Select((e, i) => e with { Version = i + 1 }))).Message, StringComparison.Ordinal);
        Assert.Contains("does not continue complaint 'C-1'", Assert.Throws<ArgumentException>(() => lifecycle.Replay([history[0], history[1] with { ComplaintId = "C-9" }])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralBadSettings_OneExceptionNamesEachWithItsRange()
    {
        var options = new ComplaintOptions
        {
            AutoCloseAfter = TimeSpan.Zero,
            ReopenWindow = TimeSpan.FromDays(-1),
            MaxEscalationLevel = 11,
            ClockPausedStates = new HashSet<ComplaintState> { ComplaintState.Closed },
        };
        options.Sla.High.AtRiskThreshold = 0.9;

        var ex = Assert.Throws<InvalidOptionsException>(() => new ComplaintLifecycle(options));

        Assert.Contains("AutoCloseAfter is 00:00:00; valid: greater than zero and at most 366 days.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReopenWindow is -1.00:00:00; valid: greater than zero and at most 3660 days.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEscalationLevel is 11; valid: 1 to 10.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ClockPausedStates contains Closed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sla:High:HighRiskThreshold is 0.75; valid: greater than AtRiskThreshold (0.9) and less than 1.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 invalid setting(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Problems.Count);
        Assert.Equal("MaxEscalationLevel is 11; valid: 1 to 10.", Assert.Single(ex.Problems, p => p.StartsWith("MaxEscalationLevel", StringComparison.Ordinal)));
        Assert.All(ex.Problems, p => Assert.Contains("- " + p, ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Lifecycle_OptionsChangedAfterConstruction_DoNotChangeTheDefinition()
    {
        var options = new ComplaintOptions();
        var (time, _) = ComplaintTestKit.Create();
        var lifecycle = new ComplaintLifecycle(options, time);
        options.RequireApologyBeforeHelp = false;
        options.ClockPausedStates.Clear();
        options.Sla.Normal.TimeToResolve = TimeSpan.FromMinutes(1);

        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        Assert.False(c.OfferHelp("ann", ContactChannel.Phone, ["x"]).IsAccepted);
        Assert.Equal(TimeSpan.FromDays(3), c.EvaluateSla().Resolve.Target);
    }

    [Fact]
    public void EvaluateSla_AwaitingClient_PausesTheResolveAndUpdateClocks()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.AwaitingClient);
        time.Advance(TimeSpan.FromHours(1));
        var before = c.EvaluateSla();
        time.Advance(TimeSpan.FromDays(30));

        var after = c.EvaluateSla();

        Assert.Equal(SlaStatus.Paused, after.Resolve.Status);
        Assert.Equal(SlaStatus.Paused, after.Update.Status);
        Assert.Equal(SlaStatus.Met, after.Acknowledge.Status);
        Assert.Equal(before.Resolve.Elapsed, after.Resolve.Elapsed);
        Assert.Equal(TimeSpan.Zero, after.Resolve.Elapsed);
        Assert.Null(after.Resolve.BreachAt);

        c.RecordClientResponse("client", ContactChannel.Email, "Leeds").EnsureAccepted();
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(2), c.EvaluateSla().Resolve.Elapsed);
        Assert.Equal(time.GetUtcNow().AddDays(3).AddHours(-2), c.EvaluateSla().Resolve.BreachAt);
    }

    [Fact]
    public void EvaluateSla_NoPausedStatesConfigured_AwaitingClientKeepsCounting()
    {
        var (time, lifecycle) = ComplaintTestKit.Create(new ComplaintOptions { ClockPausedStates = new HashSet<ComplaintState>() });
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.AwaitingClient);
        time.Advance(TimeSpan.FromDays(4));

        var sla = c.EvaluateSla();

        Assert.Equal((SlaStatus.Breached, TimeSpan.FromDays(4)), (sla.Resolve.Status, sla.Resolve.Elapsed));
        Assert.Equal(ComplaintTestKit.Start.AddDays(3), sla.Resolve.BreachAt);
    }

    [Fact]
    public void EvaluateSla_PausedAfterTheBreach_StaysBreached()
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var c = ComplaintTestKit.InState(lifecycle, ComplaintState.Investigating);
        time.Advance(TimeSpan.FromDays(4));
        c.RequestInformation("ann", ContactChannel.Email, "Still there?").EnsureAccepted();
        time.Advance(TimeSpan.FromDays(10));

        var sla = c.EvaluateSla();

        // The resolve clock (3 days) breached before the pause; the request is an update, so a new update cycle starts paused.
        Assert.Equal((SlaStatus.Breached, ComplaintTestKit.Start.AddDays(3), TimeSpan.FromDays(4)), (sla.Resolve.Status, sla.Resolve.BreachAt, sla.Resolve.Elapsed));
        Assert.Equal(SlaStatus.Paused, sla.Update.Status);
        Assert.Equal((1, 1), (sla.UpdateCyclesMet, sla.UpdateCyclesBreached));
        Assert.Equal(SlaStatus.Breached, sla.WorstStatus);
    }

    [Fact]
    public void ToMermaid_Lifecycle_AnnotatesWhereClocksPauseAndStop()
    {
        var (_, lifecycle) = ComplaintTestKit.Create();

        string diagram = lifecycle.ToMermaid();

        Assert.Contains("stateDiagram-v2", diagram, StringComparison.Ordinal);
        Assert.Contains("Investigating --> HelpOffered : OfferHelp [an apology has been recorded]", diagram, StringComparison.Ordinal);
        Assert.Contains("note right of AwaitingClient : SLA clocks paused (waiting for the client)", diagram, StringComparison.Ordinal);
        Assert.Contains("auto-close after 7 days without an answer", diagram, StringComparison.Ordinal);
    }
}
