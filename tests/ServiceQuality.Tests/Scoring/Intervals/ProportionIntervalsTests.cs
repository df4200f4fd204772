using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring.Intervals;
using ServiceQuality.Scoring.Proportions;

namespace ServiceQuality.Tests.Scoring.Intervals;

public sealed class ProportionIntervalsTests
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
    public void WilsonLowerBound_RanksEvidenceAboveLuck()
    {
        Assert.True(ProportionIntervals.WilsonLowerBound(95, 100) > ProportionIntervals.WilsonLowerBound(1, 1));
        Assert.Equal(0, ProportionIntervals.WilsonLowerBound(0, 0));
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
