namespace ServiceQuality.Workflow;

/// <summary>The structure of a state machine: its states, their hierarchy, transitions and guard descriptions.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class StateMachineInfo<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private StateMachineInfo(string name, string version, TState initialState, IReadOnlyList<StateInfo<TState, TTrigger>> states, IReadOnlyList<TriggerInfo<TTrigger>> triggers)
    {
        Name = name;
        Version = version;
        InitialState = initialState;
        States = states;
        Triggers = triggers;
    }

    /// <summary>Gets the machine's name.</summary>
    public string Name { get; }

    /// <summary>Gets the definition's version.</summary>
    public string Version { get; }

    /// <summary>Gets the initial state.</summary>
    public TState InitialState { get; }

    /// <summary>Gets every state, in the order they were first configured or named.</summary>
    public IReadOnlyList<StateInfo<TState, TTrigger>> States { get; }

    /// <summary>Gets every trigger, in the order they were first configured, with its argument type.</summary>
    public IReadOnlyList<TriggerInfo<TTrigger>> Triggers { get; }

    internal static StateMachineInfo<TState, TTrigger> From<TContext>(StateMachineBuilder<TState, TTrigger, TContext> builder)
    {
        var infos = builder.StateOrder.ToDictionary(
            s => s,
            s =>
            {
                var configuration = builder.Get(s);
                var transitions = configuration.Behaviours
                    .Where(b => b.Kind != TransitionKind.Ignored)
                    .Select(b => new TransitionInfo<TState, TTrigger>(
                        s,
                        b.Trigger,
                        b.HasDestination ? b.Destination! : s,
                        b.Kind,
                        [.. b.Guards.Select(g => g.Description)],
                        builder.ParameterTypes.TryGetValue(b.Trigger, out var type) ? type : null))
                    .ToArray();
                var ignored = configuration.Behaviours.Where(b => b.Kind == TransitionKind.Ignored).Select(b => b.Trigger).ToArray();
                return new StateInfo<TState, TTrigger>(
                    s,
                    configuration.IsFinal,
                    EqualityComparer<TState>.Default.Equals(s, builder.InitialState),
                    transitions,
                    ignored);
            });

        foreach (var state in builder.StateOrder)
        {
            var configuration = builder.Get(state);
            if (configuration.HasSuperstate)
            {
                var parent = infos[configuration.Superstate!];
                infos[state].Superstate = parent;
                parent.SubstateList.Add(infos[state]);
            }
        }

        var triggers = builder.TriggerOrder
            .Select(t => new TriggerInfo<TTrigger>(t, builder.ParameterTypes.TryGetValue(t, out var type) ? type : null))
            .ToArray();
        return new StateMachineInfo<TState, TTrigger>(
            builder.Name, builder.Version, builder.InitialState, [.. builder.StateOrder.Select(s => infos[s])], triggers);
    }
}

/// <summary>One state of a machine.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class StateInfo<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    internal StateInfo(TState state, bool isFinal, bool isInitial, IReadOnlyList<TransitionInfo<TState, TTrigger>> transitions, IReadOnlyList<TTrigger> ignoredTriggers)
    {
        State = state;
        IsFinal = isFinal;
        IsInitial = isInitial;
        Transitions = transitions;
        IgnoredTriggers = ignoredTriggers;
    }

    /// <summary>Gets the state.</summary>
    public TState State { get; }

    /// <summary>Gets the superstate, or <see langword="null"/> for a top-level state.</summary>
    public StateInfo<TState, TTrigger>? Superstate { get; internal set; }

    /// <summary>Gets the direct substates.</summary>
    public IReadOnlyList<StateInfo<TState, TTrigger>> Substates => SubstateList;

    /// <summary>Gets a value indicating whether the state is final.</summary>
    public bool IsFinal { get; }

    /// <summary>Gets a value indicating whether the state is the initial state.</summary>
    public bool IsInitial { get; }

    /// <summary>Gets the transitions configured on this state itself (inherited ones are on its superstates), in configuration order.</summary>
    public IReadOnlyList<TransitionInfo<TState, TTrigger>> Transitions { get; }

    /// <summary>Gets the triggers this state accepts and ignores.</summary>
    public IReadOnlyList<TTrigger> IgnoredTriggers { get; }

    internal List<StateInfo<TState, TTrigger>> SubstateList { get; } = [];

    /// <inheritdoc />
    public override string ToString() => State.ToString() ?? string.Empty;
}

/// <summary>One configured transition.</summary>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class TransitionInfo<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    internal TransitionInfo(TState source, TTrigger trigger, TState destination, TransitionKind kind, IReadOnlyList<string> guardDescriptions, Type? parameterType)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Kind = kind;
        GuardDescriptions = guardDescriptions;
        ParameterType = parameterType;
    }

    /// <summary>Gets the state it is configured on.</summary>
    public TState Source { get; }

    /// <summary>Gets the trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets the state it leads to (the source itself for internal transitions and reentries).</summary>
    public TState Destination { get; }

    /// <summary>Gets the kind: transition, reentry or internal.</summary>
    public TransitionKind Kind { get; }

    /// <summary>Gets the descriptions of its guards; empty when unguarded.</summary>
    public IReadOnlyList<string> GuardDescriptions { get; }

    /// <summary>Gets the type of the trigger's argument, or <see langword="null"/>.</summary>
    public Type? ParameterType { get; }
}

/// <summary>One trigger of a machine.</summary>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class TriggerInfo<TTrigger>
    where TTrigger : notnull
{
    internal TriggerInfo(TTrigger trigger, Type? parameterType)
    {
        Trigger = trigger;
        ParameterType = parameterType;
    }

    /// <summary>Gets the trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets the type of its argument, or <see langword="null"/> when it takes none.</summary>
    public Type? ParameterType { get; }
}
