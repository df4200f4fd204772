using System.Reflection;
using System.Reflection.Emit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring;

/// <summary>
/// The namespaces of Scoring form a graph without cycles (one folder a model, shared types at the root), and Scoring
/// uses nothing of the core but the root types: read by reflection over every type's signatures and the tokens of
/// every method body's IL, so a reference from inside a method counts too.
/// </summary>
public sealed class DependencyGraphTests
{
    private const string Scoring = "ServiceQuality.Scoring";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void ScoringNamespaces_HaveNoCycles()
    {
        var graph = Graph(ns => ns.StartsWith(Scoring, StringComparison.Ordinal));
        Assert.True(graph.Count >= 10, $"Expected the model namespaces of Scoring, found: {string.Join(", ", graph.Keys)}");
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"Namespace cycle: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void ScoringNamespaces_UseNothingOfTheCoreButTheRootTypes()
    {
        string[] forbidden = ["ServiceQuality.Insights", "ServiceQuality.Complaints", "ServiceQuality.Sla", "ServiceQuality.Normalization", "ServiceQuality.Workflow"];
        var graph = Graph(ns => ns.StartsWith(Scoring, StringComparison.Ordinal), keepTargets: true);
        var offending = graph.SelectMany(kv => kv.Value.Where(t => forbidden.Any(f => t.StartsWith(f, StringComparison.Ordinal))).Select(t => $"{kv.Key} -> {t}")).ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void ScoringRoot_DependsOnNoModelNamespace()
    {
        var graph = Graph(ns => ns.StartsWith(Scoring, StringComparison.Ordinal));
        Assert.Empty(graph[Scoring]);
        Assert.Contains("ServiceQuality.Scoring.Ratings", graph["ServiceQuality.Scoring.Nps"]);
    }

    [Fact]
    public void FindCycle_FindsACycle_AndNoneInADag()
    {
        // The detector itself can fail: a two-node cycle is found, a diamond is not a cycle.
        var cyclic = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal(["A", "B", "C", "A"], FindCycle(cyclic));
        var dag = new Dictionary<string, HashSet<string>> { ["A"] = ["B", "C"], ["B"] = ["D"], ["C"] = ["D"], ["D"] = [] };
        Assert.Null(FindCycle(dag));
    }

    /// <summary>Edges between namespaces selected by <paramref name="include"/> (all referenced namespaces when <paramref name="keepTargets"/>).</summary>
    private static Dictionary<string, HashSet<string>> Graph(Func<string, bool> include, bool keepTargets = false)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in typeof(ConfidenceInterval).Assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from is null || !include(from))
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var target in ReferencedTypes(type).SelectMany(Expand).Select(t => t.Namespace).OfType<string>().Distinct())
            {
                if (target != from && (keepTargets || include(target)) && target.StartsWith("ServiceQuality", StringComparison.Ordinal))
                {
                    edges.Add(target);
                }
            }
        }

        return graph;
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().Where(a => !a.IsGenericParameter).SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var t in type.GetInterfaces())
        {
            yield return t;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var p in method.GetParameters())
            {
                yield return p.ParameterType;
            }

            foreach (var t in BodyReferences(type, method))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types named by the tokens of a method body's IL (calls, fields, type operands) and its locals.</summary>
    private static IEnumerable<Type> BodyReferences(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType!;
                        yield return f.FieldType;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType!;
                        if (m is MethodInfo mi)
                        {
                            yield return mi.ReturnType;
                            foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                            {
                                yield return g;
                            }
                        }

                        break;
                }
            }

            i += size;
        }
    }

    /// <summary>A cycle as the list of its nodes (the first repeated at the end), or <see langword="null"/> when the graph is acyclic.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in (graph.TryGetValue(node, out var e) ? e : []).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} -> {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}"));
}
