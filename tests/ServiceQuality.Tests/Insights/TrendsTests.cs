using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Insights;

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
