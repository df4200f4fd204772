using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// The summary row a store keeps for each complaint, next to its events, and returns from its queries. It is computed
/// by <see cref="ComplaintService"/> from the complaint (<see cref="Of(Complaint)"/>) and handed to the store with every
/// append (<see cref="ComplaintAppend.Summary"/>), so a store never needs the lifecycle to answer a query.
/// </summary>
public sealed record ComplaintStreamInfo
{
    /// <summary>Gets the complaint's identifier.</summary>
    public required string ComplaintId { get; init; }

    /// <summary>Gets the client's identifier.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the current state (of the last event): always a leaf state.</summary>
    public required ComplaintState State { get; init; }

    /// <summary>Gets the stream's version (the number of events).</summary>
    public required long Version { get; init; }

    /// <summary>Gets when the complaint was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets when the last event happened.</summary>
    public required DateTimeOffset LastEventAt { get; init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    public required Priority Priority { get; init; }

    /// <summary>Gets the incident key of the normalized complaint (equal for complaints about the same incident), when it has one.</summary>
    public string? IncidentKey { get; init; }

    /// <summary>
    /// Gets the agent the complaint is assigned to (<see cref="ComplaintSnapshot.Agent"/>), or <see langword="null"/>
    /// when no agent is (a complaint assigned only to a team has none).
    /// </summary>
    public string? Agent { get; init; }

    /// <summary>Gets the next thing due on the complaint (an SLA threshold, a breach, the auto-close), or <see langword="null"/> when nothing is.</summary>
    public ComplaintDue? NextDue { get; init; }

    /// <summary>Computes the summary of <paramref name="complaint"/> as it is now (its pending events included).</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The summary a store keeps for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintStreamInfo Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var s = complaint.Snapshot;
        return new ComplaintStreamInfo
        {
            ComplaintId = s.Id,
            ClientId = s.ClientId,
            State = s.State,
            Version = s.Version,
            ReceivedAt = s.ReceivedAt,
            LastEventAt = s.LastEventAt,
            Priority = s.Priority,
            IncidentKey = s.Normalized?.IncidentKey,
            Agent = s.Agent,
            NextDue = complaint.GetNextDue(s.LastEventAt),
        };
    }

    /// <summary>Tells whether <paramref name="state"/> is this complaint's state or one of its superstates.</summary>
    /// <param name="state">The state asked about.</param>
    /// <returns><see langword="true"/> when the complaint is in <paramref name="state"/>.</returns>
    public bool IsIn(ComplaintState state) => Contains(state, State);

    /// <summary>Tells whether the leaf state <paramref name="leaf"/> is <paramref name="state"/> or one of its substates, as the lifecycle nests them.</summary>
    internal static bool Contains(ComplaintState state, ComplaintState leaf) => ComplaintLifecycle.Hierarchy.IsInState(leaf, state);
}

/// <summary>The next thing due on a complaint: when, and what.</summary>
public readonly record struct ComplaintDue
{
    /// <summary>Gets when it is due.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets what falls due then.</summary>
    public required ComplaintDueKind Kind { get; init; }

    /// <summary>Gets the SLA clock concerned, for <see cref="ComplaintDueKind.SlaAtRisk"/> and <see cref="ComplaintDueKind.SlaBreach"/>.</summary>
    /// <value><see langword="null"/>: no clock (the other kinds).</value>
    public SlaClockKind? Clock { get; init; }
}

/// <summary>What falls due on a complaint at its <see cref="ComplaintDue.At"/>.</summary>
public enum ComplaintDueKind
{
    /// <summary>An SLA clock reaches its at-risk threshold.</summary>
    SlaAtRisk = 0,

    /// <summary>An SLA clock breaches its target.</summary>
    SlaBreach = 1,

    /// <summary>A resolved complaint the client has not answered reaches the end of the auto-close window.</summary>
    AutoClose = 2,
}
