namespace ServiceQuality.Workflow;

/// <summary>The behaviour of one state, configured fluently from <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Configure"/>.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
/// <typeparam name="TContext">The type of the caller-supplied context.</typeparam>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly StateMachineBuilder<TState, TTrigger, TContext> _builder;
    private readonly List<BehaviourSpec<TState, TTrigger>> _behaviours = [];
    private readonly List<Action<TContext, Transition<TState, TTrigger>>> _entry = [];
    private readonly List<Action<TContext, Transition<TState, TTrigger>>> _exit = [];

    internal StateConfiguration(StateMachineBuilder<TState, TTrigger, TContext> builder, TState state)
    {
        _builder = builder;
        State = state;
    }

    /// <summary>Gets the state being configured.</summary>
    public TState State { get; }

    internal bool IsConfigured { get; set; }

    internal bool IsFinal { get; private set; }

    internal bool HasSuperstate { get; private set; }

    internal TState? Superstate { get; private set; }

    internal IReadOnlyList<BehaviourSpec<TState, TTrigger>> Behaviours => _behaviours;

    internal IReadOnlyList<Action<TContext, Transition<TState, TTrigger>>> EntryObservers => _entry;

    internal IReadOnlyList<Action<TContext, Transition<TState, TTrigger>>> ExitObservers => _exit;

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired (re-enters the state when it is the same state).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The state to move to.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination) =>
        AddTransition(trigger, destination, []);

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired and <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The state to move to.</param>
    /// <param name="guard">The condition, read from the context.</param>
    /// <param name="description">The condition in words, reported when it is not met.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(TTrigger trigger, TState destination, Func<TContext, bool> guard, string description) =>
        AddTransition(trigger, destination, [GuardSpec.From(new Guard<TContext>(guard, description))]);

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired and every guard holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The state to move to.</param>
    /// <param name="guards">The conditions; all must hold.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(TTrigger trigger, TState destination, params Guard<TContext>[] guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        return AddTransition(trigger, destination, [.. guards.Select(GuardSpec.From)]);
    }

    /// <summary>Moves to <paramref name="destination"/> when the parameterised trigger is fired and <paramref name="guard"/>, which reads the argument, holds.</summary>
    /// <typeparam name="TArgument">The type of the trigger's argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="destination">The state to move to.</param>
    /// <param name="guard">The condition, read from the context and the argument.</param>
    /// <param name="description">The condition in words, reported when it is not met.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf<TArgument>(
        TriggerWithParameter<TTrigger, TArgument> trigger, TState destination, Func<TContext, TArgument, bool> guard, string description)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return AddTransition(trigger.Trigger, destination, [GuardSpec.FromArgument(guard, description)]);
    }

    /// <summary>Handles <paramref name="trigger"/> inside the state (a milestone): the state does not change and no entry or exit observer runs.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(TTrigger trigger) =>
        AddBehaviour(new BehaviourSpec<TState, TTrigger>(trigger, TransitionKind.Internal, default, false, [], null, ActionTakesArgument: false));

    /// <summary>Handles <paramref name="trigger"/> inside the state and calls <paramref name="action"/>: the state does not change and no entry or exit observer runs.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">Called when the trigger is handled.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(TTrigger trigger, Action<TContext, Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddBehaviour(new BehaviourSpec<TState, TTrigger>(trigger, TransitionKind.Internal, default, false, [], action, ActionTakesArgument: false));
    }

    /// <summary>Handles <paramref name="trigger"/> inside the state when <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The condition, read from the context.</param>
    /// <param name="description">The condition in words, reported when it is not met.</param>
    /// <param name="action">Optional: called when the trigger is handled.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf(
        TTrigger trigger, Func<TContext, bool> guard, string description, Action<TContext, Transition<TState, TTrigger>>? action = null) =>
        AddBehaviour(new BehaviourSpec<TState, TTrigger>(
            trigger, TransitionKind.Internal, default, false, [GuardSpec.From(new Guard<TContext>(guard, description))], action, ActionTakesArgument: false));

    /// <summary>Handles <paramref name="trigger"/> inside the state when every guard holds (none: always).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guards">The conditions; all must hold.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf(TTrigger trigger, params Guard<TContext>[] guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        return AddBehaviour(new BehaviourSpec<TState, TTrigger>(
            trigger, TransitionKind.Internal, default, false, [.. guards.Select(GuardSpec.From)], null, ActionTakesArgument: false));
    }

    /// <summary>
    /// Handles the parameterised trigger inside the state when every argument guard and every context guard holds.
    /// Queries without an argument (the permitted triggers) treat the argument guards as met.
    /// </summary>
    /// <typeparam name="TArgument">The type of the trigger's argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="argumentGuards">The conditions on the context and the argument, each with its description; all must hold.</param>
    /// <param name="guards">Further conditions on the context; all must hold.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf<TArgument>(
        TriggerWithParameter<TTrigger, TArgument> trigger, IReadOnlyList<Guard<TContext, TArgument>> argumentGuards, params Guard<TContext>[] guards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(argumentGuards);
        ArgumentNullException.ThrowIfNull(guards);
        return AddBehaviour(new BehaviourSpec<TState, TTrigger>(
            trigger.Trigger,
            TransitionKind.Internal,
            default,
            false,
            [.. argumentGuards.Select(g => GuardSpec.FromArgument(g.Predicate, g.Description)), .. guards.Select(GuardSpec.From)],
            null,
            ActionTakesArgument: false));
    }

    /// <summary>Handles the parameterised trigger inside the state, passing its argument to <paramref name="action"/>.</summary>
    /// <typeparam name="TArgument">The type of the trigger's argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">Called with the context, the argument and the transition.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition<TArgument>(
        TriggerWithParameter<TTrigger, TArgument> trigger, Action<TContext, TArgument, Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(action);
        return AddBehaviour(new BehaviourSpec<TState, TTrigger>(trigger.Trigger, TransitionKind.Internal, default, false, [], action, ActionTakesArgument: true));
    }

    /// <summary>Accepts <paramref name="trigger"/> in this state and does nothing.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Ignore(TTrigger trigger) =>
        AddBehaviour(new BehaviourSpec<TState, TTrigger>(trigger, TransitionKind.Ignored, default, false, [], null, ActionTakesArgument: false));

    /// <summary>
    /// Makes this state a substate of <paramref name="superstate"/>: it inherits every behaviour the superstate (and its
    /// own superstates) configure for a trigger it does not configure itself, and <c>IsInState</c> reports it as in the superstate.
    /// </summary>
    /// <param name="superstate">The superstate.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException">The state is already a substate of another state, or of itself.</exception>
    public StateConfiguration<TState, TTrigger, TContext> SubstateOf(TState superstate)
    {
        ArgumentNullException.ThrowIfNull(superstate);
        if (EqualityComparer<TState>.Default.Equals(superstate, State))
        {
            throw new ArgumentException($"State '{State}' cannot be a substate of itself.", nameof(superstate));
        }

        if (HasSuperstate && !EqualityComparer<TState>.Default.Equals(Superstate, superstate))
        {
            throw new ArgumentException($"State '{State}' is already a substate of '{Superstate}'; it cannot also be a substate of '{superstate}'.", nameof(superstate));
        }

        _builder.GetOrAdd(superstate);
        HasSuperstate = true;
        Superstate = superstate;
        return this;
    }

    /// <summary>Marks the state as final: an object that reaches it is done, so it needs no way out.</summary>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Final()
    {
        IsFinal = true;
        return this;
    }

    /// <summary>Adds an observer called when the machine enters this state (not on internal transitions).</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntry(Action<TContext, Transition<TState, TTrigger>> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _entry.Add(observer);
        return this;
    }

    /// <summary>Adds an observer called when the machine leaves this state (not on internal transitions).</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExit(Action<TContext, Transition<TState, TTrigger>> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _exit.Add(observer);
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> AddTransition(TTrigger trigger, TState destination, GuardSpec[] guards)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _builder.GetOrAdd(destination);
        var kind = EqualityComparer<TState>.Default.Equals(destination, State) ? TransitionKind.Reentry : TransitionKind.Transition;
        return AddBehaviour(new BehaviourSpec<TState, TTrigger>(trigger, kind, destination, true, guards, null, ActionTakesArgument: false));
    }

    private StateConfiguration<TState, TTrigger, TContext> AddBehaviour(BehaviourSpec<TState, TTrigger> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour.Trigger);
        _builder.NoteTrigger(behaviour.Trigger);
        _behaviours.Add(behaviour);
        return this;
    }
}

/// <summary>A configured behaviour, as declared (before compilation).</summary>
internal sealed record BehaviourSpec<TState, TTrigger>(
    TTrigger Trigger,
    TransitionKind Kind,
    TState? Destination,
    bool HasDestination,
    GuardSpec[] Guards,
    Delegate? Action,
    bool ActionTakesArgument);

/// <summary>A guard as stored: the delegate, whether it also reads the trigger's argument, and its description.</summary>
internal readonly record struct GuardSpec(Delegate Predicate, bool TakesArgument, string Description)
{
    public static GuardSpec From<TContext>(Guard<TContext> guard)
    {
        if (guard.Predicate is null)
        {
            throw new ArgumentException("A guard must be created with its constructor (predicate and description).", nameof(guard));
        }

        return new GuardSpec(guard.Predicate, false, guard.Description);
    }

    public static GuardSpec FromArgument<TContext, TArgument>(Func<TContext, TArgument, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new GuardSpec(predicate, true, description);
    }
}
