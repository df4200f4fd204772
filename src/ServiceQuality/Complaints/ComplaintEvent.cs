using System.Text.Json.Serialization;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// Something that happened to a complaint: appended for every accepted command, never changed. Each event carries
/// the complaint, its position in the stream, the time, the actor, the channel (a moment of truth when it is
/// client-visible), the state the complaint is in afterwards and the version of the workflow definition that accepted it.
/// </summary>
/// <remarks>
/// Everything an event means is declared on its own type, in one place: how it changes the complaint's state
/// (<see cref="Fold"/>), what it means to the SLA clocks (<see cref="AppendSlaEntries"/>), what it counts in the
/// measures (<see cref="Measure"/>), what it records on the instruments (<see cref="Record"/>) and which of its fields
/// are personal data (<see cref="ErasePersonalData"/>). Each is abstract, so a new event type cannot forget one. A type
/// whose stored shape changed declares its <see cref="CurrentSchemaVersion"/> and registers how to read the older shapes
/// in <see cref="ComplaintEventSchemas"/>.
/// </remarks>
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
[JsonDerivedType(typeof(ComplaintAssigned), "assigned")]
[JsonDerivedType(typeof(PriorityChanged), "priority-changed")]
[JsonDerivedType(typeof(ComplaintPutOnHold), "put-on-hold")]
[JsonDerivedType(typeof(ComplaintHoldReleased), "hold-released")]
[JsonDerivedType(typeof(LinkedToProblem), "linked-to-problem")]
[JsonDerivedType(typeof(UnlinkedFromProblem), "unlinked-from-problem")]
[JsonDerivedType(typeof(SurveyResponseLinked), "survey-response-linked")]
[JsonDerivedType(typeof(TagsChanged), "tags-changed")]
[JsonDerivedType(typeof(MetadataChanged), "metadata-changed")]
[JsonDerivedType(typeof(SlaAlertRecorded), "sla-alert-recorded")]
public abstract record ComplaintEvent
{
    /// <summary>What <see cref="WithPersonalDataErased"/> writes in place of the client's words and every free text.</summary>
    public const string ErasedText = "[erased]";

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

    /// <summary>
    /// Gets the version of this event type's stored shape, written with every event (<c>"schemaVersion"</c>): reading an
    /// older version upcasts it (<see cref="ComplaintEventSerializer.Deserialize"/>). Data without one is version 1 (written
    /// before events carried it).
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => CurrentSchemaVersion;

    /// <summary>Gets the complaint's identifier.</summary>
    [JsonInclude]
    public string ComplaintId { get => _complaintId; internal init => _complaintId = value; }

    /// <summary>Gets the event's position in the complaint's stream: 1 for <see cref="ComplaintReceived"/>, then one more per event.</summary>
    [JsonInclude]
    public long Version { get => _version; internal init => _version = value; }

    /// <summary>Gets when the event happened (from the lifecycle's <see cref="TimeProvider"/>).</summary>
    [JsonInclude]
    public DateTimeOffset At { get => _at; internal init => _at = value; }

    /// <summary>Gets who did it (an agent, the client, or the system).</summary>
    [JsonInclude]
    public string Actor { get => _actor; internal init => _actor = value; }

    /// <summary>Gets where it happened; anything but <see cref="ContactChannel.Internal"/> is client-visible.</summary>
    [JsonInclude]
    public ContactChannel Channel { get => _channel; internal init => _channel = value; }

    /// <summary>Gets the complaint's state after the event.</summary>
    [JsonInclude]
    public ComplaintState State { get => _state; internal init => _state = value; }

    /// <summary>Gets the version of the workflow definition that accepted the event.</summary>
    [JsonInclude]
    public string DefinitionVersion { get => _definitionVersion; internal init => _definitionVersion = value; }

    /// <summary>Gets a value indicating whether the client saw this interaction: a moment of truth.</summary>
    [JsonIgnore]
    public bool IsMomentOfTruth => Channel != ContactChannel.Internal;

    /// <summary>Gets the command that produced the event (<see langword="null"/> for <see cref="ComplaintReceived"/>).</summary>
    [JsonIgnore]
    public ComplaintCommand? Command => CommandOf();

    /// <summary>
    /// Gets a copy of the event with the client's personal data erased: every free text (the client's words, and what
    /// we wrote to or about the client, which may quote them) is replaced by <see cref="ErasedText"/>; the facts stay
    /// (identifiers, version, time, actor, channel, state, priority, segment, escalation level, due dates, the number of
    /// options offered, the normalized facts, areas and keys), so a replay of the erased history folds to the same
    /// states and SLA clocks. Erasing an erased event gives an equal event.
    /// </summary>
    /// <returns>The erased copy, or this event when it holds no free text.</returns>
    public ComplaintEvent WithPersonalDataErased() => ErasePersonalData();

    /// <summary>The state after this event: what the event changes beyond the common part the snapshot updates for every event.</summary>
    /// <param name="snapshot">The snapshot with the common part already applied.</param>
    /// <returns>The snapshot after the event.</returns>
    internal abstract ComplaintSnapshot Fold(ComplaintSnapshot snapshot);

    /// <summary>What the event means to the SLA clocks, beyond the pauses that follow from the states it moves between.</summary>
    /// <param name="entries">Where its clock entries are appended.</param>
    /// <param name="context">The complaint before and after the event, and the policies in force.</param>
    internal abstract void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context);

    /// <summary>What the event counts in the complaint's measures.</summary>
    /// <param name="tally">The tally of the history so far.</param>
    internal abstract void Measure(ref ComplaintTally tally);

    /// <summary>What the event records on the instruments once it is stored (every stored command is counted as accepted besides).</summary>
    /// <param name="instrumentation">The instruments.</param>
    /// <param name="complaint">The complaint after the events stored with this one.</param>
    internal abstract void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint);

    /// <summary>Gets the version of this event type's stored shape (see <see cref="SchemaVersion"/>; older versions are read through <see cref="ComplaintEventSchemas"/>).</summary>
    private protected virtual int CurrentSchemaVersion => 1;

    /// <summary>The erased copy (see <see cref="WithPersonalDataErased"/>): each event type says which of its fields are personal.</summary>
    /// <returns>The copy, or this event when nothing in it is personal.</returns>
    private protected abstract ComplaintEvent ErasePersonalData();

    /// <summary>The command that appended the event (a method, not a property, so that it is never serialized).</summary>
    /// <returns>The command, or <see langword="null"/> for the receipt.</returns>
    private protected abstract ComplaintCommand? CommandOf();

    /// <summary>Appends a client-visible update: the update clock restarts.</summary>
    /// <param name="entries">The entries.</param>
    private protected void AppendClientUpdate(List<SlaEntry> entries) => entries.Add(new SlaEntry(At, SlaEntryKind.ClientUpdate));

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

/// <summary>What a history has shown so far, for <see cref="ComplaintMeasures"/>: each event sets what it means.</summary>
internal struct ComplaintTally
{
    public bool Acknowledged;
    public bool FixedOnce;
    public bool Reopened;
    public bool AskedClient;
    public bool Apologized;
    public bool Offered;
    public bool ApologyBeforeOffer;
    public int Assignments;
}
