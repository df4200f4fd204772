using System.Globalization;
using System.Net;
using System.Text;
using ServiceQuality.Workflow;

namespace ServiceQuality.Quickstart.Report;

/// <summary>Charts as inline SVG: no JavaScript, no network, readable in any browser and in print.</summary>
internal static class Svg
{
    private const string Font = "font-family=\"system-ui, sans-serif\"";

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A statistic the library reports as undefined (<see langword="null"/>) is shown as "undefined".</summary>
    public static string F(double? value, int decimals = 1) => value is { } v ? F(v, decimals) : "undefined";

    /// <summary>Horizontal bars with an interval whisker each, on a shared axis from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static string IntervalBars(IReadOnlyList<(string Label, double Estimate, double Low, double High, string Note)> rows, double min, double max, string axisLabel)
    {
        const int labelWidth = 190, plotWidth = 420, rowHeight = 30, top = 10, noteWidth = 260;
        int height = top + (rows.Count * rowHeight) + 36;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {labelWidth + plotWidth + noteWidth} {height}\" width=\"{labelWidth + plotWidth + noteWidth}\" height=\"{height}\" role=\"img\" {Font} font-size=\"12\">");
        double X(double v) => labelWidth + ((Math.Clamp(v, min, max) - min) / (max - min) * plotWidth);
        if (min < 0 && max > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"{top}\" x2=\"{F(X(0))}\" y2=\"{height - 26}\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            var (label, estimate, low, high, note) = rows[i];
            double y = top + (i * rowHeight);
            double baseX = X(Math.Max(min, Math.Min(0, max)));
            double endX = X(estimate);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{F(y + 18)}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Math.Min(baseX, endX))}\" y=\"{F(y + 6)}\" width=\"{F(Math.Abs(endX - baseX))}\" height=\"16\" fill=\"{(estimate >= 0 ? "#4e79a7" : "#e15759")}\" opacity=\"0.85\"/>");
            if (!double.IsNaN(low) && !double.IsNaN(high))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" y1=\"{F(y + 14)}\" x2=\"{F(X(high))}\" y2=\"{F(y + 14)}\" stroke=\"#222\" stroke-width=\"1.5\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" y1=\"{F(y + 8)}\" x2=\"{F(X(low))}\" y2=\"{F(y + 20)}\" stroke=\"#222\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(high))}\" y1=\"{F(y + 8)}\" x2=\"{F(X(high))}\" y2=\"{F(y + 20)}\" stroke=\"#222\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + plotWidth + 8}\" y=\"{F(y + 18)}\">{Escape(note)}</text>");
        }

        double axisY = height - 26;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{labelWidth}\" y1=\"{F(axisY)}\" x2=\"{labelWidth + plotWidth}\" y2=\"{F(axisY)}\" stroke=\"#444\"/>");
        for (int k = 0; k <= 4; k++)
        {
            double v = min + ((max - min) * k / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(v))}\" y=\"{F(axisY + 14)}\" text-anchor=\"middle\" fill=\"#444\">{F(v, Math.Abs(max - min) <= 2 ? 2 : 0)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + (plotWidth / 2)}\" y=\"{height - 2}\" text-anchor=\"middle\" fill=\"#444\">{Escape(axisLabel)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>An importance-performance grid: performance across, importance up, crosshairs where the analysis put them.</summary>
    public static string Quadrants(IReadOnlyList<(string Label, double Performance, double Importance)> points, double crossPerformance, double crossImportance, double min, double max)
    {
        const int size = 420, pad = 50;
        double X(double v) => pad + ((v - min) / (max - min) * size);
        double Y(double v) => pad + size - ((v - min) / (max - min) * size);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size + (2 * pad) + 160} {size + (2 * pad)}\" width=\"{size + (2 * pad) + 160}\" height=\"{size + (2 * pad)}\" role=\"img\" {Font} font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#444\"/>");
        double cx = X(crossPerformance), cy = Y(crossImportance);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(cx)}\" y1=\"{pad}\" x2=\"{F(cx)}\" y2=\"{pad + size}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{F(cy)}\" x2=\"{pad + size}\" y2=\"{F(cy)}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + 6}\" y=\"{pad + 16}\" fill=\"#c0392b\" font-weight=\"bold\">Concentrate here</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + size - 6}\" y=\"{pad + 16}\" text-anchor=\"end\" fill=\"#27ae60\" font-weight=\"bold\">Keep up the good work</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + 6}\" y=\"{pad + size - 8}\" fill=\"#7f8c8d\" font-weight=\"bold\">Low priority</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + size - 6}\" y=\"{pad + size - 8}\" text-anchor=\"end\" fill=\"#d68910\" font-weight=\"bold\">Possible overkill</text>");
        foreach (var (label, performance, importance) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(performance))}\" cy=\"{F(Y(importance))}\" r=\"5\" fill=\"#4e79a7\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(performance) + 8)}\" y=\"{F(Y(importance) + 4)}\">{Escape(label)}</text>");
        }

        for (int k = 0; k <= 4; k++)
        {
            double v = min + ((max - min) * k / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(v))}\" y=\"{pad + size + 16}\" text-anchor=\"middle\" fill=\"#444\">{F(v)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" fill=\"#444\">{F(v)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + (size / 2)}\" y=\"{size + (2 * pad) - 8}\" text-anchor=\"middle\">Performance (mean rating)</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{pad + (size / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {pad + (size / 2)})\">Importance</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A state machine drawn top to bottom in layers (breadth-first from the initial state), edges as arrows labelled
    /// with their trigger, backward edges as arcs on the right. States inside a superstate are tinted; what a superstate
    /// permits (for every state inside it) is listed under the diagram, with internal transitions noted in their box.
    /// </summary>
    public static string StateDiagram<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var leaves = info.States.Where(s => s.Substates.Count == 0).ToList();
        var edges = leaves.SelectMany(s => s.Transitions.Where(t => t.Kind == TransitionKind.Transition)
            .Select(t => (From: Name(s.State), To: Name(t.Destination), Label: Name(t.Trigger) + (t.GuardDescriptions.Count > 0 ? " [guarded]" : string.Empty))))
            .GroupBy(e => (e.From, e.To))
            .Select(g => (g.Key.From, g.Key.To, Label: string.Join(" / ", g.Select(e => e.Label)))) // parallel edges share one label
            .ToList();
        var layer = new Dictionary<string, int> { [Name(info.InitialState)] = 0 };
        for (int pass = 0; pass < leaves.Count; pass++)
        {
            foreach (var (from, to, _) in edges)
            {
                if (layer.TryGetValue(from, out int l) && !layer.ContainsKey(to))
                {
                    layer[to] = l + 1;
                }
            }
        }

        int last = layer.Count == 0 ? 0 : layer.Values.Max();
        foreach (var s in leaves)
        {
            layer.TryAdd(Name(s.State), last); // reached only through a superstate's transition, e.g. Withdrawn
        }

        const int boxW = 150, boxH = 38, gapX = 40, gapY = 46, pad = 20, lane = 26;
        var rows = leaves.GroupBy(s => layer[Name(s.State)]).OrderBy(g => g.Key).ToList();
        int widest = rows.Max(g => g.Count());
        int backward = edges.Count(e => layer[e.To] <= layer[e.From]);
        double right = pad + (widest * (boxW + gapX)) - gapX; // backward arcs run in lanes to the right of every box
        double width = right + 20 + (backward * lane) + 170;
        var position = new Dictionary<string, (double X, double Y)>();
        foreach (var row in rows)
        {
            var states = row.ToList();
            double rowWidth = (states.Count * (boxW + gapX)) - gapX;
            double x0 = pad + (((widest * (boxW + gapX)) - gapX - rowWidth) / 2);
            for (int i = 0; i < states.Count; i++)
            {
                position[Name(states[i].State)] = (x0 + (i * (boxW + gapX)), pad + (row.Key * (boxH + gapY)));
            }
        }

        var superNotes = info.States.Where(s => s.Substates.Count > 0)
            .SelectMany(s => s.Transitions.Select(t => $"from any {Name(s.State)} state: {Name(t.Trigger)}" + (t.Kind == TransitionKind.Internal ? " (milestone, state unchanged)" : $" → {Name(t.Destination)}")))
            .ToList();
        double height = pad + (rows.Count * (boxH + gapY)) + 24 + (superNotes.Count * 15);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" {Font} font-size=\"11\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>");
        int arc = 0;
        foreach (var (from, to, label) in edges)
        {
            var (x1, y1) = position[from];
            var (x2, y2) = position[to];
            if (y2 > y1)
            {
                double sx = x1 + (boxW / 2.0), sy = y1 + boxH, ex = x2 + (boxW / 2.0), ey = y2;
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(sx)}\" y1=\"{F(sy)}\" x2=\"{F(ex)}\" y2=\"{F(ey)}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
                // The label sits 60% of the way down its edge, on a white halo, so fanning-out edges keep their labels apart.
                double lx = sx + ((ex - sx) * 0.6), ly = sy + ((ey - sy) * 0.6);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(lx + (ex >= sx ? 6 : -6))}\" y=\"{F(ly)}\" text-anchor=\"{(ex >= sx ? "start" : "end")}\" fill=\"#333\" font-size=\"10\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{Escape(label)}</text>");
            }
            else
            {
                // Backward (or sideways) edge: an arc out to the right of both boxes.
                double sx = x1 + boxW, sy = y1 + (boxH / 2.0), ex = x2 + boxW, ey = y2 + (boxH / 2.0);
                double bulge = right + 20 + (arc++ * lane);
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M {F(sx)} {F(sy)} C {F(bulge)} {F(sy)}, {F(bulge)} {F(ey)}, {F(ex)} {F(ey)}\" fill=\"none\" stroke=\"#999\" marker-end=\"url(#arrow)\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(bulge - 4)}\" y=\"{F(((sy + ey) / 2) + 4)}\" fill=\"#777\" font-size=\"10\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{Escape(label)}</text>");
            }
        }

        foreach (var s in leaves)
        {
            var (x, y) = position[Name(s.State)];
            string fill = s.IsFinal ? "#e8e8e8" : s.Superstate is not null ? "#eaf2fb" : "#ffffff";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{boxW}\" height=\"{boxH}\" rx=\"8\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"{(s.IsFinal ? 2.5 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (boxW / 2.0))}\" y=\"{F(y + 16)}\" text-anchor=\"middle\" font-weight=\"bold\">{Escape(Name(s.State))}</text>");
            string note = string.Join(", ", s.Transitions.Where(t => t.Kind == TransitionKind.Internal).Select(t => Name(t.Trigger)));
            if (note.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (boxW / 2.0))}\" y=\"{F(y + 30)}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"9\">{Escape(note)}</text>");
            }
        }

        double noteY = pad + (rows.Count * (boxH + gapY)) + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{F(noteY - 10)}\" width=\"12\" height=\"12\" fill=\"#eaf2fb\" stroke=\"#333\"/><text x=\"{pad + 18}\" y=\"{F(noteY)}\">inside a superstate; grey boxes are final states</text>");
        foreach (var line in superNotes)
        {
            noteY += 15;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad}\" y=\"{F(noteY)}\" fill=\"#333\">{Escape(line)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Name<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
