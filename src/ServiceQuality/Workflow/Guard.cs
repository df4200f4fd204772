namespace ServiceQuality.Workflow;

/// <summary>
/// A condition on a transition, read from the caller-supplied context (a <see langword="static"/> lambda needs no
/// closure), with the description a refusal reports when it is not met.
/// </summary>
/// <typeparam name="TContext">The type of the context the guard reads.</typeparam>
public readonly record struct Guard<TContext>
{
    /// <summary>Creates a guard.</summary>
    /// <param name="predicate">Returns <see langword="true"/> when the transition may be taken.</param>
    /// <param name="description">What must be true, in words, e.g. "an apology has been recorded".</param>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty or white space.</exception>
    public Guard(Func<TContext, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Predicate = predicate;
        Description = description;
    }

    /// <summary>Gets the condition.</summary>
    public Func<TContext, bool> Predicate { get; }

    /// <summary>Gets what must be true, in words.</summary>
    public string Description { get; }
}

/// <summary>
/// A condition on a transition of a parameterised trigger, read from the context and the trigger's argument, with the
/// description a refusal reports when it is not met.
/// </summary>
/// <typeparam name="TContext">The type of the context the guard reads.</typeparam>
/// <typeparam name="TArgument">The type of the trigger's argument.</typeparam>
public readonly record struct Guard<TContext, TArgument>
{
    /// <summary>Creates a guard.</summary>
    /// <param name="predicate">Returns <see langword="true"/> when the transition may be taken.</param>
    /// <param name="description">What must be true, in words.</param>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty or white space.</exception>
    public Guard(Func<TContext, TArgument, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Predicate = predicate;
        Description = description;
    }

    /// <summary>Gets the condition.</summary>
    public Func<TContext, TArgument, bool> Predicate { get; }

    /// <summary>Gets what must be true, in words.</summary>
    public string Description { get; }
}

/// <summary>A trigger that carries an argument of type <typeparamref name="TArgument"/> when it is fired.</summary>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
/// <typeparam name="TArgument">The type of the argument.</typeparam>
public sealed class TriggerWithParameter<TTrigger, TArgument>
    where TTrigger : notnull
{
    internal TriggerWithParameter(TTrigger trigger) => Trigger = trigger;

    /// <summary>Gets the trigger.</summary>
    public TTrigger Trigger { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Trigger}({typeof(TArgument).Name})";
}
