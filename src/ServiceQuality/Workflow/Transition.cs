namespace ServiceQuality.Workflow;

/// <summary>An accepted trigger: where the machine was, where it is now, and how it got there.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public readonly record struct Transition<TState, TTrigger>
{
    internal Transition(TState source, TState destination, TTrigger trigger, TransitionKind kind)
    {
        Source = source;
        Destination = destination;
        Trigger = trigger;
        Kind = kind;
    }

    /// <summary>Gets the state the trigger was fired in.</summary>
    public TState Source { get; }

    /// <summary>Gets the state after the trigger (equal to <see cref="Source"/> unless <see cref="Kind"/> is <see cref="TransitionKind.Transition"/>).</summary>
    public TState Destination { get; }

    /// <summary>Gets the trigger that was fired.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets what the trigger did.</summary>
    public TransitionKind Kind { get; }

    /// <summary>Gets a value indicating whether the machine is in a different state afterwards.</summary>
    public bool ChangedState => Kind == TransitionKind.Transition;
}
