using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Insights;

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
