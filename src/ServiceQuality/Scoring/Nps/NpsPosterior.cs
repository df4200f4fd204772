using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The Bayesian posterior of a Net Promoter Score under a Dirichlet prior.</summary>
public readonly record struct NpsPosterior
{
    [JsonConstructor]
    internal NpsPosterior(long sampleSize, double estimate, double variance, ConfidenceInterval interval, DirichletPrior posterior)
    {
        SampleSize = sampleSize;
        Estimate = estimate;
        Variance = variance;
        Interval = interval;
        Posterior = posterior;
    }

    /// <summary>Gets the number of responses.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the posterior mean of the score (always defined: the prior gives it a value with no responses), (αp - αd)/α₀, in [-1, 1].</summary>
    public double Estimate { get; }

    /// <summary>Gets the posterior variance of the score.</summary>
    public double Variance { get; }

    /// <summary>Gets the equal-tailed credible interval.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Gets the posterior concentrations (prior plus counts).</summary>
    public DirichletPrior Posterior { get; }

    /// <summary>Gets the posterior standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);
}
