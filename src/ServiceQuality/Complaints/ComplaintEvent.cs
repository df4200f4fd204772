using System.Text.Json.Serialization;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// Something that happened to a complaint: appended for every accepted command, never changed. Each event carries
/// the complaint, its position in the stream, the time, the actor, the channel (a moment of truth when it is
/// client-visible), the state the complaint is in afterwards and the version of the workflow definition that accepted it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ComplaintReceived), "received")]
[JsonDerivedType(typeof(ComplaintAcknowledged), "acknowledged")]
[JsonDerivedType(typeof(InvestigationStarted), "investigation-started")]
[JsonDerivedType(typeof(InformationAdded), "information-added")]
[JsonDerivedType(typeof(InformationRequested), "information-requested")]
[JsonDerivedType(typeof(ClientResponded), "client-responded")]
[JsonDerivedType(typeof(ApologyGiven), "apology-given")]
[JsonDerivedType(typeof(ClientUpdatePosted), "client-update-posted")]
[JsonDerivedType(typeof(HelpOptionsOffered), "help-offered")]
[JsonDerivedType(typeof(ActionCommitted), "action-committed")]
[JsonDerivedType(typeof(FixDelivered), "fix-delivered")]
[JsonDerivedType(typeof(ClientConfirmedFix), "client-confirmed-fix")]
[JsonDerivedType(typeof(ClientRejectedFix), "client-rejected-fix")]
[JsonDerivedType(typeof(ComplaintEscalated), "escalated")]
[JsonDerivedType(typeof(ComplaintWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(ComplaintReopened), "reopened")]
[JsonDerivedType(typeof(ComplaintAutoClosed), "auto-closed")]
public abstract record ComplaintEvent
{
    private string _complaintId = string.Empty;
    private long _version;
    private DateTimeOffset _at;
    private string _actor = string.Empty;
    private ContactChannel _channel;
    private ComplaintState _state;
    private string _definitionVersion = string.Empty;

    /// <summary>Initializes the event's common part (set by the complaint when the event is accepted, or by a deserializer).
    /// The set of event types is closed: a type the fold and the serializer do not know could only be skipped silently.</summary>
    private protected ComplaintEvent()
    {
    }

    /// <summary>Gets the complaint's identifier.</summary>
    public string ComplaintId { get => _complaintId; init => _complaintId = value; }

    /// <summary>Gets the event's position in the complaint's stream: 1 for <see cref="ComplaintReceived"/>, then one more per event.</summary>
    public long Version { get => _version; init => _version = value; }

    /// <summary>Gets when the event happened (from the lifecycle's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get => _at; init => _at = value; }

    /// <summary>Gets who did it (an agent, the client, or the system).</summary>
    public string Actor { get => _actor; init => _actor = value; }

    /// <summary>Gets where it happened; anything but <see cref="ContactChannel.Internal"/> is client-visible.</summary>
    public ContactChannel Channel { get => _channel; init => _channel = value; }

    /// <summary>Gets the complaint's state after the event.</summary>
    public ComplaintState State { get => _state; init => _state = value; }

    /// <summary>Gets the version of the workflow definition that accepted the event.</summary>
    public string DefinitionVersion { get => _definitionVersion; init => _definitionVersion = value; }

    /// <summary>Gets a value indicating whether the client saw this interaction: a moment of truth.</summary>
    [JsonIgnore]
    public bool IsMomentOfTruth => Channel != ContactChannel.Internal;

    /// <summary>Gets the command that produced the event (<see langword="null"/> for <see cref="ComplaintReceived"/>).</summary>
    [JsonIgnore]
    public ComplaintCommand? Command => CommandOf();

    /// <summary>The text that replaces the words erased by <see cref="WithPersonalDataErased"/>.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>
    /// Gets a copy of the event with the client's personal data erased, for <see cref="IComplaintStore.EraseClientAsync"/>:
    /// every free text (the client's words, and what we wrote to or about the client, which may quote them) is replaced
    /// by <see cref="ErasedText"/>; the facts stay (identifiers, version, time, actor, channel, state, priority, segment,
    /// escalation level, due dates, the number of options offered), so a replay of the erased history folds to the same
    /// states and SLA clocks. The client's identifier stays too: it is the host's pseudonymous key, and the host erases
    /// what it maps to. Erasing an erased event gives an equal event.
    /// </summary>
    /// <returns>The erased copy, or this event when it holds no free text.</returns>
    public ComplaintEvent WithPersonalDataErased() => ErasePersonalData();

    /// <summary>Gets a value indicating whether the event is a client-visible update from us (it restarts the SLA update clock).</summary>
    [JsonIgnore]
    internal virtual bool IsUpdateToClient => false;

    /// <summary>The command that appended the event (a method, not a property, so that it is never serialized).</summary>
    /// <returns>The command, or <see langword="null"/> for the receipt.</returns>
    private protected abstract ComplaintCommand? CommandOf();

    /// <summary>The erased copy (see <see cref="WithPersonalDataErased"/>): each event type says which of its fields are personal.</summary>
    /// <returns>The copy, or this event when nothing in it is personal.</returns>
    private protected abstract ComplaintEvent ErasePersonalData();

    internal void Stamp(string complaintId, long version, DateTimeOffset at, string actor, ContactChannel channel, ComplaintState state, string definitionVersion)
    {
        _complaintId = complaintId;
        _version = version;
        _at = at;
        _actor = actor;
        _channel = channel;
        _state = state;
        _definitionVersion = definitionVersion;
    }
}

/// <summary>The complaint was received, with the client's own words.</summary>
/// <param name="ClientId">The client's identifier.</param>
/// <param name="Segment">Internal or external client.</param>
/// <param name="Priority">The priority, which selects the SLA policy.</param>
/// <param name="Text">The original text of the complaint.</param>
public sealed record ComplaintReceived(string ClientId, ClientSegment Segment, Priority Priority, string Text) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => null;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Text = ErasedText };
}

/// <summary>The complaint was acknowledged and the client thanked.</summary>
/// <param name="Thanks">What the client was told.</param>
public sealed record ComplaintAcknowledged(string Thanks) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Acknowledge;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Thanks = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>The investigation started.</summary>
public sealed record InvestigationStarted : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.StartInvestigating;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;
}

/// <summary>Information was added to the investigation (internal).</summary>
/// <param name="Information">The information.</param>
public sealed record InformationAdded(string Information) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.AddInformation;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Information = ErasedText };
}

/// <summary>The client was asked for information; the SLA clocks pause while waiting.</summary>
/// <param name="Question">What the client was asked.</param>
public sealed record InformationRequested(string Question) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RequestInformation;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Question = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>The client responded to a request for information.</summary>
/// <param name="Response">The client's response.</param>
public sealed record ClientResponded(string Response) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientResponse;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Response = ErasedText };
}

/// <summary>An apology was given to the client.</summary>
/// <param name="Apology">What the client was told.</param>
public sealed record ApologyGiven(string Apology) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Apologise;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Apology = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>A client-visible update was posted: the client is kept out of the "black hole".</summary>
/// <param name="Update">The update.</param>
public sealed record ClientUpdatePosted(string Update) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.PostUpdate;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Update = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>The client was asked how we can help, with options.</summary>
/// <param name="Options">The options offered, in order.</param>
public sealed record HelpOptionsOffered(IReadOnlyList<string> Options) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.OfferHelp;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Options = [.. Options.Select(static _ => ErasedText)] };

    internal override bool IsUpdateToClient => true;

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
}

/// <summary>An action was committed to, with a due date.</summary>
/// <param name="Action">The action.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record ActionCommitted(string Action, DateTimeOffset DueAt) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Commit;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Action = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>The fix was delivered.</summary>
/// <param name="Resolution">What was done.</param>
public sealed record FixDelivered(string Resolution) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.DeliverFix;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Resolution = ErasedText };

    internal override bool IsUpdateToClient => true;
}

/// <summary>The client confirmed the fix; the complaint is closed.</summary>
public sealed record ClientConfirmedFix : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientConfirmation;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;
}

/// <summary>The client rejected the fix; the investigation reopens.</summary>
/// <param name="Reason">Why the client rejected it.</param>
public sealed record ClientRejectedFix(string Reason) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordClientRejection;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };
}

/// <summary>The complaint was escalated.</summary>
/// <param name="Level">The new escalation level (1 and up).</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintEscalated(int Level, string Reason) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Escalate;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };
}

/// <summary>The client withdrew the complaint.</summary>
/// <param name="Reason">Why.</param>
public sealed record ComplaintWithdrawn(string Reason) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Withdraw;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };
}

/// <summary>A closed complaint was reopened within the reopen window.</summary>
/// <param name="Reason">Why.</param>
public sealed record ComplaintReopened(string Reason) : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Reopen;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };
}

/// <summary>A resolved complaint was closed because the client did not answer within the auto-close window.</summary>
public sealed record ComplaintAutoClosed : ComplaintEvent
{
    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.AutoClose;

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;
}
