using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;
using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring.Reliability;

namespace ServiceQuality.Tests.Scoring;

public sealed class ReliabilityTests
{
    // Shrout and Fleiss (1979), Table 2: 6 targets (wines) × 4 judges; pingouin's intraclass_corr example data set.
    private static readonly double[,] Wine =
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
        Assert.Equal(exact, icc.Value!.Value, 12);
        Assert.Equal(published, Math.Round(icc.Value.Value, 2), 10);
        Assert.Equal(f, icc.F!.Value, 12);
        Assert.Equal(lower, icc.Interval!.Value.Lower, 0.005 + 1e-9);
        Assert.Equal(upper, icc.Interval!.Value.Upper, 0.005 + 1e-9);
        Assert.True(icc.Interval.Value.Contains(icc.Value.Value));
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
    public void CronbachAlpha_EqualsIcc3k_WithFeldtInterval()
    {
        // Alpha on the wine matrix (judges as items) equals ICC(3,k) = 0.9093155423770694 (Python 3.11, sample
        // variances); the Feldt interval 1 - (1-α)F equals pingouin's ICC3k interval [0.68, 0.99].
        var alpha = CronbachAlpha.Compute(Wine);
        Assert.Equal(0.9093155423770694, alpha.Alpha!.Value, 12);
        var icc3k = IntraclassCorrelation.Compute(Wine)[(int)IccForm.Average3];
        Assert.Equal(icc3k.Interval!.Value.Lower, alpha.Interval!.Value.Lower, 12);
        Assert.Equal(icc3k.Interval!.Value.Upper, alpha.Interval!.Value.Upper, 12);
        Assert.Equal((6, 4), (alpha.N, alpha.Items));
    }

    [Fact]
    public void CronbachAlpha_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(new double[,] { { 1, 2 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.Compute(new double[,] { { 1, double.NaN }, { 3, 4 } }));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    [InlineData(1, 4)]
    public void CronbachAlpha_EmptyOrTooSmallMatrix_ThrowsArgumentExceptionNamingTheShape(int rows, int columns)
    {
        // The issue: empty matrices threw IndexOutOfRangeException.
        var ex = Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(new double[rows, columns]));
        Assert.Contains($"{rows} × {columns}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[rows, columns]));
        Assert.Throws<ArgumentException>(() => CronbachAlpha.ComputeRowMajor(new double[rows * columns], columns));
    }

    [Fact]
    public void CronbachAlpha_NoVarianceInTheTotals_IsUndefinedNotAnException()
    {
        var alpha = CronbachAlpha.Compute(new double[,] { { 3, 3 }, { 3, 3 } });
        Assert.Null(alpha.Alpha);
        Assert.Null(alpha.Interval);
        Assert.Equal(UndefinedReason.NoVariance, alpha.Undefined);
    }

    [Fact]
    public void Icc_AllEqual_IsUndefinedInEveryForm()
    {
        var iccs = IntraclassCorrelation.Compute(new double[,] { { 3, 3 }, { 3, 3 }, { 3, 3 } });
        Assert.All(iccs, e =>
        {
            Assert.Null(e.Value);
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
        Assert.Equal(1, iccs[(int)IccForm.Single1].Value);
        Assert.Equal(1, iccs[(int)IccForm.Single3].Value);
        Assert.Null(iccs[(int)IccForm.Single1].F);
        Assert.Equal(UndefinedReason.NoVariance, iccs[(int)IccForm.Single1].Undefined);
    }

    [Fact]
    public void GroupAgreement_NoVarianceBetweenGroups_IsUndefinedNotMinusInfinity()
    {
        // The issue: MSB = 0 gave ICC2 = -∞. Two teams with the same mean: ICC2 = (0 - MSW)/0 has no value.
        var r = GroupAgreement.Compute([0, 0, 1, 1], [1.0, 3, 1, 3]);
        Assert.Null(r.Icc2);
        Assert.Equal(UndefinedReason.NoVariance, r.Undefined);
        Assert.Equal(-1, r.Icc1!.Value, 14); // (0 - MSW)/(0 + (2 - 1)·MSW) is defined
        Assert.Equal(0, r.F!.Value);
        Assert.Equal(1, r.PValue!.Value, 12);
    }

    [Fact]
    public void GroupAgreement_IdenticalRatings_AreUndefinedNotNaN()
    {
        // The issue: identical data gave NaN.
        var r = GroupAgreement.Compute([0, 0, 1, 1, 2, 2], [4.0, 4, 4, 4, 4, 4]);
        Assert.Equal((null, null, null, null), (r.Icc1, r.Icc2, r.F, r.PValue));
        Assert.Equal(UndefinedReason.NoVariance, r.Undefined);
        Assert.Equal((3, 6L, 2.0, 3.0), (r.Groups, r.N, r.Df1, r.Df2));
    }

    [Fact]
    public void GroupAgreement_TooFewGroupsOrNoReplication_AreUndefined()
    {
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([0, 0, 0], [1.0, 2, 3]).Undefined);
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([0, 1, 2], [1.0, 2, 3]).Undefined);
        Assert.Equal(UndefinedReason.TooFewObservations, GroupAgreement.Compute([], []).Undefined);
        Assert.Throws<ArgumentException>(() => GroupAgreement.Compute([0, 1], [1.0]));
    }

    [Fact]
    public void GroupAgreement_MatchesMultilevelFormulas()
    {
        // R multilevel: ICC1 = (MSB - MSW)/(MSB + (GSIZE - 1)MSW), GSIZE = N/G; ICC2 = (MSB - MSW)/MSB. Three teams
        // (3, 4 and 5 ratings); values from the one-way ANOVA in Python 3.11: MSB 7.59375, MSW 0.5, F 15.1875.
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var r = GroupAgreement.Compute(teams, ratings);
        Assert.Equal(0.7800687285223368, r.Icc1!.Value, 12);
        Assert.Equal(0.9341563786008231, r.Icc2!.Value, 12);
        Assert.Equal(15.1875, r.F!.Value, 12);
        Assert.Equal((2.0, 9.0, 3, 12L), (r.Df1, r.Df2, r.Groups, r.N));
        Assert.True(r.PValue < 0.01);
    }

    private static double[,] Map(double[,] m, Func<double, double> f)
    {
        var result = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                result[i, j] = f(m[i, j]);
            }
        }

        return result;
    }

    [Theory]
    [InlineData(1e7)]
    [InlineData(1e9)]
    public void CronbachAlpha_ItemsOffsetByALargeConstant_KeepTheirAlpha(double offset)
    {
        // The issue: items offset by 1e7 gave 1.0066 instead of the true alpha, and at 1e9 "no variance". On the wine
        // matrix (alpha 0.9093155423770694, pingouin/Shrout & Fleiss) the offset must change nothing.
        var alpha = CronbachAlpha.Compute(Map(Wine, x => x + offset));
        Assert.Equal(0.9093155423770694, alpha.Alpha!.Value, 12);
        var icc = IntraclassCorrelation.Compute(Map(Wine, x => x + offset));
        Assert.Equal(0.16574176840547541, icc[(int)IccForm.Single1].Value!.Value, 12);
        Assert.Equal(0.289763779527559, icc[(int)IccForm.Single2].Value!.Value, 12);
    }

    [Fact]
    public void GroupAgreement_RatingsOffsetBy1e9_KeepTheirIcc()
    {
        // The issue: ratings offset by 1e9 gave ICC1 = 1.0 instead of the true value. Same teams as the multilevel example.
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var r = GroupAgreement.Compute(teams, [.. ratings.Select(x => x + 1e9)]);
        Assert.Equal(0.7800687285223368, r.Icc1!.Value, 12);
        Assert.Equal(0.9341563786008231, r.Icc2!.Value, 12);
        Assert.Equal(15.1875, r.F!.Value, 10);
    }

    [Fact]
    public void GroupAgreement_FromGroupTallies_EqualsFromRatings()
    {
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var tallies = new MeanAccumulator[4]; // the last group has no ratings and is left out
        for (var i = 0; i < teams.Length; i++)
        {
            tallies[teams[i]].Add(ratings[i]);
        }

        Assert.Equal(GroupAgreement.Compute(teams, ratings), GroupAgreement.Compute(tallies));
        var weighted = default(MeanAccumulator);
        weighted.Add(3, 0.5);
        weighted.Add(4, 0.5);
        Assert.Throws<ArgumentException>(() => GroupAgreement.Compute(new MeanAccumulator[] { tallies[0], weighted }));
    }

    private static double[,] RandomRatings(int seed, out int[] groups)
    {
        var random = new Random(seed);
        int n = random.Next(3, 25), k = random.Next(2, 7);
        var m = new double[n, k];
        groups = new int[n * k];
        for (var i = 0; i < n; i++)
        {
            var trait = random.Next(0, 3);
            for (var j = 0; j < k; j++)
            {
                m[i, j] = Math.Clamp(trait + random.Next(1, 5), 1, 7);
                groups[(i * k) + j] = i;
            }
        }

        return m;
    }

    private static double[] Flatten(double[,] m) => [.. m.Cast<double>()];

    [Property]
    public bool AlphaIccAndGroupAgreement_AddingAConstantUpTo1e9_AreUnchanged(PositiveInt seed, uint constant)
    {
        // Integer ratings plus an integer constant up to 1e9: x + c is exact, so any change is the algorithm's.
        var c = constant % 1_000_000_001L;
        var m = RandomRatings(seed.Get, out var groups);
        var shifted = Map(m, x => x + c);
        return SameReliability(m, shifted, groups);
    }

    [Property]
    public bool AlphaIccAndGroupAgreement_ScalingByAPositiveConstant_AreUnchanged(PositiveInt seed, PositiveInt numerator, PositiveInt denominator)
    {
        var scale = (double)numerator.Get / denominator.Get;
        var m = RandomRatings(seed.Get, out var groups);
        return SameReliability(m, Map(m, x => x * scale), groups);
    }

    private static bool SameReliability(double[,] a, double[,] b, int[] groups)
    {
        const double tolerance = 1e-9;
        var (alphaA, alphaB) = (CronbachAlpha.Compute(a), CronbachAlpha.Compute(b));
        var (iccA, iccB) = (IntraclassCorrelation.Compute(a), IntraclassCorrelation.Compute(b));
        var (gaA, gaB) = (GroupAgreement.Compute(groups, Flatten(a)), GroupAgreement.Compute(groups, Flatten(b)));
        return MeanTests.Close(alphaA.Alpha, alphaB.Alpha, tolerance) && alphaA.Undefined == alphaB.Undefined
            && iccA.Zip(iccB).All(p => MeanTests.Close(p.First.Value, p.Second.Value, tolerance) && p.First.Undefined == p.Second.Undefined)
            && MeanTests.Close(gaA.Icc1, gaB.Icc1, tolerance) && MeanTests.Close(gaA.Icc2, gaB.Icc2, tolerance)
            && MeanTests.Close(gaA.F, gaB.F, tolerance) && gaA.Undefined == gaB.Undefined;
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
        var alphaOk = alpha.Alpha is not { } a
            ? alpha.Undefined == UndefinedReason.NoVariance && alpha.Interval is null
            : a <= 1 && alpha.Interval!.Value.Lower <= a && a <= alpha.Interval.Value.Upper;
        return alphaOk && iccs.All(e => e.Undefined != UndefinedReason.None
            || (e.Value <= 1 && e.Interval!.Value.Lower <= e.Value + 1e-12 && e.Value <= e.Interval.Value.Upper + 1e-12 && e.PValue is >= 0 and <= 1));
    }
}
