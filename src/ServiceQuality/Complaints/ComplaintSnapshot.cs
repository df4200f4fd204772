using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// A complaint's state as plain data: the fold of its events. Replaying the same events always gives an equal snapshot.
/// </summary>
/// <param name="Id">The complaint's identifier.</param>
/// <param name="ClientId">The client's identifier.</param>
/// <param name="Segment">Internal or external client.</param>
/// <param name="Channel">The channel the complaint came in on.</param>
/// <param name="Priority">The priority, which selects the SLA policy.</param>
/// <param name="Text">The original text of the complaint.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Version">The number of events so far (the version of the last event).</param>
/// <param name="DefinitionVersion">The workflow definition version of the last event.</param>
/// <param name="EscalationLevel">The escalation level (0 when never escalated).</param>
/// <param name="ReopenCount">How many times a fix was rejected or the complaint reopened.</param>
/// <param name="Milestones">The process steps recorded so far.</param>
/// <param name="InformationCount">How many pieces of information were added.</param>
/// <param name="ClientContacts">How many client-visible interactions (moments of truth) there were, the receipt included.</param>
/// <param name="CommittedAction">The latest action committed to, if any.</param>
/// <param name="CommitmentDueAt">When the latest committed action is due, if any.</param>
/// <param name="ReceivedAt">When the complaint was received.</param>
/// <param name="AcknowledgedAt">When the client was first thanked, if yet.</param>
/// <param name="ResolvedAt">When the latest fix was delivered, if any.</param>
/// <param name="ClosedAt">When the complaint was last closed, if ever.</param>
/// <param name="LastClientContactAt">When the latest client-visible interaction happened.</param>
/// <param name="LastEventAt">When the latest event happened.</param>
public readonly record struct ComplaintSnapshot(
    string Id,
    string ClientId,
    ClientSegment Segment,
    ContactChannel Channel,
    Priority Priority,
    string Text,
    ComplaintState State,
    long Version,
    string DefinitionVersion,
    int EscalationLevel,
    int ReopenCount,
    ComplaintMilestones Milestones,
    int InformationCount,
    int ClientContacts,
    string? CommittedAction,
    DateTimeOffset? CommitmentDueAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? LastClientContactAt,
    DateTimeOffset LastEventAt)
{
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
