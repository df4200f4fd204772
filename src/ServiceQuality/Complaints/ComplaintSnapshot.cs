using System.Text.Json.Serialization;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// A complaint's state as plain data: the fold of its events. Replaying the same events always gives an equal snapshot
/// (collections compare by content). Only the library makes snapshots (by folding events, or reading its own JSON of one:
/// <see cref="ComplaintEventSerializer.DeserializeSnapshot"/>), so a property added later breaks no caller.
/// </summary>
public sealed record ComplaintSnapshot
{
    [JsonConstructor]
    internal ComplaintSnapshot()
    {
    }

    /// <summary>Gets the complaint's identifier.</summary>
    [JsonInclude]
    public string Id { get; internal init; } = string.Empty;

    /// <summary>Gets the client's identifier.</summary>
    [JsonInclude]
    public string ClientId { get; internal init; } = string.Empty;

    /// <summary>Gets whether the client is internal or external.</summary>
    [JsonInclude]
    public ClientSegment Segment { get; internal init; }

    /// <summary>Gets the channel the complaint came in on.</summary>
    [JsonInclude]
    public ContactChannel Channel { get; internal init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    [JsonInclude]
    public Priority Priority { get; internal init; }

    /// <summary>Gets the original text of the complaint.</summary>
    [JsonInclude]
    public string Text { get; internal init; } = string.Empty;

    /// <summary>Gets the normalized record made at intake, or <see langword="null"/> for a complaint received before intake normalized (schema version 1 of <see cref="ComplaintReceived"/>).</summary>
    [JsonInclude]
    public NormalizedRecord? Normalized { get; internal init; }

    /// <summary>Gets the host-defined tags, in the order they were added.</summary>
    [JsonInclude]
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>Gets the host-defined metadata.</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, string> Metadata { get; internal init; } = Values.NoMetadata;

    /// <summary>Gets the agent the complaint is assigned to, if any.</summary>
    [JsonInclude]
    public string? Agent { get; internal init; }

    /// <summary>Gets the team the complaint is assigned to, if any.</summary>
    [JsonInclude]
    public string? Team { get; internal init; }

    /// <summary>Gets how many times the complaint was assigned (more than 1: it was reassigned).</summary>
    [JsonInclude]
    public int Assignments { get; internal init; }

    /// <summary>Gets the pause reason the complaint is on hold for, or <see langword="null"/> when it is not on hold.</summary>
    [JsonInclude]
    public string? HoldReason { get; internal init; }

    /// <summary>Gets when the current hold started, if on hold.</summary>
    [JsonInclude]
    public DateTimeOffset? HeldSince { get; internal init; }

    /// <summary>Gets the recurring problem the complaint is linked to, if any.</summary>
    [JsonInclude]
    public string? ProblemId { get; internal init; }

    /// <summary>Gets the survey responses that rate the handling of this complaint, in the order they were linked.</summary>
    [JsonInclude]
    public IReadOnlyList<string> SurveyResponseIds { get; internal init; } = [];

    /// <summary>Gets the SLA alerts recorded (<see cref="Complaint.RecordSlaAlert"/>), in order.</summary>
    [JsonInclude]
    public IReadOnlyList<SlaAlertRecord> SlaAlerts { get; internal init; } = [];

    /// <summary>Gets the lifecycle state.</summary>
    [JsonInclude]
    public ComplaintState State { get; internal init; }

    /// <summary>Gets the number of events so far (the version of the last event).</summary>
    [JsonInclude]
    public long Version { get; internal init; }

    /// <summary>Gets the workflow definition version of the last event.</summary>
    [JsonInclude]
    public string DefinitionVersion { get; internal init; } = string.Empty;

    /// <summary>Gets the escalation level (0 when never escalated).</summary>
    [JsonInclude]
    public int EscalationLevel { get; internal init; }

    /// <summary>Gets how many times a fix was rejected or the complaint reopened.</summary>
    [JsonInclude]
    public int ReopenCount { get; internal init; }

    /// <summary>Gets the process steps recorded so far.</summary>
    [JsonInclude]
    public ComplaintMilestones Milestones { get; internal init; }

    /// <summary>Gets how many pieces of information were added.</summary>
    [JsonInclude]
    public int InformationCount { get; internal init; }

    /// <summary>Gets how many client-visible interactions (moments of truth) there were, the receipt included.</summary>
    [JsonInclude]
    public int ClientContacts { get; internal init; }

    /// <summary>Gets the latest action committed to, if any.</summary>
    [JsonInclude]
    public string? CommittedAction { get; internal init; }

    /// <summary>Gets when the latest committed action is due, if any.</summary>
    [JsonInclude]
    public DateTimeOffset? CommitmentDueAt { get; internal init; }

    /// <summary>Gets when the complaint was received.</summary>
    [JsonInclude]
    public DateTimeOffset ReceivedAt { get; internal init; }

    /// <summary>Gets when the client was first thanked, if yet.</summary>
    [JsonInclude]
    public DateTimeOffset? AcknowledgedAt { get; internal init; }

    /// <summary>Gets when the latest fix was delivered, if any.</summary>
    [JsonInclude]
    public DateTimeOffset? ResolvedAt { get; internal init; }

    /// <summary>Gets when the complaint was last closed, if ever.</summary>
    [JsonInclude]
    public DateTimeOffset? ClosedAt { get; internal init; }

    /// <summary>Gets when the latest client-visible interaction happened.</summary>
    [JsonInclude]
    public DateTimeOffset? LastClientContactAt { get; internal init; }

    /// <summary>Gets when the latest event happened.</summary>
    [JsonInclude]
    public DateTimeOffset LastEventAt { get; internal init; }

    /// <inheritdoc />
    public bool Equals(ComplaintSnapshot? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal)
        && Segment == other.Segment
        && Channel == other.Channel
        && Priority == other.Priority
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Equals(Normalized, other.Normalized)
        && Values.SameItems(Tags, other.Tags)
        && Values.SameEntries(Metadata, other.Metadata)
        && string.Equals(Agent, other.Agent, StringComparison.Ordinal)
        && string.Equals(Team, other.Team, StringComparison.Ordinal)
        && Assignments == other.Assignments
        && string.Equals(HoldReason, other.HoldReason, StringComparison.Ordinal)
        && HeldSince == other.HeldSince
        && string.Equals(ProblemId, other.ProblemId, StringComparison.Ordinal)
        && Values.SameItems(SurveyResponseIds, other.SurveyResponseIds)
        && SlaAlerts.SequenceEqual(other.SlaAlerts)
        && State == other.State
        && Version == other.Version
        && string.Equals(DefinitionVersion, other.DefinitionVersion, StringComparison.Ordinal)
        && EscalationLevel == other.EscalationLevel
        && ReopenCount == other.ReopenCount
        && Milestones == other.Milestones
        && InformationCount == other.InformationCount
        && ClientContacts == other.ClientContacts
        && string.Equals(CommittedAction, other.CommittedAction, StringComparison.Ordinal)
        && CommitmentDueAt == other.CommitmentDueAt
        && ReceivedAt == other.ReceivedAt
        && AcknowledgedAt == other.AcknowledgedAt
        && ResolvedAt == other.ResolvedAt
        && ClosedAt == other.ClosedAt
        && LastClientContactAt == other.LastClientContactAt
        && LastEventAt == other.LastEventAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, State, Version, LastEventAt);

    /// <summary>Tells whether an SLA alert of this clock, status and cycle is recorded.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="status">The status.</param>
    /// <param name="cycle">The clock's cycle.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool HasSlaAlert(SlaClockKind clock, SlaStatus status, int cycle)
    {
        foreach (var alert in SlaAlerts)
        {
            if (alert.Clock == clock && alert.Status == status && alert.Cycle == cycle)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the snapshot after <paramref name="e"/>: the common part of every event, then what the event itself changes (<see cref="ComplaintEvent.Fold"/>).</summary>
    internal ComplaintSnapshot Apply(ComplaintEvent e) => e.Fold(this with
    {
        State = e.State,
        Version = e.Version,
        DefinitionVersion = e.DefinitionVersion,
        LastEventAt = e.At,
        ClientContacts = e.IsMomentOfTruth ? ClientContacts + 1 : ClientContacts,
        LastClientContactAt = e.IsMomentOfTruth ? e.At : LastClientContactAt,
    });
}

/// <summary>An SLA alert recorded on a complaint.</summary>
public readonly record struct SlaAlertRecord
{
    [JsonConstructor]
    internal SlaAlertRecord(SlaClockKind clock, SlaStatus status, int cycle, DateTimeOffset at)
    {
        Clock = clock;
        Status = status;
        Cycle = cycle;
        At = at;
    }

    /// <summary>Gets the clock.</summary>
    public SlaClockKind Clock { get; }

    /// <summary>Gets the status recorded: at risk or breached.</summary>
    public SlaStatus Status { get; }

    /// <summary>Gets the clock's cycle (see <see cref="SlaClockStatus.Cycle"/>).</summary>
    public int Cycle { get; }

    /// <summary>Gets when it was recorded.</summary>
    public DateTimeOffset At { get; }
}
