using ServiceQuality.Scoring;

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

    [Fact]
    public void Posterior_UniformPrior_IsLaplacesRuleOfSuccession()
    {
        // Laplace: (s + 1)/(n + 2); Beta(1 + 7, 1 + 43) has variance αβ/((α+β)²(α+β+1)) = 8·44/(52²·53).
        var p = Proportion.Posterior(7, 50);
        Assert.Equal(8.0 / 52, p.Estimate, 15);
        Assert.Equal(8.0 * 44 / (52.0 * 52 * 53), p.Variance, 15);
        Assert.Equal(new BetaPrior(8, 44), p.Posterior);
        Assert.True(p.Interval.Contains(p.Estimate));
        Assert.Equal(0.5, Proportion.Posterior(0, 0).Estimate); // no trials: the prior
        Assert.Equal(1.0 / 3, Proportion.Posterior(0, 1).Estimate, 15);
    }

    [Fact]
    public void Posterior_JeffreysPrior_IsTheJeffreysInterval()
    {
        var posterior = Proportion.Posterior(7, 50, BetaPrior.Jeffreys);
        var jeffreys = ProportionIntervals.Compute(7, 50, method: ProportionIntervalMethod.Jeffreys);
        Assert.Equal(jeffreys.Lower, posterior.Interval.Lower, 14);
        Assert.Equal(jeffreys.Upper, posterior.Interval.Upper, 14);
        Assert.Equal(7.5 / 51, posterior.Estimate, 15);
    }

    [Fact]
    public void Posterior_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Posterior(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Posterior(1, 2, new BetaPrior(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Posterior(1, 2, new BetaPrior(1, double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Posterior(1, 2, level: 1));
    }
    [Fact]
    public void FromCounts_Options_AreUsed_AndValidated()
    {
        // 81/263 at 90% (z = 1.644854) is narrower than the default 95% Wilson interval [0.2553, 0.3662] (Newcombe 1998).
        var ninety = Proportion.FromCounts(81, 263, new ProportionOptions { ConfidenceLevel = 0.90 });
        var byDefault = Proportion.FromCounts(81, 263, null);
        Assert.Equal(0.90, ninety.Interval!.Value.Level);
        Assert.Equal(0.2552885198782743, byDefault.Interval!.Value.Lower, 12);
        Assert.True(ninety.Interval.Value.Lower > byDefault.Interval.Value.Lower);

        Assert.Throws<ArgumentOutOfRangeException>("ConfidenceLevel", () => Proportion.FromCounts(1, 2, new ProportionOptions { ConfidenceLevel = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>("IntervalMethod", () => Proportion.FromCounts(1, 2, new ProportionOptions { IntervalMethod = (ProportionIntervalMethod)99 }));
        Assert.Throws<ArgumentOutOfRangeException>("trials", () => Proportion.FromCounts(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>("successes", () => Proportion.FromCounts(1, 0));
    }

    [Fact]
    public void Posterior_NegativeTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("trials", () => Proportion.Posterior(0, -1));

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void BetaPrior_FailuresNotAFiniteNumberAboveZero_Throws(double failures)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("Failures", () => new BetaPrior(1, failures).Validate());

        Assert.Contains("finite number > 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithoutTrialsOrWithABadLevel_ThrowsNamingTheArgument()
    {
        var some = Proportion.FromCounts(3, 10);
        var none = Proportion.FromCounts(0, 0);

        Assert.Throws<ArgumentException>("second", () => Proportion.Compare(some, none));
        Assert.Throws<ArgumentException>("first", () => Proportion.Compare(none, some));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => Proportion.Compare(some, some, level: 0));
    }
}
