using ServiceQuality.Insights;

namespace ServiceQuality.Tests.Insights;

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
