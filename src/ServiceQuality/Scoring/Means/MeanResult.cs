namespace ServiceQuality.Scoring.Means;

/// <summary>
/// A (possibly weighted) mean with its spread and a Student-t interval. With no observations (or zero total weight)
/// there is no mean: <see cref="Mean"/> is <see langword="null"/>, never 0. With one, there is a mean but no variance
/// or interval.
/// </summary>
/// <param name="N">The number of observations.</param>
/// <param name="EffectiveN">Kish's effective sample size (Σw)²/Σw²; equals N for unit weights.</param>
/// <param name="Mean">The weighted mean Σwx/Σw.</param>
/// <param name="Variance">The unbiased variance with reliability weights, Σw(x-m)²/(Σw - Σw²/Σw); the sample variance for unit weights.</param>
/// <param name="StandardError">√(Variance / EffectiveN).</param>
/// <param name="Interval">Mean ± t_{EffectiveN-1}·StandardError.</param>
public readonly record struct MeanResult(long N, double EffectiveN, double? Mean, double? Variance, double? StandardError, ConfidenceInterval? Interval)
{
    /// <summary>Gets whether there is a mean.</summary>
    public bool HasValue => Mean.HasValue;

    /// <summary>Gets the standard deviation √Variance.</summary>
    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    internal static MeanResult FromSums(long n, double sumW, double sumWx, double sumWxx, double sumWw, double level)
    {
        Check.Level(level, nameof(level));
        if (n == 0 || sumW <= 0)
        {
            return new MeanResult(n, 0, null, null, null, null);
        }

        var mean = sumWx / sumW;
        var neff = sumW * sumW / sumWw;
        var denominator = sumW - (sumWw / sumW);
        if (n < 2 || !(denominator > 0) || !(neff > 1))
        {
            return new MeanResult(n, neff, mean, null, null, null);
        }

        var variance = Math.Max(0, (sumWxx - (sumWx * sumWx / sumW)) / denominator);
        var se = Math.Sqrt(variance / neff);
        var half = Distributions.StudentTQuantile(1 - ((1 - level) / 2), neff - 1) * se;
        return new MeanResult(n, neff, mean, variance, se, new ConfidenceInterval(mean - half, mean + half, level));
    }
}
