using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using static ServiceQuality.Complaints.ComplaintCommand;
using static ServiceQuality.Complaints.ComplaintState;

namespace ServiceQuality.Tests.Complaints;

/// <summary>What a command did: accepted, refused (not permitted in the state, or a guard unmet), or an invalid argument.</summary>
public enum ModelOutcome
{
    Accepted,
    NotPermitted,
    GuardsUnmet,
    Invalid,
}

/// <summary>One step of a random walk: time passes, then a command with one of four argument variants.</summary>
/// <param name="Advance">How long before the command.</param>
/// <param name="Command">The command.</param>
/// <param name="Variant">Which arguments (0 to 3; see <see cref="ComplaintModel.Send"/>).</param>
public readonly record struct ModelStep(TimeSpan Advance, ComplaintCommand Command, int Variant)
{
    /// <inheritdoc />
    public override string ToString() => $"+{Advance} {Command}#{Variant}";
}

/// <summary>
/// A deliberately simple model of one complaint under the default options, written from the specification and not
/// from the library: the state transitions of <see cref="ComplaintTestKit.Permitted"/>, the guards and argument rules of
/// <c>docs/complaints.md</c> as plain fields, and the acknowledge clock (24x7, running from receipt while Received;
/// the target of the priority in force, kept once ended; a breach never undone) for <see cref="RecordSlaAlert"/>.
/// </summary>
public sealed class ComplaintModel
{
    private const int MaxEscalationLevel = 3;
    private static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(7);
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(30);
    private readonly List<string> _tags = [];
    private readonly SortedDictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly List<string> _surveys = [];
    private readonly List<(SlaClockKind Clock, SlaStatus Status, int Cycle)> _alerts = [];
    private readonly DateTimeOffset _receivedAt;
    private bool _apologised;
    private DateTimeOffset? _resolvedAt;
    private DateTimeOffset? _closedAt;
    private DateTimeOffset? _acknowledgeEndedAt;
    private bool _acknowledgeBreached;
    private bool _acknowledgeStopped;
    private TimeSpan _acknowledgeTarget;

    public ComplaintModel(DateTimeOffset receivedAt, Priority priority)
    {
        _receivedAt = receivedAt;
        Priority = priority;
        _acknowledgeTarget = AcknowledgeTargetOf(priority);
    }

    public ComplaintState State { get; private set; } = Received;

    public long Version { get; private set; } = 1;

    public Priority Priority { get; private set; }

    public string? Agent { get; private set; }

    public string? Team { get; private set; }

    public int Assignments { get; private set; }

    public int EscalationLevel { get; private set; }

    public int ReopenCount { get; private set; }

    public string? HoldReason { get; private set; }

    public string? ProblemId { get; private set; }

    /// <summary>Gets the state the model and a complaint are compared on, as text (lists in order).</summary>
    public string View => Render(State, Version, Priority, Agent, Team, Assignments, EscalationLevel, ReopenCount, HoldReason, ProblemId, _surveys, _tags, _metadata, _alerts);

    /// <summary>Renders a complaint's snapshot as <see cref="View"/> renders the model.</summary>
    public static string ViewOf(Complaint complaint)
    {
        var s = complaint.Snapshot;
        return Render(
            s.State, s.Version, s.Priority, s.Agent, s.Team, s.Assignments, s.EscalationLevel, s.ReopenCount, s.HoldReason, s.ProblemId, s.SurveyResponseIds, s.Tags, s.Metadata,
            [.. s.SlaAlerts.Select(a => (a.Clock, a.Status, a.Cycle))]);
    }

    /// <summary>Sends the step's command, with the variant's arguments taken from the model, to the real complaint.</summary>
    public ModelOutcome Send(Complaint c, ModelStep step)
    {
        try
        {
            var result = step.Command switch
            {
                Escalate => c.Escalate("lead", step.Variant == 3 ? EscalationLevel : EscalationLevel + 1, "VIP client"),
                Assign => c.Assign("lead", AssignmentOf(step.Variant).Agent, AssignmentOf(step.Variant).Team),
                ChangePriority => c.ChangePriority("lead", (Priority)step.Variant, "the client's whole team is affected"),
                PutOnHold => c.PutOnHold("ann", HoldReasonOf(step.Variant), "waiting for the router's vendor"),
                LinkProblem => c.LinkProblem("ann", $"PRB-{step.Variant}"),
                LinkSurveyResponse => c.LinkSurveyResponse("surveys", $"S-{step.Variant}"),
                ChangeTags => step.Variant < 2 ? c.ChangeTags("ann", [TagOf(step.Variant)], []) : c.ChangeTags("ann", [], [TagOf(step.Variant)]),
                ChangeMetadata => step.Variant switch
                {
                    0 => c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "Leeds" }, []),
                    1 => c.ChangeMetadata("ann", new Dictionary<string, string> { ["site"] = "York" }, []),
                    2 => c.ChangeMetadata("ann", new Dictionary<string, string> { ["floor"] = "3" }, []),
                    _ => c.ChangeMetadata("ann", new Dictionary<string, string>(), ["site"]),
                },
                RecordSlaAlert => c.RecordSlaAlert("monitor", SlaClockKind.Acknowledge, AlertStatusOf(step.Variant)),
                _ => ComplaintTestKit.Send(c, step.Command),
            };
            return result.IsAccepted ? ModelOutcome.Accepted
                : result.Refusal!.Reason == CommandRefusalReason.NotPermitted ? ModelOutcome.NotPermitted
                : ModelOutcome.GuardsUnmet;
        }
        catch (ArgumentException)
        {
            return ModelOutcome.Invalid;
        }
    }

    /// <summary>Predicts what the step does at <paramref name="now"/> and, when it is accepted, applies it to the model.</summary>
    public ModelOutcome Apply(ModelStep step, DateTimeOffset now)
    {
        var command = step.Command;
        if (!ArgumentsValid(step))
        {
            return ModelOutcome.Invalid;
        }

        if (!ComplaintTestKit.Permitted.TryGetValue((State, command), out var destination))
        {
            return ModelOutcome.NotPermitted;
        }

        if (!GuardsMet(step, now))
        {
            return ModelOutcome.GuardsUnmet;
        }

        switch (command)
        {
            case Acknowledge:
                _acknowledgeEndedAt = now;
                break;
            case Apologize:
                _apologised = true;
                break;
            case DeliverFix:
                _resolvedAt = now;
                HoldReason = null;
                break;
            case Withdraw:
                _acknowledgeStopped = _acknowledgeEndedAt is null;
                _acknowledgeEndedAt ??= now;
                HoldReason = null;
                break;
            case RecordClientConfirmation or AutoClose:
                _closedAt = now;
                break;
            case RecordClientRejection or Reopen:
                ReopenCount++;
                break;
            case Escalate:
                EscalationLevel++;
                break;
            case Assign:
                (Agent, Team) = AssignmentOf(step.Variant);
                Assignments++;
                break;
            case ChangePriority:
                if (_acknowledgeEndedAt is null)
                {
                    // Re-targeted from the start of the clock: a target already used up was breached before the change.
                    _acknowledgeBreached |= now - _receivedAt >= _acknowledgeTarget;
                    _acknowledgeTarget = AcknowledgeTargetOf((Priority)step.Variant);
                }

                Priority = (Priority)step.Variant;
                break;
            case PutOnHold:
                HoldReason = step.Variant == 0 ? SlaPauseReasons.AwaitingThirdParty : SlaPauseReasons.ScheduledChange;
                break;
            case ReleaseHold:
                HoldReason = null;
                break;
            case LinkProblem:
                ProblemId = $"PRB-{step.Variant}";
                break;
            case UnlinkProblem:
                ProblemId = null;
                break;
            case LinkSurveyResponse:
                _surveys.Add($"S-{step.Variant}");
                break;
            case ChangeTags when step.Variant < 2:
                _tags.Add(TagOf(step.Variant));
                break;
            case ChangeTags:
                _tags.Remove(TagOf(step.Variant));
                break;
            case ChangeMetadata when step.Variant == 3:
                _metadata.Remove("site");
                break;
            case ChangeMetadata:
                _metadata[step.Variant == 2 ? "floor" : "site"] = step.Variant switch { 0 => "Leeds", 1 => "York", _ => "3" };
                break;
            case RecordSlaAlert:
                _alerts.Add((SlaClockKind.Acknowledge, AlertStatusOf(step.Variant), 1));
                break;
            default:
                break;
        }

        State = destination;
        Version++;
        return ModelOutcome.Accepted;
    }

    /// <summary>The acknowledge clock's status at <paramref name="now"/>: Breached, AtRisk or Running; once ended within target, Met (acknowledged) or Stopped (withdrawn).</summary>
    public SlaStatus AcknowledgeStatus(DateTimeOffset now)
    {
        var elapsed = (_acknowledgeEndedAt ?? now) - _receivedAt;
        if (_acknowledgeBreached || elapsed >= _acknowledgeTarget)
        {
            return SlaStatus.Breached;
        }

        if (_acknowledgeEndedAt is not null)
        {
            return _acknowledgeStopped ? SlaStatus.Stopped : SlaStatus.Met;
        }

        return elapsed.Ticks >= (_acknowledgeTarget.Ticks + 1) / 2 ? SlaStatus.AtRisk : SlaStatus.Running;
    }

    private static TimeSpan AcknowledgeTargetOf(Priority priority) => priority switch
    {
        Priority.Low => TimeSpan.FromDays(1),
        Priority.Normal => TimeSpan.FromHours(4),
        Priority.High => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(15),
    };

    private static string HoldReasonOf(int variant) => variant switch
    {
        0 => SlaPauseReasons.AwaitingThirdParty,
        1 => "scheduledchange",                   // reasons ignore case; the event carries the configured spelling
        2 => SlaPauseReasons.AwaitingClient,      // the reason of a paused state: entered by its own command, not a hold
        _ => "Lunch",                             // not configured
    };

    private static string TagOf(int variant) => variant % 2 == 0 ? "vip" : "vpn";

    private static SlaStatus AlertStatusOf(int variant) => variant % 2 == 0 ? SlaStatus.AtRisk : SlaStatus.Breached;

    private static string Render(
        ComplaintState state, long version, Priority priority, string? agent, string? team, int assignments, int escalation, int reopens, string? hold, string? problem,
        IEnumerable<string> surveys, IEnumerable<string> tags, IEnumerable<KeyValuePair<string, string>> metadata, IEnumerable<(SlaClockKind Clock, SlaStatus Status, int Cycle)> alerts) =>
        $"{state} v{version} {priority} agent={agent ?? "-"} team={team ?? "-"} assignments={assignments} level={escalation} reopened={reopens} hold={hold ?? "-"} problem={problem ?? "-"} " +
        $"surveys=[{string.Join(",", surveys)}] tags=[{string.Join(",", tags)}] metadata=[{string.Join(",", metadata.Select(m => $"{m.Key}:{m.Value}"))}] " +
        $"alerts=[{string.Join(",", alerts.Select(a => $"{a.Clock}/{a.Status}/{a.Cycle}"))}]";

    private (string? Agent, string? Team) AssignmentOf(int variant) => variant switch
    {
        0 => ("agent-a", "desk"),
        1 => ("agent-b", null),
        2 => (null, "network"),
        _ => (Agent, Team),                       // the current assignment: never a change
    };

    /// <summary>The argument rules, checked before the lifecycle is asked (so they hold in any state).</summary>
    private bool ArgumentsValid(ModelStep step) => step.Command switch
    {
        Escalate => step.Variant != 3 && EscalationLevel + 1 <= MaxEscalationLevel,
        Assign => AssignmentOf(step.Variant) is var (agent, team) && (agent is not null || team is not null) && (agent, team) != (Agent, Team),
        ChangePriority => (Priority)step.Variant != Priority,
        PutOnHold => step.Variant < 2,
        LinkProblem => ProblemId != $"PRB-{step.Variant}",
        LinkSurveyResponse => !_surveys.Contains($"S-{step.Variant}"),
        ChangeTags => _tags.Contains(TagOf(step.Variant)) == step.Variant >= 2,
        ChangeMetadata => step.Variant != 3 || _metadata.ContainsKey("site"),
        _ => true,
    };

    private bool GuardsMet(ModelStep step, DateTimeOffset now) => step.Command switch
    {
        OfferHelp => _apologised,
        AutoClose => now - _resolvedAt >= AutoCloseAfter,
        Reopen => now - _closedAt <= ReopenWindow,
        PutOnHold => HoldReason is null && State != Resolved,
        ReleaseHold => HoldReason is not null,
        UnlinkProblem => ProblemId is not null,
        RecordSlaAlert => AcknowledgeStatus(now) == AlertStatusOf(step.Variant) && !_alerts.Contains((SlaClockKind.Acknowledge, AlertStatusOf(step.Variant), 1)),
        _ => true,
    };
}
