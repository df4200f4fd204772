using System.Text.Json.Serialization;
using ServiceQuality.Workflow;

namespace ServiceQuality.Complaints;

/// <summary>Why the lifecycle refused a command.</summary>
public enum CommandRefusalReason
{
    /// <summary>The command is not permitted in the complaint's state at all.</summary>
    NotPermitted = 0,

    /// <summary>The command is permitted in the state, but a condition it needs is not met (<see cref="CommandRefusal.UnmetConditions"/>).</summary>
    ConditionsUnmet = 1,
}

/// <summary>
/// A command the complaint lifecycle refused: the state, the command, why, the conditions not met and the commands
/// allowed now. A refusal is an expected business outcome (<see cref="CommandResult.Refusal"/>), not an exception.
/// </summary>
public sealed class CommandRefusal
{
    [JsonConstructor]
    internal CommandRefusal(ComplaintState state, ComplaintCommand command, CommandRefusalReason reason, IReadOnlyList<string> unmetConditions, IReadOnlyList<ComplaintCommand> allowedCommands, string message)
    {
        State = state;
        Command = command;
        Reason = reason;
        UnmetConditions = unmetConditions;
        AllowedCommands = allowedCommands;
        Message = message;
    }

    /// <summary>Gets the state the command was refused in.</summary>
    public ComplaintState State { get; }

    /// <summary>Gets the refused command.</summary>
    public ComplaintCommand Command { get; }

    /// <summary>Gets why the command was refused.</summary>
    public CommandRefusalReason Reason { get; }

    /// <summary>Gets the descriptions of the conditions that were not met (empty when the command is not permitted at all).</summary>
    public IReadOnlyList<string> UnmetConditions { get; }

    /// <summary>Gets the commands allowed in this state now (their conditions evaluated for the same actor and instant).</summary>
    public IReadOnlyList<ComplaintCommand> AllowedCommands { get; }

    /// <summary>
    /// Gets the refusal in words, naming the command, the state, the unmet conditions and the commands allowed now, e.g.
    /// "OfferHelp is refused while the complaint is Investigating. Not met: an apology has been recorded. Allowed now:
    /// Withdraw, AddInformation, …".
    /// </summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;

    /// <summary>The engine's refusal in the complaint's words.</summary>
    internal static CommandRefusal Of(TriggerRefusal<ComplaintState, ComplaintCommand> refusal)
    {
        var reason = refusal.Reason == RefusalReason.NotPermitted ? CommandRefusalReason.NotPermitted : CommandRefusalReason.ConditionsUnmet;
        return new(refusal.State, refusal.Trigger, reason, refusal.UnmetGuards, refusal.PermittedTriggers, Describe(refusal.State, refusal.Trigger, reason, refusal.UnmetGuards, refusal.PermittedTriggers));
    }

    /// <summary>
    /// The refusal as a sentence for a person: "OfferHelp is not allowed while the complaint is Received. Allowed now:
    /// Withdraw, Acknowledge." or "OfferHelp is refused while the complaint is Investigating. Not met: an apology has
    /// been recorded. Allowed now: …".
    /// </summary>
    internal static string Describe(ComplaintState state, ComplaintCommand command, CommandRefusalReason reason, IReadOnlyList<string> unmetConditions, IReadOnlyList<ComplaintCommand> allowedCommands)
    {
        string allowed = allowedCommands.Count == 0 ? "none" : string.Join(", ", allowedCommands);
        return reason == CommandRefusalReason.NotPermitted
            ? $"{command} is not allowed while the complaint is {state}. Allowed now: {allowed}."
            : $"{command} is refused while the complaint is {state}. Not met: {string.Join("; ", unmetConditions)}. Allowed now: {allowed}.";
    }

    /// <summary>The exception <see cref="CommandResult.EnsureAccepted"/> throws for this refusal.</summary>
    internal TriggerRefusedException ToException() => new(
        Message,
        State.ToString(),
        Command.ToString(),
        Reason == CommandRefusalReason.NotPermitted ? RefusalReason.NotPermitted : RefusalReason.GuardsUnmet,
        [.. AllowedCommands.Select(c => c.ToString())],
        UnmetConditions);
}
