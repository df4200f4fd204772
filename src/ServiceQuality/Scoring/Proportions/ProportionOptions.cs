
namespace ServiceQuality.Scoring;

/// <summary>Options for a proportion result (CSAT top-box, any yes/no measure).</summary>
public sealed class ProportionOptions
{
    /// <summary>Gets the default options.</summary>
    public static ProportionOptions Default { get; } = new();

    /// <summary>Gets or sets the confidence level.</summary>
    /// <value>0.95.</value>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Gets or sets the interval method.</summary>
    /// <value><see cref="ProportionIntervalMethod.Wilson"/>.</value>
    public ProportionIntervalMethod IntervalMethod { get; set; } = ProportionIntervalMethod.Wilson;

    /// <summary>
    /// Gets or sets whether bounds are limited to [0, 1]. statsmodels' <c>proportion_confint</c> clips; R's
    /// <c>binom.confint</c> does not (its Agresti-Coull and asymptotic bounds can leave [0, 1]).
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool ClipInterval { get; set; } = true;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its valid range.</exception>
    public void Validate()
    {
        Check.Level(ConfidenceLevel, nameof(ConfidenceLevel));
        Check.Defined(IntervalMethod, nameof(IntervalMethod));
    }
}
