using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Insights;

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
        Assert.Equal(81.25, r.Estimate!.Value, 12);
        Assert.Equal(1.7544586059522749, r.StandardError!.Value, 12);
        Assert.Equal(4, r.Components.Count);
        Assert.All(r.Components, c => Assert.Equal(0.25, c.Weight, 14));
        Assert.Equal(r.Estimate!.Value, r.Components.Sum(c => c.Contribution), 12);
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
        inputs.Wants[ClientWant.Availability] = new WantRating { Performance = hi.GetResult(), Importance = 3 };
        inputs.Wants[ClientWant.Communication] = new WantRating { Performance = lo.GetResult(), Importance = 1 };
        var r = ServiceQualityIndex.Compute(inputs, new ServiceQualityIndexOptions { CesDirection = RatingDirection.LowerIsBetter });
        // Hospitality: CES 1 on 1-7, CES 1.0 wording (lower is easier) → 100. Wants: 0.75·100 + 0.25·0 = 75. Index = (100 + 75)/2.
        Assert.Equal(87.5, r.Estimate!.Value, 12);
        Assert.Equal(0.375, r.Components.Single(c => c.Name == "Availability").Weight, 14);

        // The default is CES 2.0 (7 is "very easy"): a mean of 1 is the worst score, 0.
        var ces2 = ServiceQualityIndex.Compute(inputs);
        Assert.Equal(0, ces2.Components.Single(c => c.Name == "CES").Score, 12);
        Assert.Equal(37.5, ces2.Estimate!.Value, 12);
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
        inputs.Wants[(ClientWant)99] = new WantRating { Performance = perf.GetResult(), Importance = 1 };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceQualityIndex.Compute(inputs));
        Assert.Contains("99 is not a defined ClientWant", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FirstTimeFix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoData_NoIndex()
    {
        var r = ServiceQualityIndex.Compute(new ServiceQualityInputs { Csat = Proportion.FromCounts(0, 0) });
        Assert.Null(r.Estimate);
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
        return r.Estimate is >= 0 and <= 100
            && Math.Abs(r.Components.Sum(x => x.Contribution) - r.Estimate.Value) < 1e-9
            && r.Interval!.Value.Contains(r.Estimate.Value);
    }
}
