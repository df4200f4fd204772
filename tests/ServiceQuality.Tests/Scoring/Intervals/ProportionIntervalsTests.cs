using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

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

    // Wilson with continuity correction: Newcombe (1998), method 4, on the four examples of his Table II. Full precision
    // from his closed form in Python 3.11, and independently from R prop.test(x, n, correct = TRUE)'s algebraic form
    // (p.c = x/n ± 0.5/n inside the score interval); the two agree to 1e-16.
    [Theory]
    [InlineData(81, 263, 0.25350868229518514, 0.3681762010430035)]
    [InlineData(15, 148, 0.05977820842849813, 0.16444977936483698)]
    [InlineData(0, 20, 0.0, 0.20045334501348705)]
    [InlineData(1, 29, 0.0018026402132796644, 0.19628175100975956)]
    public void WilsonContinuityCorrected_MatchesNewcombeMethod4(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.WilsonContinuityCorrected);
        Assert.Equal(lower, ci.Lower, 12);
        Assert.Equal(upper, ci.Upper, 12);
        Assert.True(ci.Width > ProportionIntervals.Compute(x, n).Width); // wider than Wilson
    }

    [Fact]
    public void ClopperPearson_MatchesScipyAndPublishedTables()
    {
        // scipy.stats.binomtest(k=7, n=50).proportion_ci() (method "exact", the scipy docs' example):
        // ConfidenceInterval(low=0.05819170033997342, high=0.26739600249700846).
        var ci = ProportionIntervals.Compute(7, 50, method: ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(0.05819170033997342, ci.Lower, 11);
        Assert.Equal(0.26739600249700846, ci.Upper, 11);

        // 5 of 25: 0.068 to 0.407 (Conover's tables and R epitools binom.exact, as quoted by influentialpoints.com).
        var table = ProportionIntervals.Compute(5, 25, method: ProportionIntervalMethod.ClopperPearson);
        Assert.Equal((0.068, 0.407), (Math.Round(table.Lower, 3), Math.Round(table.Upper, 3)));

        // Closed forms at the ends: x = 0 gives [0, 1 - (a/2)^(1/n)], x = n gives [(a/2)^(1/n), 1].
        var none = ProportionIntervals.Compute(0, 20, method: ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(0, none.Lower);
        Assert.Equal(1 - Math.Pow(0.025, 1.0 / 20), none.Upper, 13);
        var all = ProportionIntervals.Compute(20, 20, method: ProportionIntervalMethod.ClopperPearson);
        Assert.Equal(Math.Pow(0.025, 1.0 / 20), all.Lower, 13);
        Assert.Equal(1, all.Upper);
    }

    // Jeffreys: the 2.5% and 97.5% quantiles of Beta(x + ½, n − x + ½) (statsmodels proportion_confint(method="jeffreys")),
    // computed in Python 3.11 without scipy: the Beta CDF by composite Simpson integration in θ (t = sin²θ, which removes
    // the endpoint singularities) over 20,000 panels, inverted by bisection. The same code reproduces scipy's
    // Clopper-Pearson bounds for 7/50 above to 4e-13.
    [Theory]
    [InlineData(81, 263, 0.2545219349910228, 0.36564749917405726)]
    [InlineData(15, 148, 0.060448517009295225, 0.15764314347865893)]
    [InlineData(1, 29, 0.0037461736490571056, 0.15007768600224647)]
    [InlineData(7, 50, 0.06487170115051819, 0.25532502815636826)]
    public void Jeffreys_MatchesBetaPosteriorQuantiles(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.Jeffreys);
        Assert.Equal(lower, ci.Lower, 10);
        Assert.Equal(upper, ci.Upper, 10);
    }

    [Fact]
    public void Jeffreys_AtTheEnds_FollowsBrownCaiDasGupta()
    {
        // x = 0: lower 0 (statsmodels keeps the central quantile), upper the 97.5% quantile of Beta(½, 20.5) (Python as above).
        var none = ProportionIntervals.Compute(0, 20, method: ProportionIntervalMethod.Jeffreys);
        Assert.Equal(0, none.Lower);
        Assert.Equal(0.11663898290486949, none.Upper, 10);
        var all = ProportionIntervals.Compute(20, 20, method: ProportionIntervalMethod.Jeffreys);
        Assert.Equal(1 - 0.11663898290486949, all.Lower, 10);
        Assert.Equal(1, all.Upper);
    }

    [Fact]
    public void Compute_UndefinedMethod_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Compute(1, 2, method: (ProportionIntervalMethod)9));
        Assert.Contains("9 is not a defined ProportionIntervalMethod", ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool EveryMethod_ContainsTheEstimate_InsideZeroOne(NonNegativeInt s, PositiveInt extra)
    {
        long n = s.Get + extra.Get, x = s.Get;
        return Enum.GetValues<ProportionIntervalMethod>().All(method =>
        {
            var ci = ProportionIntervals.Compute(x, n, method: method);
            return ci.Lower >= 0 && ci.Upper <= 1 && ci.Contains((double)x / n);
        });
    }

    [Property]
    public bool ExactIntervals_AreNested_ClopperPearsonContainsJeffreys(NonNegativeInt s, PositiveInt extra)
    {
        // Clopper-Pearson's tails use Beta(x, n-x+1) and Beta(x+1, n-x), which bracket Jeffreys' Beta(x+½, n-x+½).
        long n = s.Get + extra.Get, x = s.Get;
        var cp = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.ClopperPearson);
        var j = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.Jeffreys);
        return cp.Lower <= j.Lower + 1e-12 && j.Upper <= cp.Upper + 1e-12;
    }
    // Newcombe (1998), Table II, method 1 (simple asymptotic, "Wald"): p ± z·sqrt(p(1 - p)/n); 81/263 gives 0.2522, 0.3638.
    // Full precision from the same formula in Python 3.11 (statsmodels proportion_confint(method="normal")).
    [Theory]
    [InlineData(81, 263, 0.2521901262131072, 0.36377945553594226)]
    [InlineData(7, 50, 0.04382186922053721, 0.2361781307794628)]
    public void Wald_MatchesNewcombe1998Method1(long x, long n, double lower, double upper)
    {
        var ci = ProportionIntervals.Compute(x, n, method: ProportionIntervalMethod.Wald);

        Assert.Equal(lower, ci.Lower, 12);
        Assert.Equal(upper, ci.Upper, 12);
    }

    [Theory]
    [InlineData(ProportionIntervalMethod.WilsonContinuityCorrected)]
    [InlineData(ProportionIntervalMethod.ClopperPearson)]
    [InlineData(ProportionIntervalMethod.Jeffreys)]
    public void Compute_AtTheEndsUnclipped_GivesExactlyZeroAndOne(ProportionIntervalMethod method)
    {
        // No success: the lower bound is 0 by definition; all successes: the upper bound is 1 (not the formula's value).
        Assert.Equal(0.0, ProportionIntervals.Compute(0, 10, method: method, clip: false).Lower);
        Assert.Equal(1.0, ProportionIntervals.Compute(10, 10, method: method, clip: false).Upper);
    }

    [Fact]
    public void Compute_Wilson_AllSuccesses_HasUpperBoundExactlyOne()
    {
        for (long n = 1; n <= 200; n++)
        {
            Assert.Equal(1.0, ProportionIntervals.Compute(n, n).Upper);
            Assert.Equal(0.0, ProportionIntervals.Compute(0, n).Lower);
        }
    }

    [Theory]
    [InlineData(0, 0, "trials")]
    [InlineData(0, -1, "trials")]
    [InlineData(-1, 5, "successes")]
    [InlineData(6, 5, "successes")]
    public void Compute_BadCounts_ThrowNamingTheArgument(long successes, long trials, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(name, () => ProportionIntervals.Compute(successes, trials));

        Assert.Contains(name == "trials" ? "≥ 1" : "[0, 5]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Compute_LevelOutsideTheOpenUnitRange_Throws(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("level", () => ProportionIntervals.Compute(1, 2, level));

        Assert.Contains("(0, 1)", e.Message, StringComparison.Ordinal);
    }
}
