using ServiceQuality.Insights;

namespace ServiceQuality.Tests.Insights;

public sealed class ImportancePerformanceTests
{
    private static readonly Dictionary<ClientWant, (double, double)> Wants = new()
    {
        [ClientWant.FocusOnPriorities] = (4.6, 3.1),
        [ClientWant.AnticipateNeeds] = (3.2, 2.9),
        [ClientWant.Responsiveness] = (4.5, 4.2),
        [ClientWant.Communication] = (4.4, 2.8),
        [ClientWant.Availability] = (4.8, 4.5),
        [ClientWant.CostEffectiveness] = (3.0, 4.1),
        [ClientWant.FirstTimeFix] = (4.2, 3.4),
    };

    [Fact]
    public void Analyze_DataMeanCrosshairs_PlaceQuadrants()
    {
        // Crosshairs at the means: importance 28.7/7 = 4.1, performance 25/7 = 3.5714…
        var r = ImportancePerformance.Analyze(Wants);
        Assert.Equal(28.7 / 7, r.ImportanceCrosshair, 12);
        Assert.Equal(25.0 / 7, r.PerformanceCrosshair, 12);
        Assert.Equal(IpaQuadrant.ConcentrateHere, r.Points[(int)ClientWant.Communication].Quadrant);
        Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, r.Points[(int)ClientWant.Availability].Quadrant);
        Assert.Equal(IpaQuadrant.LowPriority, r.Points[(int)ClientWant.AnticipateNeeds].Quadrant);
        Assert.Equal(IpaQuadrant.PossibleOverkill, r.Points[(int)ClientWant.CostEffectiveness].Quadrant);
        Assert.Equal([ClientWant.FocusOnPriorities, ClientWant.Communication, ClientWant.FirstTimeFix], r.ConcentrateHere);
    }

    [Fact]
    public void Analyze_ScaleMidpointCrosshairs_AreTheAlternative()
    {
        var r = ImportancePerformance.Analyze(Wants, new ImportancePerformanceOptions { Crosshairs = CrosshairPlacement.ScaleMidpoint });
        Assert.Equal((3.0, 3.0), (r.ImportanceCrosshair, r.PerformanceCrosshair));
        Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, r.Points[(int)ClientWant.FirstTimeFix].Quadrant);
        Assert.Equal(IpaQuadrant.ConcentrateHere, r.Points[(int)ClientWant.AnticipateNeeds].Quadrant);
    }

    [Fact]
    public void DeriveImportance_IsPearsonCorrelationWithOverall()
    {
        double[] overall = [1, 2, 3, 4, 5];
        var imp = ImportancePerformance.DeriveImportance(
            new Dictionary<ClientWant, double[]>
            {
                [ClientWant.Responsiveness] = [2, 4, 6, 8, 10], // r = 1
                [ClientWant.Communication] = [5, 4, 3, 2, 1], // r = -1
                [ClientWant.Availability] = [3, 3, 3, 3, 3], // no variance: undefined, not 0
                [ClientWant.FirstTimeFix] = [1, 3, 2, 5, 4], // r = 0.8 (Σxy = 8, Σxx = Σyy = 10)
            },
            overall);
        Assert.Equal(1, imp[ClientWant.Responsiveness]!.Value, 14);
        Assert.Equal(-1, imp[ClientWant.Communication]!.Value, 14);
        Assert.Null(imp[ClientWant.Availability]);
        Assert.Equal(0.8, imp[ClientWant.FirstTimeFix]!.Value, 14);
    }

    [Fact]
    public void Analyze_AnyAttributeSet_KeepsTheOrderAndReportsTheGap()
    {
        // A host's own attributes on the same 1-5 scale for importance and performance: gap P − I, the largest shortfall first.
        var attributes = new Dictionary<string, (double Importance, double Performance)>
        {
            ["Password resets"] = (4.5, 2.5),
            ["Laptop refresh"] = (3.0, 3.5),
            ["Onboarding"] = (4.0, 3.9),
        };
        var r = ImportancePerformance.Analyze(attributes);
        Assert.Equal(["Password resets", "Laptop refresh", "Onboarding"], r.Points.Select(p => p.Attribute));
        Assert.Equal([-2.0, 0.5, -0.1], r.Points.Select(p => Math.Round(p.Gap, 12)));
        Assert.Equal(["Password resets", "Onboarding", "Laptop refresh"], r.ByGap.Select(p => p.Attribute));
        Assert.Equal(["Password resets"], r.ConcentrateHere); // importance 4.5 ≥ 3.833…, performance 2.5 < 3.3
    }

    [Fact]
    public void Analyze_BadInput_IsRejectedNamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ImportancePerformance.Analyze(new Dictionary<ClientWant, (double, double)> { [(ClientWant)99] = (4, 3) }));
        Assert.Contains("99 is not a defined ClientWant", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImportancePerformance.Analyze(new Dictionary<string, (double, double)>()));
        Assert.Throws<ArgumentException>(() => ImportancePerformance.Analyze([new KeyValuePair<string, (double, double)>("a", (1, 2)), new("a", (3, 4))]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportancePerformance.Analyze(Wants, new ImportancePerformanceOptions { Crosshairs = (CrosshairPlacement)4 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportancePerformance.Analyze(Wants, new ImportancePerformanceOptions { PerformanceScaleMinimum = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportancePerformance.Analyze(new Dictionary<string, (double, double)> { ["a"] = (double.NaN, 1) }));
    }
}
