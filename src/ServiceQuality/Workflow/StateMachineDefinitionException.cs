namespace ServiceQuality.Workflow;

/// <summary>The kind of a problem found when a state machine description is validated.</summary>
public enum DefinitionProblemKind
{
    /// <summary>The initial state has no configuration.</summary>
    InitialStateNotConfigured = 0,

    /// <summary>No sequence of transitions from the initial state reaches the state.</summary>
    UnreachableState = 1,

    /// <summary>A reachable state that is not final has no transition to another state.</summary>
    NoWayOut = 2,

    /// <summary>The same state and trigger have more than one unguarded behaviour, or an unguarded behaviour hides later ones.</summary>
    AmbiguousTransition = 3,

    /// <summary>The superstate hierarchy contains a cycle.</summary>
    HierarchyCycle = 4,
}

/// <summary>One problem in a state machine description.</summary>
public readonly record struct DefinitionProblem
{
    internal DefinitionProblem(DefinitionProblemKind kind, string state, string? trigger, string message)
    {
        Kind = kind;
        State = state;
        Trigger = trigger;
        Message = message;
    }

    /// <summary>Gets the kind of problem.</summary>
    public DefinitionProblemKind Kind { get; }

    /// <summary>Gets the state concerned, as text.</summary>
    public string State { get; }

    /// <summary>Gets the trigger concerned, as text, when there is one.</summary>
    public string? Trigger { get; }

    /// <summary>Gets the problem in words.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>Thrown by <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Build"/> when the description has problems; lists every one.</summary>
public sealed class StateMachineDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="machineName">The name of the machine.</param>
    /// <param name="problems">The problems found.</param>
    public StateMachineDefinitionException(string machineName, IReadOnlyList<DefinitionProblem> problems)
        : base(FormatMessage(machineName, problems))
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    private static string FormatMessage(string machineName, IReadOnlyList<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "  - " + p.Message);
        return $"State machine '{machineName}' has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}

/// <summary>Thrown by <c>Fire</c> when a trigger is refused. <c>Evaluate</c> returns the same information without throwing.</summary>
public sealed class TriggerRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The refusal in words.</param>
    /// <param name="state">The state the trigger was fired in, as text.</param>
    /// <param name="trigger">The trigger, as text.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="permittedTriggers">The triggers permitted in that state now, as text.</param>
    /// <param name="unmetGuards">The descriptions of the guards that were not met.</param>
    public TriggerRefusedException(string message, string state, string trigger, RefusalReason reason, IReadOnlyList<string> permittedTriggers, IReadOnlyList<string> unmetGuards)
        : base(message)
    {
        State = state;
        Trigger = trigger;
        Reason = reason;
        PermittedTriggers = permittedTriggers;
        UnmetGuards = unmetGuards;
    }

    /// <summary>Gets the state the trigger was fired in, as text.</summary>
    public string State { get; }

    /// <summary>Gets the trigger, as text.</summary>
    public string Trigger { get; }

    /// <summary>Gets why the trigger was refused.</summary>
    public RefusalReason Reason { get; }

    /// <summary>Gets the triggers permitted in that state now, as text.</summary>
    public IReadOnlyList<string> PermittedTriggers { get; }

    /// <summary>Gets the descriptions of the guards that were not met.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }
}
