namespace ServiceQuality.Scoring;

/// <summary>The test of a difference between two estimates (first minus second): estimate, standard error, statistic, p-value and interval.</summary>
/// <param name="Difference">The first estimate minus the second.</param>
/// <param name="StandardError">The standard error of the difference used for the interval.</param>
/// <param name="Statistic">The test statistic (z, or t for means).</param>
/// <param name="PValue">The two-sided p-value of the hypothesis of no difference.</param>
/// <param name="Interval">The interval for the difference.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom for a t statistic; <see cref="double.PositiveInfinity"/> for z.</param>
public readonly record struct DifferenceTest(double Difference, double StandardError, double Statistic, double PValue, ConfidenceInterval Interval, double DegreesOfFreedom)
{
    /// <summary>Returns whether the difference is significant at level 1 - <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The significance level, e.g. 0.05.</param>
    /// <returns><see langword="true"/> when <see cref="PValue"/> &lt; <paramref name="alpha"/>.</returns>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;

    internal static DifferenceTest Z(double difference, double seForTest, double seForInterval, double level)
    {
        var z = seForTest > 0 ? difference / seForTest : (difference == 0 ? 0 : double.PositiveInfinity * Math.Sign(difference));
        var p = 2 * Distributions.NormalUpperTail(Math.Abs(z));
        var half = Check.Z(level) * seForInterval;
        return new DifferenceTest(difference, seForInterval, z, Math.Min(1, p), new ConfidenceInterval(difference - half, difference + half, level), double.PositiveInfinity);
    }
}
