using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;
using ServiceQuality.Tests.Scoring.Ratings;
using NpsRatings = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.NpsScale>;

namespace ServiceQuality.Tests.Scoring.Nps;

public sealed class NetPromoterScoreTests
{
    // 20 responses: 5 detractors, 5 passives, 10 promoters.
    private static readonly int[] Sample = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];
    private static readonly int[] Sample2 = [0, 1, 2, 6, 6, 6, 7, 8, 9, 9, 10, 10];

    [Fact]
    public void GetResult_MatchesRPackageNps()
    {
        // R NPS (Rocks): nps(x) = (pro - det)/n = 0.25; nps_var_ = (p_pro + p_det) - (p_pro - p_det)² = 0.6875;
        // nps_se = √(var/n) = 0.18540496217739158; Wald interval nps ± qnorm(0.975)·se, computed with those
        // formulas in Python 3.11 (R NPS's nps_test one-sample interval is the same expression).
        var result = RatingAccumulatorTests.Of(Sample).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal((20L, 5L, 5L, 10L), (result.SampleSize, result.Detractors, result.Passives, result.Promoters));
        Assert.Equal(0.25, result.Estimate!.Value, 15);
        Assert.Equal(25, result.EstimatePoints!.Value, 12);
        Assert.Equal(0.6875, result.Variance!.Value, 15);
        Assert.Equal(0.18540496217739158, result.StandardError!.Value, 14);
        Assert.Equal(-0.11338704842269831, result.Interval!.Value.Lower, 12);
        Assert.Equal(0.6133870484226983, result.Interval!.Value.Upper, 12);
    }

    [Fact]
    public void AdjustedWald_MatchesRocks2016()
    {
        // Rocks (2016) / MeasuringU: n + 3, detractors + ¾, promoters + ¾; Python 3.11 with the same formula.
        var result = RatingAccumulatorTests.Of(Sample).GetNps();
        Assert.Equal(-0.11716133214559901, result.Interval!.Value.Lower, 12);
        Assert.Equal(0.5519439408412512, result.Interval!.Value.Upper, 12);
    }

    [Fact]
    public void Compare_MatchesRNpsTestTwoSample()
    {
        // nps_test(x, y): delta = |nps.x - nps.y|, se = √(var.x/n.x + var.y/n.y), p = 2(1 - Φ(delta/se)).
        var test = NetPromoterScore.Compare(RatingAccumulatorTests.Of(Sample).GetNps(), RatingAccumulatorTests.Of(Sample2).GetNps());
        Assert.Equal(0.41666666666666663, test.Difference, 14);
        Assert.Equal(0.31859791215516403, test.StandardError, 14);
        Assert.Equal(0.19093655701271484, test.PValue!.Value, 12);
        Assert.Equal(-0.20777376670711067, test.Interval.Lower, 12);
        Assert.Equal(1.041107100040444, test.Interval.Upper, 12);
    }

    [Fact]
    public void Compare_WithoutVariance_HasNoStatisticRatherThanInfinity()
    {
        // z = 2/0 would be +∞: the statistic and p-value are undefined, the difference and its zero-width interval are not.
        var promoters = RatingAccumulatorTests.Of([10, 10, 10]).GetNps();
        var detractors = RatingAccumulatorTests.Of([0, 0]).GetNps();
        var test = NetPromoterScore.Compare(promoters, detractors);
        Assert.Equal(2, test.Difference);
        Assert.Equal((null, null), (test.Statistic, test.PValue));
        Assert.Equal(UndefinedReason.NoVariance, test.Undefined);
        Assert.Equal(new ConfidenceInterval(2, 2, 0.95), test.Interval);
        Assert.False(test.IsSignificant());
        Assert.Null(NetPromoterScore.Compare(promoters, promoters).PValue);
    }

    [Fact]
    public void FromCounts_CountsSummingPastLongMax_ThrowOverflowException()
    {
        // The issue: FromCounts(long.MaxValue, 1, 0) reported +1 with all detractors.
        Assert.Throws<OverflowException>(() => NetPromoterScore.FromCounts(long.MaxValue, 1, 0));
        Assert.Throws<OverflowException>(() => NetPromoterScore.FromCounts(1, 0, long.MaxValue));
        Assert.Throws<OverflowException>(() => NetPromoterScore.Posterior(long.MaxValue, 1, 0));
        Assert.Equal(-1, NetPromoterScore.FromCounts(long.MaxValue, 0, 0).Estimate);
    }

    [Fact]
    public void Breaks_AreConfigurable()
    {
        var result = RatingAccumulatorTests.Of(Sample).GetNps(new NpsOptions { Breaks = new NpsBreaks(5, 8) });
        Assert.Equal((3L, 4L, 13L), (result.Detractors, result.Passives, result.Promoters));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingAccumulatorTests.Of(Sample).GetNps(new NpsOptions { Breaks = new NpsBreaks(8, 8) }));
    }

    [Fact]
    public void NoResponses_GiveNoScore()
    {
        var result = default(NpsRatings).GetNps();
        Assert.False(result.HasValue);
        Assert.Null(result.Estimate);
        Assert.Null(result.Interval);
        Assert.Equal(0, result.SampleSize);
    }

    [Fact]
    public void OneResponse_And_AllPromoters_StayInRange()
    {
        var one = RatingAccumulatorTests.Of([10]).GetNps();
        Assert.Equal(1, one.Estimate);
        Assert.Equal(0, one.Variance);
        Assert.InRange(one.Interval!.Value.Lower, -1, 1);
        var all = RatingAccumulatorTests.Of([.. Enumerable.Repeat(9, 500)]).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal(new ServiceQuality.Scoring.ConfidenceInterval(1, 1, 0.95), all.Interval);
        var unclipped = RatingAccumulatorTests.Of([.. Enumerable.Repeat(9, 5)]).GetNps(new NpsOptions { ClipInterval = false });
        Assert.True(unclipped.Interval!.Value.Upper > 0.9);
    }

    [Fact]
    public void AllEqual_GiveZeroVariance_AndTheAdjustedIntervalStaysWide()
    {
        var result = RatingAccumulatorTests.Of([.. Enumerable.Repeat(7, 50)]).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal((0.0, 0.0), (result.Estimate!.Value, result.Variance!.Value));
        Assert.Equal(0, result.Interval!.Value.Width);
        Assert.True(RatingAccumulatorTests.Of([.. Enumerable.Repeat(7, 50)]).GetNps().Interval!.Value.Width > 0.05); // pseudo-responses keep it from collapsing to a point
    }

    [Fact]
    public void AdjustedWald_SingleResponse_IsCentredOnTheAdjustedScore()
    {
        // Documented: one promoter gives (1 + 0.75 - 0.75)/4 = 0.25 ± 1.96·0.375.
        var one = RatingAccumulatorTests.Of([10]).GetNps();
        Assert.Equal(0.25 - (1.959963984540054 * 0.375), one.Interval!.Value.Lower, 12);
        Assert.False(one.Interval!.Value.Contains(1));
    }

    [Fact]
    public void Posterior_MeanVarianceAndInterval()
    {
        // Dirichlet(1 + 5, 1 + 5, 1 + 10): mean (11 - 6)/23; variance from the Dirichlet moments, Python 3.11.
        var post = NetPromoterScore.Posterior(5, 5, 10);
        Assert.Equal(5.0 / 23, post.Estimate, 14);
        var a0 = 23.0;
        Assert.Equal(((11 * (a0 - 11)) + (6 * (a0 - 6)) + (2 * 11 * 6)) / (a0 * a0 * (a0 + 1)), post.Variance, 14);
        Assert.True(post.Interval.Contains(post.Estimate));

        // With many responses the posterior is nearly normal: the interval approaches mean ± 1.96 sd.
        var big = NetPromoterScore.Posterior(2000, 3000, 5000);
        Assert.Equal(big.Estimate - (1.959963984540054 * big.StandardDeviation), big.Interval.Lower, 3);
        Assert.Equal(big.Estimate + (1.959963984540054 * big.StandardDeviation), big.Interval.Upper, 3);

        // Independent check: Monte Carlo in Python 3.11 (1,000,000 Dirichlet draws via random.gammavariate, seed 12345):
        // Dirichlet(6, 6, 11) → 2.5%/97.5% quantiles -0.12705, 0.53363; Jeffreys prior with 0/3/7 → 0.25407, 0.87415.
        Assert.Equal(-0.12704776592666525, post.Interval.Lower, 0.003);
        Assert.Equal(0.533634418083189, post.Interval.Upper, 0.003);
        var jeffreys = NetPromoterScore.Posterior(0, 3, 7, DirichletPrior.Jeffreys);
        Assert.Equal(0.2540736127640031, jeffreys.Interval.Lower, 0.003);
        Assert.Equal(0.8741525548990725, jeffreys.Interval.Upper, 0.003);

        // Symmetric counts give a symmetric interval around 0.
        var sym = NetPromoterScore.Posterior(3, 4, 3, DirichletPrior.Jeffreys);
        Assert.Equal(-sym.Interval.Upper, sym.Interval.Lower, 3);
    }

    [Property]
    public bool AddingPromoter_NeverLowersNps(byte[] raw)
    {
        var acc = default(NpsRatings);
        acc.Add(RatingAccumulatorTests.Ratings(raw));
        var before = acc.GetNps().Estimate ?? -1;
        acc.Add(10);
        return acc.GetNps().Estimate >= before;
    }

    [Property]
    public bool Interval_ContainsEstimate_AndResultsInRange(byte[] raw)
    {
        var acc = default(NpsRatings);
        acc.Add(RatingAccumulatorTests.Ratings(raw));
        var wald = acc.GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        var adj = acc.GetNps();
        if (!wald.HasValue)
        {
            return raw.Length == 0;
        }

        return wald.Interval!.Value.Contains(wald.Estimate!.Value)
            && (adj.SampleSize < 2 || adj.Interval!.Value.Contains(adj.Estimate!.Value))
            && adj.Estimate is >= -1 and <= 1
            && adj.Interval!.Value.Lower >= -1 && adj.Interval!.Value.Upper <= 1
            && adj.Variance is >= 0 and <= 1;
    }

    [Fact]
    public void Test_OneSample_IsRNpsWaldTest()
    {
        // R NPS nps_test(x) with no y: z = (NPS - NPS₀)/se, se = √(var/n), p = 2(1 - Φ(|z|)), interval NPS ± z₀.₉₇₅·se.
        // Computed with those formulas in Python 3.11 (p = erfc(|z|/√2)) for NPS 0.25, var 0.6875, n = 20.
        var nps = RatingAccumulatorTests.Of(Sample).GetNps();
        var zero = NetPromoterScore.Test(nps);
        Assert.Equal(0.25, zero.Difference, 15);
        Assert.Equal(1.348399724926484, zero.Statistic!.Value, 12);
        Assert.Equal(0.17752985241215355, zero.PValue!.Value, 12);
        Assert.Equal(-0.11338704842269831, zero.Interval.Lower, 12);
        Assert.Equal(0.6133870484226983, zero.Interval.Upper, 12);
        var high = NetPromoterScore.Test(nps, 0.6);
        Assert.Equal(-1.8877596148970777, high.Statistic!.Value, 12);
        Assert.Equal(0.05905822909053678, high.PValue!.Value, 12);
        Assert.Equal(zero.Interval, high.Interval); // the interval is of the score, whatever NPS₀

        Assert.Throws<ArgumentException>(() => NetPromoterScore.Test(default(NpsRatings).GetNps()));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Test(nps, 1.5));
        var allPromoters = NetPromoterScore.Test(RatingAccumulatorTests.Of([10, 10, 9]).GetNps());
        Assert.Equal((null, UndefinedReason.NoVariance), (allPromoters.PValue, allPromoters.Undefined));
    }

    [Fact]
    public void GetNps_OnAHostScale_ValidatesTheBreaksAgainstIt()
    {
        // A 1-5 recommendation question: 1-2 detractors, 3-4 passives, 5 promoters.
        var acc = default(ServiceQuality.Scoring.RatingAccumulator<OneToFive>);
        acc.Add([1, 2, 3, 4, 5, 5, 5]);
        var nps = acc.GetNps(new NpsOptions { Breaks = new NpsBreaks(2, 5) });
        Assert.Equal((2L, 2L, 3L), (nps.Detractors, nps.Passives, nps.Promoters));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.GetNps());
        Assert.Contains("1 ≤ DetractorMaximum < PromoterMinimum ≤ 5", ex.Message, StringComparison.Ordinal);
    }

    private readonly struct OneToFive : ServiceQuality.Scoring.IRatingScale
    {
        public static int Minimum => 1;

        public static int Maximum => 5;
    }

    [Fact]
    public void BadArguments_AreRejectedNamingTheParameter()
    {
        static string? Name(Action act) => Assert.ThrowsAny<ArgumentException>(act).ParamName;
        var nps = RatingAccumulatorTests.Of(Sample).GetNps();
        var none = default(NpsRatings).GetNps();

        Assert.Equal("detractors", Name(() => NetPromoterScore.FromCounts(-1, 0, 0)));
        Assert.Equal("passives", Name(() => NetPromoterScore.FromCounts(0, -1, 0)));
        Assert.Equal("promoters", Name(() => NetPromoterScore.FromCounts(0, 0, -1)));
        Assert.Equal("ConfidenceLevel", Name(() => NetPromoterScore.FromCounts(1, 1, 1, new NpsOptions { ConfidenceLevel = 1 })));
        Assert.Equal("IntervalMethod", Name(() => RatingAccumulatorTests.Of(Sample).GetNps(new NpsOptions { IntervalMethod = (NpsIntervalMethod)99 })));
        Assert.Equal("level", Name(() => NetPromoterScore.Test(nps, 0, level: 1.2)));
        Assert.Equal("level", Name(() => NetPromoterScore.Compare(nps, nps, level: 0)));
        Assert.Equal("first", Name(() => NetPromoterScore.Compare(none, nps)));
        Assert.Equal("second", Name(() => NetPromoterScore.Compare(nps, none)));
        Assert.Equal("detractors", Name(() => NetPromoterScore.Posterior(-1, 0, 0)));
        Assert.Equal("passives", Name(() => NetPromoterScore.Posterior(0, -1, 0)));
        Assert.Equal("promoters", Name(() => NetPromoterScore.Posterior(0, 0, -1)));
        Assert.Equal("level", Name(() => NetPromoterScore.Posterior(1, 1, 1, level: double.NaN)));
        Assert.Equal("Passives", Name(() => NetPromoterScore.Posterior(1, 1, 1, DirichletPrior.Uniform with { Passives = 0 })));
        Assert.Equal("Promoters", Name(() => NetPromoterScore.Posterior(1, 1, 1, DirichletPrior.Jeffreys with { Promoters = double.PositiveInfinity })));
        Assert.Contains("number of responses would exceed", Assert.Throws<OverflowException>(() => NetPromoterScore.FromCounts(long.MaxValue, 1, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("number of responses would exceed", Assert.Throws<OverflowException>(() => NetPromoterScore.Posterior(1, 0, long.MaxValue)).Message, StringComparison.Ordinal);
    }
}
