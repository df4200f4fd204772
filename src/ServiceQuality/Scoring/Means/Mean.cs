namespace ServiceQuality.Scoring;

/// <summary>Comparisons and smoothing of means.</summary>
public static class Mean
{
    /// <summary>
    /// The Bayesian average (IMDb's weighted rating): WR = (v/(v+m))·R + (m/(v+m))·C, where R is the item's mean over v
    /// ratings, C the prior mean (e.g. the mean over all items) and m the prior weight (the number of ratings the prior
    /// counts as). With no ratings it is C: the point of smoothing is to rank a new item at the prior.
    /// </summary>
    /// <param name="result">The item's mean (its <see cref="MeanResult.EffectiveSampleSize"/> is v).</param>
    /// <param name="priorMean">C, a finite number.</param>
    /// <param name="priorWeight">m, a finite number ≥ 0.</param>
    /// <returns>The smoothed mean.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The prior mean is not finite or the weight is negative.</exception>
    public static double BayesianAverage(in MeanResult result, double priorMean, double priorWeight)
    {
        Check.Finite(priorMean, nameof(priorMean));
        Check.Weight(priorWeight, nameof(priorWeight));
        if (!result.HasValue)
        {
            return priorMean;
        }

        var v = result.EffectiveSampleSize;
        return ((v / (v + priorWeight)) * result.Estimate!.Value) + ((priorWeight / (v + priorWeight)) * priorMean);
    }

    /// <summary>Welch's t test of the difference of two means (first minus second), with Welch-Satterthwaite degrees of freedom.</summary>
    /// <param name="first">The first mean; needs a variance (N ≥ 2).</param>
    /// <param name="second">The second mean; needs a variance (N ≥ 2).</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A mean has fewer than two observations.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static DifferenceTest Compare(in MeanResult first, in MeanResult second, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        if (first.Variance is not { } v1 || second.Variance is not { } v2)
        {
            throw new ArgumentException("Both means need at least two observations to be compared.", first.Variance is null ? nameof(first) : nameof(second));
        }

        var a = v1 / first.EffectiveSampleSize;
        var b = v2 / second.EffectiveSampleSize;
        var se = Math.Sqrt(a + b);
        var diff = first.Estimate!.Value - second.Estimate!.Value;
        if (!(se > 0))
        {
            // Neither sample varies: t = diff / 0 and the Welch-Satterthwaite degrees of freedom 0/0 have no value.
            return new DifferenceTest(diff, 0, null, null, new ConfidenceInterval(diff, diff, level), null, UndefinedReason.NoVariance);
        }

        var df = (a + b) * (a + b) / ((a * a / (first.EffectiveSampleSize - 1)) + (b * b / (second.EffectiveSampleSize - 1)));
        var t = diff / se;
        var p = 2 * Distributions.StudentTCdf(-Math.Abs(t), df);
        var half = Distributions.StudentTQuantile(1 - ((1 - level) / 2), df) * se;
        return new DifferenceTest(diff, se, t, Math.Min(1, p), new ConfidenceInterval(diff - half, diff + half, level), df, UndefinedReason.None);
    }
}
