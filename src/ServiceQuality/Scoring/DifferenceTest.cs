using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The test of a difference between two estimates (first minus second): estimate, standard error, statistic, p-value and interval.</summary>
public readonly record struct DifferenceTest
{
    [JsonConstructor]
    internal DifferenceTest(double difference, double standardError, double? statistic, double? pValue, ConfidenceInterval interval, double? degreesOfFreedom, UndefinedReason undefined)
    {
        Difference = difference;
        StandardError = standardError;
        Statistic = statistic;
        PValue = pValue;
        Interval = interval;
        DegreesOfFreedom = degreesOfFreedom;
        Undefined = undefined;
    }

    /// <summary>Gets the first estimate minus the second.</summary>
    public double Difference { get; }

    /// <summary>Gets the standard error of the difference used for the interval.</summary>
    public double StandardError { get; }

    /// <summary>
    /// Gets the test statistic (z, or t for means); <see langword="null"/> when the standard error of the test is 0 (neither
    /// sample varies), where z = difference / 0 has no value (<see cref="Undefined"/> is <see cref="UndefinedReason.NoVariance"/>).
    /// </summary>
    public double? Statistic { get; }

    /// <summary>Gets the two-sided p-value of the hypothesis of no difference; <see langword="null"/> with the statistic.</summary>
    public double? PValue { get; }

    /// <summary>Gets the interval for the difference (of zero width when the standard error is 0).</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Gets the degrees of freedom of a t statistic; <see langword="null"/> for a z statistic (normal reference) or when undefined.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>Gets why the statistic is missing; <see cref="UndefinedReason.None"/> when it has a value.</summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Returns whether the difference is significant at level 1 - <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The significance level, e.g. 0.05.</param>
    /// <returns><see langword="true"/> when <see cref="PValue"/> &lt; <paramref name="alpha"/>; <see langword="false"/> when there is no p-value.</returns>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;

    /// <summary>Gets whether there is a test statistic (and so a p-value); the difference itself always has a value.</summary>
    public bool HasValue => Statistic.HasValue;

    /// <summary>A z test of <paramref name="difference"/> with separate standard errors for the statistic and the interval.</summary>
    internal static DifferenceTest Z(double difference, double seForTest, double seForInterval, double level)
    {
        var half = Check.Z(level) * seForInterval;
        var interval = new ConfidenceInterval(difference - half, difference + half, level);
        if (!(seForTest > 0))
        {
            return new DifferenceTest(difference, seForInterval, null, null, interval, null, UndefinedReason.NoVariance);
        }

        var z = difference / seForTest;
        var p = 2 * Distributions.NormalUpperTail(Math.Abs(z));
        return new DifferenceTest(difference, seForInterval, z, Math.Min(1, p), interval, null, UndefinedReason.None);
    }
}
