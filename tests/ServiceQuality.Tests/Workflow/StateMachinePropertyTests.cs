using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Workflow;

/// <summary>
/// Properties over random definitions and random trigger sequences. FsCheck generates (and shrinks) two byte arrays;
/// <see cref="RandomSpec.Decode"/> reads the first as a definition (states, hierarchy, behaviours with guards) and the
/// second as a walk (triggers and guard flags). A naive reference interpreter of the same spec is the oracle.
/// </summary>
public class StateMachinePropertyTests
{
    [Property(MaxTest = 300)]
    public Property Fire_AgreesWithTheReferenceInterpreter(byte[] structure, byte[] walk)
    {
        var spec = RandomSpec.Decode(structure);
        var machine = spec.Build();
        int state = 0;
        for (int i = 0; i + 1 < walk.Length; i += 2)
        {
            int trigger = walk[i] % spec.TriggerCount;
            var flags = new Flags(walk[i + 1]);
            var expected = spec.Reference(state, trigger, flags);
            var actual = machine.Evaluate(state, trigger, flags);
            if (expected is null)
            {
                if (actual.IsAccepted || actual.State != state)
                {
                    return false.Label($"step {i / 2}: expected a refusal of {trigger} in {state}, got {actual}");
                }

                continue;
            }

            if (!actual.IsAccepted || actual.State != expected.Value.Destination || actual.Transition.Kind != expected.Value.Kind)
            {
                return false.Label($"step {i / 2}: {trigger} in {state}: expected {expected}, got {actual}");
            }

            state = actual.State;
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property Fire_OnlyMovesAlongAConfiguredTransition_AndARefusalLeavesTheStateUnchanged(byte[] structure, byte[] walk)
    {
        var spec = RandomSpec.Decode(structure);
        var machine = spec.Build();
        var info = machine.GetInfo();
        int state = 0;
        for (int i = 0; i + 1 < walk.Length; i += 2)
        {
            int trigger = walk[i] % spec.TriggerCount;
            var result = machine.Evaluate(state, trigger, new Flags(walk[i + 1]));
            if (!result.IsAccepted)
            {
                if (result.State != state)
                {
                    return false.Label("a refused trigger changed the state");
                }

                continue;
            }

            if (result.Transition.Kind is TransitionKind.Transition or TransitionKind.Reentry)
            {
                // The transition is configured on the state or on one of its superstates.
                bool configured = info.States.Any(s =>
                    machine.IsInState(state, s.State) &&
                    s.Transitions.Any(t => t.Trigger == trigger && t.Destination == result.State && t.Kind == result.Transition.Kind));
                if (!configured)
                {
                    return false.Label($"{state} --{trigger}--> {result.State} is not configured");
                }
            }
            else if (result.State != state)
            {
                return false.Label("an internal or ignored trigger changed the state");
            }

            state = result.State;
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property Substate_InheritsItsSuperstateUnlessItOverrides(byte[] structure, byte flagBits)
    {
        var spec = RandomSpec.Decode(structure);
        var machine = spec.Build();
        var flags = new Flags(flagBits);
        for (int s = 0; s < spec.StateCount; s++)
        {
            int parent = spec.Parent[s];
            if (parent < 0)
            {
                continue;
            }

            for (int t = 0; t < spec.TriggerCount; t++)
            {
                if (spec.Behaviours[s].Any(b => b.Trigger == t))
                {
                    continue; // overridden: the substate's own behaviour applies (checked by the reference property)
                }

                var inSub = machine.Evaluate(s, t, flags);
                var inSuper = machine.Evaluate(parent, t, flags);
                if (inSub.IsAccepted != inSuper.IsAccepted)
                {
                    return false.Label($"trigger {t}: substate {s} and superstate {parent} disagree");
                }

                if (inSub.IsAccepted && inSub.Transition.Kind == TransitionKind.Transition && inSub.State != inSuper.State)
                {
                    return false.Label($"trigger {t}: substate {s} goes to {inSub.State}, superstate {parent} to {inSuper.State}");
                }
            }
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property EveryConfiguredTransition_AppearsInBothExports(byte[] structure)
    {
        var machine = RandomSpec.Decode(structure).Build();
        string mermaid = machine.ToMermaid();
        string dot = machine.ToDot();
        foreach (var transition in machine.GetInfo().States.SelectMany(s => s.Transitions))
        {
            string label = $"{transition.Trigger}"
                + (transition.GuardDescriptions.Count > 0 ? $" [{string.Join(" and ", transition.GuardDescriptions)}]" : string.Empty)
                + (transition.Kind == TransitionKind.Internal ? " (internal)" : string.Empty);
            // Mermaid ids cannot start with a digit, so state 3 is written s_3.
            string mermaidLine = $"    s_{transition.Source} --> s_{transition.Destination} : {label}\n";
            string dotLine = $"    \"{transition.Source}\" -> \"{transition.Destination}\" [label=\"{label}\"";
            if (!mermaid.Contains(mermaidLine, StringComparison.Ordinal) || !dot.Contains(dotLine, StringComparison.Ordinal))
            {
                return false.Label($"missing: {mermaidLine.Trim()}");
            }
        }

        return true.ToProperty();
    }

    /// <summary>The guard flags a context carries: guard k holds when bit k is set.</summary>
    public sealed record Flags(byte Bits)
    {
        public bool Has(int guard) => (Bits & (1 << guard)) != 0;
    }

    public sealed record BehaviourDef(int Trigger, TransitionKind Kind, int Destination, int[] Guards);

    public sealed class RandomSpec
    {
        private RandomSpec(int stateCount, int triggerCount, int[] parent, List<BehaviourDef>[] behaviours)
        {
            StateCount = stateCount;
            TriggerCount = triggerCount;
            Parent = parent;
            Behaviours = behaviours;
        }

        public int StateCount { get; }

        public int TriggerCount { get; }

        public int[] Parent { get; }

        public List<BehaviourDef>[] Behaviours { get; }

        /// <summary>
        /// Reads a spec from bytes. Every state is final (so none is a dead end) and state 0 reaches every other state
        /// with its own trigger (so none is unreachable); unguarded behaviours come last for their trigger (so none is
        /// ambiguous): every decoded spec is valid, and the rest is random.
        /// </summary>
        public static RandomSpec Decode(byte[]? bytes)
        {
            bytes ??= [];
            int position = 0;
            int Next() => position < bytes.Length ? bytes[position++] : 0;

            int states = 2 + (Next() % 6);
            int randomTriggers = 1 + (Next() % 5);
            int triggers = randomTriggers + states;
            var parent = new int[states];
            parent[0] = -1;
            for (int s = 1; s < states; s++)
            {
                int p = Next() % (s + 1);
                parent[s] = p == s ? -1 : p;
            }

            var behaviours = new List<BehaviourDef>[states];
            for (int s = 0; s < states; s++)
            {
                behaviours[s] = [];
                int count = Next() % 5;
                for (int k = 0; k < count; k++)
                {
                    int trigger = Next() % randomTriggers;
                    var kind = (Next() % 6) switch { 0 => TransitionKind.Internal, 1 => TransitionKind.Ignored, _ => TransitionKind.Transition };
                    int destination = kind == TransitionKind.Transition ? Next() % states : s;
                    if (destination == s && kind == TransitionKind.Transition)
                    {
                        kind = TransitionKind.Reentry;
                    }

                    int guardBits = kind == TransitionKind.Ignored ? 0 : Next() % 8; // Ignore takes no guard
                    int[] guards = [.. Enumerable.Range(0, 3).Where(g => (guardBits & (1 << g)) != 0)];
                    var sameTrigger = behaviours[s].Where(b => b.Trigger == trigger).ToList();
                    if (sameTrigger.Any(b => b.Guards.Length == 0))
                    {
                        continue; // an unguarded one is already last for this trigger
                    }

                    behaviours[s].Add(new BehaviourDef(trigger, kind, destination, guards));
                }
            }

            for (int s = 1; s < states; s++)
            {
                behaviours[0].Add(new BehaviourDef(randomTriggers + s, TransitionKind.Transition, s, []));
            }

            return new RandomSpec(states, triggers, parent, behaviours);
        }

        public StateMachineDefinition<int, int, Flags> Build()
        {
            var builder = new StateMachineBuilder<int, int, Flags>("random", "1", 0);
            for (int s = 0; s < StateCount; s++)
            {
                var state = builder.Configure(s).Final();
                if (Parent[s] >= 0)
                {
                    state.SubstateOf(Parent[s]);
                }

                foreach (var b in Behaviours[s])
                {
                    var guards = b.Guards.Select(g => new Guard<Flags>(f => f.Has(g), "G" + g)).ToArray();
                    _ = b.Kind switch
                    {
                        TransitionKind.Ignored => state.Ignore(b.Trigger),
                        TransitionKind.Internal when guards.Length == 0 => state.InternalTransition(b.Trigger),
                        TransitionKind.Internal => state.InternalTransitionIf(b.Trigger, f => b.Guards.All(f.Has), string.Join(" and ", guards.Select(g => g.Description))),
                        _ => state.PermitIf(b.Trigger, b.Destination, guards),
                    };
                }
            }

            return builder.Build();
        }

        /// <summary>The oracle: the nearest level configuring the trigger decides; the first behaviour whose guards hold is taken.</summary>
        public (int Destination, TransitionKind Kind)? Reference(int state, int trigger, Flags flags)
        {
            for (int level = state; level >= 0; level = Parent[level])
            {
                var candidates = Behaviours[level].Where(b => b.Trigger == trigger).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var taken = candidates.FirstOrDefault(b => b.Guards.All(flags.Has));
                return taken is null ? null : (taken.Kind is TransitionKind.Transition or TransitionKind.Reentry ? taken.Destination : state, taken.Kind);
            }

            return null;
        }
    }
}
