
namespace ServiceQuality.Scoring;

/// <summary>Proportion results and the two-proportion test.</summary>
public static class Proportion
{
    /// <summary>Computes a proportion result from counts.</summary>
    /// <param name="successes">The successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The trials, ≥ 0.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The result; no estimate when <paramref name="trials"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or an option is out of range.</exception>
    public static ProportionResult FromCounts(long successes, long trials, ProportionOptions? options = null)
    {
        options ??= ProportionOptions.Default;
        options.Validate();
        Check.NonNegative(trials, nameof(trials));
        if (trials == 0)
        {
            Check.InRange(successes, 0, 0, nameof(successes));
            return new ProportionResult(0, 0, null, null, 0, UndefinedReason.NoObservations);
        }

        var interval = ProportionIntervals.Compute(successes, trials, options.ConfidenceLevel, options.IntervalMethod, options.ClipInterval);
        var lower = ProportionIntervals.WilsonLowerBound(successes, trials, options.ConfidenceLevel);
        return new ProportionResult(successes, trials, (double)successes / trials, interval, lower, UndefinedReason.None);
    }

    /// <summary>
    /// The Bayesian (Beta-binomial) estimate of a proportion from counts: the posterior Beta(α + s, β + n - s), its mean
    /// (Laplace's rule of succession (s + 1)/(n + 2) with the uniform prior), variance and equal-tailed credible interval.
    /// With no trials it is the prior, so a new item ranks at the prior instead of at 0 or 1.
    /// </summary>
    /// <param name="successes">The successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The trials, ≥ 0.</param>
    /// <param name="prior">The prior; <see cref="BetaPrior.Uniform"/> (Laplace) when <see langword="null"/>.</param>
    /// <param name="level">The credibility level of the interval.</param>
    /// <returns>The posterior.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count, a prior concentration or the level is out of range.</exception>
    public static ProportionPosterior Posterior(long successes, long trials, BetaPrior? prior = null, double level = 0.95)
    {
        Check.NonNegative(trials, nameof(trials));
        Check.InRange(successes, 0, trials, nameof(successes));
        Check.Level(level, nameof(level));
        var p = prior ?? BetaPrior.Uniform;
        p.Validate();
        double a = p.Successes + successes, b = p.Failures + (trials - successes), total = a + b;
        var tail = (1 - level) / 2;
        var interval = new ConfidenceInterval(Distributions.BetaQuantile(tail, a, b), Distributions.BetaQuantile(1 - tail, a, b), level);
        return new ProportionPosterior(successes, trials, a / total, a * b / (total * total * (total + 1)), interval, new BetaPrior(a, b));
    }

    /// <summary>
    /// The two-proportion z test of first minus second, as R's <c>prop.test(c(x1, x2), c(n1, n2), correct = FALSE)</c>:
    /// the statistic uses the pooled proportion (its square is prop.test's X-squared), the interval the unpooled
    /// (Wald) standard error. The reported <see cref="DifferenceTest.StandardError"/> is the unpooled one.
    /// </summary>
    /// <param name="first">The first proportion; must have trials.</param>
    /// <param name="second">The second proportion; must have trials.</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">A proportion has no trials.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static DifferenceTest Compare(in ProportionResult first, in ProportionResult second, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        if (!first.HasValue || !second.HasValue)
        {
            throw new ArgumentException("Both proportions need at least one trial to be compared.", first.HasValue ? nameof(second) : nameof(first));
        }

        double n1 = first.SampleSize, n2 = second.SampleSize;
        var p1 = first.Successes / n1;
        var p2 = second.Successes / n2;
        var pooled = (first.Successes + second.Successes) / (n1 + n2);
        var sePooled = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        var seUnpooled = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
        return DifferenceTest.Z(p1 - p2, sePooled, seUnpooled, level);
    }
}
