namespace ServiceQuality.Scoring;

/// <summary>Options for computing a Net Promoter Score result.</summary>
public sealed class NpsOptions
{
    /// <summary>Gets the default options.</summary>
    public static NpsOptions Default { get; } = new();

    /// <summary>Gets or sets the category breaks.</summary>
    /// <value><see cref="NpsBreaks.Standard"/>: 0-6 detractors, 7-8 passives, 9-10 promoters.</value>
    public NpsBreaks Breaks { get; set; } = NpsBreaks.Standard;

    /// <summary>Gets or sets the confidence level of the interval.</summary>
    /// <value>0.95.</value>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Gets or sets the interval method.</summary>
    /// <value><see cref="NpsIntervalMethod.AdjustedWald"/>.</value>
    public NpsIntervalMethod IntervalMethod { get; set; } = NpsIntervalMethod.AdjustedWald;

    /// <summary>
    /// Gets or sets whether interval bounds are limited to the score's range [-1, 1]. R <c>NPS</c> does not clip (a Wald
    /// bound can exceed 1 when nearly everyone is a promoter); clipping keeps reported bounds meaningful.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool ClipInterval { get; set; } = true;

    /// <summary>Throws when a setting is out of range, naming every bad setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its valid range.</exception>
    public void Validate()
    {
        Breaks.Validate();
        Check.Level(ConfidenceLevel, nameof(ConfidenceLevel));
        Check.Defined(IntervalMethod, nameof(IntervalMethod));
    }
}
