namespace ServiceQuality.Workflow;

/// <summary>Finds every problem in a description before it is compiled.</summary>
internal static class StateMachineValidator<TState, TTrigger, TContext>
    where TState : notnull
    where TTrigger : notnull
{
    public static List<DefinitionProblem> Validate(StateMachineBuilder<TState, TTrigger, TContext> builder)
    {
        var problems = new List<DefinitionProblem>();
        var states = builder.StateOrder;
        var comparer = EqualityComparer<TState>.Default;

        if (!builder.TryGet(builder.InitialState, out var initial) || !initial.IsConfigured)
        {
            problems.Add(new(DefinitionProblemKind.InitialStateNotConfigured, S(builder.InitialState), null,
                $"The initial state '{builder.InitialState}' is not configured: call Configure({builder.InitialState})."));
        }

        bool hasCycle = false;
        foreach (var state in states)
        {
            var seen = new HashSet<TState>(comparer) { state };
            var current = builder.Get(state);
            while (current.HasSuperstate)
            {
                if (!seen.Add(current.Superstate!))
                {
                    hasCycle = true;
                    problems.Add(new(DefinitionProblemKind.HierarchyCycle, S(state), null,
                        $"State '{state}' is its own ancestor: the superstate chain {string.Join(" -> ", seen)} -> {current.Superstate} loops."));
                    break;
                }

                current = builder.Get(current.Superstate!);
            }
        }

        foreach (var state in states)
        {
            foreach (var group in builder.Get(state).Behaviours.GroupBy(b => b.Trigger))
            {
                var list = group.ToList();
                int firstUnguarded = list.FindIndex(b => b.Guards.Length == 0);
                if (firstUnguarded < 0)
                {
                    continue;
                }

                int unguarded = list.Count(b => b.Guards.Length == 0);
                if (unguarded > 1)
                {
                    problems.Add(new(DefinitionProblemKind.AmbiguousTransition, S(state), group.Key.ToString(),
                        $"State '{state}' has {unguarded} unguarded behaviours for trigger '{group.Key}'; add guards or remove all but one."));
                }
                else if (firstUnguarded < list.Count - 1)
                {
                    problems.Add(new(DefinitionProblemKind.AmbiguousTransition, S(state), group.Key.ToString(),
                        $"State '{state}' has an unguarded behaviour for trigger '{group.Key}' before {list.Count - 1 - firstUnguarded} other(s), which can never be taken."));
                }
            }
        }

        if (hasCycle || problems.Any(p => p.Kind == DefinitionProblemKind.InitialStateNotConfigured))
        {
            return problems;
        }

        // Reachability over the effective behaviours (a substate inherits what it does not configure itself).
        var reachable = new HashSet<TState>(comparer);
        var queue = new Queue<TState>();
        queue.Enqueue(builder.InitialState);
        reachable.Add(builder.InitialState);
        var occupiable = new HashSet<TState>(comparer) { builder.InitialState };
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var behaviour in EffectiveBehaviours(builder, state))
            {
                if (behaviour.HasDestination)
                {
                    occupiable.Add(behaviour.Destination!);
                    if (reachable.Add(behaviour.Destination!))
                    {
                        queue.Enqueue(behaviour.Destination!);
                    }
                }
            }
        }

        // Being in a substate is being in each of its superstates.
        foreach (var state in reachable.ToList())
        {
            var current = builder.Get(state);
            while (current.HasSuperstate)
            {
                reachable.Add(current.Superstate!);
                current = builder.Get(current.Superstate!);
            }
        }

        foreach (var state in states)
        {
            if (!reachable.Contains(state))
            {
                problems.Add(new(DefinitionProblemKind.UnreachableState, S(state), null,
                    $"State '{state}' is unreachable: no sequence of transitions from '{builder.InitialState}' leads to it."));
            }
            else if (occupiable.Contains(state) && !builder.Get(state).IsFinal &&
                     !EffectiveBehaviours(builder, state).Any(b => b.HasDestination && !comparer.Equals(b.Destination, state)))
            {
                problems.Add(new(DefinitionProblemKind.NoWayOut, S(state), null,
                    $"State '{state}' is not final but has no transition to another state: add one, or mark it Final()."));
            }
        }

        return problems;
    }

    /// <summary>The behaviours that apply in a state: for each trigger, those of the nearest level (the state, then its superstates) that configures it.</summary>
    internal static IEnumerable<BehaviourSpec<TState, TTrigger>> EffectiveBehaviours(StateMachineBuilder<TState, TTrigger, TContext> builder, TState state)
    {
        var seenTriggers = new HashSet<TTrigger>();
        var current = builder.Get(state);
        while (true)
        {
            var levelTriggers = new HashSet<TTrigger>();
            foreach (var behaviour in current.Behaviours)
            {
                if (!seenTriggers.Contains(behaviour.Trigger))
                {
                    levelTriggers.Add(behaviour.Trigger);
                    yield return behaviour;
                }
            }

            seenTriggers.UnionWith(levelTriggers);
            if (!current.HasSuperstate)
            {
                yield break;
            }

            current = builder.Get(current.Superstate!);
        }
    }

    private static string S(TState state) => state.ToString() ?? string.Empty;
}
