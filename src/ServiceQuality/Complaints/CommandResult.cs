using ServiceQuality.Sla;
using ServiceQuality.Workflow;

namespace ServiceQuality.Complaints;

/// <summary>The guard context of the complaint lifecycle: the complaint, the instant the command is decided at, and who sends it.</summary>
public readonly record struct ComplaintGuardContext
{
    internal ComplaintGuardContext(Complaint complaint, DateTimeOffset now, string? actor = null)
    {
        Complaint = complaint;
        Now = now;
        Actor = actor;
    }

    /// <summary>Gets the complaint.</summary>
    public Complaint Complaint { get; }

    /// <summary>Gets the instant of the decision (from the lifecycle's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Gets who sends the command; <see langword="null"/> when the question is asked without one (<see cref="Complaint.GetAllowedCommands()"/>).</summary>
    public string? Actor { get; }
}

/// <summary>The argument of <see cref="ComplaintCommand.RecordSlaAlert"/>: which clock, and the status to record.</summary>
public readonly record struct SlaAlertRequest
{
    internal SlaAlertRequest(SlaClockKind clock, SlaStatus status)
    {
        Clock = clock;
        Status = status;
    }

    /// <summary>Gets the clock.</summary>
    public SlaClockKind Clock { get; }

    /// <summary>Gets the status to record: at risk or breached.</summary>
    public SlaStatus Status { get; }
}


/// <summary>What became of a command: accepted, refused by the lifecycle, or sent to a complaint that does not exist.</summary>
public enum CommandStatus
{
    /// <summary>The command was accepted: <see cref="CommandResult.Event"/> is the event appended.</summary>
    Accepted = 0,

    /// <summary>The lifecycle refused the command: <see cref="CommandResult.Refusal"/> says why and what is allowed now.</summary>
    Refused = 1,

    /// <summary>There is no complaint with the identifier the command was sent to; nothing was stored.</summary>
    NotFound = 2,
}

/// <summary>
/// The outcome of a command: the event appended, the refusal that says why and which commands are allowed now, or (for a
/// command sent by identifier, <see cref="ComplaintService.ExecuteAsync"/>) that the complaint does not exist. A refusal
/// and an unknown complaint are expected outcomes (<see cref="Status"/>), not exceptions.
/// </summary>
public readonly record struct CommandResult
{
    internal CommandResult(ComplaintEvent accepted) => Event = accepted;

    internal CommandResult(TriggerRefusal<ComplaintState, ComplaintCommand> refusal) => Refusal = CommandRefusal.Of(refusal);

    /// <summary>Gets the result of a command sent to a complaint that does not exist (neither an event nor a refusal).</summary>
    internal static CommandResult NotFound => default;

    /// <summary>Gets what became of the command: <see cref="CommandStatus.Accepted"/> (with an <see cref="Event"/>),
    /// <see cref="CommandStatus.Refused"/> (with a <see cref="Refusal"/>) or <see cref="CommandStatus.NotFound"/> (neither).</summary>
    public CommandStatus Status => Event is not null ? CommandStatus.Accepted : Refusal is not null ? CommandStatus.Refused : CommandStatus.NotFound;

    /// <summary>Gets a value indicating whether the command was accepted (<see cref="Status"/> is <see cref="CommandStatus.Accepted"/>).</summary>
    public bool IsAccepted => Event is not null;

    /// <summary>Gets the event appended, or <see langword="null"/> when the command was refused or the complaint was not found.</summary>
    public ComplaintEvent? Event { get; }

    /// <summary>Gets the refusal (state, command, reason, unmet conditions, commands allowed now), or <see langword="null"/> when accepted or not found.</summary>
    public CommandRefusal? Refusal { get; }

    /// <summary>Gets the commands allowed now when the command was refused (empty when it was accepted).</summary>
    public IReadOnlyList<ComplaintCommand> AllowedCommands => Refusal?.AllowedCommands ?? [];

    /// <summary>Gets the refusal in words, or <see langword="null"/> when accepted or not found.</summary>
    public string? Message => Refusal?.Message;

    /// <summary>Returns the event, or throws when the command was refused or the complaint was not found.</summary>
    /// <returns>The event appended.</returns>
    /// <exception cref="TriggerRefusedException">The command was refused; the exception carries the refusal's details.</exception>
    /// <exception cref="KeyNotFoundException">The complaint was not found (<see cref="CommandStatus.NotFound"/>).</exception>
    public ComplaintEvent EnsureAccepted() =>
        Event ?? throw (Refusal?.ToException() ?? (Exception)new KeyNotFoundException("The command was sent to a complaint that does not exist."));

    /// <inheritdoc />
    public override string ToString() => Event?.ToString() ?? Refusal?.Message ?? "The complaint was not found.";
}
