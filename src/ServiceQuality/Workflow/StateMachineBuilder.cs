namespace ServiceQuality.Workflow;

/// <summary>
/// Describes a state machine once; <see cref="Build"/> validates the description and compiles it into an immutable,
/// thread-safe <see cref="StateMachineDefinition{TState, TTrigger, TContext}"/> shared by every object that follows it.
/// </summary>
/// <typeparam name="TState">The type of the states (typically an enum).</typeparam>
/// <typeparam name="TTrigger">The type of the triggers (typically an enum).</typeparam>
/// <typeparam name="TContext">The type of the caller-supplied context that guards and observers read.</typeparam>
/// <example>
/// <code>
/// var builder = new StateMachineBuilder&lt;State, Trigger, Ticket&gt;("ticket", "1", State.Open);
/// builder.Configure(State.Open).PermitIf(Trigger.Close, State.Closed, static t =&gt; t.Confirmed, "the client confirmed");
/// builder.Configure(State.Closed).Final();
/// var definition = builder.Build();
/// State next = definition.Fire(State.Open, Trigger.Close, ticket);
/// </code>
/// </example>
public sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger, TContext>> _states = [];
    private readonly List<TState> _stateOrder = [];
    private readonly Dictionary<TTrigger, Type> _parameterTypes = [];
    private readonly List<TTrigger> _triggerOrder = [];
    private readonly HashSet<TTrigger> _knownTriggers = [];
    private readonly List<Action<TContext, Transition<TState, TTrigger>>> _transitionObservers = [];

    /// <summary>Starts describing a state machine.</summary>
    /// <param name="name">The machine's name, used in exports and messages.</param>
    /// <param name="version">The version of this definition; records made under it can name it (e.g. "2").</param>
    /// <param name="initialState">The state a new object starts in.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="initialState"/> is <see langword="null"/>.</exception>
    public StateMachineBuilder(string name, string version, TState initialState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(initialState);
        Name = name;
        Version = version;
        InitialState = initialState;
    }

    /// <summary>Gets the machine's name.</summary>
    public string Name { get; }

    /// <summary>Gets the version of the definition being built.</summary>
    public string Version { get; }

    /// <summary>Gets the state a new object starts in.</summary>
    public TState InitialState { get; }

    /// <summary>Starts or continues the configuration of a state. Calling it again for the same state returns the same configuration.</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>The state's configuration, for chaining.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var configuration = GetOrAdd(state);
        configuration.IsConfigured = true;
        return configuration;
    }

    /// <summary>Declares that <paramref name="trigger"/> carries an argument of type <typeparamref name="TArgument"/>.</summary>
    /// <typeparam name="TArgument">The type of the argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The handle to configure and fire the trigger with its argument.</returns>
    /// <exception cref="ArgumentException">The trigger was already declared with another argument type.</exception>
    public TriggerWithParameter<TTrigger, TArgument> DeclareParameter<TArgument>(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_parameterTypes.TryGetValue(trigger, out var existing) && existing != typeof(TArgument))
        {
            throw new ArgumentException(
                $"Trigger '{trigger}' is already declared with an argument of type {existing.Name}; it cannot also take {typeof(TArgument).Name}.",
                nameof(trigger));
        }

        _parameterTypes[trigger] = typeof(TArgument);
        NoteTrigger(trigger);
        return new TriggerWithParameter<TTrigger, TArgument>(trigger);
    }

    /// <summary>Adds an observer called for every accepted trigger that is not ignored, after exit observers and before entry observers.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> OnTransitioned(Action<TContext, Transition<TState, TTrigger>> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _transitionObservers.Add(observer);
        return this;
    }

    /// <summary>
    /// Validates the description and compiles it. Every problem is reported at once: an initial state that is not
    /// configured, unreachable states, non-final states with no way out, ambiguous unguarded behaviour for the same
    /// state and trigger, and cycles in the state hierarchy.
    /// </summary>
    /// <returns>The immutable, thread-safe definition.</returns>
    /// <exception cref="StateMachineDefinitionException">The description has one or more problems; <see cref="StateMachineDefinitionException.Problems"/> lists them all.</exception>
    public StateMachineDefinition<TState, TTrigger, TContext> Build()
    {
        var problems = StateMachineValidator<TState, TTrigger, TContext>.Validate(this);
        if (problems.Count > 0)
        {
            throw new StateMachineDefinitionException(Name, problems);
        }

        return new StateMachineDefinition<TState, TTrigger, TContext>(this);
    }

    internal IReadOnlyList<TState> StateOrder => _stateOrder;

    internal IReadOnlyList<TTrigger> TriggerOrder => _triggerOrder;

    internal IReadOnlyDictionary<TTrigger, Type> ParameterTypes => _parameterTypes;

    internal IReadOnlyList<Action<TContext, Transition<TState, TTrigger>>> TransitionObservers => _transitionObservers;

    internal StateConfiguration<TState, TTrigger, TContext> Get(TState state) => _states[state];

    internal bool TryGet(TState state, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StateConfiguration<TState, TTrigger, TContext>? configuration) =>
        _states.TryGetValue(state, out configuration);

    internal StateConfiguration<TState, TTrigger, TContext> GetOrAdd(TState state)
    {
        if (!_states.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger, TContext>(this, state);
            _states.Add(state, configuration);
            _stateOrder.Add(state);
        }

        return configuration;
    }

    internal void NoteTrigger(TTrigger trigger)
    {
        if (_knownTriggers.Add(trigger))
        {
            _triggerOrder.Add(trigger);
        }
    }
}
