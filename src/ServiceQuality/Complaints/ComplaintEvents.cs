using System.Text.Json.Nodes;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>The complaint was received, with the client's own words, what the normalizer made of them, and the host's tags and metadata.</summary>
/// <param name="ClientId">The client's identifier.</param>
/// <param name="Segment">Internal or external client.</param>
/// <param name="Priority">The priority, which selects the SLA policy.</param>
/// <param name="Text">The original text of the complaint.</param>
public sealed record ComplaintReceived(string ClientId, ClientSegment Segment, Priority Priority, string Text) : ComplaintEvent
{
    /// <summary>Gets the normalized record made at intake (<see langword="null"/> in events of schema version 1, written before intake normalized).</summary>
    public NormalizedRecord? Normalized { get; init; }

    /// <summary>Gets the host-defined tags given at intake.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the host-defined metadata given at intake.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = Values.NoMetadata;

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
/// <param name="Thanks">What the client was told.</param>
public sealed record ComplaintAcknowledged(string Thanks) : ComplaintEvent
{
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
/// <param name="Information">The information.</param>
public sealed record InformationAdded(string Information) : ComplaintEvent
{
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
/// <param name="Question">What the client was asked.</param>
public sealed record InformationRequested(string Question) : ComplaintEvent
{
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
/// <param name="Response">The client's response.</param>
public sealed record ClientResponded(string Response) : ComplaintEvent
{
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
/// <param name="Apology">What the client was told.</param>
public sealed record ApologyGiven(string Apology) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Apology = ErasedText };

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Milestones = snapshot.Milestones | ComplaintMilestones.Apologised };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => AppendClientUpdate(entries);

    internal override void Measure(ref ComplaintTally tally) => tally.Apologised = true;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Apologise;
}

/// <summary>A client-visible update was posted: the client is kept out of the "black hole".</summary>
/// <param name="Update">The update.</param>
public sealed record ClientUpdatePosted(string Update) : ComplaintEvent
{
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
/// <param name="Options">The options offered, in order.</param>
public sealed record HelpOptionsOffered(IReadOnlyList<string> Options) : ComplaintEvent
{
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
            tally.ApologyBeforeOffer = tally.Apologised;
        }
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.OfferHelp;
}

/// <summary>An action was committed to, with a due date.</summary>
/// <param name="Action">The action.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record ActionCommitted(string Action, DateTimeOffset DueAt) : ComplaintEvent
{
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
/// <param name="Resolution">What was done.</param>
public sealed record FixDelivered(string Resolution) : ComplaintEvent
{
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
/// <param name="Reason">Why the client rejected it.</param>
public sealed record ClientRejectedFix(string Reason) : ComplaintEvent
{
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
/// <param name="Level">The new escalation level (1 and up).</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintEscalated(int Level, string Reason) : ComplaintEvent
{
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
/// <param name="Reason">Why.</param>
public sealed record ComplaintWithdrawn(string Reason) : ComplaintEvent
{
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
/// <param name="Reason">Why.</param>
public sealed record ComplaintReopened(string Reason) : ComplaintEvent
{
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
