namespace ServiceQuality.Scoring.Nps;

/// <summary>The Bayesian posterior of a Net Promoter Score under a Dirichlet prior.</summary>
/// <param name="SampleSize">The number of responses.</param>
/// <param name="Estimate">The posterior mean of the score (always defined: the prior gives it a value with no responses), (αp - αd)/α₀, in [-1, 1].</param>
/// <param name="Variance">The posterior variance of the score.</param>
/// <param name="Interval">The equal-tailed credible interval.</param>
/// <param name="Posterior">The posterior concentrations (prior plus counts).</param>
public readonly record struct NpsPosterior(long SampleSize, double Estimate, double Variance, ConfidenceInterval Interval, DirichletPrior Posterior)
{
    /// <summary>Gets the posterior standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);
}
