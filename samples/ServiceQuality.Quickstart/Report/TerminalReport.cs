using ServiceQuality.Insights;
using ServiceQuality.Scoring;
using static ServiceQuality.Quickstart.Report.Svg;

namespace ServiceQuality.Quickstart.Report;

/// <summary>The scorecard as a table in the terminal.</summary>
internal static class TerminalReport
{
    public static void Write(TextWriter output, ScorecardResult card, QuickstartResults? run)
    {
        output.WriteLine();
        output.WriteLine(run is null ? "SERVICE QUALITY SCORECARD" : $"SERVICE QUALITY SCORECARD  {run.PeriodStart:yyyy-MM-dd} to {run.PeriodEnd:yyyy-MM-dd}");
        Row(output, "Measure", "Estimate", "95% interval", "n");
        output.WriteLine(new string('-', 78));
        Row(output, "Service Quality Index (0-100)", card.Index.Estimate is { } i ? F(i) : "no score", Interval(card.Index.Interval, 1, 1), "");
        Row(output, "NPS (-100..100)", card.Nps.Estimate is { } n ? F(n * 100, 0) : "no score", Interval(card.Nps.Interval, 100, 0), card.Nps.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(output, "CSAT top-2 box", card.Csat.TopBox.Estimate is { } c ? $"{F(c * 100, 1)}%" : "no score", Interval(card.Csat.TopBox.Interval, 100, 1, "%"), card.Csat.TopBox.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(output, "CES (1-7, lower is better)", card.Ces.Estimate is { } e ? F(e, 2) : "no score", Interval(card.Ces.Interval, 1, 2), card.Ces.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (run is not null)
        {
            Rate(output, "SLA attainment (resolve clock)", run.Rates.SlaAttainment);
            Rate(output, "First-contact resolution", run.Rates.FirstContactResolution);
            Rate(output, "Reopen rate (lower is better)", run.Rates.ReopenRate);
        }

        if (card.Wants.Count > 0)
        {
            output.WriteLine();
            Row(output, "Client want", "Importance", "Performance", "Quadrant");
            output.WriteLine(new string('-', 78));
            foreach (var w in card.Wants.OrderBy(w => w.Quadrant).ThenByDescending(w => w.Importance))
            {
                Row(output, ScorecardReport.Split(w.Want.ToString()), F(w.Importance, 2), F(w.Performance.Estimate ?? 0, 2), ScorecardReport.Split(w.Quadrant.ToString()));
            }
        }

        if (card.Consistency.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Least consistent across agents (ICC1, 0 = the same whoever the client meets): " +
                string.Join(", ", card.Consistency.Take(3).Select(x => $"{ScorecardReport.Split(x.Area)} {F(x.Agreement.Icc1, 3)}")));
        }

        if (run is not null)
        {
            output.WriteLine($"Complaints: {run.Complaints}, {run.DistinctIncidentKeys} distinct incident keys; calm and angry tellings of the same facts agreed in {run.ToneVariantsAgreeing} of {run.ToneVariantPairs} pairs.");
            foreach (var p in run.RecurringProblems.Take(5))
            {
                output.WriteLine($"  recurring: {p.Count,3} complaints, {p.Clients,2} clients, {p.FirstSeen:MM-dd}..{p.LastSeen:MM-dd}  {Truncate(p.Example, 60)}");
            }
        }
    }

    /// <summary>
    /// What a scorecard's index leaves out, against the main job's: the service family (SLA attainment, first-contact
    /// resolution, reopen rate) comes from complaints, and any survey measure without answers is left out too, so an
    /// index of surveys alone is not comparable with the main job's.
    /// </summary>
    public static string LeftOut(ScorecardResult card)
    {
        var present = card.Index.Components.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        string[] service = ["SLA attainment", "First-contact resolution", "Reopen rate"];
        var survey = new[] { "NPS", "CSAT", "CES" }.Concat(Enum.GetValues<ClientWant>().Select(w => w.ToString()))
            .Where(name => !present.Contains(name)).Select(name => Enum.TryParse<ClientWant>(name, out _) ? ScorecardReport.Split(name) : name).ToList();
        string text = $"Left out of this index: {string.Join(", ", service.Where(s => !present.Contains(s)))} (measured from complaints: the main job includes them)";
        text += survey.Count == 0 ? "." : $", and {string.Join(", ", survey)} (no answers in this file).";
        return text + " So this index is not comparable with the main job's.";
    }

    private static void Rate(TextWriter output, string name, ServiceQuality.Scoring.ProportionResult rate) =>
        Row(output, name, rate.Estimate is { } e ? $"{F(e * 100, 1)}%" : "no score", Interval(rate.Interval, 100, 1, "%"), rate.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Interval(ConfidenceInterval? interval, double scale, int decimals, string unit = "") =>
        interval is { } i ? $"{F(i.Lower * scale, decimals)}{unit} to {F(i.Upper * scale, decimals)}{unit}" : "";

    private static void Row(TextWriter output, string a, string b, string c, string d) => output.WriteLine($"{a,-32}{b,12}  {c,-22}{d,8}");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
