using ServiceQuality.Scoring;
using ServiceQuality.Scoring.Reliability;

namespace ServiceQuality.Tests.Scoring.Reliability;

public sealed class CronbachAlphaTests
{
    [Fact]
    public void CronbachAlpha_EqualsIcc3k_WithFeldtInterval()
    {
        // Alpha on the wine matrix (judges as items) equals ICC(3,k) = 0.9093155423770694 (Python 3.11, sample
        // variances); the Feldt interval 1 - (1-α)F equals pingouin's ICC3k interval [0.68, 0.99].
        var alpha = CronbachAlpha.Compute(IntraclassCorrelationTests.Wine);
        Assert.Equal(0.9093155423770694, alpha.Alpha!.Value, 12);
        var icc3k = IntraclassCorrelation.Compute(IntraclassCorrelationTests.Wine)[(int)IccForm.Average3];
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

    [Theory]
    [InlineData(1e7)]
    [InlineData(1e9)]
    public void CronbachAlpha_ItemsOffsetByALargeConstant_KeepTheirAlpha(double offset)
    {
        // The issue: items offset by 1e7 gave 1.0066 instead of the true alpha, and at 1e9 "no variance". On the wine
        // matrix (alpha 0.9093155423770694, pingouin/Shrout & Fleiss) the offset must change nothing.
        var alpha = CronbachAlpha.Compute(Matrices.Map(IntraclassCorrelationTests.Wine, x => x + offset));
        Assert.Equal(0.9093155423770694, alpha.Alpha!.Value, 12);
        var icc = IntraclassCorrelation.Compute(Matrices.Map(IntraclassCorrelationTests.Wine, x => x + offset));
        Assert.Equal(0.16574176840547541, icc[(int)IccForm.Single1].Value!.Value, 12);
        Assert.Equal(0.289763779527559, icc[(int)IccForm.Single2].Value!.Value, 12);
    }
}
