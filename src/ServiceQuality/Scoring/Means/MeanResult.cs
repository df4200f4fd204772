using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A (possibly weighted) mean with its spread and a Student-t interval. With no observations (or zero total weight)
/// there is no mean: <see cref="Estimate"/> is <see langword="null"/>, never 0. With one, there is a mean but no variance
/// or interval. <see cref="Undefined"/> says why a statistic is missing.
/// </summary>
public readonly record struct MeanResult
{
    [JsonConstructor]
    internal MeanResult(long sampleSize, double effectiveSampleSize, double? estimate, double? variance, double? standardError, ConfidenceInterval? interval, UndefinedReason undefined)
    {
        SampleSize = sampleSize;
        EffectiveSampleSize = effectiveSampleSize;
        Estimate = estimate;
        Variance = variance;
        StandardError = standardError;
        Interval = interval;
        Undefined = undefined;
    }

    /// <summary>Gets the number of observations.</summary>
    public long SampleSize { get; }

    /// <summary>Gets Kish's effective sample size (Σw)²/Σw²; equals <see cref="SampleSize"/> for unit weights.</summary>
    public double EffectiveSampleSize { get; }

    /// <summary>Gets the weighted mean Σwx/Σw; <see langword="null"/> exactly when <see cref="HasValue"/> is <see langword="false"/>.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the unbiased variance with reliability weights, Σw(x-m)²/(Σw - Σw²/Σw); the sample variance for unit weights.</summary>
    public double? Variance { get; }

    /// <summary>Gets the standard error √(Variance / EffectiveSampleSize).</summary>
    public double? StandardError { get; }

    /// <summary>Gets the interval Estimate ± t_{EffectiveSampleSize-1}·StandardError.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>
    /// Gets why a statistic is missing: <see cref="UndefinedReason.NoObservations"/> or <see cref="UndefinedReason.NoWeight"/>
    /// (no mean), <see cref="UndefinedReason.TooFewObservations"/> (a mean but no variance); <see cref="UndefinedReason.None"/> otherwise.
    /// </summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is a mean.</summary>
    public bool HasValue => Estimate.HasValue;

    /// <summary>Gets the standard deviation √Variance.</summary>
    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    /// <summary>The result from the moments: count, Σw, Σw², the mean and M2 = Σw(x - mean)².</summary>
    internal static MeanResult FromMoments(long n, double sumW, double sumWw, double mean, double m2, double level)
    {
        Check.Level(level, nameof(level));
        if (n == 0)
        {
            return new MeanResult(0, 0, null, null, null, null, UndefinedReason.NoObservations);
        }

        if (!(sumW > 0))
        {
            return new MeanResult(n, 0, null, null, null, null, UndefinedReason.NoWeight);
        }

        // (Σw)²/Σw², written so that it does not overflow for large weights.
        var neff = sumW / sumWw * sumW;
        var denominator = sumW - (sumWw / sumW);
        if (n < 2 || !(denominator > 0) || !(neff > 1))
        {
            return new MeanResult(n, neff, mean, null, null, null, UndefinedReason.TooFewObservations);
        }

        var variance = Math.Max(0, m2 / denominator);
        var se = Math.Sqrt(variance / neff);
        var half = Distributions.StudentTQuantile(1 - ((1 - level) / 2), neff - 1) * se;
        return new MeanResult(n, neff, mean, variance, se, new ConfidenceInterval(mean - half, mean + half, level), UndefinedReason.None);
    }
}
