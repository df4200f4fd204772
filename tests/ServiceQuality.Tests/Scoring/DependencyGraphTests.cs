using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring;

/// <summary>
/// Scoring is one namespace (<c>ServiceQuality.Scoring</c>) laid out one folder a model; the folders form a graph
/// without cycles (shared types at the root), and Scoring uses nothing of the core but the root types. Each type is
/// mapped to its folder by reading the declarations in <c>src/ServiceQuality/Scoring/**/*.cs</c>; its references are
/// read by reflection over its signatures and the tokens of every method body's IL, so a reference from inside a method
/// counts too.
/// </summary>
public sealed partial class DependencyGraphTests
{
    private const string Scoring = "ServiceQuality.Scoring";
    private const string Root = "(root)";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static readonly Lazy<Dictionary<string, string>> Folders = new(ReadFolders);

    [Fact]
    public void ScoringNamespace_IsOneNamespace()
    {
        var namespaces = typeof(ConfidenceInterval).Assembly.GetTypes()
            .Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith(Scoring, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal([Scoring], namespaces);
    }

    [Fact]
    public void ScoringFolders_HaveNoCycles()
    {
        var graph = Graph();
        Assert.True(graph.Count >= 10, $"Expected the model folders of Scoring, found: {string.Join(", ", graph.Keys)}");
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"Folder cycle: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void ScoringFolders_UseNothingOfTheCoreButTheRootTypes()
    {
        string[] forbidden = ["ServiceQuality.Insights", "ServiceQuality.Complaints", "ServiceQuality.Sla", "ServiceQuality.Normalization", "ServiceQuality.Workflow"];
        var offending = ScoringTypes()
            .SelectMany(type => ReferencedTypes(type).SelectMany(Expand).Select(t => t.Namespace).OfType<string>().Distinct()
                .Where(ns => forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal)))
                .Select(ns => $"{type.FullName} -> {ns}"))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void ScoringRoot_DependsOnNoModelFolder()
    {
        var graph = Graph();
        Assert.Empty(graph[Root]);
        Assert.Contains("Ratings", graph["Nps"]);
        Assert.Contains("Means", graph["Reliability"]);
    }

    [Fact]
    public void Folders_EveryScoringTypeIsDeclaredInOneFolder()
    {
        // The map itself can fail: a type the assembly has but no file declares, or one declared in two folders.
        var missing = ScoringTypes().Select(t => TopLevelName(t)).Where(n => !Folders.Value.ContainsKey(n)).Distinct().ToList();
        Assert.Empty(missing);
        Assert.Equal("Nps", Folders.Value["NpsResult"]);
        Assert.Equal(Root, Folders.Value["ConfidenceInterval"]);
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

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|file|static|sealed|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    /// <summary>Type name → folder under <c>src/ServiceQuality/Scoring</c> ("(root)" for the folder itself), read from the sources.</summary>
    private static Dictionary<string, string> ReadFolders()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceQuality.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var scoring = Path.Combine(dir.FullName, "src", "ServiceQuality", "Scoring");
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(scoring, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(scoring, Path.GetDirectoryName(file)!);
            var folder = relative == "." ? Root : relative.Replace(Path.DirectorySeparatorChar, '/');
            foreach (Match m in Declaration().Matches(File.ReadAllText(file)))
            {
                var name = m.Groups[1].Value;
                if (folders.TryGetValue(name, out var other) && other != folder)
                {
                    Assert.Fail($"{name} is declared in two folders: {other} and {folder}");
                }

                folders[name] = folder;
            }
        }

        return folders;
    }

    private static IEnumerable<Type> ScoringTypes() =>
        typeof(ConfidenceInterval).Assembly.GetTypes().Where(t => t.Namespace == Scoring);

    /// <summary>The simple name of a type's outermost declaring type, without its generic arity.</summary>
    private static string TopLevelName(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    private static string? FolderOf(Type type) =>
        type.Namespace == Scoring && Folders.Value.TryGetValue(TopLevelName(type), out var folder) ? folder : null;

    /// <summary>Edges between the folders of Scoring: a type in one folder referring to a type in another.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in ScoringTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var target in ReferencedTypes(type).SelectMany(Expand).Select(FolderOf).OfType<string>().Distinct())
            {
                if (target != from)
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
