using System.Globalization;
using System.Text;

namespace ServiceQuality.Workflow;

/// <summary>Writes a machine's structure as Mermaid or DOT text: states in configuration order, transitions in declaration order.</summary>
internal static class StateMachineExport
{
    public static string ToMermaid<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(info.Name).Append(" v").Append(info.Version).Append("\n---\n");
        text.Append("stateDiagram-v2\n");
        foreach (var state in info.States.Where(s => !MermaidId(s.State).Equals(Name(s.State), StringComparison.Ordinal)))
        {
            text.Append("    state \"").Append(Name(state.State).Replace("\"", "'", StringComparison.Ordinal)).Append("\" as ").Append(MermaidId(state.State)).Append('\n');
        }

        text.Append("    [*] --> ").Append(MermaidId(info.InitialState)).Append('\n');
        foreach (var root in info.States.Where(s => s.Superstate is null && s.Substates.Count > 0))
        {
            WriteComposite(text, root, 1);
        }

        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append("    ").Append(MermaidId(transition.Source)).Append(" --> ").Append(MermaidId(transition.Destination))
                    .Append(" : ").Append(Label(transition)).Append('\n');
            }
        }

        foreach (var state in info.States.Where(s => s.IsFinal))
        {
            text.Append("    ").Append(MermaidId(state.State)).Append(" --> [*]\n");
        }

        return text.ToString();

        static void WriteComposite(StringBuilder text, StateInfo<TState, TTrigger> state, int depth)
        {
            string indent = new(' ', depth * 4);
            text.Append(indent).Append("state ").Append(MermaidId(state.State)).Append(" {\n");
            foreach (var substate in state.Substates)
            {
                if (substate.Substates.Count > 0)
                {
                    WriteComposite(text, substate, depth + 1);
                }
                else
                {
                    text.Append(indent).Append("    ").Append(MermaidId(substate.State)).Append('\n');
                }
            }

            text.Append(indent).Append("}\n");
        }
    }

    public static string ToDot<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(Quote(info.Name)).Append(" {\n");
        text.Append("    label=").Append(Quote(info.Name + " v" + info.Version)).Append(";\n");
        text.Append("    rankdir=LR;\n");
        text.Append("    node [shape=box, style=rounded];\n");
        text.Append("    \"[*]\" [shape=point];\n");
        foreach (var root in info.States.Where(s => s.Superstate is null))
        {
            WriteNode(text, root, 1);
        }

        text.Append("    \"[*]\" -> ").Append(Quote(Name(info.InitialState))).Append(";\n");
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                text.Append("    ").Append(Quote(Name(transition.Source))).Append(" -> ").Append(Quote(Name(transition.Destination)))
                    .Append(" [label=").Append(Quote(Label(transition)))
                    .Append(transition.Kind == TransitionKind.Internal ? ", style=dashed" : string.Empty)
                    .Append("];\n");
            }
        }

        text.Append("}\n");
        return text.ToString();

        static void WriteNode(StringBuilder text, StateInfo<TState, TTrigger> state, int depth)
        {
            string indent = new(' ', depth * 4);
            string attributes = state.IsFinal ? " [peripheries=2]" : string.Empty;
            if (state.Substates.Count == 0)
            {
                text.Append(indent).Append(Quote(Name(state.State))).Append(attributes).Append(";\n");
                return;
            }

            text.Append(indent).Append("subgraph ").Append(Quote("cluster_" + Name(state.State))).Append(" {\n");
            text.Append(indent).Append("    label=").Append(Quote(Name(state.State))).Append(";\n");
            text.Append(indent).Append("    ").Append(Quote(Name(state.State))).Append(" [style=\"rounded,dashed\"];\n");
            foreach (var substate in state.Substates)
            {
                WriteNode(text, substate, depth + 1);
            }

            text.Append(indent).Append("}\n");
        }
    }

    private static string Label<TState, TTrigger>(TransitionInfo<TState, TTrigger> transition)
        where TState : notnull
        where TTrigger : notnull
    {
        var label = new StringBuilder(Name(transition.Trigger));
        if (transition.ParameterType is { } type)
        {
            label.Append('(').Append(type.Name).Append(')');
        }

        if (transition.GuardDescriptions.Count > 0)
        {
            label.Append(" [").Append(string.Join(" and ", transition.GuardDescriptions)).Append(']');
        }

        if (transition.Kind == TransitionKind.Internal)
        {
            label.Append(" (internal)");
        }

        return label.ToString().ReplaceLineEndings(" ");
    }

    private static string Name<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string MermaidId<T>(T value)
    {
        string name = Name(value);
        var id = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return id.Length == 0 || char.IsAsciiDigit(id[0]) ? "s_" + id : id.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
