using System.Globalization;
using ServiceQuality.Normalization;
using Xunit.Abstractions;
using static ServiceQuality.Tests.Normalization.NormalizationAssert;

namespace ServiceQuality.Tests.Normalization;

/// <summary>
/// Precision and recall of the service areas and of the date, duration and reference facts on 112 CFPB narratives
/// labelled by hand (Normalization/Data/cfpb-labels.tsv, keyed by Complaint ID, with the labelling rules; the narratives
/// are read from the CFPB sample, "Source: CFPB Consumer Complaint Database", and never copied into the repository).
/// The floors are the measured values less a small margin, so that a regression of the classifier fails here; the
/// measured table is in docs/normalization.md ("Areas and facts on labelled complaints").
/// </summary>
public class CfpbLabelledSetTests(ITestOutputHelper output)
{
    /// <summary>The fact kinds labelled: a date counts only with a visible digit (a fully redacted "XX/XX/XXXX" says nothing).</summary>
    private static readonly FactKind[] LabelledFacts = [FactKind.Date, FactKind.Duration, FactKind.Reference];

    /// <summary>
    /// Per area and fact kind: the least precision and recall the classifier must keep, the measured values less 0.05.
    /// Measured on 112 narratives (before the negation and obligation senses of issue 11 → now): FocusOnPriorities
    /// 0.38 / 0.60 → 0.75 / 0.60; AnticipateNeeds 0.67 / 0.40; Responsiveness 0.69 / 0.67; Communication 0.38 / 0.59 →
    /// 0.87 / 0.59; Availability 0.53 / 0.73 → 0.89 / 0.73; CostEffectiveness 0.61 / 0.85; FirstTimeFix 0.69 / 0.79 →
    /// 0.71 / 0.79 ("at one time" is no occurrence); all areas 0.57 / 0.69 → 0.73 / 0.69; dates 1.00 / 0.64 → 1.00 /
    /// 0.93 and durations 0.96 / 0.90 → 1.00 / 0.97 (the facts pass of issue 11: redacted months, fillers, qualifiers,
    /// citations). (With the IT-desk lexicon alone, before the consumer-finance phrasings: all areas 0.51 / 0.51.)
    /// </summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new(StringComparer.Ordinal)
    {
        [ServiceAreas.FocusOnPriorities] = (0.70, 0.55),
        [ServiceAreas.AnticipateNeeds] = (0.62, 0.35),
        [ServiceAreas.Responsiveness] = (0.64, 0.62),
        [ServiceAreas.Communication] = (0.82, 0.54),
        [ServiceAreas.Availability] = (0.84, 0.68),
        [ServiceAreas.CostEffectiveness] = (0.56, 0.79),
        [ServiceAreas.FirstTimeFix] = (0.66, 0.73),
        ["all areas"] = (0.68, 0.64),
        [nameof(FactKind.Date)] = (0.95, 0.88),
        [nameof(FactKind.Duration)] = (0.95, 0.92),
    };

    /// <summary>
    /// The least number of narratives whose <see cref="NormalizedComplaint.PrimaryArea"/> is the labelled primary area
    /// (the first of the label's areas): measured 41 of 66 (33 before the negation and obligation senses, 26 before the
    /// consumer-finance phrasings; the first area in the fixed order of the wants: 20), less 3.
    /// </summary>
    private const int PrimaryFloor = 38;

    internal sealed record Label(string Id, string[] Areas, FactKind[] Facts);

    internal static List<Label> Labels()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Normalization", "Data", "cfpb-labels.tsv");
        static string[] List(string field) => field == "-" ? [] : field.Split(',');
        return [.. File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(p => new Label(p[0], List(p[1]), [.. List(p[2]).Select(Enum.Parse<FactKind>)]))];
    }

    [Fact]
    public void Labels_AreWellFormed()
    {
        var labels = Labels();
        Assert.Equal(112, labels.Count);
        Assert.Equal(labels.Count, labels.Select(l => l.Id).Distinct().Count());
        Assert.All(labels, l => Assert.All(l.Areas, a => Assert.Contains(a, ServiceAreas.ClientWants)));
        Assert.All(labels, l => Assert.Equal(l.Areas.Length, l.Areas.Distinct().Count()));
    }

    [CfpbFact]
    public void Normalize_LabelledCfpbNarratives_MeetThePrecisionAndRecallFloors()
    {
        var narratives = CfpbCorpusTests.LoadNarratives().ToDictionary(n => n.Id, n => n.Narrative, StringComparer.Ordinal);
        var labels = Labels();
        var scores = new Dictionary<string, (int TruePositives, int FalsePositives, int FalseNegatives)>(StringComparer.Ordinal);
        void Count(string name, bool expected, bool predicted)
        {
            var (tp, fp, fn) = scores.GetValueOrDefault(name);
            scores[name] = (tp + (expected && predicted ? 1 : 0), fp + (!expected && predicted ? 1 : 0), fn + (expected && !predicted ? 1 : 0));
        }

        int primaryAgrees = 0, withArea = 0;
        foreach (var label in labels)
        {
            Assert.True(narratives.TryGetValue(label.Id, out var narrative), $"complaint {label.Id} is not in the CFPB sample");
            var record = Normalizer.Normalize(narrative);
            var areas = record.Areas.Select(a => a.Area).Where(ServiceAreas.ClientWants.Contains).ToArray();
            foreach (var area in ServiceAreas.ClientWants)
            {
                Count(area, label.Areas.Contains(area), areas.Contains(area));
                Count("all areas", label.Areas.Contains(area), areas.Contains(area));
            }

            foreach (var kind in LabelledFacts)
            {
                var predicted = record.Facts.Any(f => f.Kind == kind && (kind != FactKind.Date || f.Value.Any(char.IsAsciiDigit)));
                Count(kind.ToString(), label.Facts.Contains(kind), predicted);
            }

            if (!areas.Order(StringComparer.Ordinal).SequenceEqual(label.Areas.Order(StringComparer.Ordinal)))
            {
                output.WriteLine($"{label.Id}: labelled [{string.Join(",", label.Areas)}] found [{string.Join("; ", record.RankedAreas.Select(a => $"{a.Area} {a.Weight}=" + string.Join(",", a.Evidence)))}]");
            }

            if (label.Areas.Length > 0)
            {
                withArea++;
                primaryAgrees += record.PrimaryArea?.Area == label.Areas[0] ? 1 : 0;
            }
        }

        static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
        output.WriteLine("| Area or fact | Labelled | Found | Correct | Precision | Recall |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, (tp, fp, fn)) in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {tp + fn} | {tp + fp} | {tp} | {Ratio(tp, tp + fp):0.00} | {Ratio(tp, tp + fn):0.00} |"));
        }

        output.WriteLine($"Primary area = labelled primary area: {primaryAgrees} of {withArea}");
        foreach (var (name, (precision, recall)) in Floors)
        {
            var (tp, fp, fn) = scores[name];
            Assert.True(tp + fp == 0 || Ratio(tp, tp + fp) >= precision, $"{name}: precision {Ratio(tp, tp + fp):0.000} under the floor {precision}");
            Assert.True(Ratio(tp, tp + fn) >= recall, $"{name}: recall {Ratio(tp, tp + fn):0.000} under the floor {recall}");
        }

        Assert.True(primaryAgrees >= PrimaryFloor, $"primary area = labelled primary in {primaryAgrees} of {withArea}, under the floor {PrimaryFloor}");
    }
}
