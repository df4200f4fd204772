using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;
using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring.Nps;
using ServiceQuality.Scoring.Proportions;

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
                [ClientWant.Availability] = [3, 3, 3, 3, 3], // no variance: 0
                [ClientWant.FirstTimeFix] = [1, 3, 2, 5, 4], // r = 0.8 (Σxy = 8, Σxx = Σyy = 10)
            },
            overall);
        Assert.Equal(1, imp[ClientWant.Responsiveness], 14);
        Assert.Equal(-1, imp[ClientWant.Communication], 14);
        Assert.Equal(0, imp[ClientWant.Availability]);
        Assert.Equal(0.8, imp[ClientWant.FirstTimeFix], 14);
    }
}

public sealed class JourneyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly MomentOfTruth[] Journey =
    [
        new(T0.AddHours(3), "email", "fix", 5),
        new(T0, "phone", "acknowledgement", 4),
        new(T0.AddHours(1), "portal", "status update", 1),
        new(T0.AddHours(2), "email", "status update", 3),
    ];

    [Theory]
    [InlineData(PeakDefinition.MostExtreme, 3.0, 1.0)] // 1 and 5 are equally extreme around 3: the earlier in time (the 1) wins
    [InlineData(PeakDefinition.Worst, 3.0, 1.0)]
    [InlineData(PeakDefinition.Best, 5.0, 5.0)]
    public void Score_PeakEnd(PeakDefinition peak, double expected, double peakRating)
    {
        var s = Journeys.Score(Journey, new JourneyOptions { Peak = peak });
        Assert.Equal(expected, s.Score!.Value, 14);
        Assert.Equal(peakRating, s.Peak!.Value.Rating);
        Assert.Equal("fix", s.End!.Value.Kind); // the latest moment, whatever the input order
        Assert.Equal(3.25, s.Mean!.Value, 14);
    }

    [Fact]
    public void Score_EmptyJourney_HasNoScore_AndBadRatingThrows()
    {
        Assert.Null(Journeys.Score([]).Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.Score([new(T0, "phone", "fix", 6)]));
    }

    [Fact]
    public void KindsByWeakness_NamesTheWeakestKind()
    {
        var kinds = Journeys.KindsByWeakness([Journey, [new(T0, "phone", "status update", 2)]]);
        Assert.Equal("status update", kinds[0].Kind);
        Assert.Equal(2, kinds[0].Rating.Mean!.Value, 14);
        Assert.Equal(3, kinds[0].Rating.N);
    }
}

public sealed class WordOfMouthTests
{
    [Fact]
    public void Estimate_AmplifiesNegativeBy20AndPositiveBy3()
    {
        // 50 positive, 30 neutral, 20 negative: 150 hear good, 400 hear bad. Per experience: mean -2.5,
        // var 9·0.5 + 400·0.2 - 6.25 = 78.25; half-width 1.96·√(100·78.25) = 173.376… (Python 3.11).
        var r = WordOfMouth.Estimate(50, 30, 20);
        Assert.Equal((150.0, 400.0, -250.0), (r.PositiveReach, r.NegativeReach, r.NetReach));
        Assert.Equal(-250 - 173.37651303429632, r.Interval!.Value.Lower, 9);
        Assert.Equal(-250 + 173.37651303429632, r.Interval!.Value.Upper, 9);
        Assert.Null(WordOfMouth.Estimate(0, 0, 0).Interval);
        Assert.Equal(-100, WordOfMouth.Estimate(0, 0, 1, new WordOfMouthOptions { NegativeAmplification = 100 }).NetReach);
    }
}

public sealed class SilentClientsTests
{
    [Fact]
    public void Assess_FlagsSilenceAgainstOwnBaseline()
    {
        // 24 contacts in 12 weeks = 2 a week; 3 quiet weeks: λ = 6, P(X ≤ 0) = e⁻⁶ = 0.0024787521766663585.
        var silent = SilentClients.Assess(new ClientActivity(24, TimeSpan.FromDays(84), 0, TimeSpan.FromDays(21)));
        Assert.Equal(6, silent.Expected, 12);
        Assert.Equal(0.0024787521766663585, silent.Probability, 15);
        Assert.True(silent.IsSilent);

        // 4 contacts in those 3 weeks: P(X ≤ 4; 6) = 0.2850565003166312 (Python 3.11) — not unusual.
        var quieter = SilentClients.Assess(new ClientActivity(24, TimeSpan.FromDays(84), 4, TimeSpan.FromDays(21)));
        Assert.Equal(0.2850565003166312, quieter.Probability, 13);
        Assert.False(quieter.IsSilent);

        // Too little history to judge.
        var newClient = SilentClients.Assess(new ClientActivity(2, TimeSpan.FromDays(7), 0, TimeSpan.FromDays(30)));
        Assert.False(newClient.HasEnoughHistory);
        Assert.False(newClient.IsSilent);
    }
}

public sealed class SegmentParityTests
{
    [Fact]
    public void Compare_Proportions_ZTestAndCohensH()
    {
        // Internal 83/100 vs external 70/100: prop.test(correct = FALSE) p = 0.030157…; Cohen's h = 0.30930191480260194.
        var r = SegmentParity.CompareProportions(Proportion.FromCounts(83, 100), Proportion.FromCounts(70, 100));
        Assert.Equal(0.030157004779830972, r.Test.PValue!.Value, 12);
        Assert.Equal(0.30930191480260194, r.EffectSize!.Value, 13);
        Assert.Equal(EffectSizeKind.CohensH, r.Kind);
    }

    [Fact]
    public void CompareToReference_HostDefinedSegments()
    {
        var segments = new Dictionary<ClientSegment, ProportionResult>
        {
            [ClientSegment.Internal] = Proportion.FromCounts(83, 100),
            [ClientSegment.External] = Proportion.FromCounts(70, 100),
        };
        var r = SegmentParity.CompareToReference(segments, ClientSegment.Internal);
        Assert.Equal(-0.13, r[ClientSegment.External].Test.Difference, 12);
        Assert.Single(r);
    }

    [Fact]
    public void Compare_Means_CohensD()
    {
        MeanAccumulator a = default, b = default;
        a.Add([1.0, 2, 3, 4, 5]);
        b.Add([3.0, 4, 5, 6, 7]);
        var r = SegmentParity.CompareMeans(a.GetResult(), b.GetResult());
        Assert.Equal(-2 / Math.Sqrt(2.5), r.EffectSize!.Value, 12);
    }
}

public sealed class TrendsTests
{
    [Fact]
    public void PeriodOverPeriod_TestsEachChange()
    {
        var periods = new[] { Proportion.FromCounts(70, 100), Proportion.FromCounts(83, 100), Proportion.FromCounts(0, 0) };
        var changes = Trends.ProportionPeriodOverPeriod(periods);
        Assert.Equal(2, changes.Count);
        Assert.Equal(0.13, changes[0].Change!.Value.Difference, 12);
        Assert.True(changes[0].Change!.Value.IsSignificant());
        Assert.Null(changes[1].Change); // an empty period has no score to compare
        var nps = Trends.NpsPeriodOverPeriod([NetPromoterScore.FromCounts(5, 5, 10), NetPromoterScore.FromCounts(5, 5, 10)]);
        Assert.Equal(0, nps[0].Change!.Value.Difference);
        Assert.Equal(1, nps[0].Change!.Value.PValue!.Value, 12);
    }
}

public sealed class ServiceQualityIndexTests
{
    [Fact]
    public void Compute_WorkedExample_ContributionsAndDeltaMethodInterval()
    {
        // CSAT 80/100 → 80 (SE 4); NPS 0.3 from 20/30/50 → 65 (SE 50·√(0.61/100) = 3.905…); SLA 90/100 → 90 (SE 3);
        // reopen 10/100 → 90 (SE 3). Two families with data, each half, split equally: every part weighs 0.25.
        // Index = 0.25·(80 + 65 + 90 + 90) = 81.25; SE = 0.25·√(16 + 15.25 + 9 + 9) = 1.7544586059522749 (Python 3.11).
        var inputs = new ServiceQualityInputs
        {
            Csat = Proportion.FromCounts(80, 100),
            Nps = NetPromoterScore.FromCounts(20, 30, 50),
            SlaAttainment = Proportion.FromCounts(90, 100),
            ReopenRate = Proportion.FromCounts(10, 100),
        };
        var r = ServiceQualityIndex.Compute(inputs);
        Assert.Equal(81.25, r.Index!.Value, 12);
        Assert.Equal(1.7544586059522749, r.StandardError!.Value, 12);
        Assert.Equal(4, r.Components.Count);
        Assert.All(r.Components, c => Assert.Equal(0.25, c.Weight, 14));
        Assert.Equal(r.Index!.Value, r.Components.Sum(c => c.Contribution), 12);
        Assert.Equal(81.25 - (1.959963984540054 * 1.7544586059522749), r.Interval!.Value.Lower, 9);
    }

    [Fact]
    public void Compute_WantsWeightedByImportance_AndCesLowerIsBetterByOption()
    {
        MeanAccumulator hi = default, lo = default, ces = default;
        hi.Add([5.0, 5, 5]);
        lo.Add([1.0, 1, 1]);
        ces.Add([1.0, 1, 1]);
        var inputs = new ServiceQualityInputs { Ces = ces.GetResult() };
        inputs.Wants[ClientWant.Availability] = new WantRating(hi.GetResult(), 3);
        inputs.Wants[ClientWant.Communication] = new WantRating(lo.GetResult(), 1);
        var r = ServiceQualityIndex.Compute(inputs, new ServiceQualityIndexOptions { CesDirection = RatingDirection.LowerIsBetter });
        // Hospitality: CES 1 on 1-7, CES 1.0 wording (lower is easier) → 100. Wants: 0.75·100 + 0.25·0 = 75. Index = (100 + 75)/2.
        Assert.Equal(87.5, r.Index!.Value, 12);
        Assert.Equal(0.375, r.Components.Single(c => c.Name == "Availability").Weight, 14);

        // The default is CES 2.0 (7 is "very easy"): a mean of 1 is the worst score, 0.
        var ces2 = ServiceQualityIndex.Compute(inputs);
        Assert.Equal(0, ces2.Components.Single(c => c.Name == "CES").Score, 12);
        Assert.Equal(37.5, ces2.Index!.Value, 12);
    }

    [Theory]
    [InlineData(RatingDirection.HigherIsBetter, 100 * 5.0 / 6)] // CES 2.0: (6 - 1)/(7 - 1)
    [InlineData(RatingDirection.LowerIsBetter, 100 * 1.0 / 6)]  // CES 1.0 wording: (7 - 6)/(7 - 1)
    public void Compute_CesDirection_IsAnOptionOfTheScale(RatingDirection direction, double expected)
    {
        var ces = default(MeanAccumulator);
        ces.Add([6.0, 6, 6]);
        var r = ServiceQualityIndex.Compute(new ServiceQualityInputs { Ces = ces.GetResult() }, new ServiceQualityIndexOptions { CesDirection = direction });
        Assert.Equal(expected, r.Components.Single(c => c.Name == "CES").Score, 12);
    }

    [Fact]
    public void Compute_OnePointScaleOrUndefinedDirection_IsRejectedNotNaN()
    {
        var ces = default(MeanAccumulator);
        ces.Add([1.0, 1]);
        var inputs = new ServiceQualityInputs { Ces = ces.GetResult() };
        var scale = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceQualityIndex.Compute(inputs, new ServiceQualityIndexOptions { CesScaleMinimum = 1, CesScaleMaximum = 1 }));
        Assert.Contains("1..1", scale.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceQualityIndex.Compute(inputs, new ServiceQualityIndexOptions { WantScaleMinimum = 5, WantScaleMaximum = 5 }));
        var direction = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceQualityIndex.Compute(inputs, new ServiceQualityIndexOptions { CesDirection = (RatingDirection)5 }));
        Assert.Contains("5 is not a defined RatingDirection", direction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UndefinedClientWant_IsRejectedNamingTheValue()
    {
        // The issue: a ClientWant of 99 became an index component named "99".
        var perf = default(MeanAccumulator);
        perf.Add([4.0, 5]);
        var inputs = new ServiceQualityInputs();
        inputs.Wants[(ClientWant)99] = new WantRating(perf.GetResult(), 1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceQualityIndex.Compute(inputs));
        Assert.Contains("99 is not a defined ClientWant", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FirstTimeFix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoData_NoIndex()
    {
        var r = ServiceQualityIndex.Compute(new ServiceQualityInputs { Csat = Proportion.FromCounts(0, 0) });
        Assert.Null(r.Index);
        Assert.Empty(r.Components);
    }

    [Property]
    public bool Index_InRange_ContributionsSumToIndex(NonNegativeInt a, PositiveInt b, NonNegativeInt c, PositiveInt d)
    {
        var inputs = new ServiceQualityInputs
        {
            Csat = Proportion.FromCounts(Math.Min(a.Get, b.Get), b.Get),
            FirstContactResolution = Proportion.FromCounts(Math.Min(c.Get, d.Get), d.Get),
            Nps = NetPromoterScore.FromCounts(a.Get % 7, c.Get % 5, b.Get % 9),
        };
        var r = ServiceQualityIndex.Compute(inputs);
        return r.Index is >= 0 and <= 100
            && Math.Abs(r.Components.Sum(x => x.Contribution) - r.Index.Value) < 1e-9
            && r.Interval!.Value.Contains(r.Index.Value);
    }
}
