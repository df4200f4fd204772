using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring.Intervals;
using ServiceQuality.Scoring.Proportions;
using CsatAccumulator = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.CsatScale>;

namespace ServiceQuality.Tests.Scoring;

public sealed class ProportionTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17, Table II, method 3
    // (Wilson score, no continuity correction), 4 decimals; full precision from the same formula in Python 3.11,
    // which is what R binom.confint(x, n, methods = "wilson") and statsmodels proportion_confint(method="wilson") give.
    [Theory]
    [InlineData(81, 263, 0.2552885198782743, 0.3662095769828001)] // Newcombe: 0.2553, 0.3662
    [InlineData(15, 148, 0.06238639953073629, 0.160487241723308)] // Newcombe: 0.0624, 0.1605
    [InlineData(0, 20, 0.0, 0.1611251580528193)] // Newcombe: 0, 0.1611
    [InlineData(1, 29, 0.006113214292762653, 0.17175521879320282)] // Newcombe: 0.0061, 0.1718
    public void Wilson_MatchesNewcombe1998(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n);
        Assert.Equal(lower, ci.Lower, 12);
        Assert.Equal(upper, ci.Upper, 12);
    }

    [Theory]
    [InlineData(81, 263, 0.25522066518999675, 0.3662774316710775)]
    [InlineData(0, 20, -0.028684402489669455, 0.18980956054248876)] // binom.confint does not clip: negative lower bound
    [InlineData(1, 29, -0.008418075475740541, 0.18628650856170603)]
    public void AgrestiCoull_MatchesBinomUnclipped(long x, long n, double lower, double upper)
    {
        // Agresti and Coull (1998): ñ = n + z², p̃ = (x + z²/2)/ñ; Python 3.11 with the same formula (binom "agresti-coull").
        var ci = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.AgrestiCoull, clip: false);
        Assert.Equal(lower, ci.Lower, 12);
        Assert.Equal(upper, ci.Upper, 12);
        var clipped = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.AgrestiCoull);
        Assert.Equal(Math.Max(0, lower), clipped.Lower, 12); // statsmodels clips to [0, 1]
    }

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
    public void WilsonLowerBound_RanksEvidenceAboveLuck()
    {
        Assert.True(ProportionIntervals.WilsonLowerBound(95, 100) > ProportionIntervals.WilsonLowerBound(1, 1));
        Assert.Equal(0, ProportionIntervals.WilsonLowerBound(0, 0));
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
    public void Csat_TopTwoBoxByDefault_TopBoxConfigurable()
    {
        var acc = default(CsatAccumulator);
        acc.Add([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]);
        var r = acc.GetCsat();
        Assert.Equal(7, r.TopBox.Successes);
        Assert.Equal(0.7, r.TopBox.Estimate!.Value, 15);
        Assert.Equal(3.7, r.Mean.Mean!.Value, 14);
        Assert.Equal(3, acc.GetCsat(new CsatOptions { TopBoxMinimum = 5 }).TopBox.Successes);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(new byte[] { 1, 2, 6 }));
        Assert.Equal(10, acc.Count);
    }

    [Property]
    public bool BulkAdd_EqualsOneByOne(bool[] outcomes)
    {
        var bulk = default(ProportionAccumulator);
        bulk.Add(outcomes);
        var single = default(ProportionAccumulator);
        foreach (var o in outcomes)
        {
            single.Add(o);
        }

        return bulk == single;
    }

    [Property]
    public bool Merge_IsAssociativeCommutativeWithIdentity(bool[] a, bool[] b, bool[] c)
    {
        ProportionAccumulator x = default, y = default, z = default;
        x.Add(a);
        y.Add(b);
        z.Add(c);
        return ProportionAccumulator.Combine(ProportionAccumulator.Combine(x, y), z) == ProportionAccumulator.Combine(x, ProportionAccumulator.Combine(y, z))
            && ProportionAccumulator.Combine(x, y) == ProportionAccumulator.Combine(y, x)
            && ProportionAccumulator.Combine(x, default) == x;
    }

    [Property]
    public bool Interval_ContainsEstimate(NonNegativeInt s, PositiveInt extra)
    {
        long n = s.Get + extra.Get;
        return Enum.GetValues<ProportionIntervalMethod>().All(m =>
        {
            var r = Proportion.FromCounts(s.Get, n, new ProportionOptions { IntervalMethod = m });
            return r.Interval!.Value.Contains(r.Estimate!.Value) && r.Interval.Value.Lower >= 0 && r.Interval.Value.Upper <= 1;
        });
    }
}
