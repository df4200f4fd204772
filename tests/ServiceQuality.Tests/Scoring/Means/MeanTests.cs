using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Means;

public sealed class MeanTests
{
    [Fact]
    public void BayesianAverage_IsImdbWeightedRating()
    {
        // IMDb: WR = (v/(v+m))R + (m/(v+m))C; R = 9, v = 10, m = 25, C = 7 → (10·9 + 25·7)/35 = 7.571428…
        var acc = default(MeanAccumulator);
        for (var i = 0; i < 10; i++)
        {
            acc.Add(9);
        }

        Assert.Equal(265.0 / 35, Mean.BayesianAverage(acc.GetResult(), 7, 25), 13);
        Assert.Equal(7, Mean.BayesianAverage(default(MeanAccumulator).GetResult(), 7, 25));
    }

    [Fact]
    public void Compare_IsWelch()
    {
        // Welch: x = 1..5 (var 2.5), y = 3,5,7,9,11 (var 10); se = √(0.5 + 2) ; df = 2.5²/(0.25/4 + 4/4) = 5.882352…
        MeanAccumulator a = default, b = default;
        a.Add([1.0, 2, 3, 4, 5]);
        b.Add([3.0, 5, 7, 9, 11]);
        var t = Mean.Compare(a.GetResult(), b.GetResult());
        Assert.Equal(-4, t.Difference, 13);
        Assert.Equal(Math.Sqrt(2.5), t.StandardError, 13);
        Assert.Equal(6.25 / 1.0625, t.DegreesOfFreedom!.Value, 12);
    }
}
