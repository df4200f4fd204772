using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Complaints;
using ServiceQuality.Quickstart.Report;

namespace ServiceQuality.Samples.Tests;

/// <summary>The report's layered diagram layout, checked geometrically: no edge crosses a box, no label overlaps another.</summary>
public sealed class LayeredLayoutTests
{
    [Fact]
    public void Lifecycle_DefaultOptions_NoEdgeCrossesABoxAndNoLabelOverlapsAnother()
    {
        var (layout, leaves) = Svg.LifecycleLayout(new ComplaintLifecycle().GetInfo());

        Assert.Equal(leaves.Count, layout.Nodes.Count);
        Assert.Empty(Problems(layout));

        // The three loops of the lifecycle go back on the side lane; the rest go down.
        Assert.Equal(
            ["AwaitingClient -> Investigating", "Closed -> Investigating", "Resolved -> Investigating"],
            layout.Edges.Where(e => e.IsBack).Select(e => $"{e.Edge.From} -> {e.Edge.To}").Order(StringComparer.Ordinal));
        // The edge of RecordClientResponse starts at AwaitingClient and ends at Investigating (it was drawn under HelpOffered).
        var response = layout.Edges.Single(e => e.Edge.Label == "RecordClientResponse");
        Assert.True(OnBorder(layout.Nodes["AwaitingClient"], response.Points[0]), "the edge does not start on AwaitingClient");
        Assert.True(OnBorder(layout.Nodes["Investigating"], response.Points[^1]), "the edge does not end on Investigating");
        // Layers by longest path: Received above Acknowledged above Investigating above Committed above Resolved above Closed.
        string[] down = ["Received", "Acknowledged", "Investigating", "Committed", "Resolved", "Closed"];
        for (int i = 1; i < down.Length; i++)
        {
            Assert.True(layout.Nodes[down[i - 1]].Bottom < layout.Nodes[down[i]].Y, $"{down[i - 1]} is not above {down[i]}");
        }
    }

    [Fact]
    public void Crosses_ASegmentThroughABox_IsTrue_AlongItsSideOrOutside_IsFalse()
    {
        var box = new Rect(10, 10, 20, 10);

        Assert.True(box.Crosses(new Point(0, 15), new Point(40, 15)));   // straight through
        Assert.True(box.Crosses(new Point(20, 0), new Point(20, 12)));   // into it
        Assert.False(box.Crosses(new Point(0, 10), new Point(40, 10)));  // along its top side
        Assert.False(box.Crosses(new Point(20, 0), new Point(20, 10)));  // up to its border
        Assert.False(box.Crosses(new Point(0, 0), new Point(9, 30)));    // beside it
        Assert.True(box.Overlaps(new Rect(29, 19, 5, 5)));
        Assert.False(box.Overlaps(new Rect(30, 10, 5, 5)));              // touching is not overlapping
    }

    /// <summary>Any directed graph, with cycles, parallel edges, isolated nodes and long labels, lays out without overlap.</summary>
    [Fact]
    public void Compute_AnyGraph_NoEdgeCrossesABoxAndNoLabelOverlapsAnother_Meets_Specification()
    {
        var graphs =
            from n in Gen.Choose(1, 9)
            from edges in (from a in Gen.Choose(0, n - 1) from b in Gen.Choose(0, n - 1) from length in Gen.Choose(1, 40) select (a, b, length)).ListOf()
            from widths in Gen.Choose(60, 200).ArrayOf(n)
            select (n, edges.Take(16).ToList(), widths);

        Prop.ForAll(graphs.ToArbitrary(), graph =>
        {
            var (n, edges, widths) = graph;
            var nodes = Enumerable.Range(0, n).Select(i => new LayoutNode($"S{i}", widths[i], 38)).ToList();
            var layoutEdges = edges.Where(e => e.a != e.b).DistinctBy(e => (e.a, e.b))
                .Select(e => new LayoutEdge($"S{e.a}", $"S{e.b}", new string('x', e.length), (e.length * 6) + 8, 14)).ToList();

            var layout = LayeredLayout.Compute(nodes, layoutEdges, "S0");

            var problems = Problems(layout);
            return (problems.Count == 0 && layout.Nodes.Count == n && layout.Edges.Count == layoutEdges.Count)
                .Label(string.Join("; ", problems));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Every way the layout can overlap, described; empty when none does.</summary>
    internal static List<string> Problems(DiagramLayout layout)
    {
        var problems = new List<string>();
        var boxes = layout.Nodes.Select(n => (Name: n.Key, Rect: n.Value)).ToList();
        var labels = layout.Edges.Select(e => (Name: $"label of {e.Edge.From}->{e.Edge.To}", Rect: e.Label)).ToList();
        foreach (var edge in layout.Edges)
        {
            foreach (var (a, b) in edge.Segments)
            {
                foreach (var (name, rect) in boxes.Concat(labels))
                {
                    // Half a pixel in, so an edge may touch the border it starts or ends on (its own label's too).
                    if (rect.Inset(0.5).Crosses(a, b))
                    {
                        problems.Add($"edge {edge.Edge.From}->{edge.Edge.To} segment ({a.X:F1},{a.Y:F1})-({b.X:F1},{b.Y:F1}) crosses {name}");
                    }
                }
            }

            // The label sits on its own edge: the edge's path touches its box.
            if (!edge.Points.Zip(edge.Points.Skip(1)).Any(s => TouchesOrCrosses(edge.Label, s.First, s.Second)))
            {
                problems.Add($"the label of {edge.Edge.From}->{edge.Edge.To} is away from its edge");
            }
        }

        var all = boxes.Concat(labels).ToList();
        for (int i = 0; i < all.Count; i++)
        {
            for (int j = i + 1; j < all.Count; j++)
            {
                if (all[i].Rect.Overlaps(all[j].Rect))
                {
                    problems.Add($"{all[i].Name} overlaps {all[j].Name}");
                }
            }

            if (all[i].Rect.X < 0 || all[i].Rect.Y < 0 || all[i].Rect.Right > layout.Width || all[i].Rect.Bottom > layout.Height)
            {
                problems.Add($"{all[i].Name} is outside the drawing");
            }
        }

        return problems;
    }

    private static bool TouchesOrCrosses(Rect rect, Point a, Point b) =>
        new Rect(rect.X - 4, rect.Y - 1, rect.Width + 8, rect.Height + 2).Crosses(a, b);

    private static bool OnBorder(Rect rect, Point p) =>
        p.X >= rect.X && p.X <= rect.Right && (Math.Abs(p.Y - rect.Y) < 1e-9 || Math.Abs(p.Y - rect.Bottom) < 1e-9);
}
