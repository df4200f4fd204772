namespace ServiceQuality.Scoring.Proportions;

/// <summary>The concentrations of a Beta prior (or posterior) on a proportion: pseudo-successes and pseudo-failures.</summary>
/// <param name="Successes">α, the successes the prior counts as, a finite number &gt; 0.</param>
/// <param name="Failures">β, the failures the prior counts as, a finite number &gt; 0.</param>
public readonly record struct BetaPrior(double Successes, double Failures)
{
    /// <summary>Gets the uniform prior Beta(1, 1): its posterior mean is Laplace's rule of succession (s + 1)/(n + 2). The default.</summary>
    public static BetaPrior Uniform { get; } = new(1, 1);

    /// <summary>Gets the Jeffreys prior Beta(½, ½): its equal-tailed credible interval is the Jeffreys interval.</summary>
    public static BetaPrior Jeffreys { get; } = new(0.5, 0.5);

    /// <summary>Throws unless both concentrations are finite numbers &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A concentration is not a finite number &gt; 0.</exception>
    public void Validate()
    {
        if (!(Successes > 0) || !double.IsFinite(Successes))
        {
            throw new ArgumentOutOfRangeException(nameof(Successes), Successes, "A Beta concentration must be a finite number > 0.");
        }

        if (!(Failures > 0) || !double.IsFinite(Failures))
        {
            throw new ArgumentOutOfRangeException(nameof(Failures), Failures, "A Beta concentration must be a finite number > 0.");
        }
    }
}

/// <summary>The Bayesian posterior of a proportion under a Beta prior.</summary>
/// <param name="Successes">The observed successes.</param>
/// <param name="SampleSize">The observed trials.</param>
/// <param name="Estimate">The posterior mean (α + s)/(α + β + n), always defined: with the uniform prior, Laplace's rule of succession (s + 1)/(n + 2).</param>
/// <param name="Variance">The posterior variance αβ/((α + β)²(α + β + 1)) of the posterior Beta(α, β).</param>
/// <param name="Interval">The equal-tailed credible interval from the posterior's quantiles.</param>
/// <param name="Posterior">The posterior concentrations (prior plus the observed successes and failures).</param>
public readonly record struct ProportionPosterior(long Successes, long SampleSize, double Estimate, double Variance, ConfidenceInterval Interval, BetaPrior Posterior);
