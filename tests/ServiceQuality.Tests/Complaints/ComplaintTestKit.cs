using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;
using static ServiceQuality.Complaints.ComplaintCommand;
using static ServiceQuality.Complaints.ComplaintState;

namespace ServiceQuality.Tests.Complaints;

/// <summary>Shared set-up: a fake clock, a lifecycle, complaints driven to any state, and the lifecycle written out as an independent oracle.</summary>
public static class ComplaintTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly ComplaintState[] LeafStates = [Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn];

    /// <summary>One normalizer for every test (it is thread-safe).</summary>
    public static readonly ComplaintNormalizer Normalizer = new();

    public static readonly ComplaintCommand[] Commands = Enum.GetValues<ComplaintCommand>();

    /// <summary>The specification, written independently of the definition: (state, command) -> destination, under the default options and no time passed.</summary>
    public static readonly IReadOnlyDictionary<(ComplaintState, ComplaintCommand), ComplaintState> Permitted = BuildSpec();

    /// <summary>Commands configured but refused by a guard in the test's set-up (no apology yet; auto-close window not reached; not on hold; not linked; no clock at risk).</summary>
    public static readonly IReadOnlyDictionary<(ComplaintState, ComplaintCommand), string> Guarded = BuildGuarded();

    /// <summary>Commands whose guards read the command's argument: a question without one (the allowed commands) counts them as met.</summary>
    public static readonly IReadOnlySet<ComplaintCommand> ArgumentGuarded = new HashSet<ComplaintCommand> { RecordSlaAlert };

    public static (FakeTimeProvider Time, ComplaintLifecycle Lifecycle) Create(ComplaintOptions? options = null)
    {
        var time = new FakeTimeProvider(Start);
        return (time, new ComplaintLifecycle(options ?? new ComplaintOptions(), time));
    }

    public static Complaint Receive(ComplaintLifecycle lifecycle, string id = "C-1", Priority priority = Priority.Normal) =>
        lifecycle.Receive(new ReceiveComplaintRequest { ComplaintId = id, ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = priority, Text = "The VPN drops every hour and nobody tells me why!", Actor = "desk" }, Normalizer);

    /// <summary>Drives a new complaint to <paramref name="state"/> along the standard path (no apology before Investigating).</summary>
    public static Complaint InState(ComplaintLifecycle lifecycle, ComplaintState state, Action<Complaint>? afterEach = null)
    {
        var c = Receive(lifecycle);
        afterEach?.Invoke(c);
        void Done(CommandResult result)
        {
            result.EnsureAccepted();
            afterEach?.Invoke(c);
        }

        if (state == Received)
        {
            return c;
        }

        if (state == Withdrawn)
        {
            Done(c.Withdraw("client", ContactChannel.Email, "sorted it myself"));
            return c;
        }

        ComplaintState[] path = [Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed];
        foreach (var step in path.TakeWhile(s => s != state).Append(state))
        {
            switch (step)
            {
                case Acknowledged: Done(c.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us.")); break;
                case Investigating: Done(c.StartInvestigating("ann")); break;
                case AwaitingClient:
                    Done(c.RequestInformation("ann", ContactChannel.Email, "When did it start?"));
                    if (state != AwaitingClient)
                    {
                        Done(c.RecordClientResponse("client", ContactChannel.Email, "Monday."));
                    }

                    break;
                case HelpOffered:
                    Done(c.Apologize("ann", ContactChannel.Email, "I'm sorry you had this experience."));
                    Done(c.OfferHelp("ann", ContactChannel.Email, ["replace the router", "move you to the backup VPN"]));
                    break;
                case Committed: Done(c.Commit("ann", ContactChannel.Email, "replace the router", lifecycle.TimeProvider.GetUtcNow().AddDays(2))); break;
                case Resolved: Done(c.DeliverFix("bob", ContactChannel.InPerson, "router replaced")); break;
                case Closed: Done(c.RecordClientConfirmation("client", ContactChannel.Email)); break;
                default: break;
            }
        }

        Assert.Equal(state, c.State);
        return c;
    }

    /// <summary>A history holding every event type at least once (two complaints: the auto-close needs its own).</summary>
    public static IReadOnlyList<ComplaintEvent> EveryEventType() => EveryEventType(static _ => { });

    /// <summary>Builds <see cref="EveryEventType()"/>, calling <paramref name="afterEach"/> with the complaint after each event.</summary>
    public static IReadOnlyList<ComplaintEvent> EveryEventType(Action<Complaint> afterEach)
    {
        var (time, lifecycle) = Create();
        var c = InState(lifecycle, ComplaintState.Closed, afterEach);
        void Step(Func<Complaint, CommandResult> command)
        {
            command(c).EnsureAccepted();
            afterEach(c);
        }

        time.Advance(TimeSpan.FromDays(1));
        Step(c => c.Reopen("client", ContactChannel.Phone, "back"));
        Step(c => c.AddInformation("ann", "note"));
        Step(c => c.PostUpdate("ann", ContactChannel.Chat, "on it"));
        Step(c => c.Escalate("lead", 2, "VIP"));
        Step(c => c.Apologize("ann", ContactChannel.Phone, "sorry"));
        Step(c => c.OfferHelp("ann", ContactChannel.Phone, ["a", "b"]));
        Step(c => c.Commit("ann", ContactChannel.Phone, "do a", time.GetUtcNow().AddHours(5)));
        Step(c => c.DeliverFix("bob", ContactChannel.Web, "done"));
        Step(c => c.RecordClientRejection("client", ContactChannel.Email, "no"));
        Step(c => c.Assign("lead", "ann", "network"));
        Step(c => c.ChangePriority("lead", Priority.High, "the whole floor is affected"));
        Step(c => c.PutOnHold("ann", SlaPauseReasons.AwaitingThirdParty, "waiting for the vendor"));
        Step(c => c.ReleaseHold("ann", "the vendor answered"));
        Step(c => c.LinkProblem("ann", "PRB-7"));
        Step(c => c.UnlinkProblem("ann", "another cause"));
        Step(c => c.ChangeTags("ann", ["vpn"], []));
        Step(c => c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "Leeds" }, []));
        time.Advance(TimeSpan.FromDays(2));
        Step(c => c.RecordSlaAlert("monitor", SlaClockKind.Update, SlaStatus.Breached));
        Step(c => c.Withdraw("client", ContactChannel.Email, "bye"));
        Step(c => c.LinkSurveyResponse("surveys", "S-1"));
        var other = InState(lifecycle, ComplaintState.Resolved, afterEach);
        time.Advance(TimeSpan.FromDays(8));
        other.AutoClose("system").EnsureAccepted();
        afterEach(other);
        return [.. c.History, other.History[^1]];
    }

    /// <summary>
    /// A complaint walked through random commands decoded from <paramref name="steps"/> (each: up to 50 h on the clock,
    /// then one command, refused ones included; escalation stops at level 3).
    /// </summary>
    public static Complaint RandomWalk(int[]? steps)
    {
        var (time, lifecycle) = Create();
        var complaint = Receive(lifecycle);
        foreach (int step in steps ?? [])
        {
            uint bits = unchecked((uint)step);
            time.Advance(TimeSpan.FromMinutes(bits % 3000));
            var command = Commands[(bits / 3000) % (uint)Commands.Length];
            if (command != ComplaintCommand.Escalate || complaint.EscalationLevel < 3)
            {
                Send(complaint, command);
            }
        }

        return complaint;
    }

    /// <summary>Sends <paramref name="command"/> with valid arguments.</summary>
    public static CommandResult Send(Complaint c, ComplaintCommand command) => command switch
    {
        Acknowledge => c.Acknowledge("ann", ContactChannel.Phone, "Thank you for raising this."),
        StartInvestigating => c.StartInvestigating("ann"),
        AddInformation => c.AddInformation("ann", "Router logs show drops at :00."),
        RequestInformation => c.RequestInformation("ann", ContactChannel.Email, "Which office are you in?"),
        RecordClientResponse => c.RecordClientResponse("client", ContactChannel.Email, "Leeds."),
        Apologize => c.Apologize("ann", ContactChannel.Phone, "I'm sorry you had this experience."),
        PostUpdate => c.PostUpdate("ann", ContactChannel.Web, "An engineer is looking at it."),
        OfferHelp => c.OfferHelp("ann", ContactChannel.Phone, ["replace the router"]),
        Commit => c.Commit("ann", ContactChannel.Email, "replace the router", c.Lifecycle.TimeProvider.GetUtcNow().AddDays(1)),
        DeliverFix => c.DeliverFix("bob", ContactChannel.InPerson, "router replaced"),
        RecordClientConfirmation => c.RecordClientConfirmation("client", ContactChannel.Email),
        RecordClientRejection => c.RecordClientRejection("client", ContactChannel.Email, "still dropping"),
        Escalate => c.EscalationLevel < 3 ? c.Escalate("lead", c.EscalationLevel + 1, "VIP client") : c.Escalate("lead", 3, "unreachable"),
        Withdraw => c.Withdraw("client", ContactChannel.Email, "no longer needed"),
        Reopen => c.Reopen("client", ContactChannel.Phone, "it is back"),
        AutoClose => c.AutoClose("system"),
        Assign => c.Assign("lead", $"agent-{c.Version}", c.Version % 2 == 0 ? "network" : "desk"),
        ChangePriority => c.ChangePriority("lead", c.Snapshot.Priority == Priority.High ? Priority.Normal : Priority.High, "the client's whole team is affected"),
        PutOnHold => c.PutOnHold("ann", SlaPauseReasons.AwaitingThirdParty, "waiting for the router's vendor"),
        ReleaseHold => c.ReleaseHold("ann", "the vendor answered"),
        LinkProblem => c.LinkProblem("ann", $"PRB-{c.Version % 3}" == c.Snapshot.ProblemId ? $"PRB-{(c.Version + 1) % 3}" : $"PRB-{c.Version % 3}"),
        UnlinkProblem => c.UnlinkProblem("ann", "linked by mistake"),
        LinkSurveyResponse => c.LinkSurveyResponse("surveys", $"S-{c.Version}"),
        ChangeTags => c.Snapshot.Tags.Count < 3 ? c.ChangeTags("ann", [$"t{c.Version}"], []) : c.ChangeTags("ann", [], [c.Snapshot.Tags[0]]),
        ChangeMetadata => c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = $"office {c.Version}" }, []),
        RecordSlaAlert => c.RecordSlaAlert("monitor", SlaClockKind.Resolve, SlaStatus.AtRisk),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static Dictionary<(ComplaintState, ComplaintCommand), string> BuildGuarded()
    {
        var guarded = new Dictionary<(ComplaintState, ComplaintCommand), string>
        {
            [(Investigating, OfferHelp)] = "an apology has been recorded",
            [(Resolved, AutoClose)] = "the client has not answered for 7 days since the fix (auto-close window)",
            [(Resolved, PutOnHold)] = "the fix has not been delivered",
        };
        foreach (var s in (ComplaintState[])[Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved])
        {
            guarded[(s, ReleaseHold)] = "the complaint is on hold";
            guarded[(s, RecordSlaAlert)] = "the clock is in the status to record now";
        }

        foreach (var s in LeafStates)
        {
            guarded[(s, UnlinkProblem)] = "the complaint is linked to a problem";
        }

        return guarded;
    }

    private static Dictionary<(ComplaintState, ComplaintCommand), ComplaintState> BuildSpec()
    {
        var spec = new Dictionary<(ComplaintState, ComplaintCommand), ComplaintState>();
        ComplaintState[] open = [Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved];
        foreach (var s in open)
        {
            spec[(s, Withdraw)] = Withdrawn;
            spec[(s, AddInformation)] = s;
            spec[(s, Escalate)] = s;
            if (s != Received)
            {
                spec[(s, Apologize)] = s;
                spec[(s, PostUpdate)] = s;
            }
        }

        foreach (var s in open)
        {
            spec[(s, Assign)] = s;
            spec[(s, ChangePriority)] = s;
            spec[(s, ReleaseHold)] = s;
            spec[(s, RecordSlaAlert)] = s;
            if (s != Received)
            {
                spec[(s, PutOnHold)] = s;
            }
        }

        foreach (var s in LeafStates)
        {
            spec[(s, LinkProblem)] = s;
            spec[(s, UnlinkProblem)] = s;
            spec[(s, LinkSurveyResponse)] = s;
            spec[(s, ChangeTags)] = s;
            spec[(s, ChangeMetadata)] = s;
        }

        spec[(Received, Acknowledge)] = Acknowledged;
        spec[(Acknowledged, StartInvestigating)] = Investigating;
        spec[(Investigating, RequestInformation)] = AwaitingClient;
        spec[(Investigating, OfferHelp)] = HelpOffered;
        spec[(AwaitingClient, RecordClientResponse)] = Investigating;
        spec[(HelpOffered, Commit)] = Committed;
        spec[(Committed, DeliverFix)] = Resolved;
        spec[(Resolved, RecordClientConfirmation)] = Closed;
        spec[(Resolved, RecordClientRejection)] = Investigating;
        spec[(Resolved, AutoClose)] = Closed;
        spec[(Closed, Reopen)] = Investigating;
        return spec;
    }
}
