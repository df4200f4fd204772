using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>The complaint was received, with the client's own words, what the normalizer made of them, and the host's tags and metadata.</summary>
public sealed record ComplaintReceived : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintReceived(string clientId, ClientSegment segment, Priority priority, string text)
    {
        ClientId = clientId;
        Segment = segment;
        Priority = priority;
        Text = text;
    }

    /// <summary>Gets the client's identifier.</summary>
    public string ClientId { get; internal init; }

    /// <summary>Gets whether the client is internal or external.</summary>
    public ClientSegment Segment { get; internal init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    public Priority Priority { get; internal init; }

    /// <summary>Gets the original text of the complaint.</summary>
    public string Text { get; internal init; }

    /// <summary>Gets the normalized record made at intake (<see langword="null"/> in events of schema version 1, written before intake normalized).</summary>
    [JsonInclude]
    public NormalizedRecord? Normalized { get; internal init; }

    /// <summary>Gets the host-defined tags given at intake.</summary>
    [JsonInclude]
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>Gets the host-defined metadata given at intake.</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = Values.NoMetadata;

    /// <summary>The stored shape: version 2 added the normalized record, tags and metadata.</summary>
    internal const int Schema = 2;

    /// <inheritdoc />
    public bool Equals(ComplaintReceived? other) =>
        other is not null && base.Equals(other)
        && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal) && Segment == other.Segment && Priority == other.Priority
        && string.Equals(Text, other.Text, StringComparison.Ordinal) && Equals(Normalized, other.Normalized)
        && Values.SameItems(Tags, other.Tags) && Values.SameEntries(Metadata, other.Metadata);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ClientId, Text, Normalized);

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with
    {
        Text = ErasedText,
        Normalized = Normalized?.WithTextErased(),
        Metadata = Metadata.Count == 0 ? Metadata : new SortedDictionary<string, string>(Metadata.ToDictionary(m => m.Key, _ => ErasedText), StringComparer.Ordinal),
    };

    /// <inheritdoc />
    private protected override int CurrentSchemaVersion => Schema;

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with
    {
        Id = ComplaintId,
        ClientId = ClientId,
        Segment = Segment,
        Channel = Channel,
        Priority = Priority,
        Text = Text,
        Normalized = Normalized,
        Tags = Tags,
        Metadata = Metadata,
        ReceivedAt = At,
    };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Started));

    internal override void Measure(ref ComplaintTally tally)
    {
        // The receipt is counted by the history itself (one complaint a history).
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint) =>
        instrumentation.ComplaintsReceived.Add(1, new("channel", Channel.ToString()), new("priority", Priority.ToString()));

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => null;

    /// <summary>Version 1 (before intake normalized) to 2: no normalized record (the words were not normalized then), no tags, no metadata.</summary>
    /// <param name="v1">The stored event at version 1.</param>
    internal static void UpcastFromV1(JsonObject v1)
    {
        v1["normalized"] = null;
        v1["tags"] = new JsonArray();
        v1["metadata"] = new JsonObject();
    }
}

/// <summary>The complaint was acknowledged and the client thanked.</summary>
public sealed record ComplaintAcknowledged : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintAcknowledged(string thanks)
    {
        Thanks = thanks;
    }

    /// <summary>Gets what the client was told.</summary>
    public string Thanks { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Thanks = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) =>
        snapshot with { AcknowledgedAt = snapshot.AcknowledgedAt ?? At, Milestones = snapshot.Milestones | ComplaintMilestones.Thanked };

    // The acknowledgement stops the acknowledge clock and counts as a client-visible update.
    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Acknowledged));

    internal override void Measure(ref ComplaintTally tally) => tally.Acknowledged = true;

    // The wall time, and the business time (the clock's elapsed time: working hours, pauses excluded) while a listener is on.
    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
        instrumentation.TimeToAcknowledge.Record((At - complaint.Snapshot.ReceivedAt).TotalSeconds);
        if (instrumentation.TimeToAcknowledgeBusiness.Enabled)
        {
            instrumentation.TimeToAcknowledgeBusiness.Record(complaint.EvaluateSla(At).Acknowledge.Elapsed.TotalSeconds);
        }
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Acknowledge;
}

/// <summary>The investigation started.</summary>
public sealed record InvestigationStarted : ComplaintEvent
{
    [JsonConstructor]
    internal InvestigationStarted()
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot;

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // Internal work: no clock changes.
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.StartInvestigating;
}

/// <summary>Information was added to the investigation (internal).</summary>
public sealed record InformationAdded : ComplaintEvent
{
    [JsonConstructor]
    internal InformationAdded(string information)
    {
        Information = information;
    }

    /// <summary>Gets the information.</summary>
    public string Information { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Information = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) =>
        snapshot with { InformationCount = snapshot.InformationCount + 1, Milestones = snapshot.Milestones | ComplaintMilestones.InformationAdded };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // Internal work: no clock changes.
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.AddInformation;
}

/// <summary>The client was asked for information; the SLA clocks pause while waiting.</summary>
public sealed record InformationRequested : ComplaintEvent
{
    [JsonConstructor]
    internal InformationRequested(string question)
    {
        Question = question;
    }

    /// <summary>Gets what the client was asked.</summary>
    public string Question { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Question = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Milestones = snapshot.Milestones | ComplaintMilestones.InformationRequested };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    // Asking the client means the complaint was not resolved at first contact.
    internal override void Measure(ref ComplaintTally tally) => tally.AskedClient = true;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RequestInformation;
}

/// <summary>The client responded to a request for information.</summary>
public sealed record ClientResponded : ComplaintEvent
{
    [JsonConstructor]
    internal ClientResponded(string response)
    {
        Response = response;
    }

    /// <summary>Gets the client's response.</summary>
    public string Response { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Response = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot;

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // The clocks resume because the state leaves AwaitingClient; the client's answer is not an update from us.
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientResponse;
}

/// <summary>An apology was given to the client.</summary>
public sealed record ApologyGiven : ComplaintEvent
{
    [JsonConstructor]
    internal ApologyGiven(string apology)
    {
        Apology = apology;
    }

    /// <summary>Gets what the client was told.</summary>
    public string Apology { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Apology = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Milestones = snapshot.Milestones | ComplaintMilestones.Apologized };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    internal override void Measure(ref ComplaintTally tally) => tally.Apologized = true;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Apologize;
}

/// <summary>A client-visible update was posted: the client is kept out of the "black hole".</summary>
public sealed record ClientUpdatePosted : ComplaintEvent
{
    [JsonConstructor]
    internal ClientUpdatePosted(string update)
    {
        Update = update;
    }

    /// <summary>Gets the update.</summary>
    public string Update { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Update = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Milestones = snapshot.Milestones | ComplaintMilestones.ClientUpdated };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.PostUpdate;
}

/// <summary>The client was asked how we can help, with options.</summary>
public sealed record HelpOptionsOffered : ComplaintEvent
{
    [JsonConstructor]
    internal HelpOptionsOffered(IReadOnlyList<string> options)
    {
        Options = options;
    }

    /// <summary>Gets the options offered, in order.</summary>
    public IReadOnlyList<string> Options { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Options = [.. Options.Select(_ => ErasedText)] };

    /// <inheritdoc />
    public bool Equals(HelpOptionsOffered? other) =>
        other is not null && base.Equals(other) && Options.SequenceEqual(other.Options, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        foreach (var option in Options)
        {
            hash.Add(option, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Milestones = snapshot.Milestones | ComplaintMilestones.HelpOffered };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    internal override void Measure(ref ComplaintTally tally)
    {
        if (!tally.Offered)
        {
            tally.Offered = true;
            tally.ApologyBeforeOffer = tally.Apologized;
        }
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.OfferHelp;
}

/// <summary>An action was committed to, with a due date.</summary>
public sealed record ActionCommitted : ComplaintEvent
{
    [JsonConstructor]
    internal ActionCommitted(string action, DateTimeOffset dueAt)
    {
        Action = action;
        DueAt = dueAt;
    }

    /// <summary>Gets the action.</summary>
    public string Action { get; internal init; }

    /// <summary>Gets when it is due.</summary>
    public DateTimeOffset DueAt { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Action = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) =>
        snapshot with { CommittedAction = Action, CommitmentDueAt = DueAt, Milestones = snapshot.Milestones | ComplaintMilestones.Committed };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Commit;
}

/// <summary>The fix was delivered.</summary>
public sealed record FixDelivered : ComplaintEvent
{
    [JsonConstructor]
    internal FixDelivered(string resolution)
    {
        Resolution = resolution;
    }

    /// <summary>Gets what was done.</summary>
    public string Resolution { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Resolution = ErasedText };

    // Delivering the fix releases a hold.
    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) =>
        snapshot with { ResolvedAt = At, Milestones = snapshot.Milestones | ComplaintMilestones.FixDelivered, HoldReason = null, HeldSince = null };

    // The resolve clock is met, the update cycle ends (the fix tells the client); a hold ends first, so that a reopened
    // complaint's resolve clock runs again.
    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        if (context.Before.HoldReason is { } hold)
        {
            entries.Add(context.Resume(At, hold));
        }

        entries.Add(new SlaEntry(At, SlaEntryKind.Resolved));
    }

    internal override void Measure(ref ComplaintTally tally) => tally.FixedOnce = true;

    // The wall time, and the business time (the clock's elapsed time: working hours, pauses excluded) while a listener is on.
    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
        instrumentation.TimeToResolve.Record((At - complaint.Snapshot.ReceivedAt).TotalSeconds);
        if (instrumentation.TimeToResolveBusiness.Enabled)
        {
            instrumentation.TimeToResolveBusiness.Record(complaint.EvaluateSla(At).Resolve.Elapsed.TotalSeconds);
        }
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.DeliverFix;
}

/// <summary>The client confirmed the fix; the complaint is closed.</summary>
public sealed record ClientConfirmedFix : ComplaintEvent
{
    [JsonConstructor]
    internal ClientConfirmedFix()
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ClosedAt = At, Milestones = snapshot.Milestones | ComplaintMilestones.ClientConfirmed };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Stopped));

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientConfirmation;
}

/// <summary>The client rejected the fix; the investigation reopens.</summary>
public sealed record ClientRejectedFix : ComplaintEvent
{
    [JsonConstructor]
    internal ClientRejectedFix(string reason)
    {
        Reason = reason;
    }

    /// <summary>Gets why the client rejected it.</summary>
    public string Reason { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ReopenCount = snapshot.ReopenCount + 1 };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Reopened));

    internal override void Measure(ref ComplaintTally tally) => tally.Reopened = true;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientRejection;
}

/// <summary>The complaint was escalated.</summary>
public sealed record ComplaintEscalated : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintEscalated(int level, string reason)
    {
        Level = level;
        Reason = reason;
    }

    /// <summary>Gets the new escalation level (1 and up).</summary>
    public int Level { get; internal init; }

    /// <summary>Gets the reason given.</summary>
    public string Reason { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { EscalationLevel = Level, Milestones = snapshot.Milestones | ComplaintMilestones.Escalated };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // Escalation changes who works on it, not the clocks.
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Escalate;
}

/// <summary>The client withdrew the complaint.</summary>
public sealed record ComplaintWithdrawn : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintWithdrawn(string reason)
    {
        Reason = reason;
    }

    /// <summary>Gets the reason given.</summary>
    public string Reason { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    // A withdrawal ends a hold: the complaint is over.
    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { HoldReason = null, HeldSince = null };

    // Every clock still running or paused ends as Stopped (never met: the goal was not reached).
    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        if (context.Before.HoldReason is { } hold)
        {
            entries.Add(context.Resume(At, hold));
        }

        entries.Add(new SlaEntry(At, SlaEntryKind.Stopped));
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Withdraw;
}

/// <summary>A closed complaint was reopened within the reopen window.</summary>
public sealed record ComplaintReopened : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintReopened(string reason)
    {
        Reason = reason;
    }

    /// <summary>Gets the reason given.</summary>
    public string Reason { get; internal init; }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ReopenCount = snapshot.ReopenCount + 1 };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Reopened));

    internal override void Measure(ref ComplaintTally tally) => tally.Reopened = true;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Reopen;
}

/// <summary>A resolved complaint was closed because the client did not answer within the auto-close window.</summary>
public sealed record ComplaintAutoClosed : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintAutoClosed()
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ClosedAt = At };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(new SlaEntry(At, SlaEntryKind.Stopped));

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.AutoClose;
}
