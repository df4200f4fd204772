using ServiceQuality.Scoring.Proportions;

namespace ServiceQuality.Tests.Scoring.Proportions;

public sealed class ProportionTests
{
    [Fact]
    public void Compare_MatchesRPropTestWithoutCorrection()
    {
        // prop.test(c(83, 70), c(100, 100), correct = FALSE): X-squared = z² with the pooled p; p-value; Wald CI.
        // Values from the same formulas in Python 3.11.
        var a = Proportion.FromCounts(83, 100);
        var b = Proportion.FromCounts(70, 100);
        var test = Proportion.Compare(a, b);
        Assert.Equal(4.700319844249757, test.Statistic!.Value * test.Statistic.Value, 11);
        Assert.Equal(0.030157004779830972, test.PValue!.Value, 12);
        Assert.Equal(0.013864897987485844, test.Interval.Lower, 12);
        Assert.Equal(0.24613510201251415, test.Interval.Upper, 12);
    }

    [Fact]
    public void NoTrials_GiveNoEstimate_AndBadCountsThrow()
    {
        var none = default(ProportionAccumulator).GetResult();
        Assert.False(none.HasValue);
        Assert.Null(none.Interval);
        var acc = default(ProportionAccumulator);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(5, 4));
        Assert.Contains("[0, 4]", ex.Message, StringComparison.Ordinal);
    }
}
