using System.Runtime.CompilerServices;

namespace ServiceQuality.Workflow;

/// <summary>
/// A validated, compiled state machine: immutable, thread-safe, and shared by every object that follows it. The
/// state of each object is plain data held by the caller and passed to <see cref="Fire"/> with a context that guards
/// and observers read. States and triggers are mapped to dense indices once, so firing is a table lookup plus the
/// guards, and allocates nothing when the trigger is accepted.
/// </summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
/// <typeparam name="TContext">The type of the caller-supplied context.</typeparam>
/// <remarks>
/// When a state has several behaviours for one trigger, the first (in configuration order) whose guards all hold is
/// taken. A substate inherits its superstates' behaviour for every trigger it does not configure itself; once it
/// configures a trigger, the superstate's behaviour for that trigger no longer applies to it, even if its own guards fail.
/// Observers run on the calling thread: exit observers (innermost state first), then transition observers, then entry
/// observers (outermost state first).
/// </remarks>
public sealed class StateMachineDefinition<TState, TTrigger, TContext>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly IndexMap<TState> _states;
    private readonly IndexMap<TTrigger> _triggers;
    private readonly int _triggerCount;
    private readonly int[] _cellStart;
    private readonly Behaviour[] _behaviours;
    private readonly int[][] _ancestors;
    private readonly Type?[] _parameterTypes;
    private readonly TTrigger[][] _configuredTriggers;
    private readonly Action<TContext, Transition<TState, TTrigger>>[]?[] _entry;
    private readonly Action<TContext, Transition<TState, TTrigger>>[]?[] _exit;
    private readonly Action<TContext, Transition<TState, TTrigger>>[] _transitionObservers;
    private readonly StateMachineInfo<TState, TTrigger> _info;
    private readonly TState[][] _leaves;

    internal StateMachineDefinition(StateMachineBuilder<TState, TTrigger, TContext> builder)
    {
        Name = builder.Name;
        Version = builder.Version;
        InitialState = builder.InitialState;
        _states = new IndexMap<TState>(builder.StateOrder);
        _triggers = new IndexMap<TTrigger>(builder.TriggerOrder);
        _triggerCount = _triggers.Count;
        int stateCount = _states.Count;

        _parameterTypes = new Type?[_triggerCount];
        for (int t = 0; t < _triggerCount; t++)
        {
            _parameterTypes[t] = builder.ParameterTypes.TryGetValue(_triggers[t], out var type) ? type : null;
        }

        _ancestors = new int[stateCount][];
        _entry = new Action<TContext, Transition<TState, TTrigger>>[]?[stateCount];
        _exit = new Action<TContext, Transition<TState, TTrigger>>[]?[stateCount];
        for (int s = 0; s < stateCount; s++)
        {
            var chain = new List<int>();
            var configuration = builder.Get(_states[s]);
            chain.Add(s);
            while (configuration.HasSuperstate)
            {
                chain.Add(_states.IndexOf(configuration.Superstate!));
                configuration = builder.Get(configuration.Superstate!);
            }

            chain.Reverse();
            _ancestors[s] = [.. chain];
            var own = builder.Get(_states[s]);
            _entry[s] = own.EntryObservers.Count == 0 ? null : [.. own.EntryObservers];
            _exit[s] = own.ExitObservers.Count == 0 ? null : [.. own.ExitObservers];
        }

        // Dense table: for every (state, trigger) cell, the behaviours of the nearest level that configures the trigger.
        var behaviours = new List<Behaviour>();
        _cellStart = new int[(stateCount * _triggerCount) + 1];
        _configuredTriggers = new TTrigger[stateCount][];
        for (int s = 0; s < stateCount; s++)
        {
            var configured = new List<TTrigger>();
            for (int t = 0; t < _triggerCount; t++)
            {
                _cellStart[(s * _triggerCount) + t] = behaviours.Count;
                var ancestors = _ancestors[s];
                for (int level = ancestors.Length - 1; level >= 0; level--)
                {
                    var declared = builder.Get(_states[ancestors[level]]).Behaviours;
                    int before = behaviours.Count;
                    foreach (var spec in declared)
                    {
                        if (EqualityComparer<TTrigger>.Default.Equals(spec.Trigger, _triggers[t]))
                        {
                            int d = spec.HasDestination ? _states.IndexOf(spec.Destination!) : s;
                            behaviours.Add(new Behaviour(
                                spec.Kind,
                                d,
                                spec.Guards,
                                spec.Action,
                                spec.ActionTakesArgument,
                                spec.Kind switch
                                {
                                    TransitionKind.Ignored => false,
                                    TransitionKind.Internal => spec.Action is not null || builder.TransitionObservers.Count > 0,
                                    _ => builder.TransitionObservers.Count > 0 || PathHasObservers(s, d),
                                }));
                        }
                    }

                    if (behaviours.Count > before)
                    {
                        if (declared.Any(b => b.Kind != TransitionKind.Ignored && EqualityComparer<TTrigger>.Default.Equals(b.Trigger, _triggers[t])))
                        {
                            configured.Add(_triggers[t]);
                        }

                        break;
                    }
                }
            }

            _configuredTriggers[s] = [.. configured];
        }

        _cellStart[stateCount * _triggerCount] = behaviours.Count;

        bool PathHasObservers(int from, int to) =>
            _ancestors[from].Any(a => _exit[a] is not null) || _ancestors[to].Any(a => _entry[a] is not null);
        _behaviours = [.. behaviours];
        _transitionObservers = [.. builder.TransitionObservers];
        _info = StateMachineInfo<TState, TTrigger>.From(builder);

        // The leaf states under each state (itself when it is a leaf), in configuration order.
        var isSuperstate = new bool[stateCount];
        foreach (var chain in _ancestors)
        {
            for (int level = 0; level < chain.Length - 1; level++)
            {
                isSuperstate[chain[level]] = true;
            }
        }

        _leaves = new TState[stateCount][];
        for (int s = 0; s < stateCount; s++)
        {
            int state = s;
            _leaves[s] = [.. Enumerable.Range(0, stateCount).Where(l => !isSuperstate[l] && _ancestors[l].Contains(state)).Select(l => _states[l])];
        }
    }

    /// <summary>Gets the machine's name.</summary>
    public string Name { get; }

    /// <summary>Gets the version of this definition, for records made under it.</summary>
    public string Version { get; }

    /// <summary>Gets the state a new object starts in.</summary>
    public TState InitialState { get; }

    /// <summary>Fires <paramref name="trigger"/> in <paramref name="state"/> and returns the new state.</summary>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The context guards and observers read.</param>
    /// <returns>The state after the trigger.</returns>
    /// <exception cref="TriggerRefusedException">The trigger is refused; the exception names the state, the trigger, the unmet guards and the permitted triggers.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of this machine, or <paramref name="trigger"/> requires an argument.</exception>
    public TState Fire(TState state, TTrigger trigger, TContext context)
    {
        int s = RequireState(state);
        int t = RequireTriggerWithoutArgument(trigger);
        int selected = t < 0 ? -1 : Select(s, t, context, default(NoArgument), hasArgument: false);
        return selected >= 0
            ? Execute(s, selected, state, trigger, context, default(NoArgument))
            : throw Refuse(s, t, state, trigger, context, default(NoArgument), hasArgument: false).ToException();
    }

    /// <summary>Fires a parameterised trigger with its argument and returns the new state.</summary>
    /// <typeparam name="TArgument">The type of the argument.</typeparam>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="argument">The argument guards and internal actions read.</param>
    /// <param name="context">The context guards and observers read.</param>
    /// <returns>The state after the trigger.</returns>
    /// <exception cref="TriggerRefusedException">The trigger is refused.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of this machine, or the trigger was declared with another argument type.</exception>
    public TState Fire<TArgument>(TState state, TriggerWithParameter<TTrigger, TArgument> trigger, TArgument argument, TContext context)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        int s = RequireState(state);
        int t = RequireArgumentTrigger(trigger);
        int selected = Select(s, t, context, argument, hasArgument: true);
        return selected >= 0
            ? Execute(s, selected, state, trigger.Trigger, context, argument)
            : throw Refuse(s, t, state, trigger.Trigger, context, argument, hasArgument: true).ToException();
    }

    /// <summary>
    /// Evaluates <paramref name="trigger"/> in <paramref name="state"/> and, when it is accepted, fires it (its actions
    /// and observers run, as in <c>Fire</c>); a refusal is returned, not thrown.
    /// </summary>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The context guards and observers read.</param>
    /// <returns>The transition taken, or the refusal with its reason and the permitted triggers.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of this machine, or <paramref name="trigger"/> requires an argument.</exception>
    public FireResult<TState, TTrigger> Evaluate(TState state, TTrigger trigger, TContext context)
    {
        int s = RequireState(state);
        int t = RequireTriggerWithoutArgument(trigger);
        return FireCore(s, t, state, trigger, context, default(NoArgument), hasArgument: false);
    }

    /// <summary>
    /// Evaluates a parameterized trigger with its argument and, when it is accepted, fires it (as in <c>Fire</c>); a
    /// refusal is returned, not thrown.
    /// </summary>
    /// <typeparam name="TArgument">The type of the argument.</typeparam>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="argument">The argument guards and internal actions read.</param>
    /// <param name="context">The context guards and observers read.</param>
    /// <returns>The transition taken, or the refusal.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of this machine, or the trigger was declared with another argument type.</exception>
    public FireResult<TState, TTrigger> Evaluate<TArgument>(TState state, TriggerWithParameter<TTrigger, TArgument> trigger, TArgument argument, TContext context)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        int s = RequireState(state);
        int t = RequireArgumentTrigger(trigger);
        return FireCore(s, t, state, trigger.Trigger, context, argument, hasArgument: true);
    }

    /// <summary>Tells whether <paramref name="trigger"/> would be accepted in <paramref name="state"/> now, without running anything.</summary>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The context guards read.</param>
    /// <returns><see langword="true"/> when the trigger would be accepted (ignored triggers included). Guards that read a trigger's argument are not evaluated.</returns>
    public bool CanFire(TState state, TTrigger trigger, TContext context)
    {
        int s = RequireState(state);
        int t = _triggers.IndexOf(trigger);
        return t >= 0 && Select(s, t, context, default(NoArgument), hasArgument: false) >= 0;
    }

    /// <summary>Tells whether a parameterised trigger with this argument would be accepted now, without running anything.</summary>
    /// <typeparam name="TArgument">The type of the argument.</typeparam>
    /// <param name="state">The object's current state.</param>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="argument">The argument guards read.</param>
    /// <param name="context">The context guards read.</param>
    /// <returns><see langword="true"/> when the trigger would be accepted.</returns>
    public bool CanFire<TArgument>(TState state, TriggerWithParameter<TTrigger, TArgument> trigger, TArgument argument, TContext context)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        int s = RequireState(state);
        int t = RequireArgumentTrigger(trigger);
        return Select(s, t, context, argument, hasArgument: true) >= 0;
    }

    /// <summary>Tells whether <paramref name="state"/> is <paramref name="candidate"/> or one of its substates (at any depth).</summary>
    /// <param name="state">The object's current state.</param>
    /// <param name="candidate">The state or superstate asked about.</param>
    /// <returns><see langword="true"/> when the object is in <paramref name="candidate"/>.</returns>
    public bool IsInState(TState state, TState candidate)
    {
        int s = RequireState(state);
        int c = _states.IndexOf(candidate);
        if (c < 0)
        {
            return false;
        }

        foreach (int ancestor in _ancestors[s])
        {
            if (ancestor == c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the leaf states of <paramref name="state"/>: the states with no substates that are it or lie under it at any depth.</summary>
    /// <param name="state">A state or superstate.</param>
    /// <returns>The leaf states, in configuration order (just <paramref name="state"/> when it is a leaf).</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of this machine.</exception>
    public IReadOnlyList<TState> GetLeafStates(TState state) => _leaves[RequireState(state)];

    /// <summary>Gets, without allocating, the triggers configured for <paramref name="state"/> (its own and inherited, guards not evaluated, ignored triggers excluded).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The triggers, in configuration order.</returns>
    public ReadOnlySpan<TTrigger> GetPermittedTriggers(TState state) => _configuredTriggers[RequireState(state)];

    /// <summary>Writes, without allocating, the triggers that would be accepted in <paramref name="state"/> now (guards evaluated against <paramref name="context"/>; ignored triggers excluded).</summary>
    /// <param name="state">The state.</param>
    /// <param name="context">The context guards read.</param>
    /// <param name="destination">Receives the triggers; <see cref="GetPermittedTriggers(TState)"/>'s length is always enough.</param>
    /// <returns>The number of triggers written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int GetPermittedTriggers(TState state, TContext context, Span<TTrigger> destination)
    {
        int s = RequireState(state);
        int written = 0;
        foreach (var trigger in _configuredTriggers[s])
        {
            int selected = Select(s, _triggers.IndexOf(trigger), context, default(NoArgument), hasArgument: false);
            if (selected >= 0 && _behaviours[selected].Kind != TransitionKind.Ignored)
            {
                if (written == destination.Length)
                {
                    throw new ArgumentException($"The destination holds {destination.Length} triggers; state '{state}' can permit up to {_configuredTriggers[s].Length}.", nameof(destination));
                }

                destination[written++] = trigger;
            }
        }

        return written;
    }

    /// <summary>Gets the structure of the machine: states, superstates, transitions and guard descriptions.</summary>
    /// <returns>The description, built once.</returns>
    public StateMachineInfo<TState, TTrigger> GetInfo() => _info;

    /// <summary>Exports the machine as a Mermaid <c>stateDiagram-v2</c>.</summary>
    /// <returns>The diagram text.</returns>
    public string ToMermaid() => StateMachineExport.ToMermaid(_info);

    /// <summary>Exports the machine as a Graphviz DOT digraph.</summary>
    /// <returns>The graph text.</returns>
    public string ToDot() => StateMachineExport.ToDot(_info);

    private FireResult<TState, TTrigger> FireCore<TArgument>(int s, int t, TState state, TTrigger trigger, TContext context, TArgument argument, bool hasArgument)
    {
        int selected = t < 0 ? -1 : Select(s, t, context, argument, hasArgument);
        if (selected < 0)
        {
            return new FireResult<TState, TTrigger>(Refuse(s, t, state, trigger, context, argument, hasArgument));
        }

        var destination = Execute(s, selected, state, trigger, context, argument);
        return new FireResult<TState, TTrigger>(new Transition<TState, TTrigger>(state, destination, trigger, _behaviours[selected].Kind));
    }

    /// <summary>Takes the selected behaviour: runs its observers (when it has any) and returns the destination.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TState Execute<TArgument>(int s, int selected, TState state, TTrigger trigger, TContext context, TArgument argument)
    {
        ref readonly var behaviour = ref _behaviours[selected];
        int d = behaviour.Destination;
        var destination = d == s ? state : _states[d];
        if (behaviour.HasObservers)
        {
            RunObservers(in behaviour, s, new Transition<TState, TTrigger>(state, destination, trigger, behaviour.Kind), context, argument);
        }

        return destination;
    }

    private void RunObservers<TArgument>(in Behaviour behaviour, int s, Transition<TState, TTrigger> transition, TContext context, TArgument argument)
    {
        if (behaviour.Kind == TransitionKind.Internal)
        {
            if (behaviour.Action is { } action)
            {
                if (behaviour.ActionTakesArgument)
                {
                    Unsafe.As<Action<TContext, TArgument, Transition<TState, TTrigger>>>(action)(context, argument, transition);
                }
                else
                {
                    Unsafe.As<Action<TContext, Transition<TState, TTrigger>>>(action)(context, transition);
                }
            }

            NotifyTransitioned(context, transition);
        }
        else if (behaviour.Kind != TransitionKind.Ignored)
        {
            RunExitsAndEntries(s, behaviour.Destination, context, transition);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Select<TArgument>(int s, int t, TContext context, TArgument argument, bool hasArgument)
    {
        int cell = (s * _triggerCount) + t;
        int end = _cellStart[cell + 1];
        for (int i = _cellStart[cell]; i < end; i++)
        {
            if (GuardsHold(_behaviours[i].Guards, context, argument, hasArgument))
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool GuardsHold<TArgument>(GuardSpec[] guards, TContext context, TArgument argument, bool hasArgument)
    {
        foreach (var guard in guards)
        {
            if (!Holds(guard, context, argument, hasArgument))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Holds<TArgument>(in GuardSpec guard, TContext context, TArgument argument, bool hasArgument)
    {
        if (!guard.TakesArgument)
        {
            return Unsafe.As<Func<TContext, bool>>(guard.Predicate)(context);
        }

        // A guard on the argument cannot be evaluated without one; queries without an argument treat it as met.
        return !hasArgument || Unsafe.As<Func<TContext, TArgument, bool>>(guard.Predicate)(context, argument);
    }

    private void RunExitsAndEntries(int s, int d, TContext context, Transition<TState, TTrigger> transition)
    {
        // Leave up to (not including) the nearest common ancestor, enter down from it. A reentry leaves and enters the
        // state itself only; moving up to an ancestor leaves the substates without entering the ancestor again.
        var from = _ancestors[s];
        var to = _ancestors[d];
        int common = from.Length - 1;
        if (s != d)
        {
            common = 0;
            while (common < from.Length && common < to.Length && from[common] == to[common])
            {
                common++;
            }
        }

        for (int i = from.Length - 1; i >= common; i--)
        {
            Invoke(_exit[from[i]], context, transition);
        }

        NotifyTransitioned(context, transition);
        for (int i = common; i < to.Length; i++)
        {
            Invoke(_entry[to[i]], context, transition);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NotifyTransitioned(TContext context, Transition<TState, TTrigger> transition)
    {
        foreach (var observer in _transitionObservers)
        {
            observer(context, transition);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Invoke(Action<TContext, Transition<TState, TTrigger>>[]? observers, TContext context, Transition<TState, TTrigger> transition)
    {
        if (observers is null)
        {
            return;
        }

        foreach (var observer in observers)
        {
            observer(context, transition);
        }
    }

    private TriggerRefusal<TState, TTrigger> Refuse<TArgument>(int s, int t, TState state, TTrigger trigger, TContext context, TArgument argument, bool hasArgument)
    {
        var unmet = new List<string>();
        if (t >= 0)
        {
            int cell = (s * _triggerCount) + t;
            for (int i = _cellStart[cell]; i < _cellStart[cell + 1]; i++)
            {
                foreach (var guard in _behaviours[i].Guards)
                {
                    if (!Holds(guard, context, argument, hasArgument) && !unmet.Contains(guard.Description))
                    {
                        unmet.Add(guard.Description);
                    }
                }
            }
        }

        var permitted = new TTrigger[_configuredTriggers[s].Length];
        int count = GetPermittedTriggers(state, context, permitted);
        var reason = unmet.Count == 0 ? RefusalReason.NotPermitted : RefusalReason.GuardsUnmet;
        return new TriggerRefusal<TState, TTrigger>(state, trigger, reason, permitted[..count], [.. unmet]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RequireState(TState state)
    {
        int s = _states.IndexOf(state);
        return s >= 0 ? s : ThrowUnknownState(state);
    }

    private int ThrowUnknownState(TState state) => throw new ArgumentException(
        $"'{state}' is not a state of '{Name}'. Its states are: {string.Join(", ", _states.Values.ToArray())}.", nameof(state));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RequireTriggerWithoutArgument(TTrigger trigger)
    {
        int t = _triggers.IndexOf(trigger);
        return t >= 0 && _parameterTypes[t] is { } type
            ? throw new ArgumentException($"Trigger '{trigger}' takes an argument of type {type.Name}; fire it with its TriggerWithParameter and the argument.", nameof(trigger))
            : t;
    }

    private int RequireArgumentTrigger<TArgument>(TriggerWithParameter<TTrigger, TArgument> trigger)
    {
        int t = _triggers.IndexOf(trigger.Trigger);
        if (t < 0 || _parameterTypes[t] != typeof(TArgument))
        {
            throw new ArgumentException(
                $"Trigger '{trigger.Trigger}' is not declared with an argument of type {typeof(TArgument).Name} in '{Name}'.", nameof(trigger));
        }

        return t;
    }

    /// <summary>A compiled behaviour. <see cref="HasObservers"/> is false when taking it runs no code at all, so the hot path skips the observer walk.</summary>
    private readonly record struct Behaviour(TransitionKind Kind, int Destination, GuardSpec[] Guards, Delegate? Action, bool ActionTakesArgument, bool HasObservers);

    private readonly struct NoArgument;
}
