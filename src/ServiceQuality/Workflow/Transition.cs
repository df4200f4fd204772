namespace ServiceQuality.Workflow;

/// <summary>An accepted trigger: where the machine was, where it is now, and how it got there.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
/// <param name="Source">The state the trigger was fired in.</param>
/// <param name="Destination">The state after the trigger (equal to <paramref name="Source"/> unless <paramref name="Kind"/> is <see cref="TransitionKind.Transition"/>).</param>
/// <param name="Trigger">The trigger that was fired.</param>
/// <param name="Kind">What the trigger did.</param>
public readonly record struct Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger, TransitionKind Kind)
{
    /// <summary>Gets a value indicating whether the machine is in a different state afterwards.</summary>
    public bool ChangedState => Kind == TransitionKind.Transition;
}
