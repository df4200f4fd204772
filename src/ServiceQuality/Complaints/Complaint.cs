using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// One complaint: its history of events and the state folded from it. Every command asks the lifecycle's workflow
/// definition whether it is permitted now; an accepted command appends one event (version + 1) and a refused one
/// returns a <see cref="CommandResult"/> that says why and lists the commands allowed now. Bad arguments throw
/// <see cref="ArgumentException"/>s. Not thread-safe: one writer at a time (the store's expected version guards against
/// concurrent writers).
/// </summary>
public sealed class Complaint
{
    private readonly ComplaintLifecycle _lifecycle;
    private readonly List<ComplaintEvent> _history = [];
    private readonly ComplaintSlaTrack _sla = new();
    private ComplaintSnapshot _snapshot = new();
    private long _persistedVersion;

    internal Complaint(ComplaintLifecycle lifecycle, long persistedVersion)
    {
        _lifecycle = lifecycle;
        _persistedVersion = persistedVersion;
    }

    /// <summary>Gets the complaint's state as plain data (the fold of its events).</summary>
    public ComplaintSnapshot Snapshot => _snapshot;

    // Shorthands for the library's own code; callers read them on Snapshot (one public name for each fact).
    internal string Id => _snapshot.Id;

    internal ComplaintState State => _snapshot.State;

    internal long Version => _snapshot.Version;

    internal ComplaintMilestones Milestones => _snapshot.Milestones;

    internal int EscalationLevel => _snapshot.EscalationLevel;

    internal DateTimeOffset? ResolvedAt => _snapshot.ResolvedAt;

    internal DateTimeOffset? ClosedAt => _snapshot.ClosedAt;

    /// <summary>Gets every event, in order.</summary>
    public IReadOnlyList<ComplaintEvent> History => _history;

    /// <summary>Gets the version already stored (events after it are pending).</summary>
    public long PersistedVersion => _persistedVersion;

    /// <summary>Gets the lifecycle this complaint follows.</summary>
    public ComplaintLifecycle Lifecycle => _lifecycle;

    /// <summary>Gets the events not yet stored, in order.</summary>
    /// <returns>The pending events (a copy).</returns>
    public IReadOnlyList<ComplaintEvent> GetPendingEvents() => _history.GetRange((int)_persistedVersion, _history.Count - (int)_persistedVersion);

    /// <summary>Gets whether the complaint is still being handled (in a state under <see cref="ComplaintState.Open"/>).</summary>
    public bool IsOpen => ComplaintLifecycle.Hierarchy.IsInState(State, ComplaintState.Open);

    /// <summary>Gets the commands the definition would accept now (guards evaluated at the lifecycle's current time; host guards on the actor see no actor).</summary>
    /// <returns>The commands allowed now, in definition order.</returns>
    public IReadOnlyList<ComplaintCommand> GetAllowedCommands() => GetAllowedCommands(null);

    /// <summary>Gets the commands the definition would accept now from <paramref name="actor"/> (guards evaluated at the lifecycle's current time).</summary>
    /// <param name="actor">Who would send them, for host guards that depend on the actor; <see langword="null"/> when unknown.</param>
    /// <returns>The commands allowed now, in definition order.</returns>
    public IReadOnlyList<ComplaintCommand> GetAllowedCommands(string? actor)
    {
        var buffer = new ComplaintCommand[_lifecycle.Definition.GetPermittedTriggers(State).Length];
        int count = _lifecycle.Definition.GetPermittedTriggers(State, new ComplaintGuardContext(this, _lifecycle.TimeProvider.GetUtcNow(), actor), buffer);
        return buffer[..count];
    }

    /// <summary>Evaluates the SLA clocks now (policy of the complaint's priority, the lifecycle's calendar and paused states).</summary>
    /// <returns>Each clock's target, elapsed and remaining business time, status and breach instant.</returns>
    public SlaEvaluation EvaluateSla() => EvaluateSla(_lifecycle.TimeProvider.GetUtcNow());

    /// <summary>Evaluates the SLA clocks at <paramref name="now"/>.</summary>
    /// <param name="now">The instant of evaluation (events after it are ignored).</param>
    /// <returns>Each clock's target, elapsed and remaining business time, status and breach instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="now"/> is before the complaint was received.</exception>
    public SlaEvaluation EvaluateSla(DateTimeOffset now) => _sla.Evaluate(now);

    /// <summary>
    /// Gets the next instant something is due on this complaint if nothing else happens, and what: an SLA clock that goes
    /// at risk or breaches and is not yet recorded for its cycle (<see cref="RecordSlaAlert"/>), or the auto-close of a
    /// resolved complaint. An alert already due but not recorded is due at <paramref name="now"/> (at risk) or at its
    /// breach instant (breached). Stores keep it, so a monitor asks "what is due?" instead of scanning.
    /// </summary>
    /// <param name="now">The instant of evaluation (usually the time of the last event).</param>
    /// <returns>The earliest due item, or <see langword="null"/> when nothing is due (closed, withdrawn, or every clock paused or ended and nothing to record).</returns>
    /// <exception cref="ArgumentException"><paramref name="now"/> is before the complaint was received.</exception>
    public ComplaintDue? GetNextDue(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return null;
        }

        ComplaintDue? next = null;
        var sla = EvaluateSla(now);
        foreach (var clock in sla.Clocks)
        {
            bool atRiskRecorded = _snapshot.HasSlaAlert(clock.Clock, SlaStatus.AtRisk, clock.Cycle);
            bool breachRecorded = _snapshot.HasSlaAlert(clock.Clock, SlaStatus.Breached, clock.Cycle);
            switch (clock.Status)
            {
                case SlaStatus.Running when clock.AtRiskAt is { } atRisk && !atRiskRecorded:
                    Consider(new ComplaintDue { At = atRisk, Kind = ComplaintDueKind.SlaAtRisk, Clock = clock.Clock });
                    break;
                case SlaStatus.AtRisk when !atRiskRecorded:
                    Consider(new ComplaintDue { At = now, Kind = ComplaintDueKind.SlaAtRisk, Clock = clock.Clock });
                    break;
                case SlaStatus.Running or SlaStatus.AtRisk or SlaStatus.Breached when clock.BreachAt is { } breach && !breachRecorded:
                    Consider(new ComplaintDue { At = breach, Kind = ComplaintDueKind.SlaBreach, Clock = clock.Clock });
                    break;
                default:
                    break;
            }
        }

        if (State == ComplaintState.Resolved && ResolvedAt is { } resolvedAt)
        {
            var options = _lifecycle.Options;
            Consider(new ComplaintDue { At = options.RequireClientConfirmation ? resolvedAt + options.AutoCloseAfter : resolvedAt, Kind = ComplaintDueKind.AutoClose });
        }

        return next;

        void Consider(ComplaintDue due)
        {
            if (next is null || due.At < next.Value.At)
            {
                next = due;
            }
        }
    }

    /// <summary>Acknowledges the complaint and thanks the client.</summary>
    /// <param name="actor">Who acknowledges.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="thanks">What the client is told.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult Acknowledge(string actor, ContactChannel channel, string thanks)
    {
        RequireText(thanks, nameof(thanks));
        return Execute(ComplaintCommand.Acknowledge, actor, channel, clientVisible: true, thanks, static t => new ComplaintAcknowledged(t));
    }

    /// <summary>Starts the investigation (internal).</summary>
    /// <param name="actor">Who investigates.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is null, empty or white space.</exception>
    public CommandResult StartInvestigating(string actor) =>
        Execute(ComplaintCommand.StartInvestigating, actor, ContactChannel.Internal, clientVisible: false, 0, static _ => new InvestigationStarted());

    /// <summary>Adds information to the investigation (internal).</summary>
    /// <param name="actor">Who adds it.</param>
    /// <param name="information">The information.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public CommandResult AddInformation(string actor, string information)
    {
        RequireText(information, nameof(information));
        return Execute(ComplaintCommand.AddInformation, actor, ContactChannel.Internal, clientVisible: false, information, static i => new InformationAdded(i));
    }

    /// <summary>Asks the client for information; the SLA clocks pause until the client responds.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="question">What the client is asked.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult RequestInformation(string actor, ContactChannel channel, string question)
    {
        RequireText(question, nameof(question));
        return Execute(ComplaintCommand.RequestInformation, actor, channel, clientVisible: true, question, static q => new InformationRequested(q));
    }

    /// <summary>Records the client's response to a request for information; the clocks resume.</summary>
    /// <param name="actor">Who records it (often the client).</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="response">The client's response.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult RecordClientResponse(string actor, ContactChannel channel, string response)
    {
        RequireText(response, nameof(response));
        return Execute(ComplaintCommand.RecordClientResponse, actor, channel, clientVisible: true, response, static r => new ClientResponded(r));
    }

    /// <summary>Apologizes to the client.</summary>
    /// <param name="actor">Who apologises.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="apology">What the client is told.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult Apologize(string actor, ContactChannel channel, string apology)
    {
        RequireText(apology, nameof(apology));
        return Execute(ComplaintCommand.Apologize, actor, channel, clientVisible: true, apology, static a => new ApologyGiven(a));
    }

    /// <summary>Posts a client-visible update (restarts the SLA update clock).</summary>
    /// <param name="actor">Who posts it.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="update">The update.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult PostUpdate(string actor, ContactChannel channel, string update)
    {
        RequireText(update, nameof(update));
        return Execute(ComplaintCommand.PostUpdate, actor, channel, clientVisible: true, update, static u => new ClientUpdatePosted(u));
    }

    /// <summary>Asks the client how we can help, offering options.</summary>
    /// <param name="actor">Who offers.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="options">The options; at least one, none empty.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal; or an option is empty.</exception>
    public CommandResult OfferHelp(string actor, ContactChannel channel, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            throw new ArgumentException("At least one option must be offered.", nameof(options));
        }

        for (int i = 0; i < options.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options[i]))
            {
                throw new ArgumentException($"Option {i} is null, empty or white space; every option must say what we can do.", nameof(options));
            }

            ComplaintText.ThrowIfIllFormed(options[i], nameof(options));
        }

        return Execute(ComplaintCommand.OfferHelp, actor, channel, clientVisible: true, options, static o => new HelpOptionsOffered([.. o]));
    }

    /// <summary>Commits to an action with a due date.</summary>
    /// <param name="actor">Who commits.</param>
    /// <param name="channel">The client channel used to tell the client.</param>
    /// <param name="action">The action.</param>
    /// <param name="dueAt">When it is due; must be in the future.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueAt"/> is not after the current time.</exception>
    public CommandResult Commit(string actor, ContactChannel channel, string action, DateTimeOffset dueAt)
    {
        RequireText(action, nameof(action));
        var now = _lifecycle.TimeProvider.GetUtcNow();
        if (dueAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(dueAt), dueAt, $"The due date must be in the future (now is {now:O}).");
        }

        return Execute(ComplaintCommand.Commit, actor, channel, clientVisible: true, now, (action, dueAt), static a => new ActionCommitted(a.action, a.dueAt));
    }

    /// <summary>Delivers the fix; the resolve clock stops and the complaint waits for the client's confirmation.</summary>
    /// <param name="actor">Who delivers it.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="resolution">What was done.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult DeliverFix(string actor, ContactChannel channel, string resolution)
    {
        RequireText(resolution, nameof(resolution));
        return Execute(ComplaintCommand.DeliverFix, actor, channel, clientVisible: true, resolution, static r => new FixDelivered(r));
    }

    /// <summary>Records that the client confirmed the fix: the complaint closes.</summary>
    /// <param name="actor">Who records it (often the client).</param>
    /// <param name="channel">The client channel used.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult RecordClientConfirmation(string actor, ContactChannel channel) =>
        Execute(ComplaintCommand.RecordClientConfirmation, actor, channel, clientVisible: true, 0, static _ => new ClientConfirmedFix());

    /// <summary>Records that the client rejected the fix: the investigation reopens.</summary>
    /// <param name="actor">Who records it (often the client).</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="reason">Why the client rejected it.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult RecordClientRejection(string actor, ContactChannel channel, string reason)
    {
        RequireText(reason, nameof(reason));
        return Execute(ComplaintCommand.RecordClientRejection, actor, channel, clientVisible: true, reason, static r => new ClientRejectedFix(r));
    }

    /// <summary>Escalates the complaint (internal).</summary>
    /// <param name="actor">Who escalates.</param>
    /// <param name="level">The new level: above the current level, at most the lifecycle's maximum.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not above the current level or is above the maximum.</exception>
    public CommandResult Escalate(string actor, int level, string reason)
    {
        RequireText(reason, nameof(reason));
        int max = _lifecycle.Options.MaxEscalationLevel;
        if (level <= EscalationLevel || level > max)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"The escalation level must be above the current level ({EscalationLevel}) and at most {max}.");
        }

        return Execute(ComplaintCommand.Escalate, actor, ContactChannel.Internal, clientVisible: false, (level, reason), static a => new ComplaintEscalated(a.level, a.reason));
    }

    /// <summary>Records that the client withdrew the complaint (final).</summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult Withdraw(string actor, ContactChannel channel, string reason)
    {
        RequireText(reason, nameof(reason));
        return Execute(ComplaintCommand.Withdraw, actor, channel, clientVisible: true, reason, static r => new ComplaintWithdrawn(r));
    }

    /// <summary>Reopens a closed complaint within the reopen window.</summary>
    /// <param name="actor">Who reopens it.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult Reopen(string actor, ContactChannel channel, string reason)
    {
        RequireText(reason, nameof(reason));
        return Execute(ComplaintCommand.Reopen, actor, channel, clientVisible: true, reason, static r => new ComplaintReopened(r));
    }

    /// <summary>Closes a resolved complaint the client did not answer within the auto-close window (internal).</summary>
    /// <param name="actor">Who closes it (often the system).</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is null, empty or white space.</exception>
    public CommandResult AutoClose(string actor) =>
        Execute(ComplaintCommand.AutoClose, actor, ContactChannel.Internal, clientVisible: false, 0, static _ => new ComplaintAutoClosed());

    /// <summary>Assigns or reassigns the complaint to an agent and a team (internal): who serves the client comes from the history.</summary>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="agent">The agent, or <see langword="null"/> for the team's queue (no agent).</param>
    /// <param name="team">The team, or <see langword="null"/> for no team.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">The actor is null, empty or white space; both <paramref name="agent"/> and <paramref name="team"/> are null; one is empty or white space; or they are the current assignment.</exception>
    public CommandResult Assign(string actor, string? agent, string? team)
    {
        if (agent is null && team is null)
        {
            throw new ArgumentException("An assignment names an agent, a team or both.", nameof(agent));
        }

        if (agent is not null)
        {
            RequireText(agent, nameof(agent));
        }

        if (team is not null)
        {
            RequireText(team, nameof(team));
        }

        if (string.Equals(agent, _snapshot.Agent, StringComparison.Ordinal) && string.Equals(team, _snapshot.Team, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The complaint is already assigned to agent '{agent}' of team '{team}'.", nameof(agent));
        }

        return Execute(ComplaintCommand.Assign, actor, ContactChannel.Internal, clientVisible: false, (agent, team), static a => new ComplaintAssigned(a.agent, a.team));
    }

    /// <summary>
    /// Changes the priority (internal). The SLA clocks are re-targeted to the policy the new terms select: each clock keeps
    /// the business time it has consumed and is compared with its new target (a clock already past it breaches now).
    /// </summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="priority">The new priority.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space; the priority is undefined or is the current one.</exception>
    public CommandResult ChangePriority(string actor, Priority priority, string reason)
    {
        RequireText(reason, nameof(reason));
        ComplaintLifecycle.RequireDefined(priority, nameof(priority));
        if (priority == _snapshot.Priority)
        {
            throw new ArgumentException($"The priority is already {priority}; valid: {string.Join(", ", Enum.GetValues<Priority>().Where(p => p != priority))}.", nameof(priority));
        }

        return Execute(ComplaintCommand.ChangePriority, actor, ContactChannel.Internal, clientVisible: false, (priority, previous: _snapshot.Priority, reason), static a => new PriorityChanged(a.priority, a.previous, a.reason));
    }

    /// <summary>
    /// Puts the complaint on hold for a pause reason (internal): the clocks that reason pauses stop until the hold is
    /// released (which clocks is configuration: <see cref="ComplaintOptions.SlaRules"/>). Delivering the fix or a
    /// withdrawal releases it too.
    /// </summary>
    /// <param name="actor">Who puts it on hold.</param>
    /// <param name="reason">A configured pause reason, e.g. <see cref="SlaPauseReasons.AwaitingThirdParty"/> or <see cref="SlaPauseReasons.ScheduledChange"/>.</param>
    /// <param name="note">What the complaint waits for.</param>
    /// <returns>The event, or the refusal (e.g. already on hold).</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space; the reason is not configured, or is the reason of a state in which the clocks pause (that state is entered by its own command).</exception>
    public CommandResult PutOnHold(string actor, string reason, string note)
    {
        RequireText(note, nameof(note));
        RequireText(reason, nameof(reason));
        var rules = _lifecycle.Options.SlaRules;
        var configured = rules.PauseReasons.Keys.FirstOrDefault(k => string.Equals(k, reason, StringComparison.OrdinalIgnoreCase));
        var stateReasons = _lifecycle.Options.ClockPausedStates.Select(s => s.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (configured is null || stateReasons.Contains(configured))
        {
            throw new ArgumentException(
                $"'{reason}' is not a pause reason a hold can give; valid: {string.Join(", ", rules.PauseReasons.Keys.Where(k => !stateReasons.Contains(k)).Order(StringComparer.Ordinal))} (ComplaintOptions.SlaRules, less the reasons of paused states: {string.Join(", ", stateReasons.Order(StringComparer.Ordinal))}).",
                nameof(reason));
        }

        return Execute(ComplaintCommand.PutOnHold, actor, ContactChannel.Internal, clientVisible: false, (configured, note), static a => new ComplaintPutOnHold(a.configured, a.note));
    }

    /// <summary>Releases the hold (internal): the clocks it paused run again.</summary>
    /// <param name="actor">Who releases it.</param>
    /// <param name="note">Why now.</param>
    /// <returns>The event, or the refusal (e.g. not on hold).</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public CommandResult ReleaseHold(string actor, string note)
    {
        RequireText(note, nameof(note));
        return Execute(ComplaintCommand.ReleaseHold, actor, ContactChannel.Internal, clientVisible: false, (reason: _snapshot.HoldReason ?? string.Empty, note), static a => new ComplaintHoldReleased(a.reason, a.note));
    }

    /// <summary>Links the complaint to a recurring problem (replacing the problem it was linked to); <see cref="ProblemRecords"/> builds each problem's record from these events.</summary>
    /// <param name="actor">Who links it.</param>
    /// <param name="problemId">The problem's identifier.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space, or the complaint is already linked to that problem.</exception>
    public CommandResult LinkProblem(string actor, string problemId)
    {
        RequireText(problemId, nameof(problemId));
        if (string.Equals(problemId, _snapshot.ProblemId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The complaint is already linked to problem '{problemId}'.", nameof(problemId));
        }

        return Execute(ComplaintCommand.LinkProblem, actor, ContactChannel.Internal, clientVisible: false, (problemId, previous: _snapshot.ProblemId), static a => new LinkedToProblem(a.problemId, a.previous));
    }

    /// <summary>Unlinks the complaint from its problem.</summary>
    /// <param name="actor">Who unlinks it.</param>
    /// <param name="reason">Why (e.g. linked by mistake).</param>
    /// <returns>The event, or the refusal (e.g. not linked).</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public CommandResult UnlinkProblem(string actor, string reason)
    {
        RequireText(reason, nameof(reason));
        return Execute(ComplaintCommand.UnlinkProblem, actor, ContactChannel.Internal, clientVisible: false, (problemId: _snapshot.ProblemId ?? string.Empty, reason), static a => new UnlinkedFromProblem(a.problemId, a.reason));
    }

    /// <summary>Links a survey response that rates the handling of this complaint (the survey side keeps the complaint's identifier too).</summary>
    /// <param name="actor">Who links it (often the system that received the response).</param>
    /// <param name="surveyResponseId">The survey response's identifier.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or white space, or the response is already linked.</exception>
    public CommandResult LinkSurveyResponse(string actor, string surveyResponseId)
    {
        RequireText(surveyResponseId, nameof(surveyResponseId));
        if (_snapshot.SurveyResponseIds.Contains(surveyResponseId, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Survey response '{surveyResponseId}' is already linked to this complaint.", nameof(surveyResponseId));
        }

        return Execute(ComplaintCommand.LinkSurveyResponse, actor, ContactChannel.Internal, clientVisible: false, surveyResponseId, static id => new SurveyResponseLinked(id));
    }

    /// <summary>Adds and removes host-defined tags (internal); the bounds are <see cref="ComplaintOptions.MaxTags"/> and <see cref="ComplaintOptions.MaxTagLength"/>.</summary>
    /// <param name="actor">Who changes them.</param>
    /// <param name="add">Tags to add (not on the complaint yet).</param>
    /// <param name="remove">Tags to remove (on the complaint now).</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">The actor is null, empty or white space; nothing changes; a tag to add is already there, given twice or out of bounds (the message names the limit); or a tag to remove is not there.</exception>
    public CommandResult ChangeTags(string actor, IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        if (add.Count == 0 && remove.Count == 0)
        {
            throw new ArgumentException("Nothing to change: give tags to add or to remove.", nameof(add));
        }

        var kept = _snapshot.Tags.ToList();
        foreach (var tag in remove)
        {
            if (tag is null || !kept.Remove(tag))
            {
                throw new ArgumentException($"Tag '{tag}' is not on the complaint; its tags are: {string.Join(", ", _snapshot.Tags)}.", nameof(remove));
            }
        }

        ComplaintLabels.CheckTags(add, kept, _lifecycle.Options, nameof(add));
        return Execute(ComplaintCommand.ChangeTags, actor, ContactChannel.Internal, clientVisible: false, (add, remove), static a => new TagsChanged([.. a.add], [.. a.remove]));
    }

    /// <summary>Sets and removes host-defined metadata (internal); the bounds are <see cref="ComplaintOptions.MaxMetadataEntries"/>, <see cref="ComplaintOptions.MaxMetadataKeyLength"/> and <see cref="ComplaintOptions.MaxMetadataValueLength"/>.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="set">Entries to add or replace.</param>
    /// <param name="remove">Keys to remove (on the complaint now, not in <paramref name="set"/>).</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">The actor is null, empty or white space; nothing changes; an entry is out of bounds (the message names the limit); or a key to remove is not there or is also set.</exception>
    public CommandResult ChangeMetadata(string actor, IReadOnlyDictionary<string, string> set, IReadOnlyList<string> remove)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(remove);
        if (set.Count == 0 && remove.Count == 0)
        {
            throw new ArgumentException("Nothing to change: give entries to set or keys to remove.", nameof(set));
        }

        var kept = new SortedDictionary<string, string>(_snapshot.Metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var key in remove)
        {
            if (key is null || set.ContainsKey(key) || !kept.Remove(key))
            {
                throw new ArgumentException($"Metadata key '{key}' is not on the complaint, or is also set; its keys are: {string.Join(", ", _snapshot.Metadata.Keys)}.", nameof(remove));
            }
        }

        ComplaintLabels.CheckMetadata(set, kept, _lifecycle.Options, nameof(set));
        return Execute(
            ComplaintCommand.ChangeMetadata,
            actor,
            ContactChannel.Internal,
            clientVisible: false,
            (set, remove),
            static a => new MetadataChanged(new SortedDictionary<string, string>(a.set.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), StringComparer.Ordinal), [.. a.remove]));
    }

    /// <summary>
    /// Records that an SLA clock went at risk or breached (a system command for the SLA monitor). Refused when the clock
    /// is not in that status now, or when that status of that clock in its current cycle is already recorded: so each
    /// alert is recorded once even when two monitors race (the store's expected version makes the loser retry and be refused).
    /// </summary>
    /// <param name="actor">Who records it (the monitor).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="status"><see cref="SlaStatus.AtRisk"/> or <see cref="SlaStatus.Breached"/>.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">The actor is null, empty or white space, or the clock is undefined.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not AtRisk or Breached.</exception>
    public CommandResult RecordSlaAlert(string actor, SlaClockKind clock, SlaStatus status)
    {
        ComplaintLifecycle.RequireDefined(clock, nameof(clock));
        if (status is not (SlaStatus.AtRisk or SlaStatus.Breached))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An SLA alert is AtRisk or Breached.");
        }

        ComplaintText.ThrowIfInvalid(actor, nameof(actor));
        var now = _lifecycle.TimeProvider.GetUtcNow();
        var request = new SlaAlertRequest(clock, status);
        var context = new ComplaintGuardContext(this, now, actor);
        var result = _lifecycle.Definition.Evaluate(_snapshot.State, _lifecycle.RecordSlaAlertTrigger, request, context);
        if (result.Refusal is { } refusal)
        {
            return new CommandResult(refusal);
        }

        var evaluated = EvaluateSla(now)[clock];
        var e = new SlaAlertRecorded(clock, status, evaluated.Cycle, evaluated.BreachAt);
        return Accept(e, now, actor, ContactChannel.Internal, result.State);
    }

    /// <inheritdoc />
    public override string ToString() => $"Complaint {Id} v{Version} {State}";

    internal static void RequireClientChannel(ContactChannel channel, string name)
    {
        ComplaintLifecycle.RequireDefined(channel, name);
        if (channel == ContactChannel.Internal)
        {
            throw new ArgumentException("A client-visible step needs the client channel it happened on (Phone, Email, Web, Chat or InPerson), not Internal.", name);
        }
    }

    internal void Apply(ComplaintEvent e)
    {
        var before = _snapshot;
        _snapshot = before.Apply(e);
        _history.Add(e);
        _sla.Append(e, before, _snapshot, _lifecycle.Options);
    }

    internal void MarkPersisted() => _persistedVersion = Version;

    private static void RequireText(string value, string name) => ComplaintText.ThrowIfInvalid(value, name);

    private CommandResult Execute<TArgument>(
        ComplaintCommand command, string actor, ContactChannel channel, bool clientVisible, TArgument argument, Func<TArgument, ComplaintEvent> create) =>
        Execute(command, actor, channel, clientVisible, _lifecycle.TimeProvider.GetUtcNow(), argument, create);

    private CommandResult Execute<TArgument>(
        ComplaintCommand command, string actor, ContactChannel channel, bool clientVisible, DateTimeOffset now, TArgument argument, Func<TArgument, ComplaintEvent> create)
    {
        ComplaintText.ThrowIfInvalid(actor, nameof(actor));
        if (clientVisible)
        {
            RequireClientChannel(channel, nameof(channel));
        }

        var result = _lifecycle.Definition.Evaluate(_snapshot.State, command, new ComplaintGuardContext(this, now, actor));
        return result.Refusal is { } refusal ? new CommandResult(refusal) : Accept(create(argument), now, actor, channel, result.State);
    }

    private CommandResult Accept(ComplaintEvent e, DateTimeOffset now, string actor, ContactChannel channel, ComplaintState state)
    {
        e.Stamp(_snapshot.Id, _snapshot.Version + 1, now, actor, channel, state, _lifecycle.Version);
        Apply(e);
        return new CommandResult(e);
    }
}
