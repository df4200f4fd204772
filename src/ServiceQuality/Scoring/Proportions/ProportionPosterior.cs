using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The concentrations of a Beta prior (or posterior) on a proportion: pseudo-successes and pseudo-failures.</summary>
public readonly record struct BetaPrior
{
    /// <summary>Initializes a prior with its two concentrations (checked by <see cref="Validate"/>).</summary>
    /// <param name="successes">α, the successes the prior counts as, a finite number &gt; 0.</param>
    /// <param name="failures">β, the failures the prior counts as, a finite number &gt; 0.</param>
    [SetsRequiredMembers]
    public BetaPrior(double successes, double failures)
    {
        Successes = successes;
        Failures = failures;
    }

    /// <summary>Gets α, the successes the prior counts as, a finite number &gt; 0.</summary>
    public required double Successes { get; init; }

    /// <summary>Gets β, the failures the prior counts as, a finite number &gt; 0.</summary>
    public required double Failures { get; init; }

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
public readonly record struct ProportionPosterior
{
    [JsonConstructor]
    internal ProportionPosterior(long successes, long sampleSize, double estimate, double variance, ConfidenceInterval interval, BetaPrior posterior)
    {
        Successes = successes;
        SampleSize = sampleSize;
        Estimate = estimate;
        Variance = variance;
        Interval = interval;
        Posterior = posterior;
    }

    /// <summary>Gets the observed successes.</summary>
    public long Successes { get; }

    /// <summary>Gets the observed trials.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the posterior mean (α + s)/(α + β + n), always defined: with the uniform prior, Laplace's rule of succession (s + 1)/(n + 2).</summary>
    public double Estimate { get; }

    /// <summary>Gets the posterior variance αβ/((α + β)²(α + β + 1)) of the posterior Beta(α, β).</summary>
    public double Variance { get; }

    /// <summary>Gets the equal-tailed credible interval from the posterior's quantiles.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Gets the posterior concentrations (prior plus the observed successes and failures).</summary>
    public BetaPrior Posterior { get; }
}
