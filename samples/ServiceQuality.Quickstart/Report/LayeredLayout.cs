namespace ServiceQuality.Quickstart.Report;

/// <summary>An axis-aligned rectangle.</summary>
internal readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);

    /// <summary>Whether the interiors of the two rectangles overlap.</summary>
    public bool Overlaps(Rect other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>Whether the segment from <paramref name="a"/> to <paramref name="b"/> passes through the interior (Liang-Barsky clipping).</summary>
    public bool Crosses(Point a, Point b)
    {
        double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        foreach (var (p, q) in new[] { (-dx, a.X - X), (dx, Right - a.X), (-dy, a.Y - Y), (dy, Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q <= 0)
                {
                    return false; // parallel to this side and outside (or on it)
                }

                continue;
            }

            double t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }
        }

        return t1 - t0 > 1e-9;
    }

    /// <summary>The same rectangle with <paramref name="by"/> taken off every side.</summary>
    public Rect Inset(double by) => new(X + by, Y + by, Width - (2 * by), Height - (2 * by));
}

/// <summary>A point.</summary>
internal readonly record struct Point(double X, double Y);

/// <summary>A node to lay out: its id and the size of its box.</summary>
internal sealed record LayoutNode(string Id, double Width, double Height);

/// <summary>An edge to lay out, with the size its label needs.</summary>
internal sealed record LayoutEdge(string From, string To, string Label, double LabelWidth, double LabelHeight);

/// <summary>A laid-out edge: the polyline from the source box to the target box, and where its label sits.</summary>
/// <param name="Edge">The edge.</param>
/// <param name="Points">The path; for a forward edge it passes through its label's box, entering at the top and leaving at the bottom.</param>
/// <param name="Label">The label's box: on the edge's own segment (forward) or beside its own side-lane segment (back edge).</param>
/// <param name="IsBack">Whether the edge goes back up (a cycle), routed on a lane to the right of everything.</param>
internal sealed record LaidOutEdge(LayoutEdge Edge, IReadOnlyList<Point> Points, Rect Label, bool IsBack)
{
    /// <summary>The segments actually drawn: a forward edge's line stops at its label's top and starts again at its bottom.</summary>
    public IEnumerable<(Point A, Point B)> Segments
    {
        get
        {
            for (int i = 1; i < Points.Count; i++)
            {
                var (a, b) = (Points[i - 1], Points[i]);
                if (!IsBack && a.X == b.X && a.Y == Label.Y && b.Y == Label.Bottom)
                {
                    continue; // the stretch through the label's own box is its text
                }

                yield return (a, b);
            }
        }
    }
}

/// <summary>A laid-out graph.</summary>
internal sealed record DiagramLayout(IReadOnlyDictionary<string, Rect> Nodes, IReadOnlyList<LaidOutEdge> Edges, double Width, double Height);

/// <summary>
/// A layered (Sugiyama-style) layout that cannot overlap: cycles are broken by a depth-first search from the initial
/// node (edges to a node on the search stack are back edges); layers are the longest path from a source; each forward
/// edge gets a label node in the row right under its source and a dummy node in every row it crosses, so the label is a
/// box of its own in the layout and every edge runs through free slots; the order within rows is improved by barycentre
/// sweeps and the x positions pulled towards the neighbours while keeping every row's spacing. Rows are stacked with
/// gaps, so a segment between two rows never enters a box. Back edges leave through the bottom of their source, run in a
/// channel under its row to a lane of their own right of everything, up to a channel above the target's row and into its
/// top; their label sits in their lane's column, at the height of a row of boxes, where no other line runs.
/// </summary>
internal static class LayeredLayout
{
    private const double Gap = 18, RowGap = 16, Track = 7, LaneGap = 10, Margin = 10, DummyWidth = 8;

    public static DiagramLayout Compute(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<LayoutEdge> edges, string initial)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var edgeList = edges.Where(e => e.From != e.To && byId.ContainsKey(e.From) && byId.ContainsKey(e.To)).ToList();
        var back = BackEdges(nodes, edgeList, initial);
        var forward = edgeList.Where(e => !back.Contains(e)).ToList();

        // 1. Layers: the longest path from a source; a node without edges goes to the last layer.
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        int Rank(string id) => rank.TryGetValue(id, out int r) ? r : rank[id] = forward.Where(e => e.To == id).Select(e => Rank(e.From) + 1).DefaultIfEmpty(0).Max();
        foreach (var n in nodes)
        {
            Rank(n.Id);
        }

        int lastRank = rank.Values.DefaultIfEmpty(0).Max();
        foreach (var n in nodes.Where(n => !edgeList.Any(e => e.From == n.Id || e.To == n.Id)))
        {
            rank[n.Id] = lastRank;
        }

        // 2. Items in rows: real nodes in even rows, label nodes in the odd row under their source, dummies between.
        int rowCount = (2 * rank.Values.DefaultIfEmpty(0).Max()) + 1;
        var rows = Enumerable.Range(0, rowCount).Select(_ => new List<Item>()).ToList();
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var n in nodes.OrderBy(n => rank[n.Id]))
        {
            var item = new Item(n.Id, 2 * rank[n.Id], n.Width, n.Height, Kind.Node);
            items[n.Id] = item;
            rows[item.Row].Add(item);
        }

        var chains = new Dictionary<LayoutEdge, List<Item>>();
        foreach (var e in forward)
        {
            var chain = new List<Item> { items[e.From] };
            int from = 2 * rank[e.From], to = 2 * rank[e.To];
            for (int row = from + 1; row < to; row++)
            {
                var item = row == from + 1
                    ? new Item($"label:{e.From}->{e.To}", row, e.LabelWidth, e.LabelHeight, Kind.Label)
                    : new Item($"dummy:{e.From}->{e.To}:{row}", row, DummyWidth, 0, Kind.Dummy);
                rows[row].Add(item);
                chain.Add(item);
            }

            chain.Add(items[e.To]);
            for (int i = 1; i < chain.Count; i++)
            {
                chain[i - 1].Down.Add(chain[i]);
                chain[i].Up.Add(chain[i - 1]);
            }

            chains[e] = chain;
        }

        // 3. Order within rows: barycentre sweeps down and up.
        Renumber(rows);
        for (int sweep = 0; sweep < 8; sweep++)
        {
            bool down = sweep % 2 == 0;
            for (int k = 1; k < rowCount; k++)
            {
                var row = rows[down ? k : rowCount - 1 - k];
                foreach (var item in row)
                {
                    var neighbours = down ? item.Up : item.Down;
                    item.Key = neighbours.Count == 0 ? item.Order : neighbours.Average(n => n.Order);
                }

                row.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
                Renumber([row]);
            }
        }

        // 4. x: packed, then pulled towards the neighbours' centres, keeping the spacing of each row.
        foreach (var row in rows)
        {
            double x = Margin;
            foreach (var item in row)
            {
                item.X = x + (item.Width / 2);
                x += item.Width + Gap;
            }
        }

        for (int sweep = 0; sweep < 12; sweep++)
        {
            foreach (var row in sweep % 2 == 0 ? rows : Enumerable.Reverse(rows))
            {
                foreach (var item in row)
                {
                    var neighbours = item.Up.Concat(item.Down).ToList();
                    item.Key = neighbours.Count == 0 ? item.X : neighbours.Average(n => n.X);
                }

                Spread(row);
            }
        }

        double left = rows.SelectMany(r => r).Select(i => i.X - (i.Width / 2)).DefaultIfEmpty(Margin).Min();
        foreach (var item in rows.SelectMany(r => r))
        {
            item.X += Margin - left;
        }

        double contentRight = rows.SelectMany(r => r).Select(i => i.X + (i.Width / 2)).DefaultIfEmpty(Margin).Max();

        // 5. Back edges: one lane each (the shortest spans nearest), a track in the channel under the source's row and
        // one in the channel above the target's row.
        var backEdges = back.OrderBy(e => rank[e.From] - rank[e.To]).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        var tracksBelow = new Dictionary<int, int>();
        var tracksAbove = new Dictionary<int, int>();
        var trackOf = new Dictionary<LayoutEdge, (int Below, int Above)>();
        foreach (var e in backEdges)
        {
            int below = tracksBelow[items[e.From].Row] = tracksBelow.GetValueOrDefault(items[e.From].Row) + 1;
            int above = tracksAbove[items[e.To].Row] = tracksAbove.GetValueOrDefault(items[e.To].Row) + 1;
            trackOf[e] = (below, above);
        }

        // 6. y: rows stacked top to bottom; every item of a row is as tall as the row, so a segment between rows is in a gap.
        var rowTop = new double[rowCount];
        var rowHeight = new double[rowCount];
        double y = Margin;
        for (int r = 0; r < rowCount; r++)
        {
            y += tracksAbove.GetValueOrDefault(r) * Track;
            rowTop[r] = y;
            rowHeight[r] = rows[r].Select(i => i.Height).DefaultIfEmpty(r % 2 == 0 ? 0 : 12).Max();
            y += rowHeight[r] + (tracksBelow.GetValueOrDefault(r) * Track) + RowGap;
        }

        var nodeRects = new Dictionary<string, Rect>(StringComparer.Ordinal);
        foreach (var item in rows.SelectMany(r => r))
        {
            item.Rect = new Rect(item.X - (item.Width / 2), rowTop[item.Row], item.Width, rowHeight[item.Row]);
            if (item.Kind == Kind.Node)
            {
                nodeRects[item.Id] = item.Rect;
            }
        }

        // 7. Ports: the edges leaving a node's bottom and entering its top spread across it, ordered by where they go.
        var outPorts = new Dictionary<string, List<(LayoutEdge Edge, double Towards)>>(StringComparer.Ordinal);
        var inPorts = new Dictionary<string, List<(LayoutEdge Edge, double Towards)>>(StringComparer.Ordinal);
        double laneStart = contentRight + LaneGap;
        foreach (var e in forward)
        {
            Add(outPorts, e.From, e, chains[e][1].X);
            Add(inPorts, e.To, e, chains[e][^2].X);
        }

        foreach (var e in backEdges)
        {
            Add(outPorts, e.From, e, double.MaxValue);
            Add(inPorts, e.To, e, double.MaxValue);
        }

        Point Port(Dictionary<string, List<(LayoutEdge Edge, double Towards)>> ports, string node, LayoutEdge e, bool top)
        {
            var list = ports[node].OrderBy(p => p.Towards).ThenBy(p => p.Edge.Label, StringComparer.Ordinal).ToList();
            int index = list.FindIndex(p => ReferenceEquals(p.Edge, e));
            var rect = nodeRects[node];
            return new Point(rect.X + (rect.Width * (index + 1) / (list.Count + 1)), top ? rect.Y : rect.Bottom);
        }

        var laidOut = new List<LaidOutEdge>();
        foreach (var e in forward)
        {
            var chain = chains[e];
            var points = new List<Point> { Port(outPorts, e.From, e, top: false) };
            var label = chain[1].Rect;
            foreach (var item in chain.Skip(1).SkipLast(1))
            {
                points.Add(new Point(item.X, item.Rect.Y));
                points.Add(new Point(item.X, item.Rect.Bottom));
            }

            points.Add(Port(inPorts, e.To, e, top: true));
            laidOut.Add(new LaidOutEdge(e, points, label, IsBack: false));
        }

        double laneX = laneStart;
        foreach (var e in backEdges)
        {
            var (below, above) = trackOf[e];
            var start = Port(outPorts, e.From, e, top: false);
            var end = Port(inPorts, e.To, e, top: true);
            int fromRow = items[e.From].Row, toRow = items[e.To].Row;
            double yBelow = rowTop[fromRow] + rowHeight[fromRow] + (below * Track);
            double yAbove = rowTop[toRow] - (above * Track);
            var points = new List<Point> { start, new(start.X, yBelow), new(laneX, yBelow), new(laneX, yAbove), new(end.X, yAbove), end };

            // The label: in the lane's column, at the height of a row of boxes between the two (no horizontal runs there).
            int labelRow = Enumerable.Range(toRow, fromRow - toRow + 1).Where(r => r % 2 == 0).OrderBy(r => Math.Abs(r - ((toRow + fromRow) / 2.0))).First();
            double labelY = rowTop[labelRow] + ((rowHeight[labelRow] - e.LabelHeight) / 2);
            var label = new Rect(laneX + 3, labelY, e.LabelWidth, e.LabelHeight);
            laidOut.Add(new LaidOutEdge(e, points, label, IsBack: true));
            laneX += 3 + e.LabelWidth + LaneGap;
        }

        double width = Math.Max(laneX, contentRight + Margin);
        return new DiagramLayout(nodeRects, laidOut, width, y - RowGap + Margin);
    }

    /// <summary>The edges that close a cycle in a depth-first search from the initial node (then from every unvisited node in order).</summary>
    private static HashSet<LayoutEdge> BackEdges(IReadOnlyList<LayoutNode> nodes, List<LayoutEdge> edges, string initial)
    {
        var back = new HashSet<LayoutEdge>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        void Visit(string id)
        {
            state[id] = 1;
            foreach (var e in edges.Where(e => e.From == id))
            {
                switch (state.GetValueOrDefault(e.To))
                {
                    case 0:
                        Visit(e.To);
                        break;
                    case 1:
                        back.Add(e);
                        break;
                }
            }

            state[id] = 2;
        }

        foreach (var id in new[] { initial }.Concat(nodes.Select(n => n.Id)))
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                Visit(id);
            }
        }

        return back;
    }

    private static void Add(Dictionary<string, List<(LayoutEdge, double)>> ports, string node, LayoutEdge e, double towards)
    {
        if (!ports.TryGetValue(node, out var list))
        {
            ports[node] = list = [];
        }

        list.Add((e, towards));
    }

    private static void Renumber(IEnumerable<List<Item>> rows)
    {
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Count; i++)
            {
                row[i].Order = i;
            }
        }
    }

    /// <summary>Places a row's items as near their wished x (Key) as the order and the spacing allow.</summary>
    private static void Spread(List<Item> row)
    {
        // Left to right, each at its wish or just right of its left neighbour; then right to left the same way; the mean
        // of the two keeps the order and the spacing (both passes do), and is fair to both sides.
        var forward = new double[row.Count];
        var backward = new double[row.Count];
        for (int i = 0; i < row.Count; i++)
        {
            forward[i] = i == 0 ? Math.Max(row[i].Key, row[i].Width / 2) : Math.Max(row[i].Key, forward[i - 1] + ((row[i - 1].Width + row[i].Width) / 2) + Gap);
        }

        for (int i = row.Count - 1; i >= 0; i--)
        {
            backward[i] = i == row.Count - 1 ? row[i].Key : Math.Min(row[i].Key, backward[i + 1] - ((row[i + 1].Width + row[i].Width) / 2) - Gap);
        }

        for (int i = 0; i < row.Count; i++)
        {
            row[i].X = (forward[i] + backward[i]) / 2;
        }
    }

    private enum Kind
    {
        Node,
        Label,
        Dummy,
    }

    private sealed class Item(string id, int row, double width, double height, Kind kind)
    {
        public string Id => id;

        public int Row => row;

        public double Width => width;

        public double Height => height;

        public Kind Kind => kind;

        public List<Item> Up { get; } = [];

        public List<Item> Down { get; } = [];

        public int Order { get; set; }

        public double Key { get; set; }

        public double X { get; set; }

        public Rect Rect { get; set; }
    }
}
