using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Reliability;

public sealed class IntraclassCorrelationTests
{
    // Shrout and Fleiss (1979), Table 2: 6 targets (wines) × 4 judges; pingouin's intraclass_corr example data set.
    internal static readonly double[,] Wine =
    {
        { 9, 2, 5, 8 }, { 6, 1, 3, 2 }, { 8, 4, 6, 8 }, { 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 },
    };

    [Theory]
    // Exact values from the ANOVA mean squares (MSR 11.2417, MSC 32.4861, MSE 1.01944, MSW 6.26389), Python 3.11;
    // Shrout & Fleiss 1979 Table 4 publishes them to 2 decimals: .17, .29, .71, .44, .62, .91.
    // pingouin intraclass_corr docs: ICC 0.166/0.290/0.715/0.443/0.620/0.909, F 1.795 and 11.027,
    // CI95 [-0.13, 0.72], [0.02, 0.76], [0.34, 0.95], [-0.88, 0.91], [0.07, 0.93], [0.68, 0.99].
    [InlineData(IccForm.Single1, 0.16574176840547541, 0.17, 1.7946784922394678, -0.13, 0.72)]
    [InlineData(IccForm.Single2, 0.289763779527559, 0.29, 11.027247956403258, 0.02, 0.76)]
    [InlineData(IccForm.Single3, 0.7148407148407147, 0.71, 11.027247956403258, 0.34, 0.95)]
    [InlineData(IccForm.Average1, 0.4427971336792686, 0.44, 1.7946784922394678, -0.88, 0.91)]
    [InlineData(IccForm.Average2, 0.620050547598989, 0.62, 11.027247956403258, 0.07, 0.93)]
    [InlineData(IccForm.Average3, 0.9093155423770694, 0.91, 11.027247956403258, 0.68, 0.99)]
    public void Icc_MatchesShroutFleissAndPingouin(IccForm form, double exact, double published, double f, double lower, double upper)
    {
        var icc = IntraclassCorrelation.Compute(Wine)[(int)form];
        Assert.Equal(form, icc.Form);
        Assert.Equal(exact, icc.Estimate!.Value, 12);
        Assert.Equal(published, Math.Round(icc.Estimate.Value, 2), 10);
        Assert.Equal(f, icc.F!.Value, 12);
        Assert.Equal(lower, icc.Interval!.Value.Lower, 0.005 + 1e-9);
        Assert.Equal(upper, icc.Interval!.Value.Upper, 0.005 + 1e-9);
        Assert.True(icc.Interval.Value.Contains(icc.Estimate.Value));
        Assert.Equal(UndefinedReason.None, icc.Undefined);
    }

    [Fact]
    public void Icc_PValuesMatchPingouin()
    {
        var iccs = IntraclassCorrelation.Compute(Wine);
        Assert.Equal(0.164769, iccs[0].PValue!.Value, 5e-7); // pingouin: pval ICC1 0.164769 (F 1.795, df 5, 18)
        Assert.Equal(0.000135, iccs[2].PValue!.Value, 5e-7); // pingouin: pval ICC3 0.000135 (F 11.027, df 5, 15)
        Assert.Equal((5.0, 18.0), (iccs[0].Df1, iccs[0].Df2));
        Assert.Equal((5.0, 15.0), (iccs[2].Df1, iccs[2].Df2));
    }

    [Fact]
    public void Icc_AllEqual_IsUndefinedInEveryForm()
    {
        var iccs = IntraclassCorrelation.Compute(new double[,] { { 3, 3 }, { 3, 3 }, { 3, 3 } });
        Assert.All(iccs, e =>
        {
            Assert.Null(e.Estimate);
            Assert.Null(e.F);
            Assert.Null(e.PValue);
            Assert.Null(e.Interval);
            Assert.Equal(UndefinedReason.NoVariance, e.Undefined);
        });
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[,] { { 3, 3, 3 } }));
    }

    [Fact]
    public void Icc_NoVarianceWithinTargets_HasPerfectAgreementButNoFTest()
    {
        // Every rater agrees on every target: MSW = MSE = 0, so ICC(1,1) = ICC(3,1) = 1 and F = MSR/0 has no value.
        var iccs = IntraclassCorrelation.Compute(new double[,] { { 1, 1 }, { 2, 2 }, { 4, 4 } });
        Assert.Equal(1, iccs[(int)IccForm.Single1].Estimate);
        Assert.Equal(1, iccs[(int)IccForm.Single3].Estimate);
        Assert.Null(iccs[(int)IccForm.Single1].F);
        Assert.Equal(UndefinedReason.NoVariance, iccs[(int)IccForm.Single1].Undefined);
    }

    [Property]
    public bool Alpha_AtMostOne_AndIccIntervalsContainEstimates(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        int n = random.Next(3, 40), k = random.Next(2, 8);
        var m = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            var trait = random.Next(0, 3);
            for (var j = 0; j < k; j++)
            {
                m[i, j] = trait + random.Next(1, 5);
            }
        }

        // A matrix without variance has no alpha or ICC: reported as undefined, never mis-scored.
        var alpha = CronbachAlpha.Compute(m);
        var iccs = IntraclassCorrelation.Compute(m);
        var alphaOk = alpha.Estimate is not { } a
            ? alpha.Undefined == UndefinedReason.NoVariance && alpha.Interval is null
            : a <= 1 && alpha.Interval!.Value.Lower <= a && a <= alpha.Interval.Value.Upper;
        return alphaOk && iccs.All(e => e.Undefined != UndefinedReason.None
            || (e.Estimate <= 1 && e.Interval!.Value.Lower <= e.Estimate + 1e-12 && e.Estimate <= e.Interval.Value.Upper + 1e-12 && e.PValue is >= 0 and <= 1));
    }

    [Property]
    public bool AlphaIccAndGroupAgreement_AddingAConstantUpTo1e9_AreUnchanged(PositiveInt seed, uint constant)
    {
        // Integer ratings plus an integer constant up to 1e9: x + c is exact, so any change is the algorithm's.
        var c = constant % 1_000_000_001L;
        var m = Matrices.RandomRatings(seed.Get, out var groups);
        var shifted = Matrices.Map(m, x => x + c);
        return SameReliability(m, shifted, groups);
    }

    [Property]
    public bool AlphaIccAndGroupAgreement_ScalingByAPositiveConstant_AreUnchanged(PositiveInt seed, PositiveInt numerator, PositiveInt denominator)
    {
        var scale = (double)numerator.Get / denominator.Get;
        var m = Matrices.RandomRatings(seed.Get, out var groups);
        return SameReliability(m, Matrices.Map(m, x => x * scale), groups);
    }

    private static bool SameReliability(double[,] a, double[,] b, int[] groups)
    {
        const double tolerance = 1e-9;
        var (alphaA, alphaB) = (CronbachAlpha.Compute(a), CronbachAlpha.Compute(b));
        var (iccA, iccB) = (IntraclassCorrelation.Compute(a), IntraclassCorrelation.Compute(b));
        var (gaA, gaB) = (GroupAgreement.Compute(groups, Matrices.Flatten(a)), GroupAgreement.Compute(groups, Matrices.Flatten(b)));
        return Tolerance.Close(alphaA.Estimate, alphaB.Estimate, tolerance) && alphaA.Undefined == alphaB.Undefined
            && iccA.Zip(iccB).All(p => Tolerance.Close(p.First.Estimate, p.Second.Estimate, tolerance) && p.First.Undefined == p.Second.Undefined)
            && Tolerance.Close(gaA.Icc1, gaB.Icc1, tolerance) && Tolerance.Close(gaA.Icc2, gaB.Icc2, tolerance)
            && Tolerance.Close(gaA.F, gaB.F, tolerance) && gaA.Undefined == gaB.Undefined;
    }


    [Theory]
    // McGraw and Wong (1996) interval of ICC(2,1) with Satterthwaite's degrees of freedom (v = 4.785143862212764),
    // and its Spearman-Brown step-up for ICC(2,k), on the wine data. pingouin publishes them to 2 decimals
    // ([0.02, 0.76] and [0.07, 0.93]); the digits below were computed independently in Python 3.11 from the textbook
    // form of v and an F quantile by bisection on the regularized incomplete beta (Lentz's continued fraction).
    [InlineData(IccForm.Single2, 0.018786513374712124, 0.7610843696489525)]
    [InlineData(IccForm.Average2, 0.07113681530250375, 0.9272320401677219)]
    public void Icc2_Interval_MatchesMcGrawWongToNineDigits(IccForm form, double lower, double upper)
    {
        var interval = IntraclassCorrelation.Compute(Wine)[(int)form].Interval!.Value;
        Assert.Equal(lower, interval.Lower, 1e-9);
        Assert.Equal(upper, interval.Upper, 1e-9);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void Icc_NoVarianceWithinTargets_HasNoPValue()
    {
        // F = MSR / 0 has no value, so neither has its p-value (never 0 from F = +∞).
        var iccs = IntraclassCorrelation.Compute(new double[,] { { 1, 1 }, { 2, 2 }, { 4, 4 } });
        Assert.Null(iccs[(int)IccForm.Single1].PValue);
        Assert.Null(iccs[(int)IccForm.Single3].PValue);
    }

    [Fact]
    public void Icc_TwoTargets_IsComputed()
    {
        // The smallest legal shape, 2 × 2 (by hand): MSR = 6.25, MSC = 0.25, MSE = 0.25, so
        // ICC(3,1) = (6.25 - 0.25)/(6.25 + 0.25) = 12/13 and F = MSR/MSE = 25.
        var iccs = IntraclassCorrelation.Compute(new double[,] { { 1, 2 }, { 4, 4 } });
        Assert.Equal(12.0 / 13, iccs[(int)IccForm.Single3].Estimate!.Value, 14);
        Assert.Equal(25.0, iccs[(int)IccForm.Single3].F!.Value, 12);
    }

    [Fact]
    public void Icc_BadInput_NamesTheArgument()
    {
        Assert.Equal("ratings", Assert.Throws<ArgumentNullException>(() => IntraclassCorrelation.Compute(null!)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => IntraclassCorrelation.Compute(Wine, 1.5)).ParamName);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => IntraclassCorrelation.Compute(new double[,] { { 1, 2 }, { double.NaN, 4 } }));
        Assert.Equal("ratings", nan.ParamName);
    }

    [Fact]
    public void Icc_SpreadBeyondADouble_ThrowsOverflow()
    {
        // Sums of squares of ±1e200 are about 1e400: an OverflowException, never an ICC from ∞ / ∞.
        Assert.Throws<OverflowException>(() => IntraclassCorrelation.Compute(new double[,] { { 1e200, 0 }, { -1e200, 0 } }));
    }
}
