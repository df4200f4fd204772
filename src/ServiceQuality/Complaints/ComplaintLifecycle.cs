using System.Globalization;
using System.Text;
using ServiceQuality.Normalization;
using ServiceQuality.Workflow;
using static ServiceQuality.Complaints.ComplaintCommand;
using static ServiceQuality.Complaints.ComplaintState;

namespace ServiceQuality.Complaints;

/// <summary>
/// The standard complaint lifecycle (thank, gather information, apologise, ask how to help, commit, rectify, confirm),
/// compiled once from <see cref="ComplaintOptions"/> into an immutable workflow definition that every complaint it
/// creates or replays shares. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var lifecycle = new ComplaintLifecycle(new ComplaintOptions(), timeProvider);
/// var complaint = lifecycle.Receive(
///     new ReceiveComplaintRequest
///     {
///         ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email,
///         Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk",
///     },
///     new ComplaintNormalizer());
/// CommandResult result = complaint.Acknowledge("ann", ContactChannel.Email, "Thank you for telling us.");
/// SlaEvaluation sla = complaint.EvaluateSla();
/// </code>
/// </example>
public sealed class ComplaintLifecycle
{
    /// <summary>The name of the workflow definition.</summary>
    public const string DefinitionName = "complaint";

    /// <summary>Creates the lifecycle with the default options and the system clock.</summary>
    public ComplaintLifecycle()
        : this(new ComplaintOptions())
    {
    }

    /// <summary>Creates the lifecycle.</summary>
    /// <param name="options">The policies; validated and copied.</param>
    /// <param name="timeProvider">Where the time of every event comes from; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid; the message names every bad setting and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public ComplaintLifecycle(ComplaintOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options.Clone();
        TimeProvider = timeProvider ?? TimeProvider.System;
        (Definition, RecordSlaAlertTrigger) = BuildDefinition(Options);
    }

    /// <summary>Gets the clock every event's time comes from.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the compiled workflow definition: what each state permits and under which conditions (the engine;
    /// the public questions have their own members: <see cref="GetInfo"/>, <see cref="IsInState"/>, <see cref="GetLeafStates"/>,
    /// <see cref="ToMermaid"/>, <see cref="Complaint.GetAllowedCommands()"/>).</summary>
    internal StateMachineDefinition<ComplaintState, ComplaintCommand, ComplaintGuardContext> Definition { get; }

    /// <summary>Gets the definition version recorded in every event (it names the policies in force).</summary>
    public string Version => Definition.Version;

    internal ComplaintOptions Options { get; }

    /// <summary>Gets the parameterised trigger of <see cref="ComplaintCommand.RecordSlaAlert"/> (its guards read the clock and status).</summary>
    internal TriggerWithParameter<ComplaintCommand, SlaAlertRequest> RecordSlaAlertTrigger { get; }

    /// <summary>Gets the definition under the default policies: the states and their hierarchy are the same in every
    /// lifecycle (options shape guards and clocks, never states), so questions about the hierarchy alone can ask it.</summary>
    internal static StateMachineDefinition<ComplaintState, ComplaintCommand, ComplaintGuardContext> Hierarchy => HierarchyHolder.Definition;

    /// <summary>Gets the leaf states of a state from the definition's hierarchy: <see cref="ComplaintState.Open"/> and
    /// <see cref="ComplaintState.Engaged"/> expand to the states under them; a leaf state is its own only leaf. Stores
    /// query by the leaf states, so a query for a superstate never depends on how the enum is numbered.</summary>
    /// <param name="state">A state or superstate.</param>
    /// <returns>The leaf states, in the definition's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of the lifecycle.</exception>
    public IReadOnlyList<ComplaintState> GetLeafStates(ComplaintState state) => Definition.GetLeafStates(state);

    /// <summary>Tells whether a complaint in <paramref name="state"/> is in <paramref name="candidate"/> (the state itself or one of its superstates).</summary>
    /// <param name="state">The complaint's (leaf) state.</param>
    /// <param name="candidate">The state or superstate asked about.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of the lifecycle.</exception>
    public bool IsInState(ComplaintState state, ComplaintState candidate) => Definition.IsInState(state, candidate);

    /// <summary>Describes the lifecycle as data: its states and substates, and each state's transitions with their
    /// destinations and the descriptions of their conditions (what a diagram or a report draws).</summary>
    /// <returns>The read-only description (the engine stays internal).</returns>
    public StateMachineInfo<ComplaintState, ComplaintCommand> GetInfo() => Definition.GetInfo();

    /// <summary>Gets a copy of the policies in force (changing the copy changes nothing here).</summary>
    /// <returns>The options this lifecycle was built with.</returns>
    public ComplaintOptions GetOptions() => Options.Clone();

    /// <summary>Receives a new complaint with one default normalizer shared by the whole process (a <see cref="ComplaintNormalizer"/> with the built-in lexicons): see <see cref="Receive(ReceiveComplaintRequest, ComplaintNormalizer)"/>.</summary>
    /// <param name="request">The complaint as received.</param>
    /// <returns>The complaint, in <see cref="ComplaintState.Received"/>, with one pending event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See <see cref="Receive(ReceiveComplaintRequest, ComplaintNormalizer)"/>.</exception>
    public Complaint Receive(ReceiveComplaintRequest request) => Receive(request, DefaultNormalizer.Instance);

    /// <summary>Receives a new complaint: normalizes the client's words and makes the first event of its history.</summary>
    /// <param name="request">The complaint as received.</param>
    /// <param name="normalizer">The normalizer that makes the normalized record (its reference date is the day of receipt in the calendar's time zone).</param>
    /// <returns>The complaint, in <see cref="ComplaintState.Received"/>, with one pending event.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An identifier, the text or the actor is null, empty or white space, or has a lone surrogate (an identifier: or a NUL) (<see cref="ComplaintText"/>: refused, never silently replaced); an enum value is undefined; the channel is internal; or a tag or metadata entry is out of the bounds of <see cref="ComplaintOptions"/> (the message names the limit).</exception>
    public Complaint Receive(ReceiveComplaintRequest request, ComplaintNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(normalizer);
        ComplaintText.ThrowIfInvalidIdentifier(request.ComplaintId, "request.ComplaintId");
        ComplaintText.ThrowIfInvalidIdentifier(request.ClientId, "request.ClientId");
        ComplaintText.ThrowIfInvalid(request.Text, "request.Text");
        ComplaintText.ThrowIfInvalid(request.Actor, "request.Actor");
        RequireDefined(request.Segment, "request.Segment");
        RequireDefined(request.Priority, "request.Priority");
        Complaint.RequireClientChannel(request.Channel, "request.Channel");
        ComplaintLabels.CheckTags(request.Tags, [], Options, "request.Tags");
        ComplaintLabels.CheckMetadata(request.Metadata, Values.NoMetadata, Options, "request.Metadata");
        var now = TimeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Options.Calendar.TimeZone).DateTime);
        var normalized = normalizer.Normalize(request.Text, new NormalizationContext { ReferenceDate = day, Client = request.ClientId, Channel = request.Channel.ToString() });
        var received = new ComplaintReceived(request.ClientId, request.Segment, request.Priority, request.Text)
        {
            Normalized = NormalizedRecord.From(normalized),
            Tags = [.. request.Tags],
            Metadata = new SortedDictionary<string, string>(request.Metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        };
        received.Stamp(request.ComplaintId, 1, now, request.Actor, request.Channel, Definition.InitialState, Version);
        var complaint = new Complaint(this, 0);
        complaint.Apply(received);
        return complaint;
    }

    /// <summary>Rebuilds a complaint from its history: the state is the fold of the events, equal to the state when they were appended.</summary>
    /// <param name="history">The events, in order, starting with <see cref="ComplaintReceived"/> at version 1.</param>
    /// <returns>The complaint, with no pending events.</returns>
    /// <exception cref="ArgumentException">The history is empty, contains a null, does not start with <see cref="ComplaintReceived"/>, skips or repeats a version, or mixes complaints.</exception>
    public Complaint Replay(IEnumerable<ComplaintEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Complaint? complaint = null;
        long expected = 1;
        foreach (var e in history)
        {
            if (e is null)
            {
                throw new ArgumentException($"The history has a null event at version {expected}.", nameof(history));
            }

            if (e.Version != expected)
            {
                throw new ArgumentException($"The history is out of order: version {expected} expected, found {e.Version} ({e.GetType().Name}).", nameof(history));
            }

            if (complaint is null)
            {
                complaint = e is ComplaintReceived
                    ? new Complaint(this, 0)
                    : throw new ArgumentException($"A history must start with ComplaintReceived; it starts with {e.GetType().Name}.", nameof(history));
            }
            else if (e is ComplaintReceived || !string.Equals(e.ComplaintId, complaint.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event {e.Version} ({e.GetType().Name}, complaint '{e.ComplaintId}') does not continue complaint '{complaint.Id}'.", nameof(history));
            }

            complaint.Apply(e);
            expected++;
        }

        if (complaint is null)
        {
            throw new ArgumentException("The history is empty; it must start with ComplaintReceived.", nameof(history));
        }

        complaint.MarkPersisted();
        return complaint;
    }

    /// <summary>Exports the lifecycle as a Mermaid state diagram, annotated with where the SLA clocks pause and stop.</summary>
    /// <returns>The diagram text.</returns>
    public string ToMermaid()
    {
        var text = new StringBuilder(Definition.ToMermaid());
        text.Append("    note right of Received : acknowledge, update and resolve clocks start\n");
        foreach (var state in Options.ClockPausedStates.Order())
        {
            text.Append("    note right of ").Append(state).Append(" : SLA clocks paused (waiting for the client)\n");
        }

        text.Append("    note right of Resolved : resolve and update clocks stop; auto-close after ").Append(Describe(Options.AutoCloseAfter)).Append(" without an answer\n");
        text.Append("    note right of Closed : all clocks stopped; reopen within ").Append(Describe(Options.ReopenWindow)).Append('\n');
        return text.ToString();
    }

    internal static void RequireDefined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Valid values: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static (StateMachineDefinition<ComplaintState, ComplaintCommand, ComplaintGuardContext> Definition, TriggerWithParameter<ComplaintCommand, SlaAlertRequest> Alert) BuildDefinition(
        ComplaintOptions options)
    {
        var autoClose = options.AutoCloseAfter;
        var reopen = options.ReopenWindow;
        int maxLevel = options.MaxEscalationLevel;
        string version = string.Create(
            CultureInfo.InvariantCulture,
            $"2;apology-first={(options.RequireApologyBeforeHelp ? "on" : "off")};confirmation={(options.RequireClientConfirmation ? "required" : "optional")};auto-close={autoClose:c};reopen={reopen:c};max-escalation={maxLevel}");
        if (options.Guards.Count > 0)
        {
            version += ";guards=" + string.Join("|", options.Guards.Select(g => $"{g.Command}:{g.Description}"));
        }

        // The host's guards of a command join every transition of that command.
        var hostGuards = options.Guards.ToLookup(g => g.Command, g => new Guard<ComplaintGuardContext>(g.Predicate, g.Description));
        Guard<ComplaintGuardContext>[] G(ComplaintCommand command, params Guard<ComplaintGuardContext>[] own) => [.. own, .. hostGuards[command]];

        var onHold = new Guard<ComplaintGuardContext>(static c => c.Complaint.Snapshot.HoldReason is not null, "the complaint is on hold");
        var notOnHold = new Guard<ComplaintGuardContext>(static c => c.Complaint.Snapshot.HoldReason is null, "the complaint is not on hold");
        var notResolved = new Guard<ComplaintGuardContext>(static c => c.Complaint.State != Resolved, "the fix has not been delivered");
        var linked = new Guard<ComplaintGuardContext>(static c => c.Complaint.Snapshot.ProblemId is not null, "the complaint is linked to a problem");
        Guard<ComplaintGuardContext, SlaAlertRequest>[] alertGuards =
        [
            new(static (c, a) => c.Complaint.EvaluateSla(c.Now)[a.Clock].Status == a.Status, "the clock is in the status to record now"),
            new(static (c, a) => !c.Complaint.Snapshot.HasSlaAlert(a.Clock, a.Status, c.Complaint.EvaluateSla(c.Now)[a.Clock].Cycle), "the status is not yet recorded for the clock's current cycle"),
        ];

        var b = new StateMachineBuilder<ComplaintState, ComplaintCommand, ComplaintGuardContext>(DefinitionName, version, Received);
        var open = b.Configure(Open)
            .PermitIf(Withdraw, Withdrawn, G(Withdraw))
            .InternalTransitionIf(AddInformation, G(AddInformation))
            .InternalTransitionIf(Escalate, G(Escalate, new Guard<ComplaintGuardContext>(c => c.Complaint.EscalationLevel < maxLevel, $"the escalation level is below the maximum ({maxLevel})")))
            .InternalTransitionIf(Assign, G(Assign))
            .InternalTransitionIf(ChangePriority, G(ChangePriority))
            .InternalTransitionIf(ReleaseHold, G(ReleaseHold, onHold));
        var alert = b.DeclareParameter<SlaAlertRequest>(RecordSlaAlert);
        open.InternalTransitionIf(alert, alertGuards, G(RecordSlaAlert));
        b.Configure(Received).SubstateOf(Open)
            .PermitIf(Acknowledge, Acknowledged, G(Acknowledge));
        b.Configure(Engaged).SubstateOf(Open)
            .InternalTransitionIf(Apologize, G(Apologize))
            .InternalTransitionIf(PostUpdate, G(PostUpdate))
            .InternalTransitionIf(PutOnHold, G(PutOnHold, notOnHold, notResolved));
        b.Configure(Acknowledged).SubstateOf(Engaged)
            .PermitIf(StartInvestigating, Investigating, G(StartInvestigating));
        var investigating = b.Configure(Investigating).SubstateOf(Engaged)
            .PermitIf(RequestInformation, AwaitingClient, G(RequestInformation));
        if (options.RequireApologyBeforeHelp)
        {
            investigating.PermitIf(OfferHelp, HelpOffered, G(OfferHelp, new Guard<ComplaintGuardContext>(static c => (c.Complaint.Milestones & ComplaintMilestones.Apologized) != 0, "an apology has been recorded")));
        }
        else
        {
            investigating.PermitIf(OfferHelp, HelpOffered, G(OfferHelp));
        }

        b.Configure(AwaitingClient).SubstateOf(Engaged)
            .PermitIf(RecordClientResponse, Investigating, G(RecordClientResponse));
        b.Configure(HelpOffered).SubstateOf(Engaged)
            .PermitIf(Commit, Committed, G(Commit));
        b.Configure(Committed).SubstateOf(Engaged)
            .PermitIf(DeliverFix, Resolved, G(DeliverFix));
        var resolved = b.Configure(Resolved).SubstateOf(Engaged)
            .PermitIf(RecordClientConfirmation, Closed, G(RecordClientConfirmation))
            .PermitIf(RecordClientRejection, Investigating, G(RecordClientRejection));
        if (options.RequireClientConfirmation)
        {
            resolved.PermitIf(
                AutoClose,
                Closed,
                G(AutoClose, new Guard<ComplaintGuardContext>(c => c.Complaint.ResolvedAt is { } at && c.Now - at >= autoClose, $"the client has not answered for {Describe(autoClose)} since the fix (auto-close window)")));
        }
        else
        {
            resolved.PermitIf(AutoClose, Closed, G(AutoClose));
        }

        b.Configure(Closed)
            .PermitIf(Reopen, Investigating, G(Reopen, new Guard<ComplaintGuardContext>(c => c.Complaint.ClosedAt is { } at && c.Now - at <= reopen, $"the complaint was closed at most {Describe(reopen)} ago (reopen window)")));
        b.Configure(Withdrawn).Final();

        // Links and labels are recorded whatever the state: a problem is often found, and a survey answered, after closing.
        foreach (var state in (ReadOnlySpan<ComplaintState>)[Open, Closed, Withdrawn])
        {
            b.Configure(state)
                .InternalTransitionIf(LinkProblem, G(LinkProblem))
                .InternalTransitionIf(UnlinkProblem, G(UnlinkProblem, linked))
                .InternalTransitionIf(LinkSurveyResponse, G(LinkSurveyResponse))
                .InternalTransitionIf(ChangeTags, G(ChangeTags))
                .InternalTransitionIf(ChangeMetadata, G(ChangeMetadata));
        }

        return (b.Build(), alert);
    }

    private static class HierarchyHolder
    {
        public static readonly StateMachineDefinition<ComplaintState, ComplaintCommand, ComplaintGuardContext> Definition = BuildDefinition(new ComplaintOptions()).Definition;
    }

    private static string Describe(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.Days} day{(span.Days == 1 ? string.Empty : "s")}")
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} hour{(span.TotalHours == 1 ? string.Empty : "s")}")
        : span.ToString("c", CultureInfo.InvariantCulture);
}
