using System.Globalization;
using System.Net;
using System.Text;
using ServiceQuality.Workflow;

namespace ServiceQuality.Quickstart.Report;

/// <summary>Charts as inline SVG: no JavaScript, no network, readable in any browser and in print.</summary>
internal static class Svg
{
    // The Okabe-Ito palette (Okabe and Ito 2008), told apart with every common colour-vision deficiency; a status is
    // never told by colour alone (each also has a word or a symbol).
    public const string Blue = "#0072B2", SkyBlue = "#56B4E9", Green = "#009E73", Orange = "#E69F00", Vermillion = "#D55E00", Purple = "#CC79A7", Ink = "#222222";

    private const string Font = "font-family=\"system-ui, sans-serif\"";

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A target as the user wrote it: 20, 99.5.</summary>
    public static string G(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A statistic the library reports as undefined (<see langword="null"/>) is shown as "undefined".</summary>
    public static string F(double? value, int decimals = 1) => value is { } v ? F(v, decimals) : "undefined";

    /// <summary>The colour of a status against a target.</summary>
    public static string Colour(TargetStatus status) => status switch
    {
        TargetStatus.Meets => Green,
        TargetStatus.Unclear => Orange,
        TargetStatus.Misses => Vermillion,
        _ => "#888888",
    };

    /// <summary>Opens an SVG with its accessible title (the first child, which browsers show as a tooltip too).</summary>
    private static StringBuilder Open(string id, double width, double height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-labelledby=\"{id}-title\" {Font} font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(title)}</title>");
        return svg;
    }

    /// <summary>
    /// Horizontal bars with an interval whisker each, on a shared axis from <paramref name="min"/> to <paramref name="max"/>;
    /// a bar is coloured by its status against <paramref name="target"/> when one is given (a dashed line marks it).
    /// </summary>
    public static string IntervalBars(
        string id, string title, IReadOnlyList<(string Label, double Estimate, double Low, double High, string Note, TargetStatus Status)> rows,
        double min, double max, string axisLabel, double? target = null, string? targetLabel = null)
    {
        const int labelWidth = 190, plotWidth = 420, rowHeight = 30, top = 22, noteWidth = 290;
        int height = top + (rows.Count * rowHeight) + 36;
        var svg = Open(id, labelWidth + plotWidth + noteWidth, height, title);
        double X(double v) => labelWidth + ((Math.Clamp(v, min, max) - min) / (max - min) * plotWidth);
        if (min < 0 && max > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"{top}\" x2=\"{F(X(0))}\" y2=\"{height - 26}\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            var (label, estimate, low, high, note, status) = rows[i];
            double y = top + (i * rowHeight);
            double baseX = X(Math.Max(min, Math.Min(0, max)));
            double endX = X(estimate);
            string fill = status == TargetStatus.None ? (estimate >= 0 ? Blue : Vermillion) : Colour(status);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{F(y + 18)}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F(Math.Min(baseX, endX))}\" y=\"{F(y + 6)}\" width=\"{F(Math.Max(1, Math.Abs(endX - baseX)))}\" height=\"16\" fill=\"{fill}\"><title>{Escape(label)}: {Escape(note)}</title></rect>");
            if (!double.IsNaN(low) && !double.IsNaN(high))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" y1=\"{F(y + 14)}\" x2=\"{F(X(high))}\" y2=\"{F(y + 14)}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" y1=\"{F(y + 8)}\" x2=\"{F(X(low))}\" y2=\"{F(y + 20)}\" stroke=\"{Ink}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(high))}\" y1=\"{F(y + 8)}\" x2=\"{F(X(high))}\" y2=\"{F(y + 20)}\" stroke=\"{Ink}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + plotWidth + 8}\" y=\"{F(y + 18)}\">{Escape(note)}</text>");
        }

        if (target is { } t)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{F(X(t))}\" y1=\"{top - 4}\" x2=\"{F(X(t))}\" y2=\"{height - 26}\" stroke=\"{Ink}\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(t))}\" y=\"{top - 8}\" text-anchor=\"middle\" font-size=\"11\">{Escape(targetLabel ?? "target")}</text>");
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

    /// <summary>
    /// A measure week by week: the estimate as a line with a dot a week, its interval as a shaded band and whiskers, the
    /// target as a dashed line, and each week's n under its date. Weeks without data leave a gap.
    /// </summary>
    public static string Trend(string id, string title, IReadOnlyList<(DateOnly Week, double? Estimate, double Low, double High, long N)> weeks, double min, double max, string unit, double? target)
    {
        const int left = 46, plotWidth = 640, top = 14, plotHeight = 170, bottom = 44;
        var svg = Open(id, left + plotWidth + 90, top + plotHeight + bottom, title);
        double step = weeks.Count <= 1 ? plotWidth : plotWidth / (double)(weeks.Count - 1);
        double X(int i) => left + (weeks.Count <= 1 ? plotWidth / 2.0 : i * step);
        double Y(double v) => top + plotHeight - ((Math.Clamp(v, min, max) - min) / (max - min) * plotHeight);
        for (int k = 0; k <= 4; k++)
        {
            double v = min + ((max - min) * k / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(Y(v))}\" x2=\"{left + plotWidth}\" y2=\"{F(Y(v))}\" stroke=\"#e5e5e5\"/><text x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" fill=\"#444\" font-size=\"11\">{F(v, 0)}{unit}</text>");
        }

        var band = weeks.Select((w, i) => (w, i)).Where(x => x.w.Estimate is not null).ToList();
        if (band.Count > 1)
        {
            string upper = string.Join(" ", band.Select(x => $"{F(X(x.i))},{F(Y(x.w.High))}"));
            string lower = string.Join(" ", band.AsEnumerable().Reverse().Select(x => $"{F(X(x.i))},{F(Y(x.w.Low))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{upper} {lower}\" fill=\"{SkyBlue}\" opacity=\"0.25\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(" ", band.Select(x => $"{F(X(x.i))},{F(Y(x.w.Estimate!.Value))}"))}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\"/>");
        }

        if (target is { } t)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{left}\" y1=\"{F(Y(t))}\" x2=\"{left + plotWidth}\" y2=\"{F(Y(t))}\" stroke=\"{Ink}\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotWidth + 6}\" y=\"{F(Y(t) + 4)}\" font-size=\"11\">target {G(t)}{unit}</text>");
        }

        for (int i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            if (w.Estimate is { } e)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(i))}\" y1=\"{F(Y(w.Low))}\" x2=\"{F(X(i))}\" y2=\"{F(Y(w.High))}\" stroke=\"{Blue}\" stroke-width=\"1\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(e))}\" r=\"3.5\" fill=\"{Blue}\"><title>week of {w.Week:yyyy-MM-dd}: {F(e, 0)}{unit} (95% interval {F(w.Low, 0)} to {F(w.High, 0)}, n = {w.N})</title></circle>");
            }

            if (weeks.Count <= 12 || i % 2 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\" fill=\"#444\" font-size=\"10\">{w.Week:MM-dd}</text>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{top + plotHeight + 29}\" text-anchor=\"middle\" fill=\"#777\" font-size=\"9\">n {w.N}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (plotWidth / 2)}\" y=\"{top + plotHeight + 42}\" text-anchor=\"middle\" fill=\"#444\" font-size=\"11\">week starting (Monday)</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>An importance-performance grid: performance across, importance up, crosshairs where the analysis put them.</summary>
    public static string Quadrants(IReadOnlyList<(string Label, double Performance, double Importance)> points, double crossPerformance, double crossImportance, double min, double max)
    {
        const int size = 420, pad = 50;
        double X(double v) => pad + ((v - min) / (max - min) * size);
        double Y(double v) => pad + size - ((v - min) / (max - min) * size);
        var svg = Open("ipa-chart", size + (2 * pad) + 160, size + (2 * pad), "Importance against performance of the seven things clients want");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#444\"/>");
        double cx = X(crossPerformance), cy = Y(crossImportance);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(cx)}\" y1=\"{pad}\" x2=\"{F(cx)}\" y2=\"{pad + size}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{F(cy)}\" x2=\"{pad + size}\" y2=\"{F(cy)}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + 6}\" y=\"{pad + 16}\" fill=\"{Vermillion}\" font-weight=\"bold\">Concentrate here</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + size - 6}\" y=\"{pad + 16}\" text-anchor=\"end\" fill=\"{Green}\" font-weight=\"bold\">Keep up the good work</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + 6}\" y=\"{pad + size - 8}\" fill=\"#666\" font-weight=\"bold\">Low priority</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + size - 6}\" y=\"{pad + size - 8}\" text-anchor=\"end\" fill=\"{Orange}\" font-weight=\"bold\">Possible overkill</text>");
        foreach (var (label, performance, importance) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(performance))}\" cy=\"{F(Y(importance))}\" r=\"5\" fill=\"{Blue}\"><title>{Escape(label)}: importance {F(importance, 2)}, performance {F(performance, 2)}</title></circle>");
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
    /// A state machine drawn top to bottom by <see cref="LayeredLayout"/>: no edge crosses a box and every label sits on
    /// its own edge (forward edges) or beside its own lane (back edges, dashed, on the right). Parallel edges share one
    /// label. States inside a superstate are tinted; what a superstate permits (for every state inside it) is listed
    /// under the diagram, with internal transitions noted in their box.
    /// </summary>
    public static string StateDiagram<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var (layout, leaves) = LifecycleLayout(info);
        var superNotes = info.States.Where(s => s.Substates.Count > 0)
            .SelectMany(s => s.Transitions.Select(t => $"from any {Name(s.State)} state: {Name(t.Trigger)}" + (t.Kind == TransitionKind.Internal ? " (milestone, state unchanged)" : $" → {Name(t.Destination)}")))
            .ToList();
        double height = layout.Height + 24 + (superNotes.Count * 15);
        double width = Math.Max(layout.Width, 520);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"lifecycle-diagram\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-labelledby=\"lifecycle-title\" {Font} font-size=\"11\">");
        svg.Append("<title id=\"lifecycle-title\">The complaint lifecycle: states and the commands that move a complaint between them</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{Ink}\"/></marker><marker id=\"arrow-back\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{Vermillion}\"/></marker></defs>");
        foreach (var edge in layout.Edges)
        {
            string stroke = edge.IsBack ? Vermillion : Ink;
            string dash = edge.IsBack ? " stroke-dasharray=\"5 3\"" : string.Empty;
            var segments = edge.Segments.ToList();
            // One polyline per drawn run (a forward edge's line pauses at its label); the arrow head on the last run.
            var runs = new List<List<Point>>();
            foreach (var (a, b) in segments)
            {
                if (runs.Count == 0 || runs[^1][^1] != a)
                {
                    runs.Add([a]);
                }

                runs[^1].Add(b);
            }

            for (int i = 0; i < runs.Count; i++)
            {
                string points = string.Join(" ", runs[i].Select(p => $"{F(p.X)},{F(p.Y)}"));
                string marker = i == runs.Count - 1 ? $" marker-end=\"url(#{(edge.IsBack ? "arrow-back" : "arrow")})\"" : string.Empty;
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"edge\" points=\"{points}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.3\"{dash}{marker}><title>{Escape(edge.Edge.From)} → {Escape(edge.Edge.To)}: {Escape(edge.Edge.Label)}</title></polyline>");
            }

            var l = edge.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"edge-label\" x=\"{F(l.X)}\" y=\"{F(l.Y)}\" width=\"{F(l.Width)}\" height=\"{F(l.Height)}\" rx=\"3\" fill=\"#fff\" stroke=\"{(edge.IsBack ? Vermillion : "#bbb")}\" stroke-width=\"0.6\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(l.CenterX)}\" y=\"{F(l.CenterY + 3.5)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{(edge.IsBack ? Vermillion : Ink)}\">{Escape(edge.Edge.Label)}</text>");
        }

        foreach (var s in leaves)
        {
            var r = layout.Nodes[Name(s.State)];
            string fill = s.IsFinal ? "#e8e8e8" : s.Superstate is not null ? "#e3f1fb" : "#ffffff";
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"state\" x=\"{F(r.X)}\" y=\"{F(r.Y)}\" width=\"{F(r.Width)}\" height=\"{F(r.Height)}\" rx=\"8\" fill=\"{fill}\" stroke=\"{Ink}\" stroke-width=\"{(s.IsFinal ? 2.5 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(r.CenterX)}\" y=\"{F(r.Y + 16)}\" text-anchor=\"middle\" font-weight=\"bold\">{Escape(Name(s.State))}</text>");
            string note = string.Join(", ", s.Transitions.Where(t => t.Kind == TransitionKind.Internal).Select(t => Name(t.Trigger)));
            if (note.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(r.CenterX)}\" y=\"{F(r.Y + 30)}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"9\">{Escape(note)}</text>");
            }
        }

        double noteY = layout.Height + 10;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"10\" y=\"{F(noteY - 10)}\" width=\"12\" height=\"12\" fill=\"#e3f1fb\" stroke=\"{Ink}\"/><text x=\"28\" y=\"{F(noteY)}\">inside a superstate; grey boxes are final states; dashed arrows on the right go back (a loop)</text>");
        foreach (var line in superNotes)
        {
            noteY += 15;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{F(noteY)}\" fill=\"{Ink}\">{Escape(line)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The layout of a state machine's leaf states and the transitions between them (parallel edges merged).</summary>
    public static (DiagramLayout Layout, IReadOnlyList<StateInfo<TState, TTrigger>> Leaves) LifecycleLayout<TState, TTrigger>(StateMachineInfo<TState, TTrigger> info)
        where TState : notnull
        where TTrigger : notnull
    {
        var leaves = info.States.Where(s => s.Substates.Count == 0).ToList();
        var edges = leaves.SelectMany(s => s.Transitions.Where(t => t.Kind == TransitionKind.Transition)
            .Select(t => (From: Name(s.State), To: Name(t.Destination), Label: Name(t.Trigger) + (t.GuardDescriptions.Count > 0 ? " [guarded]" : string.Empty))))
            .GroupBy(e => (e.From, e.To))
            .Select(g => new LayoutEdge(g.Key.From, g.Key.To, string.Join(" / ", g.Select(e => e.Label)), TextWidth(string.Join(" / ", g.Select(e => e.Label)), 10) + 8, 14))
            .ToList();
        var nodes = leaves.Select(s => new LayoutNode(Name(s.State), Math.Max(130, TextWidth(Name(s.State), 11) + 24), 38)).ToList();
        return (LayeredLayout.Compute(nodes, edges, Name(info.InitialState)), leaves);
    }

    /// <summary>A generous estimate of the width of a text in the report's sans-serif font.</summary>
    public static double TextWidth(string text, double fontSize) => Math.Ceiling(text.Length * fontSize * 0.6);

    private static string Name<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
