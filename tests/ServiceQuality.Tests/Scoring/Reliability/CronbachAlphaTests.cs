using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Reliability;

public sealed class CronbachAlphaTests
{
    [Fact]
    public void CronbachAlpha_EqualsIcc3k_WithFeldtInterval()
    {
        // Alpha on the wine matrix (judges as items) equals ICC(3,k) = 0.9093155423770694 (Python 3.11, sample
        // variances); the Feldt interval 1 - (1-α)F equals pingouin's ICC3k interval [0.68, 0.99].
        var alpha = CronbachAlpha.Compute(IntraclassCorrelationTests.Wine);
        Assert.Equal(0.9093155423770694, alpha.Estimate!.Value, 12);
        var icc3k = IntraclassCorrelation.Compute(IntraclassCorrelationTests.Wine)[(int)IccForm.Average3];
        Assert.Equal(icc3k.Interval!.Value.Lower, alpha.Interval!.Value.Lower, 12);
        Assert.Equal(icc3k.Interval!.Value.Upper, alpha.Interval!.Value.Upper, 12);
        Assert.Equal((6, 4), (alpha.SampleSize, alpha.Items));
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
        Assert.Null(alpha.Estimate);
        Assert.Null(alpha.Interval);
        Assert.Equal(UndefinedReason.NoVariance, alpha.Undefined);
    }

    [Theory]
    [InlineData(1e7)]
    [InlineData(1e9)]
    public void CronbachAlpha_ItemsOffsetByALargeConstant_KeepTheirAlpha(double offset)
    {
        // The issue: items offset by 1e7 gave 1.0066 instead of the true alpha, and at 1e9 "no variance". On the wine
        // matrix (alpha 0.9093155423770694, pingouin/Shrout & Fleiss) the offset must change nothing.
        var alpha = CronbachAlpha.Compute(Matrices.Map(IntraclassCorrelationTests.Wine, x => x + offset));
        Assert.Equal(0.9093155423770694, alpha.Estimate!.Value, 12);
        var icc = IntraclassCorrelation.Compute(Matrices.Map(IntraclassCorrelationTests.Wine, x => x + offset));
        Assert.Equal(0.16574176840547541, icc[(int)IccForm.Single1].Estimate!.Value, 12);
        Assert.Equal(0.289763779527559, icc[(int)IccForm.Single2].Estimate!.Value, 12);
    }

    private const double N = double.NaN;

    /// <summary>pingouin's data set "cronbach_wide_missing" (from real-statistics.com): 12 respondents, 11 binary items, NaN missing.</summary>
    private static readonly double[,] WideMissing =
    {
        { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
        { 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 },
        { N, 0, 1, 1, N, 1, 1, 1, 1, 0, 0 },
        { 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0 },
        { 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0 },
        { 0, 1, N, 0, 1, 1, 1, 1, 0, 0, 0 },
        { 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 },
        { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 },
        { 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0 },
        { 1, 0, 0, 1, 0, 1, 0, 0, N, 0, 0 },
        { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 },
        { 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 },
    };

    [Fact]
    public void ComputePairwise_MatchesPingouin()
    {
        // pingouin.cronbach_alpha(data=pg.read_dataset("cronbach_wide_missing")) (docs; psych::alpha(use = "pairwise")):
        // (0.732660835214447, array([0.435, 0.909])).
        var r = CronbachAlpha.ComputePairwise(WideMissing);
        Assert.Equal(0.732660835214447, r.Estimate!.Value, 13);
        Assert.Equal((0.435, 0.909), (Math.Round(r.Interval!.Value.Lower, 3), Math.Round(r.Interval.Value.Upper, 3)));
        Assert.Equal((12, 11), (r.SampleSize, r.Items));
    }

    [Fact]
    public void Compute_ListwiseDeletion_MatchesPingouin()
    {
        // pingouin nan_policy="listwise" (psych use = "complete.obs"): 0.8016949152542373 on the 9 complete rows. (pingouin
        // keeps n = 12 in its interval; the complete-data method uses the 9 rows it is given.)
        var complete = Enumerable.Range(0, 12).Where(i => Enumerable.Range(0, 11).All(j => !double.IsNaN(WideMissing[i, j]))).ToArray();
        var rows = new double[complete.Length, 11];
        for (var i = 0; i < complete.Length; i++)
        {
            for (var j = 0; j < 11; j++)
            {
                rows[i, j] = WideMissing[complete[i], j];
            }
        }

        Assert.Equal(9, complete.Length);
        Assert.Equal(0.8016949152542373, CronbachAlpha.Compute(rows).Estimate!.Value, 13);
        Assert.Equal(CronbachAlpha.Compute(rows).Estimate!.Value, CronbachAlpha.ComputePairwise(rows).Estimate!.Value, 13); // no missing: the same
    }

    [Fact]
    public void FromCovariance_EqualsComputeOnTheSampleCovariance()
    {
        // The wine matrix's sample covariance (pandas DataFrame.cov) gives the same alpha as the raw scores, 0.9093155….
        var m = IntraclassCorrelationTests.Wine;
        int n = m.GetLength(0), k = m.GetLength(1);
        var cov = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                double ma = 0, mb = 0;
                for (var i = 0; i < n; i++)
                {
                    ma += m[i, a] / n;
                    mb += m[i, b] / n;
                }

                for (var i = 0; i < n; i++)
                {
                    cov[a, b] += (m[i, a] - ma) * (m[i, b] - mb) / (n - 1);
                }
            }
        }

        var r = CronbachAlpha.FromCovariance(cov, n);
        Assert.Equal(0.9093155423770694, r.Estimate!.Value, 12);
        Assert.Equal(CronbachAlpha.Compute(m).Interval!.Value.Lower, r.Interval!.Value.Lower, 12);
    }

    [Fact]
    public void FromCovarianceAndPairwise_BadOrDegenerateInput()
    {
        Assert.Throws<ArgumentException>(() => CronbachAlpha.FromCovariance(new double[2, 3], 10));
        Assert.Throws<ArgumentException>(() => CronbachAlpha.FromCovariance(new double[1, 1], 10));
        Assert.Throws<ArgumentException>(() => CronbachAlpha.FromCovariance(new double[,] { { 1, 0.5 }, { 0.4, 1 } }, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.FromCovariance(new double[,] { { -1, 0 }, { 0, 1 } }, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.FromCovariance(new double[,] { { 1, 0 }, { 0, 1 } }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.FromCovariance(new double[,] { { 1, double.NaN }, { double.NaN, 1 } }, 5));
        Assert.Equal(UndefinedReason.NoVariance, CronbachAlpha.FromCovariance(new double[2, 2], 5).Undefined);
        Assert.Equal(UndefinedReason.NoVariance, CronbachAlpha.FromCovariance(new double[,] { { 1, -1 }, { -1, 1 } }, 5).Undefined);

        // Two items never answered together: their covariance has no data.
        var apart = CronbachAlpha.ComputePairwise(new double[,] { { 1, N }, { 2, N }, { N, 3 }, { N, 5 } });
        Assert.Equal((null, UndefinedReason.TooFewObservations), (apart.Estimate, apart.Undefined));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.ComputePairwise(new double[,] { { 1, 2 }, { double.PositiveInfinity, 3 } }));
        Assert.Throws<ArgumentException>(() => CronbachAlpha.ComputePairwise(new double[0, 0]));
    }

    [Property]
    public bool ComputePairwise_WithoutMissingScores_EqualsCompute(PositiveInt seed)
    {
        var m = Matrices.RandomRatings(seed.Get, out _);
        var (pairwise, complete) = (CronbachAlpha.ComputePairwise(m), CronbachAlpha.Compute(m));
        return Tolerance.Close(pairwise.Estimate, complete.Estimate, 1e-12) && pairwise.Undefined == complete.Undefined;
    }


    [Fact]
    public void CronbachAlpha_ItemsOffsetBy1e15_KeepTheirAlpha()
    {
        // At 1e15 a double's spacing is 0.125: the integer scores are still exact, but a mean of the raw values is not.
        // Alpha is computed on values shifted by each item's first score, so the offset changes nothing.
        var offset = Matrices.Map(IntraclassCorrelationTests.Wine, x => x + 1e15);
        Assert.Equal(0.9093155423770694, CronbachAlpha.Compute(offset).Estimate!.Value, 12);
        Assert.Equal(0.9093155423770694, CronbachAlpha.ComputePairwise(offset).Estimate!.Value, 12);
    }

    [Fact]
    public void CronbachAlpha_MoreThan256Items_UsesTheHeapBufferAndIsOne()
    {
        // 300 items that all move with the respondent (item j = respondent score + j): the total's variance is k² times
        // an item's, so alpha = k/(k-1)·(1 - k·s²/(k²·s²)) = 1 exactly.
        const int Items = 300;
        double[] respondents = [1, 4, 2, 5, 3];
        var scores = new double[respondents.Length * Items];
        for (var r = 0; r < respondents.Length; r++)
        {
            for (var j = 0; j < Items; j++)
            {
                scores[(r * Items) + j] = respondents[r] + j;
            }
        }

        var alpha = CronbachAlpha.ComputeRowMajor(scores, Items);
        Assert.Equal(1.0, alpha.Estimate!.Value, 12);
        Assert.Equal((5L, Items), (alpha.SampleSize, alpha.Items));
    }

    [Fact]
    public void CronbachAlpha_NullOrBadLevel_NamesTheArgument()
    {
        Assert.Equal("scores", Assert.Throws<ArgumentNullException>(() => CronbachAlpha.Compute(null!)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentNullException>(() => CronbachAlpha.ComputePairwise(null!)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentNullException>(() => CronbachAlpha.FromCovariance(null!, 10)).ParamName);
        var wine = IntraclassCorrelationTests.Wine;
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.Compute(wine, 0)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.ComputePairwise(wine, 1)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.FromCovariance(new double[,] { { 1, 0.5 }, { 0.5, 1 } }, 10, -0.5)).ParamName);
    }

    [Fact]
    public void CronbachAlpha_SpreadBeyondADouble_ThrowsOverflow()
    {
        // Each item's squares sum to 1.2e308 (finite) but the totals' to 2.4e308: still an OverflowException.
        var a = Math.Sqrt(3e307);
        Assert.Throws<OverflowException>(() => CronbachAlpha.Compute(new double[,] { { a, a }, { -a, -a } }));
        // A mean that overflows (1e308 - -1e308) is an overflow too, not a "not finite" score: every score is finite.
        Assert.Throws<OverflowException>(() => CronbachAlpha.Compute(new double[,] { { 1e308, 0 }, { -1e308, 0 } }));
    }

    [Fact]
    public void CronbachAlpha_NaNScore_MessageNamesItsIndex()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.Compute(new double[,] { { 1, 2 }, { 3, double.NaN }, { 4, 5 } }));
        Assert.Contains("index 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputePairwise_EdgeShapes()
    {
        // Two respondents in common is enough for a covariance: with nothing missing, pairwise equals listwise.
        var two = new double[,] { { 1, 2 }, { 3, 5 } };
        Assert.Equal(CronbachAlpha.Compute(two), CronbachAlpha.ComputePairwise(two));
        // An item nobody answered leaves its pairs without respondents: undefined, not an exception.
        var unanswered = CronbachAlpha.ComputePairwise(new double[,] { { 1, N }, { 2, N }, { 4, N } });
        Assert.Equal(UndefinedReason.TooFewObservations, unanswered.Undefined);
        Assert.Throws<ArgumentException>(() => CronbachAlpha.ComputePairwise(new double[1, 3]));
        var infinite = Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.ComputePairwise(new double[,] { { 1, 2 }, { double.PositiveInfinity, 3 } }));
        Assert.Contains("row 1, column 0", infinite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCovariance_LargeEntriesWithRoundingAsymmetry_AreSymmetric()
    {
        // Symmetry is checked relative to the entries: 1e6 and 1e6 + 1e-9 differ by 1e-15 of their size (rounding).
        var covariance = new double[,] { { 4e6, 1e6 }, { 1e6 + 1e-9, 4e6 } };
        var alpha = CronbachAlpha.FromCovariance(covariance, 20);
        Assert.Equal(2 * (1 - (8e6 / 10e6)), alpha.Estimate!.Value, 12); // k/(k-1)·(1 - trace/sum) = 0.4
    }
}
