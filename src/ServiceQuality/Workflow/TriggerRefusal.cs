namespace ServiceQuality.Workflow;

/// <summary>A refused trigger: the state, the trigger, why, and what is permitted now.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class TriggerRefusal<TState, TTrigger>
{
    internal TriggerRefusal(TState state, TTrigger trigger, RefusalReason reason, TTrigger[] permittedTriggers, string[] unmetGuards)
    {
        State = state;
        Trigger = trigger;
        Reason = reason;
        PermittedTriggers = permittedTriggers;
        UnmetGuards = unmetGuards;
        Message = FormatMessage();
    }

    /// <summary>Gets the state the trigger was fired in.</summary>
    public TState State { get; }

    /// <summary>Gets the refused trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets why the trigger was refused.</summary>
    public RefusalReason Reason { get; }

    /// <summary>Gets the triggers that would be accepted in this state now (guards evaluated against the same context; ignored triggers excluded).</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers { get; }

    /// <summary>Gets the descriptions of the guards that were not met (empty when the trigger is not permitted at all).</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>Gets the refusal in words, naming the state, the trigger, the unmet guards and the permitted triggers.</summary>
    public string Message { get; }

    /// <summary>Creates the exception <c>Fire</c> throws for this refusal.</summary>
    /// <returns>The exception.</returns>
    public TriggerRefusedException ToException() => new(
        Message,
        State?.ToString() ?? string.Empty,
        Trigger?.ToString() ?? string.Empty,
        Reason,
        [.. PermittedTriggers.Select(t => t?.ToString() ?? string.Empty)],
        UnmetGuards);

    /// <inheritdoc />
    public override string ToString() => Message;

    private string FormatMessage()
    {
        string permitted = PermittedTriggers.Count == 0 ? "none" : string.Join(", ", PermittedTriggers);
        return Reason == RefusalReason.NotPermitted
            ? $"Trigger '{Trigger}' is not permitted in state '{State}'. Permitted now: {permitted}."
            : $"Trigger '{Trigger}' is refused in state '{State}': unmet guard(s): {string.Join("; ", UnmetGuards)}. Permitted now: {permitted}.";
    }
}

/// <summary>The outcome of <c>Evaluate</c>: the transition taken, or the refusal. Allocation-free when accepted.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public readonly struct FireResult<TState, TTrigger>
{
    private readonly Transition<TState, TTrigger> _transition;

    internal FireResult(Transition<TState, TTrigger> transition)
    {
        _transition = transition;
        Refusal = null;
    }

    internal FireResult(TriggerRefusal<TState, TTrigger> refusal)
    {
        _transition = new Transition<TState, TTrigger>(refusal.State, refusal.State, refusal.Trigger, TransitionKind.Ignored);
        Refusal = refusal;
    }

    /// <summary>Gets a value indicating whether the trigger was accepted.</summary>
    public bool IsAccepted => Refusal is null;

    /// <summary>Gets the refusal, or <see langword="null"/> when the trigger was accepted.</summary>
    public TriggerRefusal<TState, TTrigger>? Refusal { get; }

    /// <summary>Gets the state after the trigger (the unchanged state when refused).</summary>
    public TState State => _transition.Destination;

    /// <summary>Gets the transition taken.</summary>
    /// <exception cref="InvalidOperationException">The trigger was refused.</exception>
    public Transition<TState, TTrigger> Transition => Refusal is null ? _transition : throw Refusal.ToException();

    /// <inheritdoc />
    public override string ToString() => Refusal?.Message ?? _transition.ToString();
}
