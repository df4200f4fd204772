using FsCheck;
using FsCheck.Xunit;
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
        Assert.Equal(exact, icc.Value, 12);
        Assert.Equal(published, Math.Round(icc.Value, 2), 10);
        Assert.Equal(f, icc.F, 12);
        Assert.Equal(lower, icc.Interval.Lower, 0.005 + 1e-9);
        Assert.Equal(upper, icc.Interval.Upper, 0.005 + 1e-9);
        Assert.True(icc.Interval.Contains(icc.Value));
    }

    [Fact]
    public void Icc_PValuesMatchPingouin()
    {
        var iccs = IntraclassCorrelation.Compute(Wine);
        Assert.Equal(0.164769, iccs[0].PValue, 5e-7); // pingouin: pval ICC1 0.164769 (F 1.795, df 5, 18)
        Assert.Equal(0.000135, iccs[2].PValue, 5e-7); // pingouin: pval ICC3 0.000135 (F 11.027, df 5, 15)
        Assert.Equal((5.0, 18.0), (iccs[0].Df1, iccs[0].Df2));
        Assert.Equal((5.0, 15.0), (iccs[2].Df1, iccs[2].Df2));
    }

    [Fact]
    public void CronbachAlpha_EqualsIcc3k_WithFeldtInterval()
    {
        // Alpha on the wine matrix (judges as items) equals ICC(3,k) = 0.9093155423770694 (Python 3.11, sample
        // variances); the Feldt interval 1 - (1-α)F equals pingouin's ICC3k interval [0.68, 0.99].
        var alpha = CronbachAlpha.Compute(Wine);
        Assert.Equal(0.9093155423770694, alpha.Alpha, 12);
        var icc3k = IntraclassCorrelation.Compute(Wine)[(int)IccForm.Average3];
        Assert.Equal(icc3k.Interval.Lower, alpha.Interval.Lower, 12);
        Assert.Equal(icc3k.Interval.Upper, alpha.Interval.Upper, 12);
        Assert.Equal((6, 4), (alpha.N, alpha.Items));
    }

    [Fact]
    public void CronbachAlpha_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(new double[,] { { 1, 2 } }));
        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(new double[,] { { 3, 3 }, { 3, 3 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.Compute(new double[,] { { 1, double.NaN }, { 3, 4 } }));
    }

    [Fact]
    public void Icc_AllEqual_IsUndefined()
    {
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[,] { { 3, 3 }, { 3, 3 }, { 3, 3 } }));
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[,] { { 3, 3, 3 } }));
    }

    [Fact]
    public void GroupAgreement_MatchesMultilevelFormulas()
    {
        // R multilevel: ICC1 = (MSB - MSW)/(MSB + (GSIZE - 1)MSW), GSIZE = N/G; ICC2 = (MSB - MSW)/MSB. Three teams
        // (3, 4 and 5 ratings); values from the one-way ANOVA in Python 3.11: MSB 7.59375, MSW 0.5, F 15.1875.
        int[] teams = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
        double[] ratings = [3, 4, 5, 5, 6, 7, 6, 2, 3, 3, 4, 3];
        var r = GroupAgreement.Compute(teams, ratings);
        Assert.Equal(0.7800687285223368, r.Icc1, 12);
        Assert.Equal(0.9341563786008231, r.Icc2, 12);
        Assert.Equal(15.1875, r.F, 12);
        Assert.Equal((2.0, 9.0, 3, 12L), (r.Df1, r.Df2, r.Groups, r.N));
        Assert.True(r.PValue < 0.01);
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

        try
        {
            var alpha = CronbachAlpha.Compute(m);
            var iccs = IntraclassCorrelation.Compute(m);
            return alpha.Alpha <= 1 && alpha.Interval.Lower <= alpha.Alpha && alpha.Alpha <= alpha.Interval.Upper
                && iccs.All(e => e.Value <= 1 && e.Interval.Lower <= e.Value + 1e-12 && e.Value <= e.Interval.Upper + 1e-12 && e.PValue is >= 0 and <= 1);
        }
        catch (ArgumentException)
        {
            return true; // a matrix without variance has no alpha or ICC: refused, not mis-scored
        }
    }
}
