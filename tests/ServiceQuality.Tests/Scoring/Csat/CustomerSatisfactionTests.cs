using ServiceQuality.Scoring;
using CsatAccumulator = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.CsatScale>;

namespace ServiceQuality.Tests.Scoring.Csat;

public sealed class CustomerSatisfactionTests
{
    [Fact]
    public void Csat_TopTwoBoxByDefault_TopBoxConfigurable()
    {
        var acc = default(CsatAccumulator);
        acc.Add([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]);
        var r = acc.GetCsat();
        Assert.Equal(7, r.TopBox.Successes);
        Assert.Equal(0.7, r.TopBox.Estimate!.Value, 15);
        Assert.Equal(3.7, r.Mean.Estimate!.Value, 14);
        Assert.Equal(3, acc.GetCsat(new CsatOptions { TopBoxMinimum = 5 }).TopBox.Successes);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(new byte[] { 1, 2, 6 }));
        Assert.Equal(10, acc.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void GetCsat_TopBoxMinimumOutsideOneToFive_IsRejectedNamingIt(int topBoxMinimum)
    {
        var acc = default(CsatAccumulator);
        acc.Add(4);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.GetCsat(new CsatOptions { TopBoxMinimum = topBoxMinimum }));
        Assert.Equal("TopBoxMinimum", ex.ParamName);
    }

    [Fact]
    public void GetCsat_BadProportionOptions_AreRejected()
    {
        var acc = default(CsatAccumulator);
        acc.Add(4);

        Assert.Equal("Proportion", Assert.Throws<ArgumentNullException>(() => acc.GetCsat(new CsatOptions { Proportion = null! })).ParamName);
        var level = Assert.Throws<ArgumentOutOfRangeException>(() => acc.GetCsat(new CsatOptions { Proportion = new ProportionOptions { ConfidenceLevel = 1.5 } }));
        Assert.Equal("ConfidenceLevel", level.ParamName);
    }
}
