using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using ServiceQuality.Workflow;

namespace ServiceQuality.Orleans.Complaints;

/// <summary>
/// A new complaint, as <see cref="IComplaintGrain.ReceiveAsync"/> takes it: a <see cref="ReceiveComplaintRequest"/> without
/// the identifier (the grain's key is the identifier).
/// </summary>
/// <param name="ClientId">The client's identifier.</param>
/// <param name="Segment">Internal or external client.</param>
/// <param name="Channel">The client channel it came in on.</param>
/// <param name="Priority">The priority, which selects the SLA policy.</param>
/// <param name="Text">The client's own words.</param>
/// <param name="Actor">Who recorded it.</param>
[Immutable]
public sealed record ComplaintIntake(
    string ClientId,
    ClientSegment Segment,
    ContactChannel Channel,
    Priority Priority,
    string Text,
    string Actor)
{
    /// <summary>Gets the host-defined tags to receive the complaint with (see <see cref="ReceiveComplaintRequest.Tags"/>).</summary>
    /// <value>None.</value>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the host-defined metadata to receive the complaint with (see <see cref="ReceiveComplaintRequest.Metadata"/>).</summary>
    /// <value>None.</value>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the request that receives this complaint under <paramref name="complaintId"/>.</summary>
    /// <param name="complaintId">The complaint's identifier (the grain's key).</param>
    /// <returns>The request.</returns>
    public ReceiveComplaintRequest ToRequest(string complaintId) => new()
    {
        ComplaintId = complaintId,
        ClientId = ClientId,
        Segment = Segment,
        Channel = Channel,
        Priority = Priority,
        Text = Text,
        Actor = Actor,
        Tags = Tags,
        Metadata = Metadata,
    };

    /// <inheritdoc />
    public bool Equals(ComplaintIntake? other) =>
        other is not null
        && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal)
        && Segment == other.Segment
        && Channel == other.Channel
        && Priority == other.Priority
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && string.Equals(Actor, other.Actor, StringComparison.Ordinal)
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && Metadata.Count == other.Metadata.Count
        && Metadata.All(p => other.Metadata.TryGetValue(p.Key, out var v) && string.Equals(p.Value, v, StringComparison.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ClientId, Text, Actor, Tags.Count, Metadata.Count);
}

/// <summary>What <see cref="IComplaintGrain.ReceiveAsync"/> gave.</summary>
/// <param name="IsCreated"><see langword="true"/> when this call received the complaint; <see langword="false"/> when a complaint with this identifier already existed (nothing was stored).</param>
/// <param name="Complaint">The complaint now (the existing one when <paramref name="IsCreated"/> is <see langword="false"/>).</param>
[GenerateSerializer]
[Immutable]
[Alias("ServiceQuality.ComplaintReceipt")]
public sealed record ComplaintReceipt(
    [property: Id(0)] bool IsCreated,
    [property: Id(1)] ComplaintSnapshot Complaint);

/// <summary>A command the lifecycle refused, as it crosses the cluster: why, and what is allowed now.</summary>
/// <param name="State">The state the command was refused in.</param>
/// <param name="Command">The refused command.</param>
/// <param name="Reason">Not permitted in this state, or permitted but a condition was not met.</param>
/// <param name="AllowedCommands">The commands allowed now.</param>
/// <param name="UnmetConditions">The conditions that were not met (empty when the command is not permitted at all).</param>
/// <param name="Message">The refusal in words.</param>
[GenerateSerializer]
[Immutable]
[Alias("ServiceQuality.ComplaintRefusal")]
public sealed record ComplaintRefusal(
    [property: Id(0)] ComplaintState State,
    [property: Id(1)] ComplaintCommand Command,
    [property: Id(2)] RefusalReason Reason,
    [property: Id(3)] IReadOnlyList<ComplaintCommand> AllowedCommands,
    [property: Id(4)] IReadOnlyList<string> UnmetConditions,
    [property: Id(5)] string Message)
{
    /// <summary>Copies the lifecycle's refusal.</summary>
    /// <param name="refusal">The refusal.</param>
    /// <returns>The refusal, ready to cross the cluster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refusal"/> is <see langword="null"/>.</exception>
    public static ComplaintRefusal Of(TriggerRefusal<ComplaintState, ComplaintCommand> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        // Arrays, not the compiler's read-only wrappers: the wire carries the concrete type.
        return new(refusal.State, refusal.Trigger, refusal.Reason, refusal.PermittedTriggers.ToArray(), refusal.UnmetGuards.ToArray(), refusal.Message);
    }
}

/// <summary>What <see cref="IComplaintGrain.ExecuteAsync"/> gave.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Event">The event stored, or <see langword="null"/> when the command was refused or the complaint is unknown.</param>
/// <param name="Refusal">The refusal, or <see langword="null"/> when the command was accepted or the complaint is unknown.</param>
/// <param name="Complaint">The complaint after the command, or <see langword="null"/> when it is unknown.</param>
/// <param name="Attempts">How many times the command was decided: 1, plus one for each time another writer of the same store appended first.</param>
[GenerateSerializer]
[Immutable]
[Alias("ServiceQuality.ComplaintCommandReply")]
public sealed record ComplaintCommandReply(
    [property: Id(0)] string ComplaintId,
    [property: Id(1)] ComplaintEvent? Event,
    [property: Id(2)] ComplaintRefusal? Refusal,
    [property: Id(3)] ComplaintSnapshot? Complaint,
    [property: Id(4)] int Attempts)
{
    /// <summary>Gets what became of the command: accepted (with an <see cref="Event"/>), refused (with a <see cref="Refusal"/>), or <see cref="CommandStatus.NotFound"/> when there is no such complaint.</summary>
    public CommandStatus Status => Event is not null ? CommandStatus.Accepted : Refusal is not null ? CommandStatus.Refused : CommandStatus.NotFound;

    /// <summary>Gets a value indicating whether the command was accepted and its event stored.</summary>
    public bool IsAccepted => Event is not null;
}
