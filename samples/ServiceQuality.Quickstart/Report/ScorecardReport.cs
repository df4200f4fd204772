using System.Globalization;
using System.Text;
using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Quickstart.Pipeline;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;
using ServiceQuality.Workflow;
using static ServiceQuality.Quickstart.Report.Svg;

namespace ServiceQuality.Quickstart.Report;

/// <summary>A recurring problem, as the report shows it: its number (its anchor), area in plain words and its complaints.</summary>
internal sealed record RecurringProblemRow(int Number, string Area, int Count, int Clients, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Example, IReadOnlyList<string> ComplaintIds);

/// <summary>
/// SLA clocks of one kind for one priority: the clocks met, breached, still open (running, at risk or paused) and stopped
/// without their goal at the end of the period, and the attainment by the library's one definition
/// (<see cref="ComplaintKpis.SlaAttainment(SlaClockKind)"/>: met over decided, a stopped clock not met, update cycles counted one by one).
/// </summary>
internal sealed record SlaRow(SlaClockKind Clock, Priority Priority, int Met, int Breached, int Open, int Stopped, ProportionResult Attainment);

/// <summary>The service measures of complaint handling as proportions with intervals.</summary>
internal sealed record ServiceRates(ProportionResult SlaAttainment, ProportionResult FirstContactResolution, ProportionResult ReopenRate);

/// <summary>Everything the Quickstart found, for the terminal and the HTML report.</summary>
internal sealed record QuickstartResults(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    int Complaints,
    int DistinctIncidentKeys,
    int ToneVariantsAgreeing,
    int ToneVariantPairs,
    IReadOnlyList<RecurringProblemRow> RecurringProblems,
    IReadOnlyList<SlaRow> Sla,
    ComplaintMeasures Measures,
    ServiceRates Rates,
    ScorecardResult Scorecard,
    int CommandsAccepted,
    int CommandsRefused,
    IReadOnlyList<string> RefusalExamples,
    string DatabasePath,
    bool ReadFromEarlierRun,
    StateMachineInfo<ComplaintState, ComplaintCommand> Lifecycle,
    string LifecycleMermaid,
    IReadOnlyList<ComplaintRow> ComplaintRows,
    IReadOnlyList<WeekRow> Weeks,
    IReadOnlyList<PeopleRow> Agents,
    IReadOnlyList<PeopleRow> Teams);

/// <summary>
/// Writes the scorecard as one self-contained HTML file (inline SVG charts, no JavaScript, no network) for a service
/// manager: headline figures against targets, trends, agents and teams, SLA, recurring problems with their complaints,
/// and a plain-words note beside every statistic.
/// </summary>
internal static class ScorecardReport
{
    public static string Html(QuickstartResults r, ReportTargets targets)
    {
        var card = r.Scorecard;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>ServiceQuality scorecard</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1120px;color:#222;line-height:1.45;padding:0 1rem}
            h1{margin-bottom:.2rem} h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2.4rem} h3{margin-top:1.6rem}
            .sub{color:#555} table{border-collapse:collapse;margin:.6rem 0} td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;font-size:.9rem;vertical-align:top} td.d{white-space:nowrap}
            th{background:#eef3f8} td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            nav{font-size:.9rem;margin:.8rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem} nav a{color:#0072B2}
            .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(245px,1fr));gap:.8rem}
            .kpi{border:1px solid #ccc;border-left:8px solid #999;border-radius:6px;padding:.5rem .8rem}
            .kpi b{font-size:1.7rem;display:block} .kpi span{display:block;color:#555;font-size:.82rem} .kpi .st{color:#222;font-weight:600;font-size:.85rem}
            .meets{border-left-color:#009E73} .unclear{border-left-color:#E69F00} .misses{border-left-color:#D55E00}
            td.meets{box-shadow:inset 5px 0 #009E73} td.unclear{box-shadow:inset 5px 0 #E69F00} td.misses{box-shadow:inset 5px 0 #D55E00}
            .explain{background:#f4f8fb;border-left:4px solid #56B4E9;padding:.5rem .8rem;font-size:.9rem;margin:.6rem 0}
            .legend span{display:inline-block;margin-right:1.2rem;font-size:.85rem} .sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:-2px;margin-right:.3rem}
            svg.chart,#lifecycle-diagram{max-width:100%;height:auto} pre{background:#f6f6f6;padding:.8rem;overflow:auto;font-size:.8rem}
            details.problem{margin:.4rem 0} details.problem summary{cursor:pointer} a.back{font-size:.85rem}
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<h1 id=\"top\">Service quality scorecard</h1><p class=\"sub\">{r.PeriodStart:yyyy-MM-dd} to {r.PeriodEnd:yyyy-MM-dd} · {r.Complaints} complaints · {card.SampleSize} survey responses · generated by the ServiceQuality Quickstart</p>");
        html.Append("<nav aria-label=\"sections\"><a href=\"#headline\">Headline</a><a href=\"#trends\">Trends</a><a href=\"#people\">Agents and teams</a><a href=\"#sla\">SLA</a><a href=\"#recurring\">Recurring problems</a><a href=\"#wants\">What clients want</a><a href=\"#consistency\">Consistency</a><a href=\"#parity\">Internal and external</a><a href=\"#scores\">The index</a><a href=\"#lifecycle\">Lifecycle</a><a href=\"#complaints\">All complaints</a></nav>");

        Headline(html, r, targets);
        Trends(html, r, targets);
        People(html, r, targets);
        SlaSection(html, r, targets);
        Recurring(html, r);
        Wants(html, card);
        Consistency(html, card);
        Parities(html, card);
        Scores(html, card);
        LifecycleSection(html, r);
        AllComplaints(html, r);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A service area in plain words: "AnticipateNeeds" → "Anticipating needs".</summary>
    public static string AreaName(string area) => area switch
    {
        nameof(ClientWant.FocusOnPriorities) => "Focusing on the client's priorities",
        nameof(ClientWant.AnticipateNeeds) => "Anticipating needs",
        nameof(ClientWant.Responsiveness) => "Responsiveness",
        nameof(ClientWant.Communication) => "Communication (no \"black hole\")",
        nameof(ClientWant.Availability) => "Uptime and availability",
        nameof(ClientWant.CostEffectiveness) => "Cost effectiveness",
        nameof(ClientWant.FirstTimeFix) => "Fixing it right the first time",
        _ => Split(area),
    };

    private static void Headline(StringBuilder html, QuickstartResults r, ReportTargets t)
    {
        var card = r.Scorecard;
        html.Append("<h2 id=\"headline\">Headline figures against their targets</h2><div class=\"kpis\">");
        Kpi(html, "Service Quality Index (0-100)", card.Index.Estimate is { } sqi ? F(sqi) : "no score", card.Index.Interval is { } i ? $"95% interval {F(i.Lower)} to {F(i.Upper)}" : "",
            ReportTargets.Status(card.Index.Estimate, card.Index.Interval?.Lower, card.Index.Interval?.Upper, t.Index), t.Index is { } ti ? $"target at least {G(ti)}" : null, "#scores");
        Kpi(html, "NPS (-100 to 100)", card.Nps.Estimate is { } nps ? F(nps * 100, 0) : "no score", card.Nps.Interval is { } ni ? $"95% interval {F(ni.Lower * 100, 0)} to {F(ni.Upper * 100, 0)}, n = {card.Nps.SampleSize}" : "",
            ReportTargets.Status(card.Nps.Estimate, card.Nps.Interval, 100, t.Nps), t.Nps is { } tn ? $"target at least {G(tn)}" : null, "#trend-nps");
        Kpi(html, "CSAT (satisfied, 4 or 5 of 5)", card.Csat.TopBox.Estimate is { } cs ? $"{F(cs * 100, 0)}%" : "no score", card.Csat.TopBox.Interval is { } ci ? $"95% interval {F(ci.Lower * 100, 0)}% to {F(ci.Upper * 100, 0)}%, n = {card.Csat.TopBox.SampleSize}" : "",
            ReportTargets.Status(card.Csat.TopBox.Estimate, card.Csat.TopBox.Interval, 100, t.CsatTopBox), t.CsatTopBox is { } tc ? $"target at least {G(tc)}%" : null, "#trend-csat");
        Kpi(html, "Customer effort (1-7, lower is better)", card.Ces.Estimate is { } ces ? F(ces, 2) : "no score", card.Ces.Interval is { } ei ? $"95% interval {F(ei.Lower, 2)} to {F(ei.Upper, 2)}, n = {card.Ces.SampleSize}" : "",
            ReportTargets.Status(card.Ces.Estimate, card.Ces.Interval, 1, t.Ces, higherIsBetter: false), t.Ces is { } te ? $"target at most {G(te)}" : null, "#parity");
        Rate(html, "SLA attainment (resolve clock)", r.Rates.SlaAttainment, t.SlaAttainment, true, "of complaints resolved in time", "#sla");
        Rate(html, "First-contact resolution", r.Rates.FirstContactResolution, t.FirstContactResolution, true, "of closed complaints fixed first time", "#lifecycle");
        Rate(html, "Reopen rate (lower is better)", r.Rates.ReopenRate, t.ReopenRate, false, "of fixed complaints reopened", "#recurring");
        html.Append("</div>");
        html.Append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#009E73\"></i>✓ meets its target</span><span><i class=\"sw\" style=\"background:#E69F00\"></i>~ short of it, but within the uncertainty (more answers will tell)</span><span><i class=\"sw\" style=\"background:#D55E00\"></i>✗ misses it: even the 95% interval falls short</span></p>");
        html.Append("<p class=\"explain\">Every figure comes with a 95% interval: the range the true value most likely lies in, given how many clients answered. A figure is only called short of its target when the whole range is; targets are set with <code>--targets FILE</code> (a JSON file, see the README).</p>");
    }

    private static void Rate(StringBuilder html, string label, ProportionResult rate, double? target, bool higherIsBetter, string what, string link) =>
        Kpi(html, label, rate.Estimate is { } e ? $"{F(e * 100, 0)}%" : "no score",
            rate.Interval is { } i ? $"95% interval {F(i.Lower * 100, 0)}% to {F(i.Upper * 100, 0)}%; {rate.Successes} of {rate.SampleSize} {what}" : $"{rate.Successes} of {rate.SampleSize} {what}",
            ReportTargets.Status(rate.Estimate, rate.Interval, 100, target, higherIsBetter), target is { } t ? $"target {(higherIsBetter ? "at least" : "at most")} {G(t)}%" : null, link);

    private static void Kpi(StringBuilder html, string label, string value, string note, TargetStatus status, string? target, string link)
    {
        string css = status switch { TargetStatus.Meets => " meets", TargetStatus.Unclear => " unclear", TargetStatus.Misses => " misses", _ => "" };
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"kpi{css}\"><span>{Escape(label)}</span><b>{Escape(value)}</b><span>{Escape(note)}</span>");
        if (target is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"st\">{Escape(ReportTargets.Words(status))} ({Escape(target)})</span>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<span><a href=\"{link}\">details</a></span></div>");
    }

    private static void Trends(StringBuilder html, QuickstartResults r, ReportTargets t)
    {
        html.Append("<h2 id=\"trends\">Trends over the period</h2><p class=\"explain\">One point a week (weeks start on Monday), with its 95% interval as a band: a week with few answers has a wide band, so a dip inside the band of the weeks around it is noise, not news. NPS and CSAT are from the surveys answered that week; SLA attainment from the complaints received that week whose resolve clock has finished.</p>");
        var weeks = r.Weeks;
        html.Append("<h3 id=\"trend-nps\">NPS by week</h3>");
        html.Append(Trend("trend-nps-chart", "Net Promoter Score week by week, with 95% intervals (adjusted Wald)", [.. weeks.Select(w => (w.Week, w.Nps.Estimate * 100, (w.Nps.Interval?.Lower ?? 0) * 100, (w.Nps.Interval?.Upper ?? 0) * 100, w.Nps.SampleSize))], -100, 100, "", t.Nps));
        html.Append("<h3 id=\"trend-csat\">CSAT by week (share satisfied, 4 or 5 of 5)</h3>");
        html.Append(Trend("trend-csat-chart", "CSAT top-2-box share week by week, with 95% Wilson intervals", [.. weeks.Select(w => (w.Week, w.CsatTopBox.Estimate * 100, (w.CsatTopBox.Interval?.Lower ?? 0) * 100, (w.CsatTopBox.Interval?.Upper ?? 0) * 100, w.CsatTopBox.SampleSize))], 0, 100, "%", t.CsatTopBox));
        html.Append("<h3 id=\"trend-sla\">SLA attainment by week of receipt (resolve clock)</h3>");
        html.Append(Trend("trend-sla-chart", "SLA attainment of the resolve clock by week of receipt, with 95% Wilson intervals", [.. weeks.Select(w => (w.Week, w.SlaAttainment.Estimate * 100, (w.SlaAttainment.Interval?.Lower ?? 0) * 100, (w.SlaAttainment.Interval?.Upper ?? 0) * 100, w.SlaAttainment.SampleSize))], 0, 100, "%", t.SlaAttainment));
    }

    private static void People(StringBuilder html, QuickstartResults r, ReportTargets t)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"people\">Agents and teams</h2><p class=\"explain\">Volume is the complaints each handled and the survey answers about them. CSAT, NPS and SLA are <b>shrunk toward the overall figure</b> so that a small sample cannot put anyone at the top or the bottom by luck: each is a Bayesian estimate whose prior is the overall figure, worth {F(Breakdowns.PriorStrength, 0)} answers (empirical-Bayes style; a Dirichlet prior for NPS, a Beta prior for the shares). Someone with {F(Breakdowns.PriorStrength, 0)} answers is pulled halfway toward the overall figure, someone with 180 by a tenth. The raw figure and n are shown beside it; the interval is 95% (equal-tailed credible intervals).</p>");
        PeopleTable(html, "Agents", r.Agents, "agent", t);
        html.Append(IntervalBars(
            "agents-nps-chart", "NPS by agent, shrunk toward the overall NPS, with 95% credible intervals",
            [.. r.Agents.Where(a => a.Responses > 0).Select(a => (a.Name, a.Nps.Estimate * 100, a.Nps.Low * 100, a.Nps.High * 100, $"NPS {F(a.Nps.Estimate * 100, 0)} (raw {F(a.Nps.Raw * 100, 0)}, n = {a.Responses})", ReportTargets.Status(a.Nps.Estimate * 100, a.Nps.Low * 100, a.Nps.High * 100, t.Nps)))],
            -100, 100, "NPS by agent (shrunk), with 95% intervals", t.Nps, t.Nps is { } tn ? $"target {G(tn)}" : null));
        PeopleTable(html, "Teams", r.Teams, "team", t);
        html.Append("<p class=\"sub\">Teams come from the <code>team</code> column of the bundled data (each agent in one team). Complaints carry the agent who handled them; once complaints record their assignment to agents and teams, the same view reads it from the complaint history.</p>");
    }

    private static void PeopleTable(StringBuilder html, string caption, IReadOnlyList<PeopleRow> rows, string kind, ReportTargets t)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{caption}</h3><table><tr><th>{(kind == "agent" ? "Agent" : "Team")}</th>{(kind == "agent" ? "<th>Team</th>" : "")}<th>Complaints</th><th>Survey answers</th><th>CSAT satisfied (shrunk)</th><th>NPS (shrunk)</th><th>SLA attainment (shrunk)</th></tr>");
        foreach (var p in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{Anchor(kind, p.Name)}\"><td>{Escape(p.Name)}</td>");
            if (kind == "agent")
            {
                html.Append(p.Team is { } team ? $"<td><a href=\"#{Anchor("team", team)}\">{Escape(team)}</a></td>" : "<td></td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{p.Complaints}</td><td class=\"n\">{p.Responses}</td>");
            Cell(html, p.CsatTopBox, 100, "%", t.CsatTopBox);
            Cell(html, p.Nps, 100, "", t.Nps);
            Cell(html, p.SlaAttainment, 100, "%", t.SlaAttainment);
            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void Cell(StringBuilder html, Shrunk value, double scale, string unit, double? target)
    {
        if (value.N == 0)
        {
            html.Append("<td>no answers</td>");
            return;
        }

        var status = ReportTargets.Status(value.Estimate * scale, value.Low * scale, value.High * scale, target);
        string css = status switch { TargetStatus.Meets => "meets", TargetStatus.Unclear => "unclear", TargetStatus.Misses => "misses", _ => "" };
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"n {css}\" title=\"{Escape(ReportTargets.Words(status))}\">{ReportTargets.Symbol(status)}{F(value.Estimate * scale, 0)}{unit} <small>({F(value.Low * scale, 0)} to {F(value.High * scale, 0)}; raw {F(value.Raw * scale, 0)}{unit}, n = {value.N})</small></td>");
    }

    private static void SlaSection(StringBuilder html, QuickstartResults r, ReportTargets t)
    {
        html.Append("<h2 id=\"sla\">SLA attainment by clock and priority</h2>");
        html.Append("<p class=\"explain\">Each bar is the share of clocks that met their target among those decided (met, breached, or stopped without their goal: a withdrawn complaint's clock is never met), with its 95% interval; the update clock counts every update cycle; the dashed line is the target. Colour and words say where each stands: a bar is only marked as missing when its whole interval is short of the target. Clocks still running at the end of the period are counted beside it, not in it. Acknowledge: the first answer; update: a client-visible update at least every interval (no \"black hole\"); resolve: the fix.</p>");
        html.Append(IntervalBars(
            "sla-chart", "SLA attainment by clock and priority against the target, with 95% Wilson intervals",
            [.. r.Sla.Where(s => s.Attainment.SampleSize > 0).Select(s =>
            {
                var a = s.Attainment;
                var status = ReportTargets.Status(a.Estimate, a.Interval, 100, t.SlaAttainment);
                string note = $"{ReportTargets.Symbol(status)}{F(a.Estimate * 100, 0)}% · {a.Successes} of {a.SampleSize} met" + (s.Stopped > 0 ? $" ({s.Stopped} stopped, not met)" : "") + (s.Open > 0 ? $", {s.Open} still open" : "");
                return ($"{s.Clock} · {s.Priority}", a.Estimate!.Value * 100, (a.Interval?.Lower ?? double.NaN) * 100, (a.Interval?.Upper ?? double.NaN) * 100, note, status);
            })],
            0, 100, "% of decided clocks met", t.SlaAttainment, t.SlaAttainment is { } ts ? $"target {G(ts)}%" : null));
        html.Append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#009E73\"></i>✓ meets the target</span><span><i class=\"sw\" style=\"background:#E69F00\"></i>~ short, within the uncertainty</span><span><i class=\"sw\" style=\"background:#D55E00\"></i>✗ misses the target</span></p>");
    }

    private static void Recurring(StringBuilder html, QuickstartResults r)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"recurring\">Recurring problems</h2><p class=\"explain\">Complaints telling the same facts are grouped, however calmly or angrily they were written: {r.Complaints} complaints come down to {r.DistinctIncidentKeys} distinct incidents, and of {r.ToneVariantPairs} calm–angry pairs telling the same facts, {r.ToneVariantsAgreeing} got the same incident key. A problem is recurring when at least three near-identical complaints arrive within 14 days; fixing its cause answers all of them at once. Open a problem to see its complaints.</p>");
        html.Append("<table><tr><th>#</th><th>Area</th><th>Complaints</th><th>Clients</th><th>First seen</th><th>Last seen</th><th>What it is (one complaint, normalized)</th></tr>");
        foreach (var p in r.RecurringProblems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#problem-{p.Number}\">{p.Number}</a></td><td>{Escape(p.Area)}</td><td class=\"n\"><a href=\"#problem-{p.Number}\">{p.Count}</a></td><td class=\"n\">{p.Clients}</td><td class=\"d\">{p.FirstSeen:yyyy-MM-dd}</td><td class=\"d\">{p.LastSeen:yyyy-MM-dd}</td><td>{Escape(p.Example)}</td></tr>");
        }

        html.Append("</table>");
        var byId = r.ComplaintRows.ToDictionary(c => c.Id, StringComparer.Ordinal);
        html.Append("<h3>The complaints of each problem</h3><div class=\"problems\">");
        foreach (var p in r.RecurringProblems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"problem\" id=\"problem-{p.Number}\"><summary><b>Problem {p.Number}</b>: {Escape(p.Area)}, {p.Count} complaints from {p.Clients} clients, {p.FirstSeen:yyyy-MM-dd} to {p.LastSeen:yyyy-MM-dd} — “{Escape(p.Example)}”</summary>");
            ComplaintTable(html, p.ComplaintIds.Where(byId.ContainsKey).Select(id => byId[id]), withAnchors: false);
            html.Append("<a class=\"back\" href=\"#recurring\">back to the recurring problems</a></details>");
        }

        html.Append("</div>");
    }

    private static void ComplaintTable(StringBuilder html, IEnumerable<ComplaintRow> rows, bool withAnchors)
    {
        // In a problem's list the area and the text are the problem's own, so only the complaint's details are shown.
        html.Append(withAnchors
            ? "<table><tr><th>Complaint</th><th>Received</th><th>Client</th><th>Priority</th><th>Agent</th><th>State now</th><th>Resolve SLA</th><th>Area</th><th>Normalized text</th></tr>"
            : "<table><tr><th>Complaint</th><th>Received</th><th>Client</th><th>Priority</th><th>Agent</th><th>State now</th><th>Resolve SLA</th></tr>");
        foreach (var c in rows)
        {
            string id = withAnchors ? $" id=\"{Anchor("complaint", c.Id)}\"" : string.Empty;
            string link = withAnchors ? Escape(c.Id) : $"<a href=\"#{Anchor("complaint", c.Id)}\">{Escape(c.Id)}</a>";
            html.Append(CultureInfo.InvariantCulture, $"<tr{id}><td>{link}</td><td class=\"d\">{c.ReceivedAt:yyyy-MM-dd HH:mm}</td><td>{Escape(c.ClientId)}</td><td>{c.Priority}</td><td><a href=\"#{Anchor("agent", c.Agent)}\">{Escape(c.Agent)}</a></td><td>{Split(c.State.ToString())}</td><td>{SlaWords(c.Resolve)}</td>");
            html.Append(withAnchors ? $"<td>{Escape(c.Area)}</td><td>{Escape(c.Text)}</td></tr>" : "</tr>");
        }

        html.Append("</table>");
    }

    private static string SlaWords(SlaStatus status) => status switch
    {
        SlaStatus.Met => "✓ met",
        SlaStatus.Breached => "✗ breached",
        SlaStatus.AtRisk => "~ at risk",
        SlaStatus.Paused => "paused",
        SlaStatus.Stopped => "stopped",
        _ => "running",
    };

    private static void Wants(StringBuilder html, ScorecardResult card)
    {
        html.Append("<h2 id=\"wants\">The seven things clients want: importance against performance</h2>");
        if (card.ImportancePerformance is not { } ipa)
        {
            html.Append("<p>Fewer than two client wants were rated.</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"explain\">Clients rated how much each want matters to them (importance, 1-5) and how well we serve it (performance, 1-5). The dashed crosshairs are the averages (importance {F(ipa.ImportanceCrosshair, 2)}, performance {F(ipa.PerformanceCrosshair, 2)}). Top left — important but served below average — is where effort pays most; bottom right is where we may be doing more than clients need.</p>");
        html.Append(Quadrants([.. card.Wants.Select(w => (AreaName(w.Want.ToString()), w.Performance.Estimate ?? 0, w.Importance))], ipa.PerformanceCrosshair, ipa.ImportanceCrosshair, 1, 5));
        html.Append("<table><tr><th>Client want</th><th>Importance</th><th>Performance (95% interval)</th><th>Quadrant</th></tr>");
        foreach (var w in card.Wants.OrderBy(w => w.Quadrant))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Escape(AreaName(w.Want.ToString()))}</td><td class=\"n\">{F(w.Importance, 2)}</td><td class=\"n\">{F(w.Performance.Estimate ?? 0, 2)} ({F(w.Performance.Interval?.Lower ?? 0, 2)} to {F(w.Performance.Interval?.Upper ?? 0, 2)})</td><td>{Split(w.Quadrant.ToString())}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Consistency(StringBuilder html, ScorecardResult card)
    {
        html.Append("<h2 id=\"consistency\">The same experience whoever the client meets</h2>");
        html.Append("<p class=\"explain\"><b>ICC1</b> is the share of the differences between clients' ratings that comes down to <i>which agent</i> served them. 0 means the agent makes no difference — the \"we\" experience the service aims for; 0.10 means a tenth of the spread is the agent, which in team research counts as a medium effect (LeBreton and Senter 2008: 0.01 small, 0.10 medium, 0.25 large). <b>ICC2</b> says how far the agents' averages can be trusted to rank them (0.7 or more: a reliable ranking). <b>p</b> is the chance of differences between agents at least this large if every agent in fact gave the same service: below 0.05, the differences are real. Least consistent first; reference: R <code>multilevel</code>.</p>");
        html.Append("<table><tr><th>Measure</th><th>ICC1</th><th>In plain words</th><th>ICC2</th><th>F</th><th>p</th></tr>");
        foreach (var c in card.Consistency)
        {
            string name = Enum.TryParse<ClientWant>(c.Area, out _) ? AreaName(c.Area) : c.Area;
            string words = c.Agreement.Icc1 is { } icc
                ? $"{F(Math.Max(0, icc) * 100, 0)}% of the spread in {Escape(name)} ratings is down to the agent: {(icc >= 0.25 ? "a large" : icc >= 0.10 ? "a medium" : icc >= 0.01 ? "a small" : "no real")} difference between agents"
                : "undefined (too few answers per agent)";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Escape(name)}</td><td class=\"n\">{F(c.Agreement.Icc1, 3)}</td><td>{words}</td><td class=\"n\">{F(c.Agreement.Icc2, 3)}</td><td class=\"n\">{F(c.Agreement.F, 2)}</td><td class=\"n\">{P(c.Agreement.PValue)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Parities(StringBuilder html, ScorecardResult card)
    {
        html.Append("<h2 id=\"parity\">Internal and external clients</h2><p class=\"explain\">Internal and external clients deserve the same service. Each row is internal minus external with its 95% interval: an interval that does not include 0 (and p below 0.05) means the gap is real, not chance. The effect size says how big it is in everyday terms (Cohen: 0.2 small, 0.5 medium, 0.8 large).</p>");
        html.Append("<table><tr><th>Measure</th><th>Internal − external</th><th>95% interval</th><th>p</th><th>Effect size</th><th>In plain words</th></tr>");
        Parity(html, "NPS (points)", card.Parity.Nps, 100);
        Parity(html, "CSAT satisfied share (points)", card.Parity.Csat, 100);
        Parity(html, "Customer effort (lower is better)", card.Parity.Ces, 1, lowerIsBetter: true);
        html.Append("</table>");
    }

    private static void Scores(StringBuilder html, ScorecardResult card)
    {
        html.Append("<h2 id=\"scores\">The Service Quality Index and its parts</h2><p class=\"explain\">The index puts every measure on 0-100 (higher is better; a rate where lower is better counts as 100 minus the rate, so a reopen rate of 11% scores 89) and weighs three families equally: how clients feel (CSAT, NPS, effort), what is done for them (SLA, first-contact resolution, reopens) and the seven wants, weighted by their importance. Each bar is an estimate and the whisker its 95% interval (NPS adjusted Wald, CSAT Wilson, index delta method).</p>");
        var rows = new List<(string, double, double, double, string, TargetStatus)>();
        if (card.Nps.Estimate is { } n0 && card.Nps.Interval is { } nI)
        {
            rows.Add(("NPS", n0 * 100, nI.Lower * 100, nI.Upper * 100, $"{F(n0 * 100, 0)} (n = {card.Nps.SampleSize})", TargetStatus.None));
        }

        if (card.Csat.TopBox.Estimate is { } c0 && card.Csat.TopBox.Interval is { } cI)
        {
            rows.Add(("CSAT satisfied, %", c0 * 100, cI.Lower * 100, cI.Upper * 100, $"{F(c0 * 100, 0)}%", TargetStatus.None));
        }

        if (card.Index.Estimate is { } s0)
        {
            rows.Add(("Service Quality Index", s0, card.Index.Interval?.Lower ?? double.NaN, card.Index.Interval?.Upper ?? double.NaN, F(s0), TargetStatus.None));
        }

        html.Append(IntervalBars("scores-chart", "NPS, CSAT and the Service Quality Index with their 95% intervals", rows, -100, 100, "score (NPS −100..100; CSAT and index 0..100)"));
        html.Append("<table><tr><th>Part</th><th>Family</th><th>Score (0-100)</th><th>Weight</th><th>Adds to the index</th></tr>");
        foreach (var part in card.Index.Components)
        {
            string name = Enum.TryParse<ClientWant>(part.Name, out _) ? AreaName(part.Name) : part.Name;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Escape(name)}</td><td>{Split(part.Family.ToString())}</td><td class=\"n\">{F(part.Score)}</td><td class=\"n\">{F(part.Weight, 3)}</td><td class=\"n\">{F(part.Contribution, 2)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void LifecycleSection(StringBuilder html, QuickstartResults r)
    {
        html.Append(r.ReadFromEarlierRun
            ? string.Create(CultureInfo.InvariantCulture, $"<h2 id=\"lifecycle\">The complaint lifecycle</h2><p>{r.CommandsAccepted} events read from {Escape(r.DatabasePath)}, where an earlier run stored them; the commands the workflow refused then are not there (a refusal is a result, not an event): run with a new <code>--db</code> to see them.</p><ul>")
            : string.Create(CultureInfo.InvariantCulture, $"<h2 id=\"lifecycle\">The complaint lifecycle</h2><p>{r.CommandsAccepted} commands accepted (stored in {Escape(r.DatabasePath)}) and {r.CommandsRefused} refused by the workflow in this run. A refusal says why and what is allowed, for example:</p><ul>"));
        foreach (var example in r.RefusalExamples)
        {
            html.Append("<li>").Append(Escape(example)).Append("</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p class=\"explain\">First-contact resolution: {r.Measures.FirstContactResolutions} of {r.Measures.Closed} closed complaints were fixed by the first fix, with no rejection or reopening; {r.Measures.Reopened} of {r.Measures.EverResolved} fixed complaints came back (rejected or reopened). The diagram shows every state and the commands that move a complaint on; the dashed arrows go back, which is where time is lost.</p>");
        html.Append(StateDiagram(r.Lifecycle));
        html.Append("<details><summary>Mermaid source</summary><pre>").Append(Escape(r.LifecycleMermaid)).Append("</pre></details>");
    }

    private static void AllComplaints(StringBuilder html, QuickstartResults r)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"complaints\">All complaints</h2><details><summary>{r.ComplaintRows.Count} complaints, oldest first (the recurring problems and agents link here)</summary>");
        ComplaintTable(html, r.ComplaintRows.OrderBy(c => c.ReceivedAt), withAnchors: true);
        html.Append("</details><p><a class=\"back\" href=\"#top\">back to the top</a></p>");
    }

    /// <summary>An anchor id for a name: "agent-ada", "complaint-q0031".</summary>
    public static string Anchor(string kind, string name) =>
        kind + "-" + new string([.. name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);

    private static void Parity(StringBuilder html, string label, ParityResult? parity, double scale, bool lowerIsBetter = false)
    {
        if (parity is not { } p)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{label}</td><td colspan=\"5\">not enough responses in both segments</td></tr>");
            return;
        }

        string size = p.EffectSize is not { } d ? "undefined" : Math.Abs(d) >= 0.8 ? "large" : Math.Abs(d) >= 0.5 ? "medium" : Math.Abs(d) >= 0.2 ? "small" : "negligible";
        bool real = p.Test.Interval.Lower > 0 || p.Test.Interval.Upper < 0;
        string words = real
            ? $"{((p.Test.Difference > 0) != lowerIsBetter ? "internal" : "external")} clients fare better; a real gap, {size} in size"
            : "no gap that chance cannot explain";
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{label}</td><td class=\"n\">{F(p.Test.Difference * scale, 2)}</td><td class=\"n\">{F(p.Test.Interval.Lower * scale, 2)} to {F(p.Test.Interval.Upper * scale, 2)}</td><td class=\"n\">{P(p.Test.PValue)}</td><td class=\"n\">{Split(p.Kind.ToString())} {F(p.EffectSize, 2)}</td><td>{words}</td></tr>");
    }

    internal static string P(double? p) => p is not { } v ? "undefined" : v < 0.001 ? "&lt; 0.001" : F(v, 3);

    /// <summary>"FirstTimeFix" → "First time fix".</summary>
    internal static string Split(string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}
