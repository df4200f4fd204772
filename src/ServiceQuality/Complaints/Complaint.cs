using System.Runtime.InteropServices;
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
    private readonly List<SlaEntry> _slaEntries = [];
    private ComplaintSnapshot _snapshot = new();
    private long _persistedVersion;

    internal Complaint(ComplaintLifecycle lifecycle, long persistedVersion)
    {
        _lifecycle = lifecycle;
        _persistedVersion = persistedVersion;
    }

    /// <summary>Gets the complaint's state as plain data (the fold of its events).</summary>
    public ComplaintSnapshot Snapshot => _snapshot;

    /// <summary>Gets the complaint's identifier.</summary>
    public string Id => _snapshot.Id;

    /// <summary>Gets the lifecycle state.</summary>
    public ComplaintState State => _snapshot.State;

    /// <summary>Gets the number of events (the version of the last one).</summary>
    public long Version => _snapshot.Version;

    /// <summary>Gets the process steps recorded so far.</summary>
    public ComplaintMilestones Milestones => _snapshot.Milestones;

    /// <summary>Gets the escalation level (0 when never escalated).</summary>
    public int EscalationLevel => _snapshot.EscalationLevel;

    /// <summary>Gets when the latest fix was delivered, if any.</summary>
    public DateTimeOffset? ResolvedAt => _snapshot.ResolvedAt;

    /// <summary>Gets when the complaint was last closed, if ever.</summary>
    public DateTimeOffset? ClosedAt => _snapshot.ClosedAt;

    /// <summary>Gets every event, in order.</summary>
    public IReadOnlyList<ComplaintEvent> History => _history;

    /// <summary>Gets the version already stored (events after it are pending).</summary>
    public long PersistedVersion => _persistedVersion;

    /// <summary>Gets the lifecycle this complaint follows.</summary>
    public ComplaintLifecycle Lifecycle => _lifecycle;

    /// <summary>Gets the events not yet stored, in order.</summary>
    /// <returns>The pending events (a copy).</returns>
    public IReadOnlyList<ComplaintEvent> GetPendingEvents() => _history.GetRange((int)_persistedVersion, _history.Count - (int)_persistedVersion);

    /// <summary>Gets the commands the definition would accept now (guards evaluated at the lifecycle's current time).</summary>
    /// <returns>The commands allowed now, in definition order.</returns>
    public IReadOnlyList<ComplaintCommand> GetAllowedCommands()
    {
        var buffer = new ComplaintCommand[_lifecycle.Definition.GetPermittedTriggers(State).Length];
        int count = _lifecycle.Definition.GetPermittedTriggers(State, new ComplaintGuardContext(this, _lifecycle.TimeProvider.GetUtcNow()), buffer);
        return buffer[..count];
    }

    /// <summary>Evaluates the SLA clocks now (policy of the complaint's priority, the lifecycle's calendar and paused states).</summary>
    /// <returns>Each clock's target, elapsed and remaining business time, status and breach instant.</returns>
    public SlaEvaluation EvaluateSla() => EvaluateSla(_lifecycle.TimeProvider.GetUtcNow());

    /// <summary>Evaluates the SLA clocks at <paramref name="now"/>.</summary>
    /// <param name="now">The instant of evaluation (events after it are ignored).</param>
    /// <returns>Each clock's target, elapsed and remaining business time, status and breach instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="now"/> is before the complaint was received.</exception>
    public SlaEvaluation EvaluateSla(DateTimeOffset now) => SlaEvaluator.Evaluate(
        CollectionsMarshal.AsSpan(_slaEntries), _lifecycle.Options.Sla.For(_snapshot.Priority), _lifecycle.Options.Calendar, now);

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

    /// <summary>Apologises to the client.</summary>
    /// <param name="actor">Who apologises.</param>
    /// <param name="channel">The client channel used.</param>
    /// <param name="apology">What the client is told.</param>
    /// <returns>The event, or the refusal.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty, white space, undefined, or the channel is internal.</exception>
    public CommandResult Apologise(string actor, ContactChannel channel, string apology)
    {
        RequireText(apology, nameof(apology));
        return Execute(ComplaintCommand.Apologise, actor, channel, clientVisible: true, apology, static a => new ApologyGiven(a));
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
        var previous = _snapshot.State;
        _snapshot = _snapshot.Apply(e);
        _history.Add(e);
        ComplaintSlaEntries.Append(_slaEntries, e, previous, _lifecycle.Options.ClockPausedStates);
    }

    internal void MarkPersisted() => _persistedVersion = Version;

    private static void RequireText(string value, string name) => ArgumentException.ThrowIfNullOrWhiteSpace(value, name);

    private CommandResult Execute<TArgument>(
        ComplaintCommand command, string actor, ContactChannel channel, bool clientVisible, TArgument argument, Func<TArgument, ComplaintEvent> create) =>
        Execute(command, actor, channel, clientVisible, _lifecycle.TimeProvider.GetUtcNow(), argument, create);

    private CommandResult Execute<TArgument>(
        ComplaintCommand command, string actor, ContactChannel channel, bool clientVisible, DateTimeOffset now, TArgument argument, Func<TArgument, ComplaintEvent> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (clientVisible)
        {
            RequireClientChannel(channel, nameof(channel));
        }

        var result = _lifecycle.Definition.TryFire(_snapshot.State, command, new ComplaintGuardContext(this, now));
        if (result.Refusal is { } refusal)
        {
            return new CommandResult(refusal);
        }

        var e = create(argument);
        e.Stamp(_snapshot.Id, _snapshot.Version + 1, now, actor, channel, result.State, _lifecycle.Version);
        Apply(e);
        return new CommandResult(e);
    }
}
