using ServiceQuality.Sla;
using ServiceQuality.Workflow;

namespace ServiceQuality.Complaints;

/// <summary>The guard context of the complaint lifecycle: the complaint, the instant the command is decided at, and who sends it.</summary>
/// <param name="Complaint">The complaint.</param>
/// <param name="Now">The instant of the decision (from the lifecycle's <see cref="TimeProvider"/>).</param>
/// <param name="Actor">Who sends the command; <see langword="null"/> when the question is asked without one (<see cref="Complaint.GetAllowedCommands()"/>).</param>
public readonly record struct ComplaintGuardContext(Complaint Complaint, DateTimeOffset Now, string? Actor = null);

/// <summary>The argument of <see cref="ComplaintCommand.RecordSlaAlert"/>: which clock, and the status to record.</summary>
/// <param name="Clock">The clock.</param>
/// <param name="Status">At risk or breached.</param>
public readonly record struct SlaAlertRequest(SlaClockKind Clock, SlaStatus Status);


/// <summary>
/// The outcome of a command: the event appended, or the refusal that says why and which commands are allowed now.
/// A refusal is an expected business outcome, not an exception.
/// </summary>
public readonly record struct CommandResult
{
    internal CommandResult(ComplaintEvent accepted) => Event = accepted;

    internal CommandResult(TriggerRefusal<ComplaintState, ComplaintCommand> refusal) => Refusal = refusal;

    /// <summary>Gets a value indicating whether the command was accepted.</summary>
    public bool IsAccepted => Event is not null;

    /// <summary>Gets the event appended, or <see langword="null"/> when the command was refused.</summary>
    public ComplaintEvent? Event { get; }

    /// <summary>Gets the refusal (state, command, reason, unmet conditions, commands allowed now), or <see langword="null"/> when accepted.</summary>
    public TriggerRefusal<ComplaintState, ComplaintCommand>? Refusal { get; }

    /// <summary>Gets the commands allowed now when the command was refused (empty when it was accepted).</summary>
    public IReadOnlyList<ComplaintCommand> AllowedCommands => Refusal?.PermittedTriggers ?? [];

    /// <summary>Gets the refusal in words, or <see langword="null"/> when accepted.</summary>
    public string? Message => Refusal?.Message;

    /// <summary>Returns the event, or throws when the command was refused.</summary>
    /// <returns>The event appended.</returns>
    /// <exception cref="TriggerRefusedException">The command was refused; the exception carries the refusal's details.</exception>
    public ComplaintEvent EnsureAccepted() => Event ?? throw Refusal!.ToException();

    /// <inheritdoc />
    public override string ToString() => Event?.ToString() ?? Refusal?.Message ?? "(empty)";
}
