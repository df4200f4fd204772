using ServiceQuality.Complaints;

namespace ServiceQuality.Orleans.Complaints;

/// <summary>
/// A new complaint, as <see cref="IComplaintGrain.ReceiveAsync"/> takes it: a <see cref="ReceiveComplaintRequest"/> without
/// the identifier (the grain's key is the identifier).
/// </summary>
[Immutable]
public sealed record ComplaintIntake
{
    /// <summary>Gets the client's identifier (see <see cref="ReceiveComplaintRequest.ClientId"/>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets whether the client is internal or external.</summary>
    public required ClientSegment Segment { get; init; }

    /// <summary>Gets the client channel it came in on.</summary>
    public required ContactChannel Channel { get; init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    /// <value><see cref="Priority.Normal"/>, as for <see cref="ReceiveComplaintRequest.Priority"/>.</value>
    public Priority Priority { get; init; } = Priority.Normal;

    /// <summary>Gets the client's own words.</summary>
    public required string Text { get; init; }

    /// <summary>Gets who recorded it.</summary>
    public required string Actor { get; init; }

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
[GenerateSerializer]
[Immutable]
[Alias("ServiceQuality.ComplaintReceipt")]
public sealed class ComplaintReceipt
{
    internal ComplaintReceipt(bool isCreated, ComplaintSnapshot complaint)
    {
        IsCreated = isCreated;
        Complaint = complaint;
    }

    /// <summary>Gets a value indicating whether this call received the complaint (<see langword="false"/>: a complaint with this identifier already existed, and nothing was stored).</summary>
    [Id(0)]
    public bool IsCreated { get; }

    /// <summary>Gets the complaint now (the existing one when <see cref="IsCreated"/> is <see langword="false"/>).</summary>
    [Id(1)]
    public ComplaintSnapshot Complaint { get; }
}

/// <summary>What <see cref="IComplaintGrain.ExecuteAsync"/> gave.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ServiceQuality.ComplaintCommandReply")]
public sealed class ComplaintCommandReply
{
    internal ComplaintCommandReply(string complaintId, ComplaintEvent? @event, CommandRefusal? refusal, ComplaintSnapshot? complaint, int attempts)
    {
        ComplaintId = complaintId;
        Event = @event;
        Refusal = refusal;
        Complaint = complaint;
        Attempts = attempts;
    }

    /// <summary>Gets the complaint.</summary>
    [Id(0)]
    public string ComplaintId { get; }

    /// <summary>Gets the event stored, or <see langword="null"/> when the command was refused or the complaint is unknown.</summary>
    [Id(1)]
    public ComplaintEvent? Event { get; }

    /// <summary>Gets the refusal, or <see langword="null"/> when the command was accepted or the complaint is unknown.</summary>
    [Id(2)]
    public CommandRefusal? Refusal { get; }

    /// <summary>Gets the complaint after the command, or <see langword="null"/> when it is unknown.</summary>
    [Id(3)]
    public ComplaintSnapshot? Complaint { get; }

    /// <summary>Gets how many times the command was decided: 1, plus one for each time another writer of the same store appended first.</summary>
    [Id(4)]
    public int Attempts { get; }

    /// <summary>Gets what became of the command: accepted (with an <see cref="Event"/>), refused (with a <see cref="Refusal"/>), or <see cref="CommandStatus.NotFound"/> when there is no such complaint.</summary>
    public CommandStatus Status => Event is not null ? CommandStatus.Accepted : Refusal is not null ? CommandStatus.Refused : CommandStatus.NotFound;

    /// <summary>Gets a value indicating whether the command was accepted and its event stored.</summary>
    public bool IsAccepted => Event is not null;
}
