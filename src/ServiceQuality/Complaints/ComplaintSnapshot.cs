using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// A complaint's state as plain data: the fold of its events. Replaying the same events always gives an equal snapshot
/// (collections compare by content).
/// </summary>
public sealed record ComplaintSnapshot
{
    /// <summary>Gets the complaint's identifier.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the client's identifier.</summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>Gets whether the client is internal or external.</summary>
    public ClientSegment Segment { get; init; }

    /// <summary>Gets the channel the complaint came in on.</summary>
    public ContactChannel Channel { get; init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    public Priority Priority { get; init; }

    /// <summary>Gets the original text of the complaint.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Gets the normalized record made at intake, or <see langword="null"/> for a complaint received before intake normalized (schema version 1 of <see cref="ComplaintReceived"/>).</summary>
    public NormalizedRecord? Normalized { get; init; }

    /// <summary>Gets the host-defined tags, in the order they were added.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the host-defined metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = Values.NoMetadata;

    /// <summary>Gets the agent the complaint is assigned to, if any.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the team the complaint is assigned to, if any.</summary>
    public string? Team { get; init; }

    /// <summary>Gets how many times the complaint was assigned (more than 1: it was reassigned).</summary>
    public int Assignments { get; init; }

    /// <summary>Gets the pause reason the complaint is on hold for, or <see langword="null"/> when it is not on hold.</summary>
    public string? HoldReason { get; init; }

    /// <summary>Gets when the current hold started, if on hold.</summary>
    public DateTimeOffset? HeldSince { get; init; }

    /// <summary>Gets the recurring problem the complaint is linked to, if any.</summary>
    public string? ProblemId { get; init; }

    /// <summary>Gets the survey responses that rate the handling of this complaint, in the order they were linked.</summary>
    public IReadOnlyList<string> SurveyResponseIds { get; init; } = [];

    /// <summary>Gets the SLA alerts recorded (<see cref="Complaint.RecordSlaAlert"/>), in order.</summary>
    public IReadOnlyList<SlaAlertRecord> SlaAlerts { get; init; } = [];

    /// <summary>Gets the lifecycle state.</summary>
    public ComplaintState State { get; init; }

    /// <summary>Gets the number of events so far (the version of the last event).</summary>
    public long Version { get; init; }

    /// <summary>Gets the workflow definition version of the last event.</summary>
    public string DefinitionVersion { get; init; } = string.Empty;

    /// <summary>Gets the escalation level (0 when never escalated).</summary>
    public int EscalationLevel { get; init; }

    /// <summary>Gets how many times a fix was rejected or the complaint reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Gets the process steps recorded so far.</summary>
    public ComplaintMilestones Milestones { get; init; }

    /// <summary>Gets how many pieces of information were added.</summary>
    public int InformationCount { get; init; }

    /// <summary>Gets how many client-visible interactions (moments of truth) there were, the receipt included.</summary>
    public int ClientContacts { get; init; }

    /// <summary>Gets the latest action committed to, if any.</summary>
    public string? CommittedAction { get; init; }

    /// <summary>Gets when the latest committed action is due, if any.</summary>
    public DateTimeOffset? CommitmentDueAt { get; init; }

    /// <summary>Gets when the complaint was received.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets when the client was first thanked, if yet.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Gets when the latest fix was delivered, if any.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets when the complaint was last closed, if ever.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets when the latest client-visible interaction happened.</summary>
    public DateTimeOffset? LastClientContactAt { get; init; }

    /// <summary>Gets when the latest event happened.</summary>
    public DateTimeOffset LastEventAt { get; init; }

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
/// <param name="Clock">The clock.</param>
/// <param name="Status">At risk or breached.</param>
/// <param name="Cycle">The clock's cycle (see <see cref="SlaClockStatus.Cycle"/>).</param>
/// <param name="At">When it was recorded.</param>
public readonly record struct SlaAlertRecord(SlaClockKind Clock, SlaStatus Status, int Cycle, DateTimeOffset At);
