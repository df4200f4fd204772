namespace ServiceQuality.Scoring;

/// <summary>
/// Intervals for a binomial proportion x/n — Wilson, Wilson with continuity correction, Agresti-Coull, Wald,
/// Clopper-Pearson and Jeffreys — reproducing R's <c>binom::binom.confint</c> and <c>prop.test</c>, statsmodels'
/// <c>proportion_confint</c> and scipy's <c>proportion_ci</c>, and the Wilson lower bound used to rank items by their
/// share of positive ratings.
/// </summary>
public static class ProportionIntervals
{
    /// <summary>Computes an interval for the proportion <paramref name="successes"/>/<paramref name="trials"/>.</summary>
    /// <param name="successes">The number of successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The number of trials, &gt; 0.</param>
    /// <param name="level">The confidence level in (0, 1), e.g. 0.95.</param>
    /// <param name="method">The method; Wilson by default.</param>
    /// <param name="clip">
    /// Whether to limit the bounds to [0, 1]. R's <c>binom.confint</c> does not clip Agresti-Coull or Wald bounds;
    /// statsmodels' <c>proportion_confint</c> clips them. Wilson bounds are always inside [0, 1].
    /// </param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the level is outside its valid range.</exception>
    public static ConfidenceInterval Compute(long successes, long trials, double level = 0.95, ProportionIntervalMethod method = ProportionIntervalMethod.Wilson, bool clip = true)
    {
        CheckCounts(successes, trials);
        Check.Level(level, nameof(level));
        var z = Check.Z(level);
        double n = trials;
        var p = successes / n;
        ConfidenceInterval interval;
        switch (method)
        {
            case ProportionIntervalMethod.Wilson:
                {
                    var z2 = z * z;
                    var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
                    var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
                    interval = new ConfidenceInterval(centre - half, centre + half, level);
                    break;
                }

            case ProportionIntervalMethod.AgrestiCoull:
                {
                    var nTilde = n + (z * z);
                    var pTilde = (successes + (z * z / 2)) / nTilde;
                    var half = z * Math.Sqrt(pTilde * (1 - pTilde) / nTilde);
                    interval = new ConfidenceInterval(pTilde - half, pTilde + half, level);
                    break;
                }

            case ProportionIntervalMethod.Wald:
                {
                    var half = z * Math.Sqrt(p * (1 - p) / n);
                    interval = new ConfidenceInterval(p - half, p + half, level);
                    break;
                }

            case ProportionIntervalMethod.WilsonContinuityCorrected:
                {
                    // Newcombe (1998), method 4.
                    double q = 1 - p, z2 = z * z, denominator = 2 * (n + z2);
                    var lower = successes == 0 ? 0 : ((2 * n * p) + z2 - 1 - (z * Math.Sqrt(z2 - 2 - (1 / n) + (4 * p * ((n * q) + 1))))) / denominator;
                    var upper = successes == trials ? 1 : ((2 * n * p) + z2 + 1 + (z * Math.Sqrt(z2 + 2 - (1 / n) + (4 * p * ((n * q) - 1))))) / denominator;
                    interval = new ConfidenceInterval(Math.Max(0, lower), Math.Min(1, upper), level);
                    break;
                }

            case ProportionIntervalMethod.ClopperPearson:
                {
                    var tail = (1 - level) / 2;
                    var lower = successes == 0 ? 0 : Distributions.BetaQuantile(tail, successes, trials - successes + 1.0);
                    var upper = successes == trials ? 1 : Distributions.BetaQuantile(1 - tail, successes + 1.0, trials - successes);
                    interval = new ConfidenceInterval(lower, upper, level);
                    break;
                }

            case ProportionIntervalMethod.Jeffreys:
                {
                    var tail = (1 - level) / 2;
                    var lower = successes == 0 ? 0 : Distributions.BetaQuantile(tail, successes + 0.5, trials - successes + 0.5);
                    var upper = successes == trials ? 1 : Distributions.BetaQuantile(1 - tail, successes + 0.5, trials - successes + 0.5);
                    interval = new ConfidenceInterval(lower, upper, level);
                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, $"{(int)method} is not a defined ProportionIntervalMethod; valid: {string.Join(", ", Enum.GetNames<ProportionIntervalMethod>())}.");
        }

        if (clip || method == ProportionIntervalMethod.Wilson)
        {
            // As binom.confint does for the Wilson interval: exact bounds at the ends instead of 1 - 1e-16.
            interval = interval.Clip(0, 1);
            interval = successes == 0 ? interval with { Lower = 0 } : interval;
            interval = successes == trials ? interval with { Upper = 1 } : interval;
        }

        return interval;
    }

    /// <summary>
    /// The lower bound of the Wilson score interval: a conservative estimate of the proportion that ranks a 95/100 item
    /// above a 1/1 item (Evan Miller, "How not to sort by average rating", 2009).
    /// </summary>
    /// <param name="successes">The number of positive ratings.</param>
    /// <param name="trials">The number of ratings; 0 gives 0, the bound with no evidence.</param>
    /// <param name="level">The confidence level of the two-sided interval whose lower bound is returned.</param>
    /// <returns>The lower bound in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the level is outside its valid range.</exception>
    public static double WilsonLowerBound(long successes, long trials, double level = 0.95)
    {
        if (trials == 0 && successes == 0)
        {
            return 0;
        }

        return Compute(successes, trials, level, ProportionIntervalMethod.Wilson, clip: true).Lower;
    }

    internal static void CheckCounts(long successes, long trials)
    {
        if (trials <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials must be ≥ 1.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"The number of successes must be in the range [0, {trials}].");
        }
    }
}
