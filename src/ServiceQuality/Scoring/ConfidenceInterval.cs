namespace ServiceQuality.Scoring;

/// <summary>A two-sided interval estimate: a confidence interval, or a credible interval for Bayesian results.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence (or credibility) level, e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>Gets the width of the interval, <see cref="Upper"/> - <see cref="Lower"/>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Returns whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ <paramref name="value"/> ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The interval with both bounds limited to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal ConfidenceInterval Clip(double min, double max) =>
        this with { Lower = Math.Clamp(Lower, min, max), Upper = Math.Clamp(Upper, min, max) };
}
